//! The mentors' circle end to end: `/setup mentor_circle` makes each meeting a Discord
//! scheduled event a week ahead, announced in a mentors-only channel the bot makes and keeps
//! current, and reminds the mentors the day before. Driven by the manual clock, set to the
//! simulator's day so that Discord's "not in the past" rule for events applies as it would.

use std::time::Duration;

use chrono::{DateTime, Datelike, Timelike, Utc};
use discord_sim::{channel_type, perms, FaultKind, BOT_DEFAULT_PERMISSIONS};
use serde_json::json;
use tandem::clock::Clock;
use tandem::discord::messages::{self, circle as m};
use tandem::text::Locale;

use crate::support::{enrolled, Server, TestApp};

const EN: Locale = Locale::En;
const WAIT: Duration = Duration::from_secs(15);

/// A server with a moderator, mentors active at once, a voice channel for the circle and the
/// bot allowed to create events there (`events`), on a clock that reads the simulator's time.
async fn programme(events: bool) -> (TestApp, Server, u64, u64) {
    let app = TestApp::start().await;
    let now = DateTime::<Utc>::from(app.sim.utc_now());
    app.clock.set(now.with_nanosecond(0).unwrap());
    let s = app.set_up().await;
    let r = app
        .run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let extra = if events {
        perms::CREATE_EVENTS | perms::CONNECT
    } else {
        0
    };
    app.sim.set_role_permissions(
        app.guild.id,
        app.guild.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | extra,
    );
    let lounge = app
        .sim
        .create_channel(app.guild.id, "lounge", channel_type::CATEGORY, None);
    let voice = app
        .sim
        .create_channel(app.guild.id, "Circle", channel_type::VOICE, Some(lounge));
    let moderator = app.person("mo", Some(s.mods));
    (app, s, moderator, voice)
}

/// A schedule that fires once a year, `ahead` from the clock, in the server's time zone
/// (Europe/Berlin), on the minute.
fn yearly_at(app: &TestApp, ahead: chrono::Duration) -> (String, DateTime<Utc>) {
    let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    let start = (app.clock.now() + ahead).with_second(0).unwrap();
    let local = start.with_timezone(&berlin);
    let cron = format!(
        "{} {} {} {} *",
        local.minute(),
        local.hour(),
        local.day(),
        local.month()
    );
    (cron, start)
}

/// `/setup mentor_circle circle_channel` by the admin.
async fn turn_on(app: &TestApp, cron: &str, voice: u64) -> discord_sim::Reply {
    app.run(
        app.admin,
        "setup",
        &[
            ("mentor_circle", json!(cron)),
            ("circle_channel", json!(voice.to_string())),
        ],
    )
    .await
}

/// `/withdraw`, confirmed with its button.
async fn withdraw(app: &TestApp, user: u64) {
    let reply = app.run(user, "withdraw", &[]).await;
    let confirm = crate::support::id_starting(&reply.custom_ids(), "withdraw:yes");
    let message = crate::support::message_with(app, &confirm).expect("the confirmation");
    let press = app
        .sim
        .click(app.guild.id, user, message.id, &confirm)
        .await;
    app.sim.edited_reply(press).await;
}

fn channel_named(app: &TestApp, name: &str) -> Vec<u64> {
    app.sim.with_model(|model| {
        model
            .channels
            .values()
            .filter(|c| c.guild_id == Some(app.guild.id) && c.name == name)
            .map(|c| c.id)
            .collect()
    })
}

fn can_see(app: &TestApp, channel: u64, user: u64) -> bool {
    app.sim.with_model(|model| {
        let guild = &model.guilds[&app.guild.id];
        model.channel_permissions(guild, &model.channels[&channel], user) & perms::VIEW_CHANNEL != 0
    })
}

async fn wait_messages(app: &TestApp, channel: u64, count: usize) -> Vec<discord_sim::Message> {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let messages = app.sim.messages_in(channel);
        if messages.len() >= count || tokio::time::Instant::now() > deadline {
            return messages;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_channel(app: &TestApp, name: &str) -> u64 {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(c) = channel_named(app, name).first() {
            return *c;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no channel {name} within {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_circle_becomes_an_event_for_mentors_only_and_they_are_reminded_the_day_before() {
    let (app, s, moderator, voice) = programme(true).await;
    let ana = enrolled(&app, "ana", "mentor").await;
    let ben = enrolled(&app, "ben", "mentor").await;
    let mentee = enrolled(&app, "mia", "mentee").await;
    let (cron, start) = yearly_at(&app, chrono::Duration::days(3));

    let r = turn_on(&app, &cron, voice).await;
    assert!(
        r.text().contains(&m::SETUP_SAVED_NOTE.get(EN)),
        "{}",
        r.text()
    );
    assert!(
        r.text()
            .contains(&m::setup_value(EN, &cron, voice, Some(start.timestamp()))),
        "/setup shows the circle and its next meeting: {}",
        r.text()
    );

    // Three days ahead is within the week: the event is made at once.
    let events = app.sim.wait_for_scheduled_events(app.guild.id, 1).await;
    let event = &events[0];
    assert_eq!(event.name, m::EVENT_NAME.get(EN));
    assert_eq!(event.channel_id, Some(voice));
    assert_eq!(event.creator_id, app.sim.bot_id());
    assert_eq!(event.entity_type, discord_sim::entity_type::VOICE);
    assert_eq!(event.scheduled_start_ms, start.timestamp_millis());

    let name = m::CHANNEL_NAME.get(EN);
    let channel = wait_channel(&app, &name).await;
    for (who, sees) in [
        (ana, true),
        (ben, true),
        (moderator, true),
        (mentee, false),
        (app.member, false),
    ] {
        assert_eq!(
            can_see(&app, channel, who),
            sees,
            "user {who} in the mentors' channel"
        );
    }
    let link = m::event_link(app.guild.id, event.id);
    let posted = wait_messages(&app, channel, 1).await;
    assert_eq!(posted.len(), 1);
    assert_eq!(
        posted[0].content(),
        m::announcement(EN, start.timestamp(), voice, &link)
    );
    assert!(
        posted[0].body["allowed_mentions"].is_object(),
        "the announcement pings nobody: {}",
        posted[0].body
    );

    // Before the reminder: Ben steps back, Cleo joins as a mentor.
    withdraw(&app, ben).await;
    let cleo = enrolled(&app, "cleo", "mentor").await;
    app.sim
        .advance_time(Duration::from_secs(2 * 24 * 3600 + 60));
    app.clock
        .set(start - chrono::Duration::days(1) + chrono::Duration::minutes(1));

    let posted = wait_messages(&app, channel, 2).await;
    assert_eq!(posted.len(), 2, "announcement and reminder");
    let reminder = &posted[1];
    let pinged = reminder.body["allowed_mentions"]["users"].clone();
    let mut pinged: Vec<u64> = pinged
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap().parse().unwrap())
        .collect();
    pinged.sort();
    let mut mentors = vec![ana, cleo];
    mentors.sort();
    assert_eq!(pinged, mentors, "the reminder pings the active mentors");
    assert_eq!(
        reminder.content(),
        m::reminder(EN, start.timestamp(), voice, &link, &[ana, cleo])[0].0
    );
    assert!(can_see(&app, channel, cleo), "a new mentor is let in");
    assert!(!can_see(&app, channel, ben), "a former mentor is taken out");

    // Nothing was made twice.
    assert_eq!(app.sim.scheduled_events(app.guild.id).len(), 1);
    assert_eq!(channel_named(&app, &name), [channel]);
    let _ = s;
}

#[tokio::test]
async fn a_failed_announcement_is_retried_without_a_second_event_or_channel() {
    let (app, _s, _moderator, voice) = programme(true).await;
    enrolled(&app, "ana", "mentor").await;
    let (cron, start) = yearly_at(&app, chrono::Duration::days(2));
    // Every try of the announcement fails: Discord is down for messages a while.
    app.sim.inject_fault(
        Some("POST"),
        "/messages",
        FaultKind::ServerError { status: 502 },
        4,
    );
    let r = turn_on(&app, &cron, voice).await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    app.sim.wait_for_scheduled_events(app.guild.id, 1).await;
    let name = m::CHANNEL_NAME.get(EN);
    let channel = wait_channel(&app, &name).await;
    // The scheduler tries again after its backoff (minutes of programme time, after the
    // courier's own tries in real seconds).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while app.sim.messages_in(channel).is_empty() && tokio::time::Instant::now() < deadline {
        app.clock.advance(chrono::Duration::minutes(2));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let posted = app.sim.messages_in(channel);
    assert_eq!(posted.len(), 1, "announced once the messages came back");
    assert!(posted[0]
        .content()
        .contains(&format!("<t:{}:F>", start.timestamp())));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.sim.scheduled_events(app.guild.id).len(), 1, "one event");
    assert_eq!(channel_named(&app, &name), [channel], "one channel");
    assert_eq!(app.sim.messages_in(channel).len(), 1, "one announcement");
}

#[tokio::test]
async fn without_create_events_the_moderators_are_told_what_to_grant() {
    let (app, s, _moderator, voice) = programme(false).await;
    enrolled(&app, "ana", "mentor").await;
    let (cron, _) = yearly_at(&app, chrono::Duration::days(2));
    let r = turn_on(&app, &cron, voice).await;
    assert!(
        r.text().contains("Create Events") && r.text().contains("Connect"),
        "/setup names what is missing: {}",
        r.text()
    );
    let told = m::cannot_create_event(EN, voice);
    let notices = wait_messages(&app, s.digest, 1).await;
    assert!(
        notices.iter().any(|n| n.content() == told),
        "moderators told: {:?}",
        notices.iter().map(|n| n.content()).collect::<Vec<_>>()
    );
    assert!(app.sim.scheduled_events(app.guild.id).is_empty());
}

#[tokio::test]
async fn a_circle_needs_a_weekly_or_rarer_schedule_and_a_voice_channel() {
    let (app, s, moderator, voice) = programme(true).await;
    let before = crate::support::Dumper::open(&app.settings.database.url)
        .await
        .settled()
        .await;
    let cases: Vec<(Vec<(&str, serde_json::Value)>, String)> = vec![
        (
            vec![
                ("mentor_circle", json!("0 18 * * *")),
                ("circle_channel", json!(voice.to_string())),
            ],
            m::bad_schedule(
                EN,
                "0 18 * * *",
                &tandem::domain::circle::CircleScheduleError::TooOften,
            ),
        ),
        (
            vec![("mentor_circle", json!("0 18 * * Thu"))],
            m::SETUP_NO_CHANNEL.get(EN),
        ),
    ];
    for (options, expected) in cases {
        let r = app.run(app.admin, "setup", &options).await;
        assert!(r.ephemeral());
        assert_eq!(r.text(), expected);
    }
    // A text channel (a modified client can send one).
    let r = app
        .sim
        .command(app.guild.id, app.admin, "setup")
        .opt("mentor_circle", json!("0 18 * * Thu"))
        .opt("circle_channel", json!(s.digest.to_string()))
        .unchecked()
        .run()
        .await;
    assert_eq!(r.text(), m::SETUP_NOT_VOICE.get(EN));
    // A moderator is not an admin.
    let r = app
        .sim
        .command(app.guild.id, moderator, "setup")
        .opt("mentor_circle", json!("0 18 * * Thu"))
        .opt("circle_channel", json!(voice.to_string()))
        .bypass_permissions()
        .run()
        .await;
    assert_eq!(r.text(), messages::setup::ADMIN_ONLY.get(EN));
    let after = crate::support::Dumper::open(&app.settings.database.url)
        .await
        .settled()
        .await;
    assert!(
        crate::support::changed_tables(&before, &after).is_empty(),
        "refused input changed nothing"
    );
}

#[tokio::test]
async fn turning_the_circle_off_plans_no_more_meetings() {
    let (app, _s, _moderator, voice) = programme(true).await;
    enrolled(&app, "ana", "mentor").await;
    // Ten days ahead: planned for three days from now, nothing made yet.
    let (cron, _) = yearly_at(&app, chrono::Duration::days(10));
    let r = turn_on(&app, &cron, voice).await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let db = app.db().await;
    let planned = |db: tandem::store::Db| async move {
        db.occurrence_states(tandem::domain::schedule::Kind::Circle)
            .await
            .unwrap()
    };
    let deadline = tokio::time::Instant::now() + WAIT;
    while planned(db.clone())
        .await
        .get("pending")
        .copied()
        .unwrap_or(0)
        == 0
    {
        assert!(tokio::time::Instant::now() < deadline, "never planned");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let r = app
        .run(app.admin, "setup", &[("mentor_circle", json!("off"))])
        .await;
    assert!(
        r.text().contains(&m::SETUP_OFF.get(EN)),
        "/setup shows it off: {}",
        r.text()
    );
    assert_eq!(planned(db.clone()).await.get("pending"), None);
    app.sim.advance_time(Duration::from_secs(4 * 24 * 3600));
    app.clock.advance(chrono::Duration::days(4));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(app.sim.scheduled_events(app.guild.id).is_empty());
    assert!(channel_named(&app, &m::CHANNEL_NAME.get(EN)).is_empty());
}
