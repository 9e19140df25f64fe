//! Mentor selection: the server's application questions, the applicant's answers travelling
//! with the application, and Decline with a reason the applicant receives.

use std::time::Duration;

use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::domain::member::{Role, Status};
use tandem::text::Locale;

use crate::support::{Server, TestApp};

const WAIT: Duration = Duration::from_secs(20);
const EN: Locale = Locale::En;

async fn programme() -> (TestApp, Server, u64) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    (app, s, moderator)
}

fn mentor_options() -> Vec<(&'static str, Value)> {
    vec![
        ("topics", json!("rust, sql")),
        ("timezone", json!("Europe/Berlin")),
    ]
}

/// The moderators' copy of `user`'s application, once posted.
async fn application_of(app: &TestApp, s: &Server, user: u64) -> discord_sim::Message {
    app.sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| {
                    msg.channel_id == s.digest
                        && discord_sim::custom_ids(&msg.body)
                            .contains(&format!("mentor:approve:{user}"))
                })
                .cloned()
        })
        .await
        .expect("the application reaches the moderators")
}

fn posted_applications(app: &TestApp, s: &Server) -> usize {
    app.sim
        .messages_in(s.digest)
        .iter()
        .filter(|m| {
            m.custom_ids()
                .iter()
                .any(|c| c.starts_with("mentor:approve:"))
        })
        .count()
}

#[tokio::test]
async fn a_mentor_answers_the_servers_questions_and_the_answers_travel_with_the_application() {
    let (app, s, moderator) = programme().await;
    // Questions are for moderators; a plain member is refused (the access sweep covers it too).
    let refused = app
        .run(app.member, "programme questions", &[("q1", json!("Why?"))])
        .await;
    assert_eq!(refused.text(), messages::members::ONLY_MODERATORS.get(EN));
    let long = "x".repeat(46);
    let too_long = app
        .run(moderator, "programme questions", &[("q1", json!(long))])
        .await;
    assert_eq!(
        too_long.text(),
        messages::members::question_too_long(EN, 46, 45)
    );
    let saved = app
        .run(
            moderator,
            "programme questions",
            &[
                ("q1", json!("Why do you want to mentor?")),
                ("q3", json!("  What have you built?  ")),
            ],
        )
        .await;
    assert!(saved.ephemeral());
    assert!(
        saved.text().contains("1. Why do you want to mentor?")
            && saved.text().contains("2. What have you built?"),
        "{}",
        saved.text()
    );

    let applicant = app.person("ana", None);
    let reply = app.run(applicant, "enrol mentor", &mentor_options()).await;
    assert!(
        reply
            .text()
            .contains(&messages::members::ENROLLED_QUESTIONS.get(EN)),
        "{}",
        reply.text()
    );
    let apply = format!("mentor:apply:{applicant}");
    assert!(
        reply.custom_ids().contains(&apply),
        "{:?}",
        reply.custom_ids()
    );
    assert_eq!(
        posted_applications(&app, &s),
        0,
        "nothing posted before the answers"
    );

    // Only the applicant opens their questions.
    let on = crate::support::message_with(&app, &apply).expect("the button");
    let other = app.sim.click(app.guild.id, app.member, on.id, &apply).await;
    assert_eq!(
        app.sim.reply(other).await.text(),
        messages::members::NOT_YOUR_BUTTON.get(EN)
    );
    let press = app.sim.click(app.guild.id, applicant, on.id, &apply).await;
    let form = app.sim.reply(press).await;
    assert_eq!(form.kind, 9, "{}", form.data);
    let labels: Vec<&str> = form.data["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["components"][0]["label"].as_str())
        .collect();
    assert_eq!(
        labels,
        ["Why do you want to mentor?", "What have you built?"]
    );
    let form_id = form.data["custom_id"].as_str().unwrap().to_string();

    let send = |answers: [&'static str; 2]| {
        let (app, form_id) = (&app, form_id.clone());
        async move {
            let submit = app
                .sim
                .submit_modal(
                    app.guild.id,
                    on.channel_id,
                    applicant,
                    &form_id,
                    &[("q0", answers[0]), ("q1", answers[1])],
                )
                .await;
            app.sim.reply(submit).await
        }
    };
    let blank = send(["I like helping", "   "]).await;
    assert_eq!(
        blank.text(),
        messages::members::ANSWER_EVERY_QUESTION.get(EN)
    );
    assert_eq!(posted_applications(&app, &s), 0);
    let sent = send(["I like helping", "A <@&123> parser"]).await;
    assert!(sent.ephemeral());
    assert_eq!(sent.text(), messages::members::ANSWERS_SENT.get(EN));
    let posted = application_of(&app, &s, applicant).await;
    let embed = posted.body["embeds"][0].to_string();
    assert!(
        embed.contains("Why do you want to mentor?") && embed.contains("I like helping"),
        "{embed}"
    );
    assert!(embed.contains("A <@&123> parser"), "{embed}");
    assert_eq!(posted.body["allowed_mentions"]["parse"], json!([]));
    let again = send(["I like helping", "A <@&123> parser"]).await;
    assert_eq!(
        again.text(),
        messages::members::ANSWERS_SENT_ALREADY.get(EN)
    );
    assert_eq!(posted_applications(&app, &s), 1, "one application");

    // The answers are the applicant's data.
    let db = app.db().await;
    let export = db.export_user(app.guild.id, applicant).await.unwrap();
    assert_eq!(
        export["application_answers"][0]["answer"],
        json!("I like helping"),
        "{export}"
    );

    // Decline opens a form for a reason, which the applicant receives.
    let decline = format!("mentor:decline:{applicant}");
    let press = app
        .sim
        .click(app.guild.id, moderator, posted.id, &decline)
        .await;
    let form = app.sim.reply(press).await;
    assert_eq!(form.kind, 9, "{}", form.data);
    assert_eq!(form.data["custom_id"], json!(decline));
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            s.digest,
            moderator,
            &decline,
            &[("reason", "We need Go mentors right now")],
        )
        .await;
    let decided = app.sim.reply(submit).await;
    assert_eq!(decided.kind, 7, "{}", decided.data);
    assert!(decided.data["embeds"][0]
        .to_string()
        .contains("Declined by"));
    let status = db
        .profile(app.guild.id, applicant, Role::Mentor)
        .await
        .unwrap();
    assert_eq!(status.map(|p| p.status), Some(Status::Declined));
    let dms = app.sim.wait_for_dms(applicant, 2).await;
    assert_eq!(
        dms.last().unwrap().content(),
        messages::members::declined_dm_with_reason(
            EN,
            "Mentoring Club",
            "We need Go mentors right now"
        )
    );
    // A decided application opens no form.
    let press = app
        .sim
        .click(app.guild.id, moderator, posted.id, &decline)
        .await;
    assert_eq!(
        app.sim.reply(press).await.text(),
        messages::members::already_decided(Status::Declined).get(EN)
    );
    let audit = db.audit_entries(app.guild.id, 20).await.unwrap();
    assert!(audit
        .iter()
        .all(|e| !e.detail.as_deref().unwrap_or("").contains("Go mentors")));
    db.close().await;
}

#[tokio::test]
async fn without_questions_the_application_goes_at_once_and_decline_without_a_reason_still_works() {
    let (app, s, moderator) = programme().await;
    let shown = app.run(moderator, "programme questions", &[]).await;
    assert!(
        shown
            .text()
            .contains(&messages::members::QUESTIONS_CURRENT.get(EN)),
        "{}",
        shown.text()
    );
    let applicant = app.person("bo", None);
    app.run(applicant, "enrol mentor", &mentor_options()).await;
    let posted = application_of(&app, &s, applicant).await;
    let decline = format!("mentor:decline:{applicant}");
    let press = app
        .sim
        .click(app.guild.id, moderator, posted.id, &decline)
        .await;
    assert_eq!(app.sim.reply(press).await.kind, 9);
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            s.digest,
            moderator,
            &decline,
            &[("reason", "")],
        )
        .await;
    assert_eq!(app.sim.reply(submit).await.kind, 7);
    let dms = app.sim.wait_for_dms(applicant, 2).await;
    assert_eq!(
        dms.last().unwrap().content(),
        messages::members::declined_dm(EN, "Mentoring Club")
    );
}
