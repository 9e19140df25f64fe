//! Activity end to end: message counts from gateway events, /meet and /kudos.

use std::time::Duration;
use tandem::text::Locale;

use serde_json::json;

use crate::support::{SeededPair, TestApp};

/// The one seeded pair of a set-up server.
async fn one_pair() -> (TestApp, SeededPair) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let pair = app
        .seed_pairs(s.category, 1, "Europe/Berlin", "Europe/Berlin")
        .await[0];
    (app, pair)
}

/// Polls the bot's database until the pair's per-member totals are `expected`.
async fn wait_for_counts(app: &TestApp, pair: i64, expected: &[(u64, u32)]) {
    let db = app.db().await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let rows = db.message_counts(pair).await.unwrap();
        let mut totals: Vec<(u64, u32)> = Vec::new();
        for (_, user, n) in rows {
            match totals.iter_mut().find(|(u, _)| *u == user) {
                Some((_, t)) => *t += n,
                None => totals.push((user, n)),
            }
        }
        totals.sort();
        let mut want = expected.to_vec();
        want.sort();
        if totals == want {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "counts {totals:?}, expected {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn messages_in_a_pair_channel_are_counted_per_member_and_day_and_their_text_is_never_stored()
{
    let (app, pair) = one_pair().await;
    let elsewhere = app.sim.create_channel(
        app.guild.id,
        "general",
        discord_sim::channel_type::TEXT,
        None,
    );
    for _ in 0..3 {
        app.sim.say(pair.mentor, pair.channel, "secret-plan-alpha");
    }
    app.sim.say(pair.mentee, pair.channel, "secret-plan-beta");
    // Not counted: someone outside the pair, the pair elsewhere, and the bot itself.
    app.sim.say(app.member, pair.channel, "secret-plan-gamma");
    app.sim.say(pair.mentor, elsewhere, "secret-plan-delta");
    let reply = app
        .sim
        .command(app.guild.id, pair.mentee, "meet")
        .opt("minutes", 30)
        .in_channel(pair.channel)
        .run()
        .await;
    assert!(
        reply.text().contains("recorded a meeting"),
        "{}",
        reply.text()
    );
    wait_for_counts(&app, pair.id, &[(pair.mentor, 3), (pair.mentee, 1)]).await;

    // A day later the same member starts a new daily bucket.
    app.clock.advance(chrono::Duration::days(1));
    app.sim
        .say(pair.mentor, pair.channel, "secret-plan-epsilon");
    wait_for_counts(&app, pair.id, &[(pair.mentor, 4), (pair.mentee, 1)]).await;
    let db = app.db().await;
    // Ordered by day, then member (the mentor was created first).
    let days: Vec<_> = db
        .message_counts(pair.id)
        .await
        .unwrap()
        .into_iter()
        .map(|(d, u, n)| (d.to_string(), u == pair.mentor, n))
        .collect();
    assert_eq!(
        days,
        vec![
            ("2026-11-23".into(), true, 3),
            ("2026-11-23".into(), false, 1),
            ("2026-11-24".into(), true, 1),
        ]
    );
    db.close().await;

    // The gateway sent no text (no message-content intent), and none reached the database.
    let path = app.settings.database.url.trim_start_matches("sqlite://");
    for file in [path.to_string(), format!("{path}-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("secret-plan"), "{file} holds message text");
    }
}

#[tokio::test]
async fn a_meeting_is_recorded_by_the_pair_and_refused_to_others_and_elsewhere() {
    let (app, pair) = one_pair().await;
    let meet = |user: u64, channel: u64, minutes: u32| {
        app.sim
            .command(app.guild.id, user, "meet")
            .opt("minutes", minutes)
            .opt("note", "Walked through the borrow checker")
            .in_channel(channel)
            .run()
    };
    let first = meet(pair.mentor, pair.channel, 45).await;
    assert!(!first.ephemeral());
    assert!(first.content().contains("45 min"), "{}", first.content());
    assert!(first.content().contains("first one"), "{}", first.content());
    let second = meet(pair.mentee, pair.channel, 60).await;
    assert!(
        second
            .content()
            .contains("2 meetings so far, 1 h 45 min in all"),
        "{}",
        second.content()
    );
    assert_eq!(
        app.db().await.meeting_totals(pair.id).await.unwrap(),
        (2, 105)
    );

    let outsider = meet(app.member, pair.channel, 30).await;
    assert!(outsider.ephemeral());
    assert!(
        outsider.content()
            == tandem::discord::messages::activity::MEET_ONLY_MEMBERS.get(Locale::En),
        "{}",
        outsider.content()
    );
    let general = app.sim.create_channel(
        app.guild.id,
        "general",
        discord_sim::channel_type::TEXT,
        None,
    );
    let elsewhere = meet(pair.mentor, general, 30).await;
    assert!(elsewhere.ephemeral());
    assert_eq!(
        app.db().await.meeting_totals(pair.id).await.unwrap(),
        (2, 105)
    );
}

#[tokio::test]
async fn kudos_thank_someone_publicly_at_most_five_times_a_day_and_never_oneself() {
    let app = TestApp::start().await;
    let friend = app.person("grace", None);
    let kudos = |to: u64| {
        app.sim
            .command(app.guild.id, app.member, "kudos")
            .opt("user", to.to_string())
            .opt("reason", "for   the patient\nreview")
            .run()
    };
    let own = kudos(app.member).await;
    assert!(own.ephemeral());
    assert!(own.content().contains("someone else"), "{}", own.content());

    for n in 1..=5 {
        let r = kudos(friend).await;
        assert!(!r.ephemeral(), "{}", r.content());
        assert!(
            r.content().contains(&format!(
                "Kudos to <@{friend}>** from <@{}>: for the patient review",
                app.member
            )),
            "{}",
            r.content()
        );
        let ordinal = ["1st", "2nd", "3rd", "4th", "5th"][n - 1];
        assert!(r.content().contains(ordinal), "{}", r.content());
        assert_eq!(
            r.data["allowed_mentions"]["users"],
            json!([friend.to_string()])
        );
        app.clock.advance(chrono::Duration::hours(1));
    }
    let sixth = kudos(friend).await;
    assert!(sixth.ephemeral());
    // The first of the five was 5 hours ago, so the next one is possible in 19 hours.
    let again = (crate::support::start_time() + chrono::Duration::hours(24)).timestamp();
    assert!(
        sixth.content().contains(&format!("<t:{again}:R>")),
        "{}",
        sixth.content()
    );
    app.clock.advance(chrono::Duration::hours(19));
    assert!(!kudos(friend).await.ephemeral());
}
