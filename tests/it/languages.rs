//! Every member in their own language: replies follow the member's Discord language, what
//! tandem sends unasked follows the language they last used, a pair channel reads its
//! members' shared language (else the server's), and the digest reads the server's.

use std::time::Duration;

use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::domain::member::{Role, Status};
use tandem::text::Locale;

use crate::support::{start_time, TestApp};

const WAIT: Duration = Duration::from_secs(20);

/// Enrols `user` as `role` and checks the answer came in `l`.
async fn enrol(app: &TestApp, user: u64, role: Role, l: Locale) {
    let (command, options) = match role {
        Role::Mentor => (
            "enrol mentor",
            vec![
                ("topics", json!("rust, sql")),
                ("timezone", json!("Europe/Madrid")),
            ],
        ),
        Role::Mentee => (
            "enrol mentee",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Madrid")),
                ("goals", json!("Escribir mi primer programa")),
            ],
        ),
    };
    let reply = app.run(user, command, &options).await;
    let expected = messages::members::enrolled(l, role, Status::Active);
    assert!(
        reply.text().contains(&expected),
        "{command} answered in {l}: {}",
        reply.text()
    );
}

/// Waits until tandem has kept `user`'s language (it is written beside the answer).
async fn language_kept(app: &TestApp, user: u64, l: Locale) {
    let db = app.db().await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while db.member_locale(app.guild.id, user).await.unwrap() != Some(l) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{user}'s language not kept"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    db.close().await;
}

fn labels(message: &discord_sim::Message) -> Vec<String> {
    message.body["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["label"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn a_member_whose_discord_is_in_spanish_gets_spanish_replies_channel_posts_and_dms() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    app.run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    let moderator = app.person("mo", Some(s.mods));
    let (ana, bea) = (app.person("ana", None), app.person("bea", None));
    app.sim.set_locale(ana, "es-ES");
    app.sim.set_locale(bea, "es-419");

    let help = app.run(bea, "help", &[]).await;
    let spanish_title = messages::help::TITLE.get(Locale::Es);
    assert_ne!(spanish_title, messages::help::TITLE.get(Locale::En));
    assert!(help.text().contains(&spanish_title), "{}", help.text());
    assert!(help.ephemeral());

    enrol(&app, ana, Role::Mentor, Locale::Es).await;
    enrol(&app, bea, Role::Mentee, Locale::Es).await;
    language_kept(&app, ana, Locale::Es).await;
    language_kept(&app, bea, Locale::Es).await;

    // The moderator's own Discord is in English: their answer is too.
    let reply = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(ana.to_string())),
                ("mentee", json!(bea.to_string())),
            ],
        )
        .await;
    let channel = app
        .db()
        .await
        .open_pairs_of(app.guild.id, bea)
        .await
        .unwrap()[0]
        .channel_id
        .unwrap();
    assert_eq!(
        reply.text().trim(),
        messages::pairs::created(Locale::En, ana, bea, channel)
    );

    // Both use Spanish, so their channel does, and so do the DMs to each.
    let welcome = app.sim.messages_in(channel)[0].body.to_string();
    assert!(
        welcome.contains(&messages::pairs::WELCOME_TITLE.get(Locale::Es)),
        "{welcome}"
    );
    let guild = "Mentoring Club";
    let ready = app.sim.wait_for_dms(bea, 1).await;
    assert_eq!(
        ready[0].content(),
        messages::pairs::ready_dm(Locale::Es, guild, ana, channel, Role::Mentee)
    );

    // A check-in: the prompt and its mood buttons in Spanish.
    let reply = app.run(moderator, "checkin now", &[]).await;
    assert!(reply.text().contains("1 pair"), "{}", reply.text());
    let prompt = app
        .sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| msg.channel_id == channel && msg.content().contains("<t:"))
                .cloned()
        })
        .await
        .expect("a check-in prompt");
    let moods: Vec<String> = (1..=5)
        .map(|n| messages::checkins::mood(Locale::Es, n))
        .collect();
    let shown = labels(&prompt);
    for mood in &moods {
        assert!(shown.contains(mood), "{mood} not among {shown:?}");
    }
    assert_ne!(moods[0], messages::checkins::mood(Locale::En, 1));
    // Pressing one answers privately in Spanish.
    let mood = prompt.custom_ids()[0].clone();
    let press = app.sim.click(app.guild.id, ana, prompt.id, &mood).await;
    let followup = {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(f) = app.sim.followups(press).into_iter().next() {
                break f;
            }
            assert!(tokio::time::Instant::now() < deadline, "no confirmation");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    assert_eq!(
        followup["content"].as_str().unwrap_or_default(),
        messages::checkins::mood_saved(Locale::Es, 1)
    );

    // A pulse round: each asked by DM in their own language.
    app.run(moderator, "pulse now", &[]).await;
    let question = app
        .sim
        .wait_for(WAIT, |m, _| {
            m.dms_to(ana)
                .into_iter()
                .find(|d| d.custom_ids().iter().any(|c| c.starts_with("pulse:score:")))
        })
        .await
        .expect("a pulse question by DM");
    let scale: Vec<String> = (1..=5)
        .map(|n| messages::pulse::scale(Locale::Es, n))
        .collect();
    assert_eq!(labels(&question), scale);
    let asked = messages::digest::pulse_question(Locale::Es, "tandem:pulse-question-1");
    assert!(
        question.content().contains(&asked),
        "{}",
        question.content()
    );
    assert_ne!(
        asked,
        messages::digest::pulse_question(Locale::En, "tandem:pulse-question-1")
    );
}

#[tokio::test]
async fn a_pair_with_two_languages_reads_the_servers_and_the_weekly_digest_is_in_it() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let reply = app
        .run(
            app.admin,
            "setup",
            &[("mentor_approval", json!(false)), ("language", json!("es"))],
        )
        .await;
    assert!(reply.ephemeral());
    let moderator = app.person("mo", Some(s.mods));
    let (fr, en) = (app.person("chloe", None), app.person("dan", None));
    app.sim.set_locale(fr, "fr");
    enrol(&app, fr, Role::Mentor, Locale::Fr).await;
    enrol(&app, en, Role::Mentee, Locale::En).await;
    language_kept(&app, fr, Locale::Fr).await;
    language_kept(&app, en, Locale::En).await;
    app.run(
        moderator,
        "pair create",
        &[
            ("mentor", json!(fr.to_string())),
            ("mentee", json!(en.to_string())),
        ],
    )
    .await;
    let channel = app
        .db()
        .await
        .open_pairs_of(app.guild.id, en)
        .await
        .unwrap()[0]
        .channel_id
        .unwrap();
    // Two languages in one channel: the server's (Spanish) for both.
    let welcome = app.sim.messages_in(channel)[0].body.to_string();
    assert!(
        welcome.contains(&messages::pairs::WELCOME_TITLE.get(Locale::Es)),
        "{welcome}"
    );
    // Each DM in the reader's own language.
    let guild = "Mentoring Club";
    for (user, partner, role, l) in [
        (fr, en, Role::Mentor, Locale::Fr),
        (en, fr, Role::Mentee, Locale::En),
    ] {
        let dm = app.sim.wait_for_dms(user, 1).await;
        assert_eq!(
            dm[0].content(),
            messages::pairs::ready_dm(l, guild, partner, channel, role)
        );
    }

    // Monday 09:30 in Berlin: the weekly digest, in the server's language.
    app.clock
        .set(start_time() + chrono::Duration::days(7) - chrono::Duration::minutes(30));
    let digest = app
        .sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| {
                    msg.channel_id == s.digest
                        && msg.body["embeds"].as_array().is_some_and(|e| !e.is_empty())
                })
                .cloned()
        })
        .await
        .expect("the weekly digest");
    let embed = &digest.body["embeds"][0];
    let names: Vec<&str> = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    let spanish = tandem::text::format(Locale::Es, "digest-row-active-pairs", None);
    assert_ne!(
        spanish,
        tandem::text::format(Locale::En, "digest-row-active-pairs", None)
    );
    assert!(names.contains(&spanish.as_str()), "{names:?}");
    let title = embed["title"].as_str().unwrap_or_default();
    assert!(
        !title.contains("Mentoring digest"),
        "the title is Spanish too: {title}"
    );
    let alt = digest.body["attachments"][0]["description"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!alt.starts_with("Chart of the last"), "alt text: {alt}");

    // A moderator asking for it themselves reads it in their own language.
    let own = app.run(moderator, "digest", &[]).await;
    let english: Value = own.embeds()[0].clone();
    assert!(
        english["title"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Mentoring digest"),
        "{english}"
    );
}

#[tokio::test]
async fn registered_commands_carry_spanish_and_french_descriptions_and_choice_names() {
    let app = TestApp::start().await;
    let commands: Vec<Value> = app
        .sim
        .wait_for(WAIT, |m, _| {
            (!m.global_commands.is_empty()).then(|| m.global_commands.clone())
        })
        .await
        .expect("commands registered");
    let mut checked = 0;
    fn walk(v: &Value, path: &str, checked: &mut usize) {
        let name = v["name"].as_str().unwrap_or_default();
        let path = format!("{path} {name}").trim().to_string();
        if v.get("description").is_some_and(|d| d.as_str() != Some("")) {
            for code in ["es-ES", "es-419", "fr"] {
                let local = v["description_localizations"][code].as_str();
                assert!(
                    local.is_some_and(|t| !t.is_empty() && t != v["description"].as_str().unwrap()),
                    "/{path} has no {code} description: {v}"
                );
            }
            *checked += 1;
        }
        for choice in v["choices"].as_array().into_iter().flatten() {
            assert!(
                choice["name_localizations"]["es-ES"].is_string(),
                "/{path} choice {choice} has no Spanish name"
            );
            *checked += 1;
        }
        for o in v["options"].as_array().into_iter().flatten() {
            walk(o, &path, checked);
        }
    }
    for c in &commands {
        walk(c, "", &mut checked);
    }
    assert!(checked > 80, "only {checked} texts checked");
}
