//! Release benchmark: what the store costs a command. 1,000 members send `/help` at once (no
//! database work), then 1,000 others send `/enrol mentee` at once (reads, a write with its
//! audit row, a reply); the acknowledgement times Discord would judge (p50, p99) of both, and
//! the ratio of the two p99s. The bot runs in-process against discord-sim with 50 ms per
//! request, on SQLite and, when `TANDEM_TEST_DATABASE_URL` names a server, on PostgreSQL.
//! Run with `cargo bench --bench burst`.

#[path = "../tests/it/database.rs"]
#[allow(dead_code)]
mod database;
#[path = "../tests/it/support.rs"]
#[allow(dead_code)]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::TestApp;

const BURST: usize = 1_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Sends one command per member, all at once, and returns the acknowledgement times, sorted,
/// and how long until the last answer.
async fn burst(app: &TestApp, members: &[u64], command: &str) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let mut ids = Vec::new();
    for (i, user) in members.iter().enumerate() {
        let mut call = app.sim.command(app.guild.id, *user, command);
        if command == "enrol mentee" {
            call = call
                .opt("topics", json!("rust, career"))
                .opt("timezone", json!("Europe/Madrid"))
                .opt("goals", json!(format!("Ship my first crate ({i})")));
        }
        ids.push(call.send().await.expect("dispatched"));
    }
    let mut acks = Vec::new();
    for id in ids {
        app.sim
            .try_reply(id, Duration::from_secs(120))
            .await
            .unwrap_or_else(|| panic!("no answer to {command} {id}"));
        acks.push(app.sim.ack_time(id).expect("acknowledged"));
    }
    let finished = started.elapsed();
    acks.sort();
    (acks, finished)
}

async fn run(engine: &str) {
    let app = TestApp::start().await;
    app.set_up().await;
    app.sim.set_latency(Duration::from_millis(50));
    let people = |tag: &str| -> Vec<u64> {
        (0..BURST)
            .map(|i| app.person(&format!("{tag}{i}"), None))
            .collect()
    };
    let (warmers, helpers, enrollers) = (people("w"), people("h"), people("e"));
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    // Connections, caches and the first of everything, before anything is timed.
    burst(&app, &warmers, "help").await;
    let (help, help_all) = burst(&app, &helpers, "help").await;
    let (enrol, enrol_all) = burst(&app, &enrollers, "enrol mentee").await;
    let enrolled = {
        let db = app.db().await;
        db.all_profiles(app.guild.id)
            .await
            .map(|m| m.len())
            .unwrap_or(0)
    };
    println!(
        "{engine}: {BURST} × /help acknowledged p50 {:.0} ms, p99 {:.0} ms (all answered in \
         {:.1} s); {BURST} × /enrol mentee p50 {:.0} ms, p99 {:.0} ms (all answered in {:.1} s, \
         {enrolled} enrolled); p99 ratio {:.2}",
        ms(percentile(&help, 0.5)),
        ms(percentile(&help, 0.99)),
        help_all.as_secs_f64(),
        ms(percentile(&enrol, 0.5)),
        ms(percentile(&enrol, 0.99)),
        enrol_all.as_secs_f64(),
        percentile(&enrol, 0.99).as_secs_f64() / percentile(&help, 0.99).as_secs_f64(),
    );
}

#[tokio::main]
async fn main() {
    database::on_each_engine(run).await;
}
