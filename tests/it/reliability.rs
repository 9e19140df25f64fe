//! Hardening: no server's bad data, no start-up hiccup and no Discord fault stops the bot.
//! Each test injects the fault into the simulator (or the database) first.

use std::time::Duration;

use discord_sim::FaultKind;
use tandem::domain::guild::GuildSettings;

use crate::checkins::{programme, tuesday_slot, wait_for_prompts};
use crate::support::{until, TestApp};

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
    let raw = crate::database::raw_pool(&app.settings.database.url).await;
    sqlx::query("UPDATE guild_settings SET checkin_cron = '0,30 9 * * *' WHERE guild_id = $1")
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

#[tokio::test]
async fn a_member_who_left_the_server_is_withdrawn_before_the_round_and_their_partner_is_told_kindly(
) {
    use tandem::domain::member::{Role, Status};
    use tandem::domain::pair::{EndReason, PairStatus};
    let (app, _s, pairs) = programme(2).await;
    let (left, stays) = (pairs[0], pairs[1]);
    // The mentee leaves; without the members intent no event says so.
    app.sim.remove_member(app.guild.id, left.mentee);
    app.clock.set(tuesday_slot());
    let prompts = wait_for_prompts(&app, &pairs[1..]).await;
    assert_eq!(prompts[0].len(), 1);
    let dm = app
        .sim
        .wait_for(Duration::from_secs(10), |m, _| {
            m.dms_to(left.mentor)
                .into_iter()
                .find(|d| d.content().contains("has left"))
        })
        .await
        .expect("the mentor hears why the pair ended");
    assert!(
        dm.content().contains(&format!("<@{}>", left.mentee)),
        "{}",
        dm.content()
    );
    assert!(dm.content().contains("nobody's fault"), "{}", dm.content());
    assert!(
        app.sim.dms_to(left.mentee).is_empty(),
        "nothing is sent to whoever left"
    );

    let db = app.db().await;
    let pair = db.pair(left.id).await.unwrap().unwrap();
    assert_eq!(pair.status, PairStatus::Ended);
    assert_eq!(pair.end_reason, Some(EndReason::LeftServer));
    let profiles = db.profiles_of(app.guild.id, left.mentee).await.unwrap();
    assert!(
        profiles.iter().all(|p| p.status == Status::Withdrawn),
        "{profiles:?}"
    );
    // The mentor's place is free again; the other pair carries on.
    let loads = db.mentor_loads(app.guild.id).await.unwrap();
    assert_eq!(loads[&left.mentor].open, 0);
    assert_eq!(
        db.pair(stays.id).await.unwrap().unwrap().status,
        PairStatus::Active
    );
    let prompts_in_left = app
        .sim
        .messages_in(left.channel)
        .iter()
        .filter(|m| m.content().contains("Check-in time"))
        .count();
    assert_eq!(prompts_in_left, 0, "no check-in mentions someone who left");

    // A pulse round asks nobody who left either: the other pair's mentor leaves, the next day
    // (being found in the server is trusted for twelve hours).
    app.clock.advance(chrono::Duration::hours(13));
    app.sim.remove_member(app.guild.id, stays.mentor);
    let mods = app.sim.create_role(app.guild.id, "Mods", 0);
    app.run(
        app.admin,
        "setup",
        &[("moderator_role", serde_json::json!(mods.to_string()))],
    )
    .await;
    let reply = app.run(app.admin, "pulse now", &[]).await;
    assert!(!reply.text().contains("went wrong"), "{}", reply.text());
    app.sim
        .wait_for(Duration::from_secs(10), |m, _| {
            (!m.dms_to(stays.mentee).is_empty()).then_some(())
        })
        .await
        .expect("the member still here is asked");
    until("the mentor who left is withdrawn", async || {
        let profiles = db.profiles_of(app.guild.id, stays.mentor).await.unwrap();
        profiles
            .iter()
            .all(|p| p.status == Status::Withdrawn && p.role == Role::Mentor)
    })
    .await;
    let asked_gone = app
        .sim
        .dms_to(stays.mentor)
        .iter()
        .any(|d| d.custom_ids().iter().any(|c| c.starts_with("pulse:score")));
    assert!(!asked_gone, "no pulse question to someone who left");
}

#[tokio::test]
async fn a_server_that_removes_the_bot_gets_no_more_rounds_and_its_data_is_deleted_after_the_retention(
) {
    let (mut app, _s, pairs) = programme(2).await;
    let guild = app.guild.id;
    // Another server's data must stay whatever happens to this one.
    let other = app.sim.create_guild("Stays");
    let db = app.db().await;
    let entry = |g: u64| tandem::store::AuditEntry {
        guild_id: g,
        actor_id: None,
        action: "settings.update".into(),
        target_id: None,
        detail: None,
        at: tandem::clock::Clock::now(&*app.clock),
    };
    db.save_guild_settings(&GuildSettings::new(other.id), &entry(other.id))
        .await
        .unwrap();

    app.sim.remove_bot_from_guild(guild);
    until("the removal is recorded", async || {
        db.departed_guilds().await.unwrap().contains(&guild)
    })
    .await;
    app.clock.set(tuesday_slot());
    tokio::time::sleep(Duration::from_millis(500)).await;
    for p in &pairs {
        let sent = app
            .sim
            .requests_to("POST", &format!("/channels/{}/messages", p.channel));
        assert!(
            sent.is_empty(),
            "nothing is sent to a server that removed the bot"
        );
    }

    // Invited back: the next round goes out as before.
    app.sim.add_bot_to_guild(guild);
    until("the return is recorded", async || {
        !db.departed_guilds().await.unwrap().contains(&guild)
    })
    .await;
    app.clock.set(tuesday_slot() + chrono::Duration::days(7));
    wait_for_prompts(&app, &pairs).await;

    // Removed while the bot was down: noticed at the next start, from READY.
    app.crash();
    app.sim.remove_bot_from_guild(guild);
    app.start_bot().await;
    until("the removal while away is recorded", async || {
        db.departed_guilds().await.unwrap().contains(&guild)
    })
    .await;

    // Thirty days on (the default retention) nothing of that server is left, the other's is.
    let count = |g: u64| {
        let db = db.clone();
        async move { db.guilds_with_data().await.unwrap().contains(&g) }
    };
    app.clock.advance(chrono::Duration::days(29));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(count(guild).await, "kept within the retention period");
    app.clock.advance(chrono::Duration::days(2));
    until("the server's data is purged", async || !count(guild).await).await;
    assert!(count(other.id).await);
    let raw = crate::database::raw_pool(&app.settings.database.url).await;
    for table in [
        "pairs",
        "members",
        "occurrences",
        "audit_log",
        "guild_settings",
    ] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {table} WHERE guild_id = $1"
        )))
        .bind(guild as i64)
        .fetch_one(&raw)
        .await
        .unwrap();
        assert_eq!(n, 0, "{table} still has rows of the removed server");
    }
}

#[tokio::test]
async fn a_time_zone_with_a_letter_outside_ascii_is_refused_in_a_sentence_not_a_crash() {
    // `UTCé` once panicked in the offset parser (a byte index inside `é`); the property tests
    // in `domain::properties` now feed every parser arbitrary text.
    let app = TestApp::start().await;
    for zone in ["UTCé", "é", "€", "UTC+👍"] {
        let reply = app
            .run(
                app.member,
                "enrol mentee",
                &[
                    ("topics", serde_json::json!("rust")),
                    ("timezone", serde_json::json!(zone)),
                    ("goals", serde_json::json!("learn")),
                ],
            )
            .await;
        let text = reply.text();
        assert!(reply.ephemeral(), "{text}");
        assert!(
            text.contains("I don't know the time zone"),
            "{zone}: {text}"
        );
        assert!(!text.contains("something went wrong"), "{zone}: {text}");
    }
    let help = app.run(app.member, "help", &[]).await;
    assert!(help.text().contains("`/help` –"), "{}", help.text());
}
