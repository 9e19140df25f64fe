//! Living mentor availability end to end, on the manual clock: once a month each active
//! mentor gets a DM ("Still up for mentoring?" Yes / Pause a month / Step back); a week
//! without an answer pauses them (left out of new pairings, listed in the digest) while their
//! pairs carry on untold; a month's pause ends by itself; Yes brings anyone back.

use std::time::Duration;

use chrono::{DateTime, Duration as Span, TimeZone, Utc};
use serde_json::json;
use tandem::clock::Clock;
use tandem::discord::messages::{self, availability as m};
use tandem::domain::availability::{Answer, PauseReason};
use tandem::domain::member::{Role, Status};
use tandem::domain::pair::PairStatus;
use tandem::text::Locale;

use crate::support::{enrolled, open_programme, until, TestApp};

const EN: Locale = Locale::En;
const WAIT: Duration = Duration::from_secs(15);
/// The test server's name, as the DMs say it.
const GUILD: &str = "Mentoring Club";

/// The first monthly question that finds the test's mentors more than two weeks enrolled:
/// 1 January, 10:00 in Berlin.
fn first_question() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 1, 9, 0, 0).unwrap()
}

async fn question_to(app: &TestApp, user: u64) -> discord_sim::Message {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let found = app.sim.dms_to(user).into_iter().rev().find(|d| {
            d.custom_ids()
                .iter()
                .any(|id| id.starts_with("mentor:still:"))
        });
        if let Some(found) = found {
            return found;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no availability question to {user}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn button(q: &discord_sim::Message, answer: Answer) -> String {
    q.custom_ids()
        .into_iter()
        .find(|id| id.ends_with(&format!(":{answer}")))
        .expect("the answer's button")
}

async fn press(app: &TestApp, user: u64, q: &discord_sim::Message, a: Answer) -> String {
    let id = app.sim.click(app.guild.id, user, q.id, &button(q, a)).await;
    app.sim.reply(id).await.text()
}

async fn status(app: &TestApp, user: u64) -> Status {
    let db = app.db().await;
    let p = db.profile(app.guild.id, user, Role::Mentor).await.unwrap();
    p.expect("a mentor profile").status
}

async fn wait_status(app: &TestApp, user: u64, wanted: Status) {
    until(&format!("{user} to become {wanted:?}"), async || {
        status(app, user).await == wanted
    })
    .await;
}

#[tokio::test]
async fn a_mentor_who_does_not_answer_in_a_week_is_paused_and_listed_while_their_pair_carries_on() {
    let (app, s, moderator) = open_programme().await;
    let ana = enrolled(&app, "ana", "mentor").await;
    let ben = enrolled(&app, "ben", "mentor").await;
    let cal = enrolled(&app, "cal", "mentor").await;
    let xia = enrolled(&app, "xia", "mentee").await;
    let r = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(ana.to_string())),
                ("mentee", json!(xia.to_string())),
            ],
        )
        .await;
    assert!(r.content().starts_with("Paired <@"), "{}", r.content());
    let db = app.db().await;
    let pair = db.open_pairs_of(app.guild.id, ana).await.unwrap()[0].clone();
    let channel = pair.channel_id.unwrap();
    // Dan enrolled a few days before the question: too new to be asked.
    app.clock.set(first_question() - Span::days(3));
    let dan = enrolled(&app, "dan", "mentor").await;

    app.clock.set(first_question() + Span::minutes(1));
    let to_ana = question_to(&app, ana).await;
    let answer_by = app.clock.now() + Span::days(7);
    assert_eq!(
        to_ana.content(),
        m::ask(EN, GUILD, answer_by),
        "by DM, with the day an answer is due"
    );
    let (to_ben, to_cal) = (question_to(&app, ben).await, question_to(&app, cal).await);
    // Ben pauses a month, Cal steps back; Ana says nothing.
    let paused_until = app.clock.now() + Span::days(30);
    assert_eq!(
        press(&app, ben, &to_ben, Answer::PauseMonth).await,
        m::answered(EN, GUILD, Answer::PauseMonth, Some(paused_until), false)
    );
    assert_eq!(
        press(&app, cal, &to_cal, Answer::StepBack).await,
        m::answered(EN, GUILD, Answer::StepBack, None, false)
    );
    // Nobody else may answer for them.
    let id = app
        .sim
        .click(app.guild.id, ana, to_cal.id, &button(&to_cal, Answer::Yes))
        .await;
    assert_eq!(
        app.sim.reply(id).await.text(),
        messages::members::NOT_YOUR_BUTTON.get(EN)
    );
    assert_eq!(status(&app, ben).await, Status::Paused);
    assert_eq!(status(&app, cal).await, Status::Paused);
    assert_eq!(status(&app, ana).await, Status::Active);
    assert!(app.sim.dms_to(dan).is_empty(), "a new mentor is not asked");

    // A week later Ana is paused; her pair carries on and is told nothing.
    let before = app.sim.messages_in(channel).len();
    app.clock.set(answer_by + Span::minutes(1));
    wait_status(&app, ana, Status::Paused).await;
    until("the DM never said so", async || {
        question_to(&app, ana)
            .await
            .content()
            .contains("We didn't hear from you")
    })
    .await;
    let pair_now = db.pair(pair.id).await.unwrap().unwrap();
    assert_eq!(pair_now.status, PairStatus::Active);
    assert_eq!(
        app.sim.messages_in(channel).len(),
        before,
        "the pair is told nothing"
    );

    // Moderators: she cannot get a new mentee, and the digest names her.
    let yan = enrolled(&app, "yan", "mentee").await;
    let r = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(ana.to_string())),
                ("mentee", json!(yan.to_string())),
            ],
        )
        .await;
    assert_eq!(
        r.text(),
        messages::pairs::refused(EN, tandem::store::PairRefusal::MentorPaused, ana, yan)
    );
    let paused = db.paused_mentors(app.guild.id).await.unwrap();
    let reasons: Vec<(u64, PauseReason)> = paused.iter().map(|p| (p.user_id, p.reason)).collect();
    assert_eq!(
        reasons,
        [
            (ben, PauseReason::Chose),
            (cal, PauseReason::SteppedBack),
            (ana, PauseReason::NoAnswer)
        ]
    );
    let r = app.run(moderator, "digest", &[]).await;
    assert!(
        r.text().contains(&format!(
            "**Paused: no answer** (1 mentor): <@{ana}>. They didn't answer"
        )) && r
            .text()
            .contains("2 more mentors chose to pause or step back."),
        "{}",
        r.text()
    );
    // `/pair suggest` proposes only Dan, the one mentor still available.
    let r = app.run(moderator, "pair suggest", &[]).await;
    assert!(r.text().contains(&format!("<@{dan}>")), "{}", r.text());
    for paused in [ana, ben, cal] {
        assert!(!r.text().contains(&format!("<@{paused}>")), "{}", r.text());
    }

    // Ana comes back with the old question's Yes; Ben's month ends by itself.
    let text = press(&app, ana, &question_to(&app, ana).await, Answer::Yes).await;
    assert_eq!(text, m::answered(EN, GUILD, Answer::Yes, None, true));
    assert_eq!(status(&app, ana).await, Status::Active);
    app.clock.set(paused_until + Span::hours(1));
    wait_status(&app, ben, Status::Active).await;
    assert_eq!(
        status(&app, cal).await,
        Status::Paused,
        "stepping back lasts"
    );
    let _ = s;
}

#[tokio::test]
async fn a_mentor_whose_dms_are_closed_is_not_asked_and_so_never_paused() {
    let (app, _s, _moderator) = open_programme().await;
    let ana = enrolled(&app, "ana", "mentor").await;
    app.sim.close_dms(ana);
    let db = app.db().await;
    for at in [
        first_question() + Span::minutes(1),
        first_question() + Span::days(8),
    ] {
        app.clock.set(at);
        until("never done", async || {
            db.outstanding(at).await.unwrap() == 0
        })
        .await;
    }
    assert!(app.sim.dms_to(ana).is_empty());
    assert_eq!(status(&app, ana).await, Status::Active);
}
