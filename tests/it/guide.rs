//! The programme guide and orientation end to end: `/guide` shows each reader the programme's
//! expectations and the resources for them, moderators keep the resources with `/resources`,
//! and a server that requires orientation pairs a newly approved mentor only once they pressed
//! "I've read it"; the digest names the mentors still waiting.

use std::time::Duration;

use serde_json::{json, Value};
use tandem::discord::messages::{self, guide as m};
use tandem::discord::CustomId;
use tandem::domain::guide::{ResourceAudience, MAX_RESOURCES};
use tandem::store::{AuditEntry, ResourceAdded};
use tandem::text::Locale;

use crate::support::{message_with, Dumper, Server, TestApp};

const WAIT: Duration = Duration::from_secs(15);
const EN: Locale = Locale::En;

/// A server set up with a moderator; `approval` says whether new mentors need approval.
async fn programme(approval: bool) -> (TestApp, Server, u64) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    if !approval {
        let r = app
            .run(app.admin, "setup", &[("mentor_approval", json!(false))])
            .await;
        assert!(r.text().contains("Saved"), "{}", r.text());
    }
    let moderator = app.person("mo", Some(s.mods));
    (app, s, moderator)
}

async fn require_orientation(app: &TestApp) {
    let r = app
        .run(app.admin, "setup", &[("orientation", json!("required"))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    assert!(
        r.text().contains(&m::SETUP_ORIENTATION.get(EN))
            && r.text().contains(&m::orientation_value(true).get(EN)),
        "/setup shows the orientation: {}",
        r.text()
    );
}

async fn enrol(app: &TestApp, user: u64, role: &str) -> discord_sim::Reply {
    let mut options = vec![
        ("topics", json!("rust, career")),
        ("timezone", json!("Europe/Berlin")),
    ];
    if role == "mentee" {
        options.push(("goals", json!("Ship my first crate")));
    }
    let r = app.run(user, &format!("enrol {role}"), &options).await;
    assert!(r.ephemeral(), "{}", r.text());
    r
}

async fn add(app: &TestApp, moderator: u64, title: &str, link: &str, audience: &str) -> String {
    app.run(
        moderator,
        "resources add",
        &[
            ("title", json!(title)),
            ("link", json!(link)),
            ("audience", json!(audience)),
        ],
    )
    .await
    .text()
}

fn read_id(app: &TestApp, mentor: u64) -> String {
    CustomId::GuideRead {
        guild: app.guild.id,
        owner: mentor,
    }
    .to_string()
}

/// Presses "I've read it" on the latest message carrying it and returns the private answer.
async fn press_read(app: &TestApp, mentor: u64) -> discord_sim::Reply {
    let id = read_id(app, mentor);
    let on = message_with(app, &id).unwrap_or_else(|| panic!("no message carries {id}"));
    let press = app.sim.click(app.guild.id, mentor, on.id, &id).await;
    let reply = app.sim.reply(press).await;
    assert!(reply.ephemeral(), "{}", reply.data);
    reply
}

fn pair_create(mentor: u64, mentee: u64) -> [(&'static str, Value); 2] {
    [
        ("mentor", json!(mentor.to_string())),
        ("mentee", json!(mentee.to_string())),
    ]
}

#[tokio::test]
async fn the_guide_shows_each_reader_the_expectations_and_the_resources_for_them() {
    let (app, _s, moderator) = programme(false).await;
    let (mentor, mentee) = (app.person("mel", None), app.person("tim", None));
    enrol(&app, mentor, "mentor").await;
    enrol(&app, mentee, "mentee").await;

    // Before any resource: the guide says so.
    let empty = app.run(mentee, "guide", &[]).await;
    assert!(empty.ephemeral());
    assert!(
        empty.text().contains(&m::NO_RESOURCES.get(EN)),
        "{}",
        empty.text()
    );

    for (title, link, audience) in [
        (
            "Code of conduct in full",
            "https://example.com/conduct",
            "everyone",
        ),
        ("Mentor handbook", "https://example.com/mentors", "mentors"),
        (
            "Getting the most from mentoring",
            "https://example.com/mentees",
            "mentees",
        ),
    ] {
        let text = add(&app, moderator, title, link, audience).await;
        assert!(text.contains("Added resource #"), "{text}");
    }

    let seen = |text: &str| {
        [
            "Code of conduct in full",
            "Mentor handbook",
            "Getting the most from mentoring",
        ]
        .map(|t| text.contains(t))
    };
    let expectations = [
        m::MENTORS_HEADING,
        m::MENTEES_HEADING,
        m::CONDUCT_HEADING,
        m::CONFIDENTIALITY_HEADING,
        m::RESOURCES_HEADING,
    ];

    let as_mentee = app.run(mentee, "guide", &[]).await;
    assert!(as_mentee.ephemeral());
    let text = as_mentee.text();
    for heading in expectations {
        assert!(text.contains(&heading.get(EN)), "{heading:?}: {text}");
    }
    assert!(text.contains(&m::TITLE.get(EN)), "{text}");
    assert!(text.contains("https://example.com/mentees"), "{text}");
    assert_eq!(seen(&text), [true, false, true], "a mentee's guide: {text}");
    assert!(
        as_mentee.custom_ids().is_empty(),
        "nothing to confirm: {text}"
    );

    let as_mentor = app.run(mentor, "guide", &[]).await.text();
    assert_eq!(seen(&as_mentor), [true, true, false], "{as_mentor}");
    // Orientation is off: no button, no note, even for a mentor.
    assert!(!as_mentor.contains(&m::OWED_NOTE.get(EN)), "{as_mentor}");

    let outsider = app.run(app.member, "guide", &[]).await.text();
    assert_eq!(seen(&outsider), [true, false, false], "{outsider}");

    let as_moderator = app.run(moderator, "guide", &[]).await.text();
    assert_eq!(seen(&as_moderator), [true, true, true], "{as_moderator}");
    assert!(
        as_moderator.contains(&format!(
            "Mentor handbook: https://example.com/mentors ({})",
            m::audience(EN, ResourceAudience::Mentors)
        )),
        "moderators see whom each is for: {as_moderator}"
    );
}

#[tokio::test]
async fn moderators_add_list_and_remove_resources_and_bad_ones_are_refused_plainly() {
    let (app, _s, moderator) = programme(true).await;
    let db = app.db().await;
    let dumper = Dumper::open(&app.settings.database.url).await;

    let text = add(
        &app,
        moderator,
        "`@everyone` **Mentor** handbook",
        "HTTPS://Example.com/Handbook",
        "mentors",
    )
    .await;
    assert!(
        text.contains("Added resource #1 (for mentors): \"'@everyone' **Mentor** handbook\"."),
        "the title is quoted back without its backticks: {text}"
    );
    let kept = db.resources(app.guild.id).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].url, "https://example.com/Handbook",
        "canonical form"
    );
    assert_eq!(kept[0].audience, ResourceAudience::Mentors);
    assert_eq!(kept[0].added_by, Some(moderator));

    // Refusals: one plain private sentence each, and nothing written.
    let before = dumper.settled().await;
    let refusals: Vec<(&str, &str, String)> = vec![
        (
            "Handbook",
            "example.com/handbook",
            m::resource_error(
                EN,
                &tandem::domain::guide::ResourceError::NotALink("example.com/handbook".into()),
            ),
        ),
        (
            "Handbook",
            "ftp://files.example.com/handbook",
            m::resource_error(
                EN,
                &tandem::domain::guide::ResourceError::NotWeb("ftp".into()),
            ),
        ),
        (
            "Handbook",
            "javascript:alert(1)",
            m::resource_error(
                EN,
                &tandem::domain::guide::ResourceError::NotWeb("javascript".into()),
            ),
        ),
        (
            "   ",
            "https://example.com/a",
            m::resource_error(EN, &tandem::domain::guide::ResourceError::EmptyTitle),
        ),
    ];
    for (title, link, expected) in &refusals {
        let r = app
            .sim
            .command(app.guild.id, moderator, "resources add")
            .opt("title", json!(title))
            .opt("link", json!(link))
            .opt("audience", json!("everyone"))
            .unchecked()
            .run()
            .await;
        assert!(r.ephemeral(), "{}", r.data);
        assert_eq!(r.content(), expected, "{title:?} {link:?}");
        assert!(r.embeds().is_empty() && r.custom_ids().is_empty());
    }
    let long = "x".repeat(101);
    let r = app
        .sim
        .command(app.guild.id, moderator, "resources add")
        .opt("title", json!(long))
        .opt("link", json!("https://example.com/a"))
        .opt("audience", json!("everyone"))
        .unchecked()
        .run()
        .await;
    assert!(r.ephemeral());
    assert_eq!(
        r.content(),
        "That title is 101 characters; please keep it to 100."
    );
    // A plain member may not change the resources, whatever their client sends.
    for (command, options) in [
        (
            "resources add",
            vec![
                ("title", json!("Mine")),
                ("link", json!("https://example.com/mine")),
                ("audience", json!("everyone")),
            ],
        ),
        ("resources remove", vec![("id", json!(1))]),
        ("resources list", vec![]),
    ] {
        let mut call = app
            .sim
            .command(app.guild.id, app.member, command)
            .bypass_permissions();
        for (k, v) in options {
            call = call.opt(k, v);
        }
        let r = call.run().await;
        assert!(r.ephemeral());
        assert_eq!(r.content(), m::ONLY_MODERATORS.get(EN), "/{command}");
    }
    assert_eq!(dumper.settled().await, before, "refusals change nothing");

    // The list, with numbers; removing an unknown number is refused, a known one removed.
    let list = app.run(moderator, "resources list", &[]).await;
    assert!(list.ephemeral());
    let text = list.text();
    assert!(
        text.contains("`#1` '@everyone' **Mentor** handbook: https://example.com/Handbook (for mentors, added <t:"),
        "{text}"
    );
    assert!(text.contains("1 of 25 resources"), "{text}");
    let r = app
        .run(moderator, "resources remove", &[("id", json!(7))])
        .await;
    assert_eq!(r.content(), m::no_resource(EN, 7));
    let r = app
        .run(moderator, "resources remove", &[("id", json!(1))])
        .await;
    assert!(
        r.content().starts_with("Removed resource #1:"),
        "{}",
        r.content()
    );
    assert!(db.resources(app.guild.id).await.unwrap().is_empty());
    let actions: Vec<String> = db
        .audit_entries(app.guild.id, 5)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(&actions[..2], ["resource.remove", "resource.add"]);
    let empty = app.run(moderator, "resources list", &[]).await.text();
    assert!(empty.contains(&m::LIST_EMPTY.get(EN)), "{empty}");

    // A full list: the 26th is refused and nothing is added.
    let entry = AuditEntry {
        guild_id: app.guild.id,
        actor_id: Some(moderator),
        action: "resource.add".into(),
        target_id: None,
        detail: None,
        at: tandem::clock::Clock::now(&*app.clock),
    };
    for i in 0..MAX_RESOURCES {
        let added = db
            .add_resource(
                app.guild.id,
                &format!("Resource {i}"),
                &format!("https://example.com/{i}"),
                ResourceAudience::Everyone,
                &entry,
            )
            .await
            .unwrap();
        assert!(matches!(added, ResourceAdded::Added(_)), "{i}");
    }
    let text = add(
        &app,
        moderator,
        "One too many",
        "https://example.com/x",
        "everyone",
    )
    .await;
    assert_eq!(text, m::full(EN));
    assert_eq!(
        db.resources(app.guild.id).await.unwrap().len(),
        MAX_RESOURCES
    );
    // All 25 still fit the guide and the list.
    let guide = app.run(moderator, "guide", &[]).await.text();
    assert!(
        guide.contains("Resource 24: https://example.com/24"),
        "{guide}"
    );
    let list = app.run(moderator, "resources list", &[]).await.text();
    assert!(list.contains("25 of 25 resources"), "{list}");
}

#[tokio::test]
async fn with_orientation_required_a_newly_approved_mentor_is_paired_only_after_reading_the_guide()
{
    let (app, s, moderator) = programme(true).await;
    let text = add(
        &app,
        moderator,
        "Mentor handbook",
        "https://example.com/h",
        "mentors",
    )
    .await;
    assert!(text.contains("Added"), "{text}");
    // A mentor approved before orientation was required is never blocked.
    let old = app.person("olga", None);
    enrol(&app, old, "mentor").await;
    let digest = s.digest;
    let approve = |mentor: u64| {
        let app = &app;
        async move {
            let id = format!("mentor:approve:{mentor}");
            let on = app
                .sim
                .wait_for(WAIT, |m, _| {
                    m.messages
                        .values()
                        .find(|msg| msg.channel_id == digest && msg.custom_ids().contains(&id))
                        .cloned()
                })
                .await
                .expect("the application in the digest channel");
            let press = app.sim.click(app.guild.id, moderator, on.id, &id).await;
            let reply = app.sim.reply(press).await;
            assert!(reply.text().contains("Approved by"), "{}", reply.text());
        }
    };
    approve(old).await;
    app.sim.wait_for_dms(old, 2).await;
    require_orientation(&app).await;

    let nia = app.person("nia", None);
    enrol(&app, nia, "mentor").await;
    approve(nia).await;
    // The approval's DM carries the guide (with the mentors' resources) and the button.
    let dms = app.sim.wait_for_dms(nia, 2).await;
    let dm = &dms[1];
    assert_eq!(dm.content(), m::dm(EN, "Mentoring Club", true));
    let body = dm.body.to_string();
    assert!(body.contains(&m::CONDUCT_HEADING.get(EN)), "{body}");
    assert!(body.contains("Mentor handbook"), "{body}");
    assert_eq!(dm.custom_ids(), vec![read_id(&app, nia)]);
    assert!(body.contains(&m::READ_BUTTON.get(EN)), "{body}");
    // The one approved before has nothing to read.
    assert_eq!(
        app.sim.dms_to(old).len(),
        2,
        "application and approval only"
    );

    let tom = app.person("tom", None);
    enrol(&app, tom, "mentee").await;
    let r = app
        .run(moderator, "pair create", &pair_create(nia, tom))
        .await;
    assert!(r.ephemeral());
    assert_eq!(r.content(), m::mentor_not_oriented(EN, nia));
    let db = app.db().await;
    assert!(db
        .open_pairs_of(app.guild.id, tom)
        .await
        .unwrap()
        .is_empty());

    // Her profile and the members' list say what she still has to do.
    let owed = m::PROFILE_OWED.get(EN);
    let profile = app.run(nia, "profile view", &[]).await;
    assert!(profile.text().contains(&owed), "{}", profile.text());
    let profile = app
        .run(
            moderator,
            "profile view",
            &[("user", json!(nia.to_string()))],
        )
        .await;
    assert!(profile.text().contains(&owed), "{}", profile.text());
    let old_profile = app
        .run(
            moderator,
            "profile view",
            &[("user", json!(old.to_string()))],
        )
        .await;
    assert!(
        !old_profile.text().contains(&owed),
        "{}",
        old_profile.text()
    );
    let members = app.run(moderator, "members", &[]).await;
    let waiting = members
        .text()
        .split(&m::MEMBERS_HEADING.get(EN))
        .nth(1)
        .map(|rest| rest.lines().nth(1).unwrap_or_default().to_string())
        .unwrap_or_else(|| panic!("no orientation list: {}", members.text()));
    assert_eq!(waiting, format!("<@{nia}>"), "{}", members.text());

    // Suggestions leave her out and say so; the mentor approved earlier is proposed.
    let preview = app.run(moderator, "pair suggest", &[]).await;
    let text = preview.text();
    assert!(text.contains("1 pair suggested"), "{text}");
    assert!(text.contains(&format!("<@{old}>")), "{text}");
    assert!(!text.contains(&format!("<@{nia}>")), "{text}");
    assert!(text.contains(&m::suggest_left_out(EN, 1)), "{text}");

    // She reads it: recorded once, confirmed privately; a second press says it is done.
    let reply = press_read(&app, nia).await;
    assert_eq!(reply.content(), m::READ_THANKS.get(EN));
    assert!(!db.owes_orientation(app.guild.id, nia).await.unwrap());
    let dumper = Dumper::open(&app.settings.database.url).await;
    let first = dumper.settled().await;
    let again = press_read(&app, nia).await;
    assert!(
        again
            .content()
            .starts_with("You already confirmed you read the guide on <t:"),
        "{}",
        again.content()
    );
    assert_eq!(
        dumper.settled().await,
        first,
        "a second press changes nothing"
    );
    let orients = db
        .audit_entries(app.guild.id, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "member.orient")
        .count();
    assert_eq!(orients, 1);
    // Someone else cannot confirm for her.
    let on = message_with(&app, &read_id(&app, nia)).unwrap();
    let press = app
        .sim
        .click(app.guild.id, app.member, on.id, &read_id(&app, nia))
        .await;
    assert_eq!(
        app.sim.reply(press).await.content(),
        messages::members::NOT_YOUR_BUTTON.get(EN)
    );

    let profile = app.run(nia, "profile view", &[]).await;
    assert!(!profile.text().contains(&owed), "{}", profile.text());
    let members = app.run(moderator, "members", &[]).await;
    assert!(
        !members.text().contains(&m::MEMBERS_HEADING.get(EN)),
        "{}",
        members.text()
    );

    let r = app
        .run(moderator, "pair create", &pair_create(nia, tom))
        .await;
    assert!(r.content().starts_with("Paired <@"), "{}", r.content());
    assert_eq!(db.open_pairs_of(app.guild.id, tom).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_mentor_enrolled_at_once_whose_dms_are_closed_finds_the_button_in_the_guide() {
    let (app, _s, moderator) = programme(false).await;
    require_orientation(&app).await;
    let mel = app.person("mel", None);
    app.sim.close_dms(mel);
    let r = enrol(&app, mel, "mentor").await;
    assert!(r.text().contains("One step left"), "{}", r.text());
    let guide = app.run(mel, "guide", &[]).await;
    assert!(guide.ephemeral());
    assert_eq!(guide.content(), m::OWED_NOTE.get(EN));
    assert_eq!(guide.custom_ids(), vec![read_id(&app, mel)]);
    assert!(app.sim.dms_to(mel).is_empty(), "her DMs are closed");

    let mentee = app.person("tim", None);
    enrol(&app, mentee, "mentee").await;
    let r = app.run(moderator, "pair suggest", &[]).await;
    assert_eq!(r.content(), m::suggest_all_waiting(EN, 1));

    let reply = press_read(&app, mel).await;
    assert_eq!(reply.content(), m::READ_THANKS.get(EN));
    let guide = app.run(mel, "guide", &[]).await;
    assert!(guide.custom_ids().is_empty(), "nothing owed any more");
    let r = app.run(moderator, "pair suggest", &[]).await;
    assert!(r.text().contains("1 pair suggested"), "{}", r.text());

    // A mentor who left and came back after reading it owes nothing again.
    let r = app.run(mel, "withdraw", &[]).await;
    let yes = r
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("withdraw:yes:"))
        .expect("the confirm button");
    let on = message_with(&app, &yes).unwrap();
    let press = app.sim.click(app.guild.id, mel, on.id, &yes).await;
    app.sim.reply(press).await;
    app.sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .get(&on.id)
                .filter(|msg| msg.content().contains("You've left"))
                .map(|_| ())
        })
        .await
        .expect("she left");
    let r = enrol(&app, mel, "mentor").await;
    assert!(!r.text().contains("One step left"), "{}", r.text());
    let db = app.db().await;
    assert!(!db.owes_orientation(app.guild.id, mel).await.unwrap());
}

#[tokio::test]
async fn the_digest_lists_mentors_waiting_on_orientation() {
    let (app, _s, moderator) = programme(false).await;
    let waiting = "Waiting on orientation";
    let before = app.run(moderator, "digest", &[]).await.text();
    assert!(!before.contains(waiting), "{before}");

    require_orientation(&app).await;
    let (ana, ben) = (app.person("ana", None), app.person("ben", None));
    enrol(&app, ana, "mentor").await;
    enrol(&app, ben, "mentor").await;
    let digest = app.run(moderator, "digest", &[]).await;
    let text = digest.embeds()[0]["description"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains(&format!(
            "**Waiting on orientation** (2 mentors): <@{ana}>, <@{ben}>."
        )),
        "{text}"
    );

    press_read(&app, ana).await;
    let text = app.run(moderator, "digest", &[]).await.text();
    assert!(
        text.contains(&format!("**Waiting on orientation** (1 mentor): <@{ben}>.")),
        "{text}"
    );
    press_read(&app, ben).await;
    let text = app.run(moderator, "digest", &[]).await.text();
    assert!(!text.contains(waiting), "nothing when nobody waits: {text}");
}

#[tokio::test]
async fn a_spanish_member_reads_the_guide_and_its_dm_in_spanish() {
    let (app, _s, moderator) = programme(false).await;
    add(
        &app,
        moderator,
        "Manual",
        "https://example.com/manual",
        "everyone",
    )
    .await;
    let ana = app.person("ana", None);
    app.sim.set_locale(ana, "es-ES");
    let guide = app.run(ana, "guide", &[]).await.text();
    for key in [
        m::TITLE,
        m::CONDUCT_HEADING,
        m::CONFIDENTIALITY_HEADING,
        m::RESOURCES_HEADING,
    ] {
        let spanish = key.get(Locale::Es);
        assert_ne!(spanish, key.get(EN));
        assert!(guide.contains(&spanish), "{spanish}: {guide}");
    }
    assert!(
        guide.contains("Manual: https://example.com/manual"),
        "{guide}"
    );

    // Enrolled at once with orientation required: the DM and its button are in Spanish too.
    require_orientation(&app).await;
    enrol(&app, ana, "mentor").await;
    let dm = app.sim.wait_for_dms(ana, 1).await.remove(0);
    assert_eq!(dm.content(), m::dm(Locale::Es, "Mentoring Club", false));
    assert!(
        dm.body
            .to_string()
            .contains(&m::READ_BUTTON.get(Locale::Es)),
        "{}",
        dm.body
    );
    let reply = press_read(&app, ana).await;
    assert_eq!(reply.content(), m::READ_THANKS.get(Locale::Es));
}
