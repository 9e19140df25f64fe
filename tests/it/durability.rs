//! The real binary as a child process: SIGTERM mid-round exits in time with nothing lost, and
//! SIGKILL mid-round followed by a restart after Discord forgot the nonces still gives every
//! pair exactly one check-in prompt.

use std::collections::HashMap;
use std::process::Child;
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::cli::{bot_process, exit_within};
use crate::support::{checkin_prompts, SeededPair, TestApp};

const PAIRS: usize = 2000;
/// Discord's global limit, and the budget the bot keeps under it (92 %).
const DISCORD_LIMIT: u32 = 50;
const BUDGET: u32 = 46;

/// Check-in prompts per pair channel so far.
fn prompts_per_channel(app: &TestApp) -> HashMap<u64, usize> {
    app.sim.with_model(checkin_prompts)
}

async fn wait_for_prompts(app: &TestApp, at_least: usize, limit: Duration) -> usize {
    app.sim
        .wait_for(limit, |m, _| {
            let n: usize = checkin_prompts(m).values().sum();
            (n >= at_least).then_some(n)
        })
        .await
        .unwrap_or_else(|| panic!("fewer than {at_least} prompts within {limit:?}"))
}

/// Waits until every pair had a prompt (and 2 s more, for anything else still to be sent),
/// then stops `bot` with SIGTERM, which must exit cleanly; returns what it logged.
async fn finish_round(app: &TestApp, bot: &mut Bot) -> String {
    wait_for_prompts(app, PAIRS, Duration::from_secs(300)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let child = bot.take();
    signal(&child, "TERM");
    let (code, err) = exit_within(child, Duration::from_secs(15)).await;
    assert_eq!(code, Some(0), "{err}");
    err
}

/// Prompts sent in all, pairs that got more than one, pairs that got none, and the 429s
/// Discord answered.
fn tally(app: &TestApp, pairs: &[SeededPair]) -> (usize, usize, usize, usize) {
    let counts = prompts_per_channel(app);
    let sent = counts.values().sum();
    let doubled = counts.values().filter(|n| **n > 1).count();
    let missing = pairs
        .iter()
        .filter(|p| !counts.contains_key(&p.channel))
        .count();
    let limited = app
        .sim
        .requests()
        .iter()
        .filter(|r| r.status == 429)
        .count();
    (sent, doubled, missing, limited)
}

/// The running binary; killed if the test ends early, so no process outlives a failed test.
struct Bot(Option<Child>);

impl Bot {
    fn take(&mut self) -> Child {
        self.0.take().expect("the bot runs")
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            if let Ok(out) = child.wait_with_output() {
                eprintln!("the bot's log:\n{}", String::from_utf8_lossy(&out.stderr));
            }
        }
    }
}

fn signal(child: &Child, name: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{name} failed");
}

fn start(app: &TestApp, dir: &std::path::Path) -> Bot {
    Bot(Some(
        bot_process(&app.sim, dir)
            .env("TANDEM__DATABASE__URL", &app.settings.database.url)
            .env("TANDEM__JOBS__REQUESTS_PER_SECOND", "50")
            .env("RUST_LOG", "warn,tandem=info")
            .spawn()
            .unwrap(),
    ))
}

/// [`start`], then waits until the process has registered its commands (it is up).
async fn start_registered(app: &TestApp, dir: &std::path::Path) -> Bot {
    let bot = start(app, dir);
    let registered = app
        .sim
        .wait_for(Duration::from_secs(30), |m, _| {
            (!m.global_commands.is_empty()).then_some(())
        })
        .await;
    assert!(registered.is_some(), "the commands are registered");
    bot
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_stopped_by_sigterm_and_killed_by_sigkill_mid_round_sends_each_of_2000_prompts_once(
) {
    let started = Instant::now();
    let app = TestApp::migrated(|_| {}).await;
    let s = crate::support::server(&app);
    // A real network: every request takes 80 ms.
    app.sim.set_latency(Duration::from_millis(80));
    let pairs = app
        .seed_pairs(s.category, PAIRS, "Europe/Berlin", "Europe/Madrid")
        .await;
    // The round is due now by the system clock the binary runs on.
    app.plan_round(app.guild.id, &pairs, Utc::now()).await;
    let seeded = started.elapsed();
    let dir = tempfile::tempdir().unwrap();

    // SIGTERM a fifth of the way through: the process exits in time, cleanly.
    let mut bot = start(&app, dir.path());
    wait_for_prompts(&app, 400, Duration::from_secs(120)).await;
    let term_at = Instant::now();
    let child = bot.take();
    signal(&child, "TERM");
    let (code, err) = exit_within(child, Duration::from_secs(15)).await;
    let exit_after = term_at.elapsed();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        exit_after < Duration::from_secs(10),
        "took {exit_after:?} to stop after SIGTERM:\n{err}"
    );
    let after_term = prompts_per_channel(&app);

    // Started again, then killed outright half-way through.
    let mut bot = start(&app, dir.path());
    wait_for_prompts(&app, 1000, Duration::from_secs(120)).await;
    let child = bot.take();
    signal(&child, "KILL");
    let (code, _) = exit_within(child, Duration::from_secs(5)).await;
    assert_eq!(code, None, "killed by a signal");
    let after_kill = prompts_per_channel(&app);
    // Back half an hour later: Discord has forgotten the nonces of the first attempts.
    app.sim.advance_time(Duration::from_secs(30 * 60));

    let mut bot = start(&app, dir.path());
    let err = finish_round(&app, &mut bot).await;
    let (sent, doubled, missing, limited) = tally(&app, &pairs);
    // Sends the kill may have interrupted, found on Discord instead of posted again.
    let found = err.matches("found on Discord already").count();
    eprintln!(
        "{PAIRS} pairs (seeded in {seeded:?}): SIGTERM after {} prompts, exit {exit_after:?}; \
         SIGKILL after {}; restart found {found} on Discord already; finished with {sent} \
         prompts, {doubled} pairs doubled, {missing} missing, {limited} 429s; {:?} in all",
        after_term.values().sum::<usize>(),
        after_kill.values().sum::<usize>(),
        started.elapsed()
    );
    assert_eq!((doubled, missing, sent), (0, 0, PAIRS));
}

/// A set-up server (as `/setup` leaves it, changed by `adjust`) with a moderator and an
/// active mentor and mentee, written straight to the database before any bot runs.
async fn ready_to_pair(
    app: &TestApp,
    db: &tandem::store::Db,
    adjust: impl FnOnce(&mut tandem::domain::guild::GuildSettings),
) -> (u64, u64, u64) {
    use tandem::domain::guild::GuildSettings;
    use tandem::domain::member::{Profile, ProfileInput, Role, Status};
    use tandem::store::AuditEntry;

    let s = crate::support::server(app);
    let moderator = app.person("mo", Some(s.mods));
    let (mentor, mentee) = (app.person("ann", None), app.person("xia", None));
    let entry = |action: &str| AuditEntry {
        guild_id: app.guild.id,
        actor_id: None,
        action: action.into(),
        target_id: None,
        detail: None,
        at: Utc::now(),
    };
    let mut settings = GuildSettings::new(app.guild.id);
    settings.digest_channel_id = Some(s.digest);
    settings.moderator_role_id = Some(s.mods);
    settings.pair_category_id = Some(s.category);
    adjust(&mut settings);
    db.save_guild_settings(&settings, &entry("settings.update"))
        .await
        .unwrap();
    for (user, role) in [(mentor, Role::Mentor), (mentee, Role::Mentee)] {
        let input = ProfileInput {
            topics: Some("rust".into()),
            timezone: Some("UTC".into()),
            goals: (role == Role::Mentee).then(|| "learn".to_string()),
            ..Default::default()
        };
        let profile = Profile::new(
            app.guild.id,
            user,
            role,
            Status::Active,
            &input,
            "en",
            Utc::now(),
        )
        .unwrap();
        db.save_profile(&profile, &entry("member.enrol"))
            .await
            .unwrap();
    }
    (moderator, mentor, mentee)
}

/// Kills `bot` mid-creation (one pending pair), restarts it without the slow requests and
/// waits until start-up has deleted the half-made space (`gone` holds: `space` says which)
/// and rolled the pending pair back; returns the new process.
async fn killed_and_restarted(
    app: &TestApp,
    db: &tandem::store::Db,
    mut bot: Bot,
    dir: &std::path::Path,
    space: &str,
    gone: impl Fn(&discord_sim::Model) -> bool,
) -> Bot {
    let child = bot.take();
    signal(&child, "KILL");
    exit_within(child, Duration::from_secs(5)).await;
    app.sim.set_latency(Duration::ZERO);
    assert_eq!(db.pending_pairs(Utc::now()).await.unwrap().len(), 1);

    let bot = start(app, dir);
    let cleaned = app
        .sim
        .wait_for(Duration::from_secs(30), |m, _| gone(m).then_some(()))
        .await;
    assert!(cleaned.is_some(), "{space} is deleted at start-up");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !db.pending_pairs(Utc::now()).await.unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the pending pair is rolled back");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    bot
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_killed_while_discord_makes_a_pair_channel_leaves_neither_after_a_restart() {
    let app = TestApp::unstarted(|_| {}).await;
    let db = tandem::open_database(&app.settings).await.unwrap();
    let (moderator, mentor, mentee) = ready_to_pair(&app, &db, |_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start_registered(&app, dir.path()).await;

    // Each request takes 4 s: Discord makes the channel 2 s into its round trip, and the
    // process is killed before it hears back.
    app.sim.set_latency(Duration::from_secs(4));
    app.sim
        .command(app.guild.id, moderator, "pair create")
        .opt("mentor", serde_json::json!(mentor.to_string()))
        .opt("mentee", serde_json::json!(mentee.to_string()))
        .send()
        .await
        .unwrap();
    let with_mentee = |m: &discord_sim::Model| {
        m.channels
            .values()
            .find(|c| c.overwrites.iter().any(|o| o.id == mentee && o.kind == 1))
            .map(|c| c.id)
    };
    let made = app
        .sim
        .wait_for(Duration::from_secs(60), |m, _| with_mentee(m))
        .await
        .expect("Discord made the pair channel");
    let mut bot = killed_and_restarted(&app, &db, bot, dir.path(), "the orphan channel", |m| {
        m.deleted_channels.contains(&made)
    })
    .await;
    assert!(db
        .open_pairs_of(app.guild.id, mentee)
        .await
        .unwrap()
        .is_empty());
    // The places are free: the same pair is made at once, with one channel.
    let reply = app
        .sim
        .command(app.guild.id, moderator, "pair create")
        .opt("mentor", serde_json::json!(mentor.to_string()))
        .opt("mentee", serde_json::json!(mentee.to_string()))
        .run()
        .await;
    assert!(reply.text().contains("Paired"), "{}", reply.text());
    let channels = app.sim.with_model(|m| {
        m.channels
            .values()
            .filter(|c| c.overwrites.iter().any(|o| o.id == mentee && o.kind == 1))
            .count()
    });
    assert_eq!(channels, 1);
    let child = bot.take();
    signal(&child, "TERM");
    let (code, err) = exit_within(child, Duration::from_secs(15)).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("rolled back a pair left half-made"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_killed_while_discord_makes_a_pair_thread_leaves_neither_after_a_restart() {
    use discord_sim::{channel_type, perms, BOT_DEFAULT_PERMISSIONS};
    use tandem::domain::guild::PairSpace;

    let app = TestApp::unstarted(|_| {}).await;
    app.sim.set_role_permissions(
        app.guild.id,
        app.guild.bot_role_id,
        BOT_DEFAULT_PERMISSIONS
            | perms::MANAGE_THREADS
            | perms::CREATE_PRIVATE_THREADS
            | perms::SEND_MESSAGES_IN_THREADS,
    );
    let db = tandem::open_database(&app.settings).await.unwrap();
    let (moderator, mentor, mentee) =
        ready_to_pair(&app, &db, |s| s.pair_space = PairSpace::Threads).await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start_registered(&app, dir.path()).await;

    // Slow requests: the process is killed once Discord has made the thread, before the pair
    // is active (its members are still being added).
    app.sim.set_latency(Duration::from_secs(2));
    fn pair_create(
        app: &TestApp,
        by: u64,
        mentor: u64,
        mentee: u64,
    ) -> discord_sim::CommandCall<'_> {
        app.sim
            .command(app.guild.id, by, "pair create")
            .opt("mentor", serde_json::json!(mentor.to_string()))
            .opt("mentee", serde_json::json!(mentee.to_string()))
    }
    pair_create(&app, moderator, mentor, mentee)
        .send()
        .await
        .unwrap();
    let threads = |m: &discord_sim::Model| -> Vec<u64> {
        m.channels
            .values()
            .filter(|c| c.guild_id == Some(app.guild.id) && channel_type::is_thread(c.kind))
            .map(|c| c.id)
            .collect()
    };
    let made = app
        .sim
        .wait_for(Duration::from_secs(60), |m, _| threads(m).first().copied())
        .await
        .expect("Discord made the pair thread");
    let mut bot = killed_and_restarted(&app, &db, bot, dir.path(), "the orphan thread", |m| {
        !m.channels.contains_key(&made)
    })
    .await;
    // The places are free: the same pair is made at once, in one thread.
    let reply = pair_create(&app, moderator, mentor, mentee).run().await;
    assert!(reply.text().contains("Paired"), "{}", reply.text());
    assert_eq!(app.sim.with_model(|m| threads(m).len()), 1);
    let pair = db.open_pairs_of(app.guild.id, mentee).await.unwrap()[0].clone();
    assert!(pair.in_thread);
    let child = bot.take();
    signal(&child, "TERM");
    let (code, err) = exit_within(child, Duration::from_secs(15)).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("rolled back a pair left half-made"), "{err}");
}

/// A bot process serving `shards` of 2, paced at half of Discord's budget (two share it).
fn start_shard(app: &TestApp, dir: &std::path::Path, shards: &str) -> Bot {
    Bot(Some(
        bot_process(&app.sim, dir)
            .env("TANDEM__DATABASE__URL", &app.settings.database.url)
            .env("TANDEM__DISCORD__SHARDS", shards)
            .env("TANDEM__DISCORD__SHARD_COUNT", "2")
            // The whole bot's budget, both processes together.
            .env("TANDEM__JOBS__REQUESTS_PER_SECOND", BUDGET.to_string())
            .env("TANDEM__JOBS__LEASE_SECONDS", "10")
            .env("RUST_LOG", "warn")
            .spawn()
            .unwrap(),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_a_2000_pair_round_and_when_one_is_killed_the_other_finishes_it_once() {
    let started = Instant::now();
    let app = TestApp::migrated(|s| s.discord.shard_count = Some(2)).await;
    app.sim.set_latency(Duration::from_millis(80));
    // Discord's limit is per bot: two processes that each kept their own budget of 46/s
    // would send 92/s and hear 429s.
    app.sim.set_global_rate_limit(DISCORD_LIMIT);
    // 20 servers, ten on each shard, 100 pairs each; one round due now in all of them.
    let seeded = app.seed_servers(20, 2, PAIRS / 20, Utc::now()).await;
    let shard_of_channel: HashMap<u64, u32> = seeded
        .iter()
        .map(|(shard, p)| (p.channel, *shard))
        .collect();
    let pairs: Vec<SeededPair> = seeded.into_iter().map(|(_, p)| p).collect();
    let seeded = started.elapsed();
    let (dir0, dir1) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut bot0 = start_shard(&app, dir0.path(), "0");
    let mut bot1 = start_shard(&app, dir1.path(), "1");

    // Both send; shard 0's process is killed outright a quarter of the way through.
    wait_for_prompts(&app, PAIRS / 4, Duration::from_secs(120)).await;
    let child = bot0.take();
    signal(&child, "KILL");
    let (code, _) = exit_within(child, Duration::from_secs(5)).await;
    assert_eq!(code, None, "killed by a signal");
    let at_kill = prompts_per_channel(&app);
    let by_shard = |counts: &HashMap<u64, usize>, shard: u32| -> usize {
        counts
            .iter()
            .filter(|(c, _)| shard_of_channel.get(*c) == Some(&shard))
            .map(|(_, n)| n)
            .sum()
    };
    let killed_at = Instant::now();

    // The other process takes over shard 0's round once its claims' lease has run out.
    finish_round(&app, &mut bot1).await;
    let finished_after = killed_at.elapsed();
    let (sent, doubled, missing, limited) = tally(&app, &pairs);
    eprintln!(
        "{PAIRS} pairs in 20 servers (seeded in {seeded:?}); at the kill: shard 0 {} and \
         shard 1 {} prompts; the survivor finished {finished_after:?} later with {sent} \
         prompts, {doubled} pairs doubled, {missing} missing, {limited} 429s; {:?} in all",
        by_shard(&at_kill, 0),
        by_shard(&at_kill, 1),
        started.elapsed()
    );
    assert!(
        by_shard(&at_kill, 0) > 0,
        "shard 0's process sent before the kill"
    );
    assert!(
        by_shard(&at_kill, 0) < PAIRS / 2,
        "shard 0's round was not finished before the kill"
    );
    assert_eq!((doubled, missing, sent), (0, 0, PAIRS));
    assert_eq!(limited, 0, "the two processes kept to one budget");
}
