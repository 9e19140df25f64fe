//! Programme cycles end to end, on the manual clock: `/programme start` opens a cycle that the
//! open pairs and every new pair join; two weeks before its end each pair is asked to continue
//! or finish (either member may answer and change it); at the end the finishing pairs end as
//! completed, with their exit survey, the others carry on, and the moderators are told.

use std::time::Duration;

use chrono::Duration as Span;
use serde_json::{json, Value};
use tandem::clock::Clock;
use tandem::discord::messages::{self, cycles as m};
use tandem::discord::CustomId;
use tandem::domain::cycle::{Choice, MAX_WEEKS};
use tandem::domain::pair::{EndReason, PairStatus};
use tandem::text::Locale;

use crate::support::{enrolled, message_with, open_programme, until, TestApp};

const EN: Locale = Locale::En;
const WAIT: Duration = Duration::from_secs(15);

async fn pair(app: &TestApp, moderator: u64, mentor: u64, mentee: u64) -> i64 {
    let options: [(&str, Value); 2] = [
        ("mentor", json!(mentor.to_string())),
        ("mentee", json!(mentee.to_string())),
    ];
    let r = app.run(moderator, "pair create", &options).await;
    assert!(r.content().starts_with("Paired <@"), "{}", r.content());
    let db = app.db().await;
    db.open_pairs_of(app.guild.id, mentee).await.unwrap()[0].id
}

fn choose(cycle: i64, pair: i64, finish: bool) -> String {
    CustomId::CycleChoice {
        cycle,
        pair,
        finish,
    }
    .to_string()
}

async fn wait_for_question(app: &TestApp, id: &str) -> discord_sim::Message {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(found) = message_with(app, id) {
            return found;
        }
        assert!(tokio::time::Instant::now() < deadline, "no question {id}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn press(app: &TestApp, user: u64, message: u64, id: &str) -> discord_sim::Reply {
    let press = app.sim.click(app.guild.id, user, message, id).await;
    app.sim.reply(press).await
}

#[tokio::test]
async fn a_cycle_runs_from_start_to_end_with_a_finishing_and_a_continuing_pair() {
    let (app, s, moderator) = open_programme().await;
    let (ana, xia) = (
        enrolled(&app, "ana", "mentor").await,
        enrolled(&app, "xia", "mentee").await,
    );
    let (ben, yan) = (
        enrolled(&app, "ben", "mentor").await,
        enrolled(&app, "yan", "mentee").await,
    );
    let r = app.run(moderator, "programme status", &[]).await;
    assert_eq!(r.text(), m::STATUS_NONE.get(EN));
    let first = pair(&app, moderator, ana, xia).await;
    // A minute later: the pair is older than the cycle, so not one of its new pairs.
    app.clock.set(app.clock.now() + Span::minutes(1));

    let r = app
        .run(
            moderator,
            "programme start",
            &[("name", json!("  Spring  2027 ")), ("weeks", json!(4))],
        )
        .await;
    let db = app.db().await;
    let cycle = db
        .running_cycle(app.guild.id)
        .await
        .unwrap()
        .expect("a cycle");
    assert_eq!(cycle.name, "Spring 2027");
    assert_eq!(cycle.ends_at, app.clock.now() + Span::weeks(4));
    assert_eq!(r.text(), m::started(EN, &cycle, 1), "the open pair joined");
    // A second one cannot start while it runs.
    let r = app
        .run(
            moderator,
            "programme start",
            &[("name", json!("Summer")), ("weeks", json!(8))],
        )
        .await;
    assert_eq!(r.text(), m::running(EN, &cycle));
    // A pair made now belongs to it too.
    let second = pair(&app, moderator, ben, yan).await;
    let r = app.run(moderator, "programme status", &[]).await;
    assert!(
        r.text().contains(&m::counts(EN, 2, 0, 0, 2)),
        "{}",
        r.text()
    );
    // The moderators' digest says where the cycle stands.
    let in_digest = |db: tandem::store::Db| {
        let app = &app;
        async move {
            let settings = db.guild_settings(app.guild.id).await.unwrap().unwrap();
            let now = app.clock.now();
            let report = tandem::digest::build(&db, &app.settings, &settings, now, 2)
                .await
                .unwrap();
            let line = tandem::digest::words::cycle_line(&report);
            let r = app.run(moderator, "digest", &[]).await;
            assert!(r.text().contains(&line), "{line} in {}", r.text());
            line
        }
    };
    let line = in_digest(db.clone()).await;
    assert!(line.contains("**Spring 2027**: 28 days left"), "{line}");
    assert!(
        line.contains(&format!("<t:{}:R>", cycle.ask_at().timestamp())),
        "{line}"
    );

    // Two weeks before the end, both pairs are asked.
    app.clock.set(cycle.ask_at() + Span::minutes(1));
    let q1 = wait_for_question(&app, &choose(cycle.id, first, true)).await;
    let q2 = wait_for_question(&app, &choose(cycle.id, second, true)).await;
    assert_eq!(q1.content(), m::ask(EN, &cycle));
    let channel = db.pair(first).await.unwrap().unwrap().channel_id;
    assert_eq!(Some(q1.channel_id), channel);

    // Xia finishes; Ben says finish and Yan changes it to continue.
    let r = press(&app, xia, q1.id, &choose(cycle.id, first, true)).await;
    assert!(
        r.text()
            .contains(&m::chosen(EN, xia, true, cycle.ends_at.timestamp())),
        "{}",
        r.text()
    );
    press(&app, ben, q2.id, &choose(cycle.id, second, true)).await;
    let r = press(&app, yan, q2.id, &choose(cycle.id, second, false)).await;
    assert!(
        r.text()
            .contains(&m::chosen(EN, yan, false, cycle.ends_at.timestamp())),
        "{}",
        r.text()
    );
    // Someone outside the pair cannot answer for it.
    let r = press(&app, app.member, q2.id, &choose(cycle.id, second, true)).await;
    assert_eq!(r.text(), m::NOT_YOUR_PAIR.get(EN));
    let choices = db.cycle_choices(cycle.id).await.unwrap();
    assert_eq!(choices.get(&first), Some(&Choice::Finish));
    assert_eq!(choices.get(&second), Some(&Choice::Continue));
    let r = app.run(moderator, "programme status", &[]).await;
    assert!(
        r.text().contains(&m::counts(EN, 2, 1, 1, 0))
            && r.text().contains(&m::EVERYONE_ANSWERED.get(EN)),
        "{}",
        r.text()
    );

    let line = in_digest(db.clone()).await;
    assert!(line.contains("Every pair has said"), "{line}");

    // The end: the finishing pair ends as completed, with its exit survey; the other carries on.
    app.clock.set(cycle.ends_at + Span::minutes(1));
    let survey = CustomId::Survey { pair: first }.to_string();
    wait_for_question(&app, &survey).await;
    let ended = db.pair(first).await.unwrap().unwrap();
    assert_eq!(ended.status, PairStatus::Ended);
    assert_eq!(ended.end_reason, Some(EndReason::Completed));
    let going = db.pair(second).await.unwrap().unwrap();
    assert_eq!(going.status, PairStatus::Active);
    until("the cycle never closed", async || {
        db.running_cycle(app.guild.id).await.unwrap().is_none()
    })
    .await;
    let told = m::ended(EN, &cycle, 1, 1);
    until("moderators not told", async || {
        app.sim
            .messages_in(s.digest)
            .iter()
            .any(|msg| msg.content() == told)
    })
    .await;
    let r = press(&app, yan, q2.id, &choose(cycle.id, second, true)).await;
    assert_eq!(r.text(), m::CHOICE_CLOSED.get(EN));
    let r = app.run(moderator, "programme status", &[]).await;
    assert_eq!(r.text(), m::STATUS_NONE.get(EN));

    // Both members of the finished pair answer the exit survey over the following days.
    for (user, rating, worked) in [(xia, "5", "The weekly calls"), (ana, "4", "")] {
        let dm = app
            .sim
            .dms_to(user)
            .into_iter()
            .find(|d| d.custom_ids().contains(&survey))
            .expect("an exit survey by DM");
        let submit = app
            .sim
            .submit_modal(
                app.guild.id,
                dm.channel_id,
                user,
                &survey,
                &[("rating", rating), ("worked", worked), ("change", "")],
            )
            .await;
        let r = app.sim.reply(submit).await;
        assert_eq!(r.text(), messages::pairs::SURVEY_THANKS.get(EN));
    }

    // A week after the end, the impact report goes to the moderators: the one-page picture
    // and the CSV, with the headline numbers in the post.
    let closed = db.cycle(cycle.id).await.unwrap().unwrap();
    app.clock.set(closed.report_at() + Span::minutes(1));
    let png = "impact-spring-2027.png";
    let deadline = tokio::time::Instant::now() + WAIT;
    let post = loop {
        let found = app
            .sim
            .messages_in(s.digest)
            .into_iter()
            .find(|msg| msg.body["attachments"][0]["filename"].as_str() == Some(png));
        if let Some(found) = found {
            break found;
        }
        assert!(tokio::time::Instant::now() < deadline, "no impact report");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let embed = &post.body["embeds"][0];
    assert_eq!(embed["title"], "Spring 2027: impact report");
    assert_eq!(embed["image"]["url"], format!("attachment://{png}"));
    let text = embed["description"].as_str().unwrap();
    for line in [
        "**4 people** took part (2 mentors, 2 mentees) in 2 pairs, 1 of them new this cycle.",
        "**100%** of the pairs stayed together or finished as planned (2 of 2).",
        // Two answers are below the anonymity minimum of five: counted, never shown.
        "The exit survey has 2 answers so far. Its figures are shown from 5 answers.",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    assert!(!text.contains("weekly calls"), "{text}");
    let files: Vec<&str> = post.body["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["filename"].as_str())
        .collect();
    assert_eq!(files, [png, "impact-spring-2027.csv"]);
    let description = post.body["attachments"][0]["description"].as_str().unwrap();
    assert!(
        description.starts_with("Spring 2027: impact report."),
        "{description}"
    );
    let picture = app.sim.attachment(&post.body, 0).expect("the picture");
    let image = image::load_from_memory(&picture).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1240, 1754));
    let csv = String::from_utf8(app.sim.attachment(&post.body, 1).unwrap()).unwrap();
    for row in [
        "section,measure,week_start,value",
        "cycle,name,,Spring 2027",
        "summary,pairs,,2",
        "outcome,completed,,1",
        "outcome,continuing,,1",
        "exit_survey,answers,,2",
    ] {
        assert!(csv.lines().any(|l| l == row), "{row} in {csv}");
    }
    assert!(!csv.contains("exit_survey,average"), "{csv}");
    assert!(!csv.contains("weekly calls"), "{csv}");

    // On demand, only for the moderator who asks, in their language; and for nobody else.
    let r = app.run(moderator, "programme report", &[]).await;
    assert!(r.ephemeral());
    assert_eq!(r.embeds()[0]["title"], "Spring 2027: impact report");
    assert_eq!(r.data["attachments"].as_array().map(Vec::len), Some(2));
    app.sim.set_locale(moderator, "es-ES");
    let r = app.run(moderator, "programme report", &[]).await;
    assert!(
        r.text().contains("Spring 2027: informe de impacto"),
        "{}",
        r.text()
    );
    app.sim.set_locale(moderator, "en-US");
    let r = app.run(app.member, "programme report", &[]).await;
    assert_eq!(r.text(), messages::members::ONLY_MODERATORS.get(EN));
    // Picked from the list (its number), or typed by name; anything else is explained.
    for typed in [cycle.id.to_string(), "spring 2027".into()] {
        let r = app
            .run(moderator, "programme report", &[("cycle", json!(typed))])
            .await;
        assert_eq!(r.embeds()[0]["title"], "Spring 2027: impact report");
    }
    let r = app
        .run(moderator, "programme report", &[("cycle", json!("Autumn"))])
        .await;
    assert_eq!(r.text(), m::REPORT_UNKNOWN_CYCLE.get(EN));
    let choices = app
        .sim
        .command(app.guild.id, moderator, "programme report")
        .autocomplete("cycle", "spr")
        .await;
    assert_eq!(choices.len(), 1);
    assert!(
        choices[0].starts_with("Spring 2027 (started "),
        "{choices:?}"
    );

    // The next cycle: the pair that continued joins it.
    let r = app
        .run(
            moderator,
            "programme start",
            &[("name", json!("Summer 2027")), ("weeks", json!(12))],
        )
        .await;
    let next = db.running_cycle(app.guild.id).await.unwrap().unwrap();
    assert_eq!(r.text(), m::started(EN, &next, 1));
}

#[tokio::test]
async fn a_cycle_needs_a_name_and_a_sensible_length_and_a_moderator() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let cases = [
        (
            json!("   "),
            json!(4),
            m::bad_input(EN, &tandem::domain::cycle::CycleError::EmptyName),
        ),
        (
            json!("x".repeat(61)),
            json!(4),
            m::bad_input(
                EN,
                &tandem::domain::cycle::CycleError::NameTooLong { chars: 61 },
            ),
        ),
        (
            json!("Spring"),
            json!(0),
            m::bad_input(EN, &tandem::domain::cycle::CycleError::Weeks { weeks: 0 }),
        ),
        (
            json!("Spring"),
            json!(MAX_WEEKS + 1),
            m::bad_input(EN, &tandem::domain::cycle::CycleError::Weeks { weeks: 53 }),
        ),
    ];
    for (name, weeks, expected) in cases {
        let r = app
            .sim
            .command(app.guild.id, moderator, "programme start")
            .opt("name", name)
            .opt("weeks", weeks)
            .unchecked()
            .run()
            .await;
        assert!(r.ephemeral());
        assert_eq!(r.text(), expected);
    }
    let r = app
        .run(
            app.member,
            "programme start",
            &[("name", json!("Spring")), ("weeks", json!(4))],
        )
        .await;
    assert_eq!(r.text(), messages::members::ONLY_MODERATORS.get(EN));
    let db = app.db().await;
    assert!(db.running_cycle(app.guild.id).await.unwrap().is_none());
}

#[tokio::test]
async fn a_question_late_past_its_cycles_end_is_not_asked_and_no_choice_counts_after_the_end() {
    let (app, _s, moderator) = open_programme().await;
    let mentor = enrolled(&app, "ana", "mentor").await;
    let mentee = enrolled(&app, "xia", "mentee").await;
    let id = pair(&app, moderator, mentor, mentee).await;
    app.run(
        moderator,
        "programme start",
        &[("name", json!("Spring")), ("weeks", json!(3))],
    )
    .await;
    let db = app.db().await;
    let cycle = db.running_cycle(app.guild.id).await.unwrap().unwrap();
    // Pressed (or stored) after the end date, a choice is refused: the end reads them as
    // they were at the end.
    let late = cycle.ends_at + Span::minutes(1);
    assert_eq!(
        db.choose(cycle.id, id, Choice::Finish, mentee, late)
            .await
            .unwrap(),
        tandem::store::Chose::Closed
    );
    // The bot was down from before the question until after the end: no question, the
    // cycle simply ends and the pair carries on.
    app.clock.set(late);
    until("the cycle never closed", async || {
        db.running_cycle(app.guild.id).await.unwrap().is_none()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(message_with(&app, &choose(cycle.id, id, false)).is_none());
    assert_eq!(
        db.pair(id).await.unwrap().unwrap().status,
        PairStatus::Active
    );
}
