//! Hardening: no server's bad data, no start-up hiccup and no Discord fault stops the bot.
//! Each test injects the fault into the simulator (or the database) first.

use std::time::Duration;

use discord_sim::FaultKind;
use tandem::domain::guild::GuildSettings;

use crate::checkins::{programme, tuesday_slot, wait_for_prompts};
use crate::support::TestApp;

#[tokio::test]
async fn a_stored_schedule_that_no_longer_parses_falls_back_for_its_server_and_others_still_get_check_ins(
) {
    let (app, _s, pairs) = programme(2).await;
    // Another server once saved a schedule that today's rules refuse (twice within an hour).
    let other = app.sim.create_guild("Night Owls");
    let db = app.db().await;
    let entry = tandem::store::AuditEntry {
        guild_id: other.id,
        actor_id: None,
        action: "settings.update".into(),
        target_id: None,
        detail: None,
        at: tandem::clock::Clock::now(&*app.clock),
    };
    db.save_guild_settings(&GuildSettings::new(other.id), &entry)
        .await
        .unwrap();
    let raw = sqlx::SqlitePool::connect(&app.settings.database.url)
        .await
        .unwrap();
    sqlx::query("UPDATE guild_settings SET checkin_cron = '0,30 9 * * *' WHERE guild_id = ?")
        .bind(other.id as i64)
        .execute(&raw)
        .await
        .unwrap();

    // The scheduler still plans and sends everyone else's check-ins.
    app.clock.set(tuesday_slot());
    let prompts = wait_for_prompts(&app, &pairs).await;
    assert!(prompts.iter().all(|p| p.len() == 1), "{prompts:?}");

    // That server's admin sees why its own schedule is not used, and what is used instead.
    let reply = app
        .sim
        .command(other.id, other.owner_id, "setup")
        .run()
        .await;
    let text = reply.text();
    assert!(reply.ephemeral());
    assert!(text.contains("`checkin_schedule`"), "{text}");
    assert!(text.contains("no longer accepted"), "{text}");
    assert!(text.contains("`0 17 * * Tue` (default)"), "{text}");
    assert!(!text.contains("went wrong"), "{text}");
}

#[tokio::test]
async fn command_registration_that_fails_at_first_is_retried_and_the_bot_answers() {
    let mut app = TestApp::unstarted(|_| {}).await;
    app.sim.inject_fault(
        Some("PUT"),
        "/commands",
        FaultKind::ServerError { status: 502 },
        2,
    );
    app.sim.inject_fault(
        Some("PUT"),
        "/commands",
        FaultKind::RateLimited {
            retry_after: 1.5,
            global: false,
        },
        1,
    );
    app.start_bot().await;
    let puts = app.sim.requests_to("PUT", "/commands");
    assert_eq!(
        puts.iter().map(|r| r.status).collect::<Vec<_>>(),
        [502, 502, 429, 200]
    );
    // The retry waited as long as Discord asked.
    assert!(puts[3].at - puts[2].at >= Duration::from_millis(1500));
    let reply = app.run(app.member, "help", &[]).await;
    assert!(reply.text().contains("/enrol"), "{}", reply.text());
}

#[tokio::test]
async fn when_the_commands_cannot_be_registered_the_bot_stops_with_the_reason() {
    let app = TestApp::unstarted(|_| {}).await;
    app.sim.inject_fault(
        Some("PUT"),
        "/commands",
        FaultKind::ServerError { status: 503 },
        1000,
    );
    let mut bot = app.launch().await;
    let stopped = tokio::time::timeout(Duration::from_secs(40), bot.stopped())
        .await
        .expect("the bot stopped by itself instead of staying connected and deaf");
    let why = format!("{:#}", stopped.unwrap_err());
    assert!(
        why.contains("could not register the slash commands"),
        "{why}"
    );
    assert!(why.contains("503"), "{why}");
}

#[tokio::test]
async fn after_the_gateway_closes_with_4000_1001_or_4007_the_bot_answers_again_within_ten_seconds_and_misses_no_check_in(
) {
    let (app, _s, pairs) = programme(2).await;
    for (code, resumable) in [(4000, true), (1001, true), (4007, false)] {
        let (identifies, resumes) = app.sim.sessions();
        let closed = std::time::Instant::now();
        app.sim.close_gateway(code);
        assert!(app.sim.wait_connected(Duration::from_secs(10)).await);
        let reply = app.run(app.member, "help", &[]).await;
        let back = closed.elapsed();
        assert!(
            reply.text().contains("`/help` –"),
            "{code}: {}",
            reply.text()
        );
        assert!(
            back < Duration::from_secs(10),
            "{code}: answering again after {back:?}"
        );
        let now = app.sim.sessions();
        let expected = if resumable {
            (identifies, resumes + 1)
        } else {
            (identifies + 1, resumes)
        };
        assert_eq!(now, expected, "{code}: (identifies, resumes)");
    }
    // Check-in time comes while the gateway is down: the prompts still go out.
    app.sim.close_gateway(4000);
    app.clock.set(tuesday_slot());
    let prompts = wait_for_prompts(&app, &pairs).await;
    assert!(prompts.iter().all(|p| p.len() == 1), "{prompts:?}");
}
