//! Enrolment, profiles, mentor approval, withdrawal and members' own data, end to end.

use std::time::Duration;

use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::domain::member::{Role, Status};
use tandem::store::privacy::is_user_column;
use tandem::text::Locale;

use crate::support::{Server, TestApp};

fn mentee_options(topics: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("topics", json!(topics)),
        ("timezone", json!("Europe/Berlin")),
        ("goals", json!("Ship my first open-source contribution")),
    ]
}

fn mentor_options() -> Vec<(&'static str, Value)> {
    vec![
        ("topics", json!("Rust, career")),
        ("timezone", json!("America/New_York")),
        ("capacity", json!(2)),
        ("about", json!("Backend engineer, 10 years")),
    ]
}

/// Runs `/enrol mentor` as `user` and returns the application message the moderators got.
async fn apply_as_mentor(app: &TestApp, s: &Server, user: u64) -> u64 {
    let reply = app.run(user, "enrol mentor", &mentor_options()).await;
    assert!(
        reply.text().contains("A moderator will review"),
        "{}",
        reply.text()
    );
    app.sim
        .wait_for(Duration::from_secs(5), |m, _| {
            m.messages
                .values()
                .find(|msg| {
                    msg.channel_id == s.digest && msg.body.to_string().contains(&user.to_string())
                })
                .map(|msg| msg.id)
        })
        .await
        .expect("the application reaches the digest channel")
}

async fn status(app: &TestApp, user: u64, role: Role) -> Option<Status> {
    app.db()
        .await
        .profile(app.guild.id, user, role)
        .await
        .unwrap()
        .map(|p| p.status)
}

#[tokio::test]
async fn a_mentee_enrols_and_gets_a_private_welcome_with_what_is_expected() {
    let app = TestApp::start().await;
    let reply = app
        .run(
            app.member,
            "enrol mentee",
            &mentee_options(" Rust ,  Open Source,rust"),
        )
        .await;
    assert!(reply.ephemeral());
    let text = reply.text();
    assert!(text.contains("enrolled as a mentee"), "{text}");
    assert!(text.contains("What we ask of you"), "{text}");
    assert!(text.contains("/withdraw"), "{text}");
    assert!(text.contains("What tandem keeps"), "{text}");

    let p = app
        .db()
        .await
        .profile(app.guild.id, app.member, Role::Mentee)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.status, Status::Active);
    assert_eq!(p.topics, ["rust", "open source"]);
    assert_eq!(p.languages, ["en"], "the server's language by default");
    let audit = app
        .db()
        .await
        .audit_entries(app.guild.id, 10)
        .await
        .unwrap();
    assert_eq!(audit[0].action, "member.enrol");
    assert_eq!(audit[0].target_id, Some(app.member));
}

#[tokio::test]
async fn enrolling_again_updates_the_profile_and_says_so() {
    let app = TestApp::start().await;
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    let reply = app
        .run(app.member, "enrol mentee", &mentee_options("go, sql"))
        .await;
    assert!(
        reply.text().contains("already enrolled as a mentee"),
        "{}",
        reply.text()
    );
    let profiles = app
        .db()
        .await
        .profiles_of(app.guild.id, app.member)
        .await
        .unwrap();
    assert_eq!(profiles.len(), 1, "no duplicate profile");
    assert_eq!(profiles[0].topics, ["go", "sql"]);
}

#[tokio::test]
async fn one_person_can_be_both_mentor_and_mentee() {
    let app = TestApp::start().await;
    app.run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    let reply = app.run(app.member, "enrol mentor", &mentor_options()).await;
    assert!(
        reply.text().contains("enrolled as a mentor"),
        "{}",
        reply.text()
    );
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Active)
    );
    assert_eq!(
        status(&app, app.member, Role::Mentee).await,
        Some(Status::Active)
    );
}

#[tokio::test]
async fn bad_profile_input_gets_a_clear_private_error_and_stores_nothing() {
    let app = TestApp::start().await;
    // (command, options, what the error must say)
    type Case<'a> = (&'a str, Vec<(&'a str, Value)>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "enrol mentee",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("Mars/Olympus")),
                ("goals", json!("x")),
            ],
            "don't know the time zone",
        ),
        (
            "enrol mentee",
            vec![
                ("topics", json!(" , ,")),
                ("timezone", json!("UTC+2")),
                ("goals", json!("x")),
            ],
            "at least one topic",
        ),
        (
            "enrol mentee",
            vec![
                ("topics", json!("a,b,c,d,e,f,g,h,i,j,k")),
                ("timezone", json!("Berlin")),
                ("goals", json!("x")),
            ],
            "11 topics",
        ),
        (
            "enrol mentor",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("UTC")),
                ("capacity", json!(6)),
            ],
            "1 to 5",
        ),
        (
            "enrol mentor",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("UTC")),
                ("about", json!("x".repeat(301))),
            ],
            "keep it to 300",
        ),
        (
            "enrol mentee",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("UTC")),
                ("goals", json!("y".repeat(501))),
            ],
            "keep them to 500",
        ),
        (
            "enrol mentee",
            vec![
                ("topics", json!("rust")),
                ("timezone", json!("UTC")),
                ("goals", json!("z")),
                ("languages", json!("klingon")),
            ],
            "don't recognise the language",
        ),
    ];
    for (command, options, expected) in cases {
        let reply = app.run(app.member, command, &options).await;
        assert!(reply.ephemeral(), "{command}: {}", reply.text());
        assert!(
            reply.text().contains(expected),
            "{command}: {}",
            reply.text()
        );
    }
    let db = app.db().await;
    assert!(db
        .profiles_of(app.guild.id, app.member)
        .await
        .unwrap()
        .is_empty());
    assert!(db.audit_entries(app.guild.id, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_mentor_application_is_approved_by_a_moderator_and_the_applicant_hears_back() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let message = apply_as_mentor(&app, &s, app.member).await;
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Pending)
    );
    let dms = app.sim.wait_for_dms(app.member, 1).await;
    assert!(
        dms[0].content().contains("review your application"),
        "{}",
        dms[0].content()
    );

    let press = app
        .sim
        .click(
            app.guild.id,
            moderator,
            message,
            &format!("mentor:approve:{}", app.member),
        )
        .await;
    let reply = app.sim.reply(press).await;
    assert_eq!(reply.kind, 7, "the application message is updated in place");
    assert!(
        reply
            .text()
            .contains(&format!("Approved by <@{moderator}>")),
        "{}",
        reply.text()
    );
    assert!(reply.custom_ids().is_empty(), "the buttons are gone");
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Active)
    );
    let dms = app.sim.wait_for_dms(app.member, 2).await;
    assert!(dms[1].content().contains("you're approved"));

    // A second moderator pressing the (stale) button is told it is already decided.
    let again = app
        .sim
        .click(
            app.guild.id,
            app.admin,
            message,
            &format!("mentor:decline:{}", app.member),
        )
        .await;
    let reply = app.sim.reply(again).await;
    assert!(reply.ephemeral());
    assert!(
        reply.text().contains("already approved"),
        "{}",
        reply.text()
    );
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Active)
    );
    let actions: Vec<String> = app
        .db()
        .await
        .audit_entries(app.guild.id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"member.approve".to_string()),
        "{actions:?}"
    );
    assert!(
        !actions.contains(&"member.decline".to_string()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_declined_applicant_is_told_and_a_non_moderator_cannot_decide() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let message = apply_as_mentor(&app, &s, app.member).await;
    let bystander = app.person("bea", None);

    let press = app
        .sim
        .click(
            app.guild.id,
            bystander,
            message,
            &format!("mentor:approve:{}", app.member),
        )
        .await;
    let reply = app.sim.reply(press).await;
    assert!(reply.ephemeral());
    assert!(reply.text().contains("Only moderators"), "{}", reply.text());
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Pending)
    );

    let press = app
        .sim
        .click(
            app.guild.id,
            app.admin,
            message,
            &format!("mentor:decline:{}", app.member),
        )
        .await;
    // Decline asks for an optional reason first.
    assert_eq!(app.sim.reply(press).await.kind, 9);
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            s.digest,
            app.admin,
            &format!("mentor:decline:{}", app.member),
            &[("reason", "")],
        )
        .await;
    assert!(app.sim.reply(submit).await.text().contains("Declined by"));
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Declined)
    );
    let dms = app.sim.wait_for_dms(app.member, 2).await;
    assert!(dms[1].content().contains("wasn't approved"));
}

#[tokio::test]
async fn approving_someone_who_has_withdrawn_since_changes_nothing() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let message = apply_as_mentor(&app, &s, app.member).await;
    withdraw(&app, app.member, &[]).await;
    let press = app
        .sim
        .click(
            app.guild.id,
            app.admin,
            message,
            &format!("mentor:approve:{}", app.member),
        )
        .await;
    let reply = app.sim.reply(press).await;
    assert!(reply.ephemeral());
    assert!(reply.text().contains("withdrawn since"), "{}", reply.text());
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Withdrawn)
    );
}

#[tokio::test]
async fn an_applicant_with_closed_dms_still_enrols() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    app.sim.close_dms(app.member);
    apply_as_mentor(&app, &s, app.member).await;
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Pending)
    );
    assert!(app.sim.dms_to(app.member).is_empty());
}

/// `/withdraw` then the confirm button; returns the final text.
async fn withdraw(app: &TestApp, user: u64, options: &[(&str, Value)]) -> String {
    let reply = app.run(user, "withdraw", options).await;
    assert!(reply.ephemeral());
    let confirm = reply
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("withdraw:yes"))
        .unwrap_or_else(|| panic!("no confirm button: {}", reply.text()));
    let message = app.sim.with_model(|m| {
        m.messages
            .values()
            .rev()
            .find(|msg| msg.body.to_string().contains(&confirm))
            .map(|msg| msg.id)
            .unwrap()
    });
    let press = app.sim.click(app.guild.id, user, message, &confirm).await;
    app.sim.edited_reply(press).await.text()
}

#[tokio::test]
async fn withdrawing_asks_first_and_then_leaves_only_the_chosen_role() {
    let app = TestApp::start().await;
    app.run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    app.run(app.member, "enrol mentor", &mentor_options()).await;

    // Cancel changes nothing.
    let reply = app.run(app.member, "withdraw", &[]).await;
    assert!(
        reply.text().contains("mentor and mentee"),
        "{}",
        reply.text()
    );
    let message = app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let press = app
        .sim
        .click(
            app.guild.id,
            app.member,
            message,
            &format!("withdraw:no:-:{}", app.member),
        )
        .await;
    assert!(app
        .sim
        .reply(press)
        .await
        .text()
        .contains("nothing changed"));
    assert_eq!(
        status(&app, app.member, Role::Mentee).await,
        Some(Status::Active)
    );

    let text = withdraw(&app, app.member, &[("role", json!("mentee"))]).await;
    assert!(text.contains("left the programme as mentee"), "{text}");
    assert_eq!(
        status(&app, app.member, Role::Mentee).await,
        Some(Status::Withdrawn)
    );
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Active)
    );

    let again = app
        .run(app.member, "withdraw", &[("role", json!("mentee"))])
        .await;
    assert!(
        again.text().contains("nothing to withdraw"),
        "{}",
        again.text()
    );

    let back = app
        .run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    assert!(back.text().contains("Welcome back"), "{}", back.text());
}

#[tokio::test]
async fn someone_else_cannot_press_your_confirmation_button() {
    let app = TestApp::start().await;
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    let reply = app.run(app.member, "withdraw", &[]).await;
    let confirm = reply.custom_ids()[0].clone();
    let message = app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let press = app
        .sim
        .click(app.guild.id, app.admin, message, &confirm)
        .await;
    let answer = app.sim.reply(press).await;
    assert!(answer.ephemeral());
    assert!(
        answer.text().contains("someone else's"),
        "{}",
        answer.text()
    );
    assert_eq!(
        status(&app, app.member, Role::Mentee).await,
        Some(Status::Active)
    );
}

#[tokio::test]
async fn members_view_their_own_profile_and_moderators_view_anyones() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let other = app.person("olu", None);
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;

    let own = app.run(app.member, "profile view", &[]).await;
    assert!(own.ephemeral());
    assert!(own.text().contains("Mentee profile"), "{}", own.text());
    assert!(own.text().contains("Ship my first"), "{}", own.text());

    let nosy = app
        .run(
            other,
            "profile view",
            &[("user", json!(app.member.to_string()))],
        )
        .await;
    assert!(
        nosy.text().contains("only view your own"),
        "{}",
        nosy.text()
    );

    let by_mod = app
        .run(
            moderator,
            "profile view",
            &[("user", json!(app.member.to_string()))],
        )
        .await;
    assert!(
        by_mod.text().contains("Mentee profile"),
        "{}",
        by_mod.text()
    );

    let none = app.run(other, "profile view", &[]).await;
    assert!(none.text().contains("not enrolled yet"), "{}", none.text());
}

#[tokio::test]
async fn profile_edit_changes_only_the_given_fields_and_needs_a_profile() {
    let app = TestApp::start().await;
    let stranger = app.person("sam", None);
    let refused = app
        .run(stranger, "profile edit", &[("topics", json!("rust"))])
        .await;
    assert!(refused.ephemeral());
    assert!(
        refused.text().contains("not enrolled yet"),
        "{}",
        refused.text()
    );

    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    let reply = app
        .run(
            app.member,
            "profile edit",
            &[
                ("timezone", json!("UTC+2")),
                ("about", json!("Hi, I'm Max")),
            ],
        )
        .await;
    assert!(
        reply.text().contains("Your profile is updated"),
        "{}",
        reply.text()
    );
    let p = app
        .db()
        .await
        .profile(app.guild.id, app.member, Role::Mentee)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.topics, ["rust"]);
    assert_eq!(p.about.as_deref(), Some("Hi, I'm Max"));
    assert_eq!(
        p.timezone.name(),
        "Etc/GMT-2",
        "UTC+2 in IANA's inverted sign"
    );

    let wrong = app
        .run(app.member, "profile edit", &[("capacity", json!(3))])
        .await;
    assert!(wrong.text().contains("only for mentor"), "{}", wrong.text());
}

#[tokio::test]
async fn moderators_see_counts_applications_and_the_longest_waiting_mentees_first() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let first = app.person("fay", None);
    let second = app.person("gus", None);
    app.run(second, "enrol mentee", &mentee_options("rust"))
        .await;
    app.clock.advance(chrono::Duration::hours(1));
    app.run(first, "enrol mentee", &mentee_options("go")).await;
    apply_as_mentor(&app, &s, app.member).await;

    let refused = app.run(first, "members", &[]).await;
    assert!(
        refused.text().contains("Only moderators"),
        "{}",
        refused.text()
    );

    let reply = app.run(moderator, "members", &[]).await;
    assert!(reply.ephemeral());
    let text = reply.text();
    assert!(text.contains("pending 1"), "{text}");
    assert!(text.contains("active 2"), "{text}");
    let waiting_second = text.find(&format!("<@{second}>")).unwrap();
    let waiting_first = text.find(&format!("<@{first}>")).unwrap();
    assert!(
        waiting_second < waiting_first,
        "longest-waiting first: {text}"
    );
    assert!(
        text.contains(&format!("1. <@{}>, applied", app.member)),
        "{text}"
    );
}

#[tokio::test]
async fn without_a_digest_channel_moderators_approve_from_the_members_list() {
    let app = TestApp::start().await;
    app.run(app.member, "enrol mentor", &mentor_options()).await;
    let reply = app.run(app.admin, "members", &[]).await;
    let approve = format!("mentor:approve:{}:list", app.member);
    assert!(
        reply.custom_ids().contains(&approve),
        "{:?}",
        reply.custom_ids()
    );
    let message = app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let press = app
        .sim
        .click(app.guild.id, app.admin, message, &approve)
        .await;
    let answer = app.sim.reply(press).await;
    assert!(answer.ephemeral());
    assert!(
        answer.text().contains("now an active mentor"),
        "{}",
        answer.text()
    );
    assert_eq!(
        status(&app, app.member, Role::Mentor).await,
        Some(Status::Active)
    );
}

async fn export(app: &TestApp, user: u64) -> Value {
    let reply = app.run(user, "mydata export", &[]).await;
    assert!(reply.ephemeral());
    let bytes = app
        .sim
        .attachment(&reply.data, 0)
        .unwrap_or_else(|| panic!("no export attached: {}", reply.data));
    serde_json::from_slice(&bytes).expect("the export is JSON")
}

#[tokio::test]
async fn the_export_holds_the_callers_data_and_nobody_elses() {
    let app = TestApp::start().await;
    let other = app.person("olu", None);
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    app.run(
        other,
        "enrol mentee",
        &mentee_options("secret-topic-of-olu"),
    )
    .await;

    let data = export(&app, app.member).await;
    assert_eq!(data["user_id"], app.member.to_string());
    let members = data["tables"]["members"].as_array().unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["user_id"], json!(app.member as i64));
    assert_eq!(
        members[0]["goals"],
        "Ship my first open-source contribution"
    );
    let audit = data["tables"]["audit_log"].as_array().unwrap();
    assert!(
        !audit.is_empty(),
        "own audit entries are part of the export"
    );
    let text = data.to_string();
    assert!(!text.contains("secret-topic-of-olu"), "{text}");
    assert!(!text.contains(&other.to_string()), "{text}");
}

/// Every row in every table that mentions `user` in a user column, in `guild`.
async fn rows_mentioning(app: &TestApp, guild: u64, user: u64) -> Vec<String> {
    let db = app.db().await;
    let mut found = Vec::new();
    for (table, column) in db.schema_columns().await.unwrap() {
        if is_user_column(&column) {
            let n = db
                .count_rows_with(&table, &column, guild, user)
                .await
                .unwrap();
            if n > 0 {
                found.push(format!("{table}.{column}: {n}"));
            }
        }
    }
    found
}

#[tokio::test]
async fn deleting_my_data_leaves_nothing_here_and_keeps_another_servers_data() {
    let app = TestApp::start().await;
    let other_guild = app.sim.create_guild("Other Club");
    app.sim.add_member(other_guild.id, app.member, &[]);
    app.run(app.member, "enrol mentee", &mentee_options("rust"))
        .await;
    app.run(app.member, "enrol mentor", &mentor_options()).await;
    let elsewhere = app
        .sim
        .command(other_guild.id, app.member, "enrol mentee")
        .opt("topics", "rust")
        .opt("timezone", "UTC")
        .opt("goals", "elsewhere")
        .run()
        .await;
    assert!(
        elsewhere.text().contains("enrolled as a mentee"),
        "{}",
        elsewhere.text()
    );

    let reply = app.run(app.member, "mydata delete", &[]).await;
    assert!(reply.text().contains("can't be undone"), "{}", reply.text());
    let message = app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let press = app
        .sim
        .click(
            app.guild.id,
            app.member,
            message,
            &format!("mydata:erase:{}", app.member),
        )
        .await;
    assert!(app
        .sim
        .edited_reply(press)
        .await
        .text()
        .contains("your data in this server is erased"));

    assert_eq!(
        rows_mentioning(&app, app.guild.id, app.member).await,
        Vec::<String>::new()
    );
    assert!(!rows_mentioning(&app, other_guild.id, app.member)
        .await
        .is_empty());
    let audit = app
        .db()
        .await
        .audit_entries(app.guild.id, 10)
        .await
        .unwrap();
    assert_eq!(audit[0].action, "mydata.delete");
    assert_eq!(
        (
            audit[0].actor_id,
            audit[0].target_id,
            audit[0].detail.clone()
        ),
        (None, None, None)
    );

    let fresh = export(&app, app.member).await;
    assert_eq!(fresh["tables"]["members"], json!([]));
}

#[tokio::test]
async fn help_lists_the_programme_commands() {
    let app = TestApp::start().await;
    let text = app.run(app.member, "help", &[]).await.text();
    for command in ["/enrol", "/profile", "/withdraw", "/mydata"] {
        assert!(text.contains(command), "{command} missing: {text}");
    }
    assert!(!text.contains("`/members`"), "{text}");
}

#[tokio::test]
async fn a_mentor_lowering_capacity_keeps_their_pairs_and_is_told_what_it_means() {
    let (app, _s, moderator) = crate::support::open_programme().await;
    let mentor = crate::support::enrolled(&app, "ana", "mentor").await;
    let r = app
        .run(mentor, "profile edit", &[("capacity", json!(2))])
        .await;
    assert_eq!(
        r.content(),
        messages::members::PROFILE_UPDATED.get(Locale::En)
    );
    let mut mentees = Vec::new();
    for name in ["xia", "yan", "zoe"] {
        mentees.push(crate::support::enrolled(&app, name, "mentee").await);
    }
    for mentee in &mentees[..2] {
        let r = app
            .run(
                moderator,
                "pair create",
                &[
                    ("mentor", json!(mentor.to_string())),
                    ("mentee", json!(mentee.to_string())),
                ],
            )
            .await;
        assert!(r.content().starts_with("Paired <@"), "{}", r.content());
    }
    let r = app
        .run(mentor, "profile edit", &[("capacity", json!(1))])
        .await;
    assert_eq!(
        r.content(),
        format!(
            "{} {}",
            messages::members::PROFILE_UPDATED.get(Locale::En),
            messages::members::capacity_full(Locale::En, 2, 1)
        )
    );
    let db = app.db().await;
    for mentee in &mentees[..2] {
        assert_eq!(
            db.open_pairs_of(app.guild.id, *mentee).await.unwrap().len(),
            1
        );
    }
    let r = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(mentor.to_string())),
                ("mentee", json!(mentees[2].to_string())),
            ],
        )
        .await;
    assert_eq!(
        r.content(),
        messages::pairs::refused(
            Locale::En,
            tandem::store::PairRefusal::MentorFull { capacity: 1 },
            mentor,
            mentees[2]
        )
    );
}
