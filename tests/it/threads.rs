//! Pair spaces as private threads (`/setup pair_space:threads`) end to end: the hub channel
//! and role the bot makes, a pair's private thread, everything a pair does in its channel
//! done in its thread (welcome, counted messages, goals, meetings, check-ins, the end with
//! its exit survey), the thread kept open while the pair runs, locked when it ends, and a
//! thread deleted by hand breaking its pair.

use discord_sim::{channel_type, perms, BOT_DEFAULT_PERMISSIONS};
use serde_json::json;
use tandem::discord::messages;
use tandem::domain::pair::PairStatus;
use tandem::text::Locale;

use crate::pairing::{programme, Programme};
use crate::support::{checkin_prompt_in, until};

const EN: Locale = Locale::En;

/// What a server gives a bot that keeps pairs in threads: the invite's permissions and the
/// three thread ones.
const BOT_WITH_THREADS: u64 = BOT_DEFAULT_PERMISSIONS
    | perms::MANAGE_THREADS
    | perms::CREATE_PRIVATE_THREADS
    | perms::SEND_MESSAGES_IN_THREADS;

async fn threads_programme() -> (Programme, u64, u64) {
    let p = programme().await;
    p.app
        .sim
        .set_role_permissions(p.app.guild.id, p.app.guild.bot_role_id, BOT_WITH_THREADS);
    let r = p
        .app
        .run(p.app.admin, "setup", &[("pair_space", json!("threads"))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let db = p.app.db().await;
    let settings = db.guild_settings(p.app.guild.id).await.unwrap().unwrap();
    let hub = settings.pair_hub_channel_id.expect("a hub channel");
    let role = settings.pair_role_id.expect("a role for the pairs");
    assert!(
        r.text()
            .contains(&format!("a private thread each, in <#{hub}>")),
        "{}",
        r.text()
    );
    assert!(!r.text().contains("Missing"), "{}", r.text());
    (p, hub, role)
}

#[tokio::test]
async fn a_pair_lives_its_whole_life_in_a_private_thread_that_counts_towards_no_limit() {
    let (p, hub, role) = threads_programme().await;
    let app = &p.app;
    // The hub is hidden from everyone but the pairs' role, the moderators and the bot.
    let visible = |user| app.sim.can_view(user, hub);
    assert!(!visible(app.member), "a member who is in no pair");
    assert!(visible(p.moderator));
    let channels_before = app.sim.with_model(|m| {
        m.channels
            .values()
            .filter(|c| c.guild_id == Some(app.guild.id))
            .filter(|c| !channel_type::is_thread(c.kind))
            .count()
    });

    let ana = p.mentor("ana", "rust", "Europe/Berlin", 1).await;
    let xia = p.mentee("xia", "rust", "Europe/Berlin").await;
    let r = p.pair(ana, xia).await;
    assert!(r.starts_with("Paired <@"), "{r}");
    let db = app.db().await;
    let pair = db.open_pairs_of(app.guild.id, xia).await.unwrap()[0].clone();
    assert!(pair.in_thread);
    let thread = pair.channel_id.unwrap();
    assert!(r.contains(&format!("<#{thread}>")), "{r}");
    let meta = app.sim.thread(thread).expect("a thread");
    let kind = app
        .sim
        .with_model(|m| (m.channels[&thread].kind, m.channels[&thread].parent_id));
    assert_eq!(kind, (channel_type::PRIVATE_THREAD, Some(hub)));
    assert!(!meta.invitable, "members cannot invite others");
    let members = app.sim.thread_members(thread);
    assert!(
        members.contains(&ana) && members.contains(&xia),
        "{members:?}"
    );
    // The two of them and the moderators see it; nobody else does.
    for (user, sees) in [
        (ana, true),
        (xia, true),
        (p.moderator, true),
        (app.member, false),
    ] {
        assert_eq!(app.sim.can_view(user, thread), sees, "{user}");
    }
    let roles = |user: u64| {
        app.sim
            .with_model(|m| m.guilds[&app.guild.id].members[&user].clone())
    };
    assert!(roles(ana).contains(&role) && roles(xia).contains(&role));
    // No channel was made for it: the server's count stays where it was (the hub is made
    // once, at /setup).
    let channels_after = app.sim.with_model(|m| {
        m.channels
            .values()
            .filter(|c| c.guild_id == Some(app.guild.id))
            .filter(|c| !channel_type::is_thread(c.kind))
            .count()
    });
    assert_eq!(channels_after, channels_before);

    // The welcome is in the thread; messages there count; commands work there.
    until("the welcome", async || {
        app.sim
            .messages_in(thread)
            .iter()
            .any(|m| m.body["embeds"][0]["title"] == messages::pairs::WELCOME_TITLE.get(EN))
    })
    .await;
    app.sim.say(xia, thread, "hello!");
    app.sim.say(ana, thread, "welcome :)");
    until("messages not counted", async || {
        db.message_total(app.guild.id).await.unwrap() >= 2
    })
    .await;
    let r = app
        .sim
        .command(app.guild.id, xia, "goal add")
        .in_channel(thread)
        .opt("title", "Ship a CLI")
        .run()
        .await;
    assert!(r.text().contains("#1"), "{}", r.text());
    let r = app
        .sim
        .command(app.guild.id, ana, "meet")
        .in_channel(thread)
        .opt("minutes", 30)
        .run()
        .await;
    assert!(r.text().contains("recorded a meeting"), "{}", r.text());

    // A check-in round reaches the thread, and a mood press is saved.
    let r = app.run(p.moderator, "checkin now", &[]).await;
    assert!(r.ephemeral(), "{}", r.text());
    let prompt = checkin_prompt_in(app, thread).await;
    let mood = prompt
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("checkin:mood:") && id.ends_with(":4"))
        .unwrap();
    let press = app.sim.click(app.guild.id, xia, prompt.id, &mood).await;
    app.sim.reply(press).await;

    // Discord archives an idle thread; the bot opens it again while the pair runs.
    app.sim.auto_archive(thread);
    until("the thread opened again", async || {
        app.sim.thread(thread).is_some_and(|t| !t.archived)
    })
    .await;

    // The end: the exit survey in the thread, then it is locked (still readable), and both
    // lose the pairs' role (they have no other pair in a thread).
    let r = app
        .sim
        .command(app.guild.id, ana, "pair end")
        .in_channel(thread)
        .opt("reason", "completed")
        .run()
        .await;
    assert_eq!(r.text(), messages::pairs::ENDED.get(EN));
    until("the thread locked", async || {
        app.sim
            .thread(thread)
            .is_some_and(|t| t.locked && t.archived)
    })
    .await;
    assert!(app.sim.messages_in(thread).iter().any(|m| m
        .custom_ids()
        .iter()
        .any(|id| id.starts_with("pair:survey:"))));
    until("the role taken back", async || {
        !roles(ana).contains(&role) && !roles(xia).contains(&role)
    })
    .await;
    assert!(app.sim.can_view(xia, thread) || !app.sim.can_view(xia, hub));
    assert_eq!(
        db.pair(pair.id).await.unwrap().unwrap().status,
        PairStatus::Ended
    );
}

#[tokio::test]
async fn a_thread_deleted_by_hand_breaks_its_pair_and_moderators_hear_once() {
    let (p, hub, _role) = threads_programme().await;
    let app = &p.app;
    let ana = p.mentor("ana", "rust", "Europe/Berlin", 1).await;
    let xia = p.mentee("xia", "rust", "Europe/Berlin").await;
    p.pair(ana, xia).await;
    let db = app.db().await;
    let pair = db.open_pairs_of(app.guild.id, xia).await.unwrap()[0].clone();
    let thread = pair.channel_id.unwrap();
    app.sim.delete_channel(thread);
    until("not broken", async || {
        db.pair(pair.id).await.unwrap().unwrap().status == PairStatus::Broken
    })
    .await;
    let told = messages::pairs::broken(EN, &pair, thread);
    until("the moderators told", async || {
        app.sim
            .messages_in(p.s.digest)
            .iter()
            .filter(|m| m.content() == told)
            .count()
            == 1
    })
    .await;
    assert!(app.sim.threads_in(hub).is_empty());
}

#[tokio::test]
async fn without_the_thread_permissions_setup_says_what_to_grant_and_pairing_fails_plainly() {
    let p = programme().await;
    let app = &p.app;
    // Manage Threads is missing.
    let r = app
        .run(app.admin, "setup", &[("pair_space", json!("threads"))])
        .await;
    assert!(r.text().contains("Manage Threads"), "{}", r.text());
    let ana = p.mentor("ana", "rust", "Europe/Berlin", 1).await;
    let xia = p.mentee("xia", "rust", "Europe/Berlin").await;
    let r = p.pair(ana, xia).await;
    assert_eq!(r, messages::pairs::CHANNEL_FAILED.get(EN));
    let db = app.db().await;
    assert!(db
        .open_pairs_of(app.guild.id, xia)
        .await
        .unwrap()
        .is_empty());
    // Granted, the same pair works.
    app.sim
        .set_role_permissions(app.guild.id, app.guild.bot_role_id, BOT_WITH_THREADS);
    let r = p.pair(ana, xia).await;
    assert!(r.starts_with("Paired <@"), "{r}");
}

#[tokio::test]
async fn a_new_moderator_role_sees_every_pair_thread_and_the_old_one_no_longer_does() {
    let (p, hub, _role) = threads_programme().await;
    let app = &p.app;
    let ana = p.mentor("ana", "rust", "Europe/Berlin", 1).await;
    let xia = p.mentee("xia", "rust", "Europe/Berlin").await;
    p.pair(ana, xia).await;
    let db = app.db().await;
    let thread = db.open_pairs_of(app.guild.id, xia).await.unwrap()[0]
        .channel_id
        .unwrap();
    let stewards = app.sim.create_role(app.guild.id, "Stewards", 0);
    let steward = app.person("stew", Some(stewards));
    assert!(!app.sim.can_view(steward, thread));
    let r = app
        .run(
            app.admin,
            "setup",
            &[("moderator_role", json!(stewards.to_string()))],
        )
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    until("the new moderators see the thread", async || {
        app.sim.can_view(steward, thread) && !app.sim.can_view(p.moderator, thread)
    })
    .await;
    assert!(app.sim.can_view(steward, hub));
}
