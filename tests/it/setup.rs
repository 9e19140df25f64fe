use discord_sim::{perms, BOT_DEFAULT_PERMISSIONS};
use serde_json::json;

use crate::support::{full_setup, server, TestApp};

#[tokio::test]
async fn an_admin_sets_up_the_server_and_the_settings_are_stored() {
    let app = TestApp::start().await;
    let s = server(&app);
    let reply = app.run(app.admin, "setup", &full_setup(&s)).await;
    assert!(reply.ephemeral());
    let text = reply.text();
    assert!(text.contains("Saved"), "{text}");
    assert!(text.contains(&format!("<#{}>", s.digest)), "{text}");
    assert!(text.contains(&format!("<@&{}>", s.mods)), "{text}");
    assert!(text.contains("Europe/Berlin"), "{text}");
    assert!(text.contains("Everything is in place"), "{text}");

    let stored = app
        .db()
        .await
        .guild_settings(app.guild.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.digest_channel_id, Some(s.digest));
    assert_eq!(stored.moderator_role_id, Some(s.mods));
    assert_eq!(stored.pair_category_id, Some(s.category));
    assert_eq!(stored.timezone.name(), "Europe/Berlin");

    let audit = app
        .db()
        .await
        .audit_entries(app.guild.id, 10)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor_id, Some(app.admin));
    assert_eq!(audit[0].action, "settings.update");
}

#[tokio::test]
async fn a_non_admin_is_refused_even_when_discord_lets_the_command_through() {
    let app = TestApp::start().await;
    let s = server(&app);
    // Discord itself hides /setup from this member...
    let hidden = app
        .sim
        .command(app.guild.id, app.member, "setup")
        .opt("timezone", "Europe/Berlin")
        .send()
        .await;
    assert!(hidden.is_err());
    // ...and the bot refuses it when a server override or modified client sends it anyway.
    let mut call = app
        .sim
        .command(app.guild.id, app.member, "setup")
        .bypass_permissions();
    for (k, v) in full_setup(&s) {
        call = call.opt(k, v);
    }
    let reply = call.run().await;
    assert!(reply.ephemeral());
    assert!(
        reply.content().contains("Only server admins"),
        "{}",
        reply.content()
    );
    assert!(app
        .db()
        .await
        .guild_settings(app.guild.id)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn an_unknown_time_zone_is_explained_and_nothing_is_stored() {
    let app = TestApp::start().await;
    let s = server(&app);
    let reply = app
        .run(
            app.admin,
            "setup",
            &[
                ("digest_channel", json!(s.digest.to_string())),
                ("timezone", json!("Mars/Olympus_Mons")),
            ],
        )
        .await;
    assert!(reply.ephemeral());
    assert!(reply
        .content()
        .contains("I don't know the time zone \"Mars/Olympus_Mons\""));
    assert!(
        reply.content().contains("Europe/Berlin"),
        "suggests a valid form"
    );
    assert!(app
        .db()
        .await
        .guild_settings(app.guild.id)
        .await
        .unwrap()
        .is_none());
    assert!(app
        .db()
        .await
        .audit_entries(app.guild.id, 10)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn time_zone_autocomplete_suggests_iana_names() {
    let app = TestApp::start().await;
    let choices = app
        .sim
        .command(app.guild.id, app.admin, "setup")
        .autocomplete("timezone", "berl")
        .await;
    assert_eq!(choices.first().map(String::as_str), Some("Europe/Berlin"));
    let many = app
        .sim
        .command(app.guild.id, app.admin, "setup")
        .autocomplete("timezone", "a")
        .await;
    assert_eq!(many.len(), 25, "Discord allows at most 25 choices");
}

#[tokio::test]
async fn setup_names_the_permissions_the_bot_lacks_in_the_category() {
    let app = TestApp::start().await;
    let s = server(&app);
    app.sim.set_role_permissions(
        app.guild.id,
        app.guild.bot_role_id,
        BOT_DEFAULT_PERMISSIONS & !perms::MANAGE_ROLES,
    );
    // A channel overwrite that hides the digest channel from the bot.
    app.sim
        .set_overwrite(s.digest, app.guild.bot_role_id, 0, 0, perms::VIEW_CHANNEL);
    let reply = app.run(app.admin, "setup", &full_setup(&s)).await;
    let text = reply.text();
    assert!(text.contains("Saved"), "settings are kept: {text}");
    assert!(
        text.contains(&format!(
            "In <#{}> I still need: **Manage Roles**",
            s.category
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("In <#{}> I still need: **", s.digest)),
        "{text}"
    );
    assert!(text.contains("View Channel"), "{text}");
    assert!(!text.contains("Everything is in place"), "{text}");
}

#[tokio::test]
async fn setup_without_options_shows_the_current_settings_and_what_is_missing() {
    let app = TestApp::start().await;
    let reply = app.run(app.admin, "setup", &[]).await;
    let text = reply.text();
    assert!(text.contains("Run `/setup` with options"), "{text}");
    assert!(
        text.contains("`digest_channel`, `moderator_role` and `pair_category`"),
        "{text}"
    );
    assert!(app
        .db()
        .await
        .guild_settings(app.guild.id)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn a_restart_on_the_same_database_keeps_the_settings() {
    let mut app = TestApp::start().await;
    let s = server(&app);
    app.run(app.admin, "setup", &full_setup(&s)).await;
    app.restart().await;
    let (identifies, _) = app.sim.sessions();
    assert_eq!(
        identifies, 2,
        "the restarted bot opened a new gateway session"
    );
    let reply = app.run(app.admin, "setup", &[]).await;
    let text = reply.text();
    assert!(text.contains(&format!("<#{}>", s.digest)), "{text}");
    assert!(text.contains("Europe/Berlin"), "{text}");
}

#[tokio::test]
async fn a_moderator_role_member_is_not_an_admin() {
    let app = TestApp::start().await;
    let s = server(&app);
    app.run(app.admin, "setup", &full_setup(&s)).await;
    let moderator = app.sim.create_user("mo");
    app.sim.add_member(app.guild.id, moderator, &[s.mods]);
    let reply = app
        .sim
        .command(app.guild.id, moderator, "setup")
        .bypass_permissions()
        .opt("timezone", "UTC")
        .run()
        .await;
    assert!(reply.content().contains("Only server admins"));
}

#[tokio::test]
async fn schedules_are_checked_at_setup_and_shown_with_their_next_time() {
    let app = TestApp::start().await;
    let reply = app
        .run(
            app.admin,
            "setup",
            &[("checkin_schedule", json!("17 * Tue"))],
        )
        .await;
    assert!(reply.ephemeral());
    assert!(reply.text().contains("5 fields"), "{}", reply.text());
    let reply = app
        .run(app.admin, "setup", &[("pulse_anonymity", json!(2))])
        .await;
    assert!(reply.text().contains("at least 3"), "{}", reply.text());

    let reply = app
        .run(
            app.admin,
            "setup",
            &[("checkin_schedule", json!("0 18 * * Wed"))],
        )
        .await;
    let text = reply.text();
    assert!(text.contains("`0 18 * * Wed`"), "{text}");
    assert!(text.contains("`0 9 * * Mon` (default)"), "{text}");
    // Wednesday 18:00 UTC after the harness's Monday start.
    let next = chrono::DateTime::parse_from_rfc3339("2026-11-25T18:00:00Z").unwrap();
    assert!(
        text.contains(&format!("<t:{}:F>", next.timestamp())),
        "{text}"
    );
    let stored = app
        .db()
        .await
        .guild_settings(app.guild.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.checkin_cron.unwrap().as_str(), "0 18 * * Wed");

    let reply = app
        .run(
            app.admin,
            "setup",
            &[("checkin_schedule", json!("default"))],
        )
        .await;
    assert!(
        reply.text().contains("`0 17 * * Tue` (default)"),
        "{}",
        reply.text()
    );
}

#[tokio::test]
async fn setup_warns_when_the_server_nears_discords_channel_limit() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    // The server has general, the digest channel and the category: 447 more make 450.
    for i in 0..446 {
        app.sim
            .create_channel(app.guild.id, &format!("c{i}"), 0, None);
    }
    let heading = tandem::discord::messages::setup::CHANNELS.get(tandem::text::Locale::En);
    let r = app.run(app.admin, "setup", &[]).await;
    assert!(!r.text().contains(&heading), "449 channels: {}", r.text());
    app.sim
        .create_channel(app.guild.id, "c446", 0, Some(s.category));
    let expected =
        tandem::discord::messages::setup::near_channel_limit(tandem::text::Locale::En, 450);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let r = app.run(app.admin, "setup", &[]).await;
        if r.text().contains(&expected) {
            assert!(r.text().contains(&heading), "{}", r.text());
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no warning at 450 channels: {}",
            r.text()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
