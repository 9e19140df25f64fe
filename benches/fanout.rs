//! Release benchmark: one check-in round fanned out to 2,000 pairs against discord-sim with
//! Discord's global limit (50 requests/s) switched on. Prints the request rate achieved
//! against the configured budget and how many 429s came back.
//! Run with `cargo bench --bench fanout` (about two minutes: the budget is the point).

#[path = "../tests/it/database.rs"]
#[allow(dead_code)]
mod database;
#[path = "../tests/it/support.rs"]
#[allow(dead_code)]
mod support;

use std::time::{Duration, Instant};

use support::TestApp;

const PAIRS: usize = 2_000;
const DISCORD_LIMIT: u32 = 50;

async fn round(budget: u32) {
    let app = TestApp::start_with(|s| s.jobs.requests_per_second = budget).await;
    let s = app.set_up().await;
    let seeding = Instant::now();
    app.seed_pairs(s.category, PAIRS, "Europe/Berlin", "America/New_York")
        .await;
    let seeded = seeding.elapsed();
    app.sim.set_global_rate_limit(DISCORD_LIMIT);
    let before = app.sim.requests().len();

    let started = Instant::now();
    app.clock.set("2026-11-24T17:00:00Z".parse().unwrap());
    let count = |m: &discord_sim::Model| {
        m.messages
            .values()
            .filter(|msg| msg.content().contains("Check-in time"))
            .count()
    };
    app.sim
        .wait_for(Duration::from_secs(600), |m, _| {
            (count(m) >= PAIRS).then_some(())
        })
        .await
        .expect("every pair got its check-in");
    let elapsed = started.elapsed().as_secs_f64();

    let requests: Vec<_> = app.sim.requests().into_iter().skip(before).collect();
    let sent = requests.len();
    let limited = requests.iter().filter(|r| r.status == 429).count();
    let prompts = app.sim.with_model(|m| count(m));
    let rate = sent as f64 / elapsed;
    println!(
        "budget {budget:>2}/s: {prompts} prompts to {PAIRS} pairs in {elapsed:.1} s; \
         {sent} requests = {rate:.1}/s ({:.0}% of budget, {:.0}% of Discord's {DISCORD_LIMIT}/s); \
         429s: {limited} (seeding took {:.1} s)",
        100.0 * rate / f64::from(budget),
        100.0 * rate / f64::from(DISCORD_LIMIT),
        seeded.as_secs_f64(),
    );
}

#[tokio::main]
async fn main() {
    // The default budget, then one above Discord's limit to show the 429 handling at work.
    round(40).await;
    round(60).await;
}
