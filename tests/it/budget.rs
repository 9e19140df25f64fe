//! One request budget for every request the bot makes: commands' requests (through the relay)
//! and scheduled sends share Discord's global limit, so a round at full pace leaves room for
//! the people using the bot, and nobody hears a 429.

use std::time::Duration;

use discord_sim::FaultKind;
use serde_json::json;

use crate::support::TestApp;

/// Discord's global limit, and the bot's budget under it (the default).
const DISCORD_LIMIT: u32 = 50;
const BUDGET: u32 = 46;
/// Discord's deadline for the first answer to an interaction.
const DEADLINE: Duration = Duration::from_secs(3);

/// `/enrol mentor` as a new member; returns the interaction id.
async fn apply(app: &TestApp, name: &str) -> u64 {
    let user = app.person(name, None);
    app.sim
        .command(app.guild.id, user, "enrol mentor")
        .opt("topics", json!("Rust, career"))
        .opt("timezone", json!("America/New_York"))
        .opt("capacity", json!(2))
        .send()
        .await
        .unwrap()
}

fn applications(app: &TestApp, channel: u64) -> usize {
    app.sim
        .messages_in(channel)
        .iter()
        .filter(|m| {
            m.custom_ids()
                .iter()
                .any(|c| c.starts_with("mentor:approve"))
        })
        .count()
}

#[tokio::test]
async fn commands_during_a_full_pace_round_share_the_budget_and_nobody_hears_a_429() {
    const PAIRS: usize = 300;
    const COMMANDS: usize = 30;
    let app = TestApp::start_with(|s| s.jobs.requests_per_second = BUDGET).await;
    let s = app.set_up().await;
    app.seed_pairs(s.category, PAIRS, "Europe/Berlin", "America/New_York")
        .await;
    app.sim.set_latency(Duration::from_millis(50));
    app.sim.set_global_rate_limit(DISCORD_LIMIT);

    // The round starts (about 20 s of sends at the budget); applications arrive meanwhile,
    // each one an application posted to the moderators and a DM: requests Discord counts.
    app.clock.set("2026-11-24T17:00:00Z".parse().unwrap());
    let mut ids = Vec::new();
    for i in 0..COMMANDS {
        ids.push(apply(&app, &format!("applicant{i}")).await);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    for id in &ids {
        let reply = app.sim.try_reply(*id, Duration::from_secs(60)).await;
        let text = reply.map(|r| r.text()).unwrap_or_default();
        assert!(text.contains("A moderator will review"), "{text}");
        let ack = app.sim.ack_time(*id).expect("acknowledged");
        assert!(ack <= DEADLINE, "acknowledged after {ack:?}");
    }
    let prompts = app
        .sim
        .wait_for(Duration::from_secs(120), |m, _| {
            let n = m
                .messages
                .values()
                .filter(|msg| msg.content().contains("Check-in time"))
                .count();
            (n >= PAIRS).then_some(n)
        })
        .await
        .expect("every pair got its check-in");
    assert_eq!(prompts, PAIRS);
    assert_eq!(applications(&app, s.digest), COMMANDS);
    let limited: Vec<String> = app
        .sim
        .requests()
        .iter()
        .filter(|r| r.status == 429)
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(limited.is_empty(), "429s: {limited:?}");
}

#[tokio::test]
async fn a_global_429_on_a_commands_request_is_waited_out_and_the_command_still_works() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let path = format!("/channels/{}/messages", s.digest);
    app.sim.inject_fault(
        Some("POST"),
        &path,
        FaultKind::RateLimited {
            retry_after: 0.4,
            global: true,
        },
        1,
    );
    let id = apply(&app, "patient").await;
    let reply = app.sim.reply(id).await;
    assert!(
        reply.text().contains("A moderator will review"),
        "{}",
        reply.text()
    );
    let posts = app.sim.requests_to("POST", &path);
    let statuses: Vec<u16> = posts.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200], "refused once, then posted");
    assert!(
        posts[1].at - posts[0].at >= Duration::from_millis(400),
        "retried only after retry_after"
    );
    assert_eq!(applications(&app, s.digest), 1);
}
