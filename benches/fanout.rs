//! Release benchmark: one check-in round fanned out to 2,000 pairs in 20 servers by two bot
//! processes (the real binary, shards 0 and 1 of 2) that share one database and so one request
//! budget, against discord-sim with Discord's global limit (50 requests/s) on and 80 ms per
//! request. While the round runs, people enrol as mentors: each `/enrol mentor` makes the bot
//! post an application to the moderators, a request the global limit counts, so commands and
//! the round draw on the same budget. Prints the combined request rate against Discord's
//! limit, 429s, doubled and missing prompts, and the commands' acknowledgement times (p50 and
//! p99) before and during the round. On SQLite, and on PostgreSQL when
//! `TANDEM_TEST_DATABASE_URL` names a server. Run with `cargo bench --bench fanout` (about a
//! minute and a half per engine: the budget is the point).

#[path = "../tests/it/database.rs"]
#[allow(dead_code)]
mod database;
#[path = "../tests/it/support.rs"]
#[allow(dead_code)]
mod support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use serde_json::json;
use support::TestApp;

const SERVERS: u32 = 20;
const PAIRS: usize = 2_000;
const DISCORD_LIMIT: u32 = 50;
/// The bot's budget, both processes together (the default).
const BUDGET: u32 = 46;
/// Enrolments sent before the round (the baseline) and during it, one every 200 ms.
const COMMANDS: usize = 100;
const BETWEEN_COMMANDS: Duration = Duration::from_millis(200);

struct Bot(Child);

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_shard(app: &TestApp, shard: &str) -> Bot {
    let child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .env("DISCORD_TOKEN", app.sim.token())
        .env("TANDEM__DISCORD__API_URL", app.sim.url())
        .env("TANDEM__DATABASE__URL", &app.settings.database.url)
        .env("TANDEM__DISCORD__SHARDS", shard)
        .env("TANDEM__DISCORD__SHARD_COUNT", "2")
        .env("TANDEM__JOBS__REQUESTS_PER_SECOND", BUDGET.to_string())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("RUST_LOG", "error")
        .arg("run")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the tandem binary starts");
    Bot(child)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Sends `COMMANDS` enrolments, one every `BETWEEN_COMMANDS`, from new members of the app's
/// server; returns their acknowledgement times, sorted.
async fn enrolments(app: &TestApp, tag: &str) -> Vec<Duration> {
    let mut ids = Vec::new();
    for i in 0..COMMANDS {
        let user = app.person(&format!("{tag}{i}"), None);
        let id = app
            .sim
            .command(app.guild.id, user, "enrol mentor")
            .opt("topics", json!("Rust, career"))
            .opt("timezone", json!("Europe/Lisbon"))
            .opt("capacity", json!(2))
            .send()
            .await
            .expect("the command was dispatched");
        ids.push(id);
        tokio::time::sleep(BETWEEN_COMMANDS).await;
    }
    let mut acks = Vec::new();
    for id in ids {
        app.sim
            .try_reply(id, Duration::from_secs(30))
            .await
            .unwrap_or_else(|| panic!("no answer to enrolment {id}"));
        acks.push(app.sim.ack_time(id).expect("acknowledged"));
    }
    acks.sort();
    acks
}

async fn round(engine: &str) {
    let app = TestApp::migrated(|s| s.discord.shard_count = Some(2)).await;
    app.sim.set_latency(Duration::from_millis(80));
    app.sim.set_global_rate_limit(DISCORD_LIMIT);
    let due = Utc::now() + chrono::Duration::seconds(45);
    let pairs: Vec<_> = app
        .seed_servers(SERVERS, 2, PAIRS / SERVERS as usize, due)
        .await
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let _bots = [start_shard(&app, "0"), start_shard(&app, "1")];
    let connecting = Instant::now();
    while app.sim.live_shards().len() < 2 {
        assert!(
            connecting.elapsed() < Duration::from_secs(60),
            "both processes connect"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Their READY handling (commands registered) before the first command.
    tokio::time::sleep(Duration::from_secs(2)).await;
    app.set_up().await;
    let before = enrolments(&app, "early").await;
    let wait = (due - Utc::now()).to_std().unwrap_or_default();
    assert!(
        !wait.is_zero(),
        "set-up and the baseline took longer than the time to the round"
    );
    tokio::time::sleep(wait).await;

    let started = Instant::now();
    let during = enrolments(&app, "busy").await;
    app.sim
        .wait_for(Duration::from_secs(300), |m, _| {
            let counts = support::checkin_prompts(m);
            (counts.len() >= PAIRS).then_some(())
        })
        .await
        .expect("every pair got its check-in");
    let elapsed = started.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;

    let requests = app.sim.requests();
    let limited = requests.iter().filter(|r| r.status == 429).count();
    // The round's window: what Discord counted towards the global limit in it.
    let counted = requests
        .iter()
        .filter(|r| r.at >= started && r.at <= started + elapsed)
        .filter(|r| !r.path.starts_with("/interactions/") && !r.path.starts_with("/webhooks/"))
        .count();
    // The most requests Discord saw in any one second (what its limit judges).
    let mut arrivals: Vec<Instant> = requests
        .iter()
        .filter(|r| !r.path.starts_with("/interactions/") && !r.path.starts_with("/webhooks/"))
        .map(|r| r.at)
        .collect();
    arrivals.sort();
    let mut busiest = 0;
    let mut first = 0;
    for (last, at) in arrivals.iter().enumerate() {
        while *at - arrivals[first] >= Duration::from_secs(1) {
            first += 1;
        }
        busiest = busiest.max(last - first + 1);
    }
    let counts = app.sim.with_model(support::checkin_prompts);
    let doubled = counts.values().filter(|n| **n > 1).count();
    let missing = pairs
        .iter()
        .filter(|p| !counts.contains_key(&p.channel))
        .count();
    let applications = app.sim.with_model(|m| {
        m.messages
            .values()
            .filter(|msg| msg.custom_ids().iter().any(|c| c.contains("approve")))
            .count()
    });
    let rate = counted as f64 / elapsed.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{engine}: {PAIRS} prompts to {PAIRS} pairs by 2 processes in {:.1} s: {counted} \
         counted requests = {rate:.1}/s ({:.0}% of Discord's {DISCORD_LIMIT}/s, budget \
         {BUDGET}/s); busiest second {busiest}; 429s: {limited}; doubled {doubled}, missing \
         {missing}",
        elapsed.as_secs_f64(),
        100.0 * rate / f64::from(DISCORD_LIMIT),
    );
    println!(
        "  /enrol mentor acknowledged: before the round p50 {:.0} ms p99 {:.0} ms; during it \
         p50 {:.0} ms p99 {:.0} ms (max {:.0} ms; Discord allows 3000); {applications} of {} \
         applications posted",
        ms(percentile(&before, 0.5)),
        ms(percentile(&before, 0.99)),
        ms(percentile(&during, 0.5)),
        ms(percentile(&during, 0.99)),
        ms(*during.last().unwrap()),
        2 * COMMANDS,
    );
}

#[tokio::main]
async fn main() {
    database::on_each_engine(round).await;
}
