//! Pairing end to end: manual and suggested pairs, the private channel, lifecycle and goals.

use std::time::Duration;

use discord_sim::{channel_type, perms};
use serde_json::{json, Value};
use tandem::clock::Clock;
use tandem::domain::pair::PairStatus;

use crate::support::{Server, TestApp};

pub(crate) struct Programme {
    pub(crate) app: TestApp,
    pub(crate) s: Server,
    pub(crate) moderator: u64,
}

pub(crate) async fn programme() -> Programme {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    app.run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    let moderator = app.person("mo", Some(s.mods));
    Programme { app, s, moderator }
}

impl Programme {
    pub(crate) async fn mentor(&self, name: &str, topics: &str, tz: &str, capacity: i64) -> u64 {
        let user = self.app.person(name, None);
        let reply = self
            .app
            .run(
                user,
                "enrol mentor",
                &[
                    ("topics", json!(topics)),
                    ("timezone", json!(tz)),
                    ("capacity", json!(capacity)),
                ],
            )
            .await;
        assert!(reply.text().contains("mentor"), "{}", reply.text());
        user
    }

    pub(crate) async fn mentee(&self, name: &str, topics: &str, tz: &str) -> u64 {
        let user = self.app.person(name, None);
        let reply = self
            .app
            .run(
                user,
                "enrol mentee",
                &[
                    ("topics", json!(topics)),
                    ("timezone", json!(tz)),
                    ("goals", json!("Get better at this")),
                ],
            )
            .await;
        assert!(reply.text().contains("mentee"), "{}", reply.text());
        user
    }

    /// `/pair create` by the moderator; returns the reply text.
    pub(crate) async fn pair(&self, mentor: u64, mentee: u64) -> String {
        self.app
            .run(
                self.moderator,
                "pair create",
                &[
                    ("mentor", json!(mentor.to_string())),
                    ("mentee", json!(mentee.to_string())),
                ],
            )
            .await
            .text()
    }

    /// The id of the pair whose channel is `channel`.
    pub(crate) async fn pair_id(&self, channel: u64) -> i64 {
        let db = self.app.db().await;
        let pair = db.pair_by_channel(channel).await.unwrap().expect("a pair");
        db.close().await;
        pair.id
    }

    pub(crate) async fn pair_channel(&self, mentor: u64, mentee: u64) -> u64 {
        let db = self.app.db().await;
        db.open_pairs_of(self.app.guild.id, mentee)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.mentor_id == Some(mentor))
            .and_then(|p| p.channel_id)
            .expect("an open pair with a channel")
    }

    /// Runs a command inside a channel and waits for the reply.
    pub(crate) async fn run_in(
        &self,
        channel: u64,
        user: u64,
        command: &str,
        options: &[(&str, Value)],
    ) -> discord_sim::Reply {
        let mut call = self
            .app
            .sim
            .command(self.app.guild.id, user, command)
            .in_channel(channel);
        for (name, value) in options {
            call = call.opt(name, value.clone());
        }
        call.run().await
    }

    pub(crate) async fn status_of(&self, channel: u64) -> PairStatus {
        self.app
            .db()
            .await
            .pair_by_channel(channel)
            .await
            .unwrap()
            .unwrap()
            .status
    }
}

#[tokio::test]
async fn a_moderator_pairs_two_people_and_they_get_a_private_channel_with_a_welcome() {
    let p = programme().await;
    let mentor = p.mentor("Ada Lovelace", "rust", "Europe/London", 1).await;
    let mentee = p.mentee("Max", "rust", "Europe/Berlin").await;
    let text = p.pair(mentor, mentee).await;
    assert!(text.contains("Paired"), "{text}");
    let channel = p.pair_channel(mentor, mentee).await;

    // Exactly the overwrites of discord-notes.md, as the request body sent them.
    let create = p
        .app
        .sim
        .requests_to("POST", "/channels")
        .into_iter()
        .find(|r| r.body["name"] == "ada-lovelace-max")
        .expect("the channel was created with both names");
    assert_eq!(create.body["parent_id"], json!(p.s.category.to_string()));
    let mut overwrites: Vec<(String, u64, u64, u64)> = create.body["permission_overwrites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let bits = |v: &Value| {
                v.as_str()
                    .map_or_else(|| v.as_u64().unwrap(), |s| s.parse().unwrap())
            };
            (
                o["id"].as_str().unwrap().to_string(),
                o["type"].as_u64().unwrap(),
                bits(&o["allow"]),
                bits(&o["deny"]),
            )
        })
        .collect();
    overwrites.sort();
    let member = perms::VIEW_CHANNEL | perms::SEND_MESSAGES | perms::READ_MESSAGE_HISTORY;
    let bot = perms::VIEW_CHANNEL
        | perms::SEND_MESSAGES
        | perms::EMBED_LINKS
        | perms::ATTACH_FILES
        | perms::MANAGE_CHANNELS;
    let mut expected = vec![
        (p.app.guild.id.to_string(), 0, 0, perms::VIEW_CHANNEL),
        (mentor.to_string(), 1, member, 0),
        (mentee.to_string(), 1, member, 0),
        (p.s.mods.to_string(), 0, perms::VIEW_CHANNEL, 0),
        (p.app.sim.bot_id().to_string(), 1, bot, 0),
    ];
    expected.sort();
    assert_eq!(overwrites, expected);

    let welcome = &p.app.sim.messages_in(channel)[0];
    let text = welcome.body.to_string();
    assert!(text.contains(&format!("<@{mentor}>")) && text.contains(&format!("<@{mentee}>")));
    assert!(text.contains("/goal add"), "{text}");
    assert!(text.contains("To get started"), "three icebreakers: {text}");
    for user in [mentor, mentee] {
        let dms = p.app.sim.wait_for_dms(user, 1).await;
        assert!(dms
            .last()
            .unwrap()
            .content()
            .contains(&format!("<#{channel}>")));
    }
    let audit = p
        .app
        .db()
        .await
        .audit_entries(p.app.guild.id, 50)
        .await
        .unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "pair.create" && e.actor_id == Some(p.moderator)));
}

#[tokio::test]
async fn pair_create_refuses_bad_pairs_and_non_moderators_with_a_clear_reason() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    let other = p.mentee("cat", "rust", "UTC").await;
    let stranger = p.app.person("dan", None);

    let refused = p
        .app
        .run(
            p.app.member,
            "pair create",
            &[
                ("mentor", json!(mentor.to_string())),
                ("mentee", json!(mentee.to_string())),
            ],
        )
        .await;
    assert!(refused.ephemeral());
    assert!(
        refused.text().contains("Only moderators"),
        "{}",
        refused.text()
    );

    assert!(p
        .pair(stranger, mentee)
        .await
        .contains("isn't an active mentor"));
    assert!(p
        .pair(mentor, stranger)
        .await
        .contains("isn't an active mentee"));
    assert!(p
        .pair(mentor, mentor)
        .await
        .contains("two different people"));
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
    assert!(p.pair(mentor, mentee).await.contains("already mentors 1"));
    let db = p.app.db().await;
    assert_eq!(db.open_pairs(p.app.guild.id).await.unwrap().len(), 1);
    assert!(db
        .open_pairs_of(p.app.guild.id, other)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn when_the_category_holds_fifty_channels_new_pairs_go_to_a_new_category() {
    let p = programme().await;
    for i in 0..50 {
        p.app.sim.create_channel(
            p.app.guild.id,
            &format!("c{i}"),
            channel_type::TEXT,
            Some(p.s.category),
        );
    }
    let mentor = p.mentor("ann", "rust", "UTC", 2).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
    let channel = p.pair_channel(mentor, mentee).await;
    let (parent, parent_name) = p.app.sim.with_model(|m| {
        let parent = m.channels[&channel].parent_id.unwrap();
        (parent, m.channels[&parent].name.clone())
    });
    assert_ne!(parent, p.s.category);
    assert_eq!(parent_name, "Mentoring 2");

    // The next pair finds the new category without making a third one.
    let second = p.mentee("cy", "rust", "UTC").await;
    assert!(p.pair(mentor, second).await.contains("Paired"));
    let channel = p.pair_channel(mentor, second).await;
    assert_eq!(
        p.app.sim.with_model(|m| m.channels[&channel].parent_id),
        Some(parent)
    );
}

#[tokio::test]
async fn a_suggestion_is_a_preview_until_a_moderator_approves_it() {
    let p = programme().await;
    let rust_mentor = p.mentor("ann", "rust, sql", "Europe/Berlin", 1).await;
    let design_mentor = p.mentor("ben", "design", "America/New_York", 1).await;
    let rust_mentee = p.mentee("cat", "rust", "Europe/Paris").await;
    let design_mentee = p.mentee("dan", "design, ux", "America/Chicago").await;
    let unlucky = p.mentee("eve", "cooking", "Asia/Tokyo").await;

    let reply = p.app.run(p.moderator, "pair suggest", &[]).await;
    assert!(reply.ephemeral());
    let text = reply.text();
    assert!(
        text.contains(&format!("<@{rust_mentor}> → <@{rust_mentee}>")),
        "{text}"
    );
    assert!(
        text.contains(&format!("<@{design_mentor}> → <@{design_mentee}>")),
        "{text}"
    );
    assert!(text.contains("shared topic"), "{text}");
    assert!(text.contains("awake overlap"), "{text}");
    assert!(
        text.contains(&format!("<@{unlucky}>: no mentor with a free place")),
        "{text}"
    );
    assert!(
        p.app
            .db()
            .await
            .open_pairs(p.app.guild.id)
            .await
            .unwrap()
            .is_empty(),
        "nothing created yet"
    );

    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let approve_all = reply
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:all:"))
        .unwrap();

    // A member who somehow presses the button is refused.
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.app.member, message, &approve_all)
        .await;
    assert!(p
        .app
        .sim
        .reply(press)
        .await
        .text()
        .contains("Only moderators"));
    assert!(p
        .app
        .db()
        .await
        .open_pairs(p.app.guild.id)
        .await
        .unwrap()
        .is_empty());

    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, message, &approve_all)
        .await;
    let done = p
        .app
        .sim
        .wait_for(Duration::from_secs(10), |m, _| {
            let body = m.messages.get(&message)?.body.to_string();
            body.contains("Created 2 pairs").then_some(body)
        })
        .await
        .expect("the preview turns into a summary");
    assert!(done.contains(&format!("<@{rust_mentee}>")));
    let _ = press;
    assert_eq!(
        p.app
            .db()
            .await
            .open_pairs(p.app.guild.id)
            .await
            .unwrap()
            .len(),
        2
    );

    // Pressing again after approval does nothing more.
    let again = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, message, &approve_all)
        .await;
    assert!(p
        .app
        .sim
        .reply(again)
        .await
        .text()
        .contains("already approved or discarded"));
    assert_eq!(
        p.app
            .db()
            .await
            .open_pairs(p.app.guild.id)
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn a_moderator_can_approve_only_the_selected_suggestions_or_discard_them() {
    let p = programme().await;
    let a = p.mentor("ann", "rust", "UTC", 1).await;
    let b = p.mentor("ben", "go", "UTC", 1).await;
    let x = p.mentee("xia", "rust", "UTC").await;
    let y = p.mentee("yan", "go", "UTC").await;
    let reply = p.app.run(p.moderator, "pair suggest", &[]).await;
    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let pick = reply
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:pick:"))
        .unwrap();
    let text = reply.text();
    // Proposals are numbered; pick the one for xia.
    let index = if text.find(&format!("<@{a}> → <@{x}>")) < text.find(&format!("<@{b}> → <@{y}>"))
    {
        "0"
    } else {
        "1"
    };
    let chosen = p
        .app
        .sim
        .select(p.app.guild.id, p.moderator, message, &pick, &[index])
        .await;
    let updated = p.app.sim.reply(chosen).await;
    let selected = updated
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:sel:"))
        .unwrap();
    assert!(
        updated.text().contains("Approve selected (1)")
            || updated.data.to_string().contains("Approve selected (1)")
    );
    p.app
        .sim
        .click(p.app.guild.id, p.moderator, message, &selected)
        .await;
    p.app
        .sim
        .wait_for(Duration::from_secs(10), |m, _| {
            m.messages
                .get(&message)?
                .body
                .to_string()
                .contains("Created 1 pair")
                .then_some(())
        })
        .await
        .expect("one pair created");
    let db = p.app.db().await;
    assert_eq!(db.open_pairs_of(p.app.guild.id, x).await.unwrap().len(), 1);
    assert!(db
        .open_pairs_of(p.app.guild.id, y)
        .await
        .unwrap()
        .is_empty());

    // A new suggestion for the rest, discarded.
    let reply = p.app.run(p.moderator, "pair suggest", &[]).await;
    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let discard = reply
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:discard:"))
        .unwrap();
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, message, &discard)
        .await;
    assert!(p.app.sim.reply(press).await.text().contains("Discarded"));
    assert!(db
        .open_pairs_of(p.app.guild.id, y)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_pair_pauses_and_resumes_by_itself() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;

    let outside = p
        .app
        .run(mentee, "pair pause", &[("weeks", json!(2))])
        .await;
    assert!(outside
        .text()
        .contains("inside your pair's private channel"));
    let stranger = p
        .run_in(channel, p.app.member, "pair pause", &[("weeks", json!(2))])
        .await;
    assert!(stranger.text().contains("Only the two members"));

    let reply = p
        .run_in(channel, mentee, "pair pause", &[("weeks", json!(2))])
        .await;
    assert!(!reply.ephemeral(), "the pair sees the pause");
    assert!(reply.text().contains("<t:"), "{}", reply.text());
    assert_eq!(p.status_of(channel).await, PairStatus::Paused);
    let pair = p
        .app
        .db()
        .await
        .pair_by_channel(channel)
        .await
        .unwrap()
        .unwrap();
    let now = p.app.clock.now();
    assert_eq!(pair.status_at(now), PairStatus::Paused);
    assert_eq!(
        pair.status_at(now + chrono::Duration::weeks(2)),
        PairStatus::Active
    );
}

#[tokio::test]
async fn ending_a_pair_archives_the_channel_frees_the_mentor_and_asks_for_an_exit_survey() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;

    let reply = p
        .run_in(
            channel,
            mentor,
            "pair end",
            &[("reason", json!("completed"))],
        )
        .await;
    assert!(reply.text().contains("pair has ended"), "{}", reply.text());
    let pair = p
        .app
        .db()
        .await
        .pair_by_channel(channel)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pair.status, PairStatus::Ended);

    // Read-only for both members: the channel stays, sending is denied.
    let overwrites = p
        .app
        .sim
        .with_model(|m| m.channels[&channel].overwrites.clone());
    for user in [mentor, mentee] {
        let o = overwrites.iter().find(|o| o.id == user).unwrap();
        assert_eq!(o.deny & perms::SEND_MESSAGES, perms::SEND_MESSAGES);
        assert_eq!(o.allow & perms::VIEW_CHANNEL, perms::VIEW_CHANNEL);
    }
    // The mentor has room again.
    let next = p.mentee("cy", "rust", "UTC").await;
    assert!(p.pair(mentor, next).await.contains("Paired"));

    // The exit survey: a wrong rating is explained, a right one saved.
    let notice = p
        .app
        .sim
        .messages_in(channel)
        .into_iter()
        .find(|m| m.body.to_string().contains("pair:survey:"))
        .expect("the survey button is in the channel");
    let press = p
        .app
        .sim
        .click(
            p.app.guild.id,
            mentee,
            notice.id,
            &format!("pair:survey:{}", pair.id),
        )
        .await;
    assert_eq!(p.app.sim.reply(press).await.kind, 9, "a modal opens");
    let survey = format!("pair:survey:{}", pair.id);
    let bad = p
        .app
        .sim
        .submit_modal(
            p.app.guild.id,
            channel,
            mentee,
            &survey,
            &[("rating", "great"), ("worked", ""), ("change", "")],
        )
        .await;
    assert!(p.app.sim.reply(bad).await.text().contains("1 to 5"));
    let good = p
        .app
        .sim
        .submit_modal(
            p.app.guild.id,
            channel,
            mentee,
            &survey,
            &[("rating", "4"), ("worked", "Weekly calls"), ("change", "")],
        )
        .await;
    assert!(p.app.sim.reply(good).await.text().contains("Thank you"));
    let export = p
        .app
        .db()
        .await
        .export_user(p.app.guild.id, mentee)
        .await
        .unwrap();
    assert_eq!(export["exit_surveys"][0]["rating"], 4);

    // Ending again is refused plainly.
    let again = p
        .run_in(channel, mentor, "pair end", &[("reason", json!("other"))])
        .await;
    assert!(again.text().contains("already ended"), "{}", again.text());
}

#[tokio::test]
async fn a_refit_request_reaches_only_the_moderators_and_repair_puts_the_mentee_back() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;
    // Ephemeral replies are only seen by the one who asked.
    let public = |p: &Programme| {
        p.app
            .sim
            .messages_in(channel)
            .into_iter()
            .filter(|m| m.body["flags"].as_u64().unwrap_or(0) & 64 == 0)
            .count()
    };
    let before = public(&p);

    let reply = p.run_in(channel, mentee, "pair refit", &[]).await;
    assert!(reply.ephemeral());
    assert!(reply.text().contains("told the moderators privately"));
    assert_eq!(public(&p), before, "nothing said in the pair channel");
    let request = p
        .app
        .sim
        .messages_in(p.s.digest)
        .into_iter()
        .find(|m| m.body.to_string().contains("pair:repair:"))
        .expect("the moderators got the request");

    let pair_id = p.pair_id(channel).await;
    let repair = format!("pair:repair:{pair_id}");
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.app.member, request.id, &repair)
        .await;
    assert!(p
        .app
        .sim
        .reply(press)
        .await
        .text()
        .contains("Only moderators"));
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, request.id, &repair)
        .await;
    assert!(p.app.sim.reply(press).await.text().contains("Re-paired by"));
    p.app
        .sim
        .wait_for(Duration::from_secs(5), |m, _| {
            (m.dms_to(mentor).len() >= 2).then_some(())
        })
        .await
        .expect("the mentor is told");
    let told = p
        .app
        .sim
        .dms_to(mentor)
        .last()
        .unwrap()
        .content()
        .to_string();
    assert!(told.contains("has ended"), "{told}");
    assert!(
        !told.contains("fit") && !told.contains("asked"),
        "no reason given: {told}"
    );

    let pair = p
        .app
        .db()
        .await
        .pair_by_channel(channel)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        pair.end_reason,
        Some(tandem::domain::pair::EndReason::NotAGoodFit)
    );
    let waiting: Vec<u64> = p
        .app
        .db()
        .await
        .waiting_mentees(p.app.guild.id)
        .await
        .unwrap()
        .iter()
        .map(|p| p.user_id)
        .collect();
    assert_eq!(waiting, [mentee], "the mentee is back in the queue");
}

#[tokio::test]
async fn a_pair_channel_deleted_by_hand_marks_the_pair_broken_and_moderators_hear_once() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;
    p.app.sim.delete_channel(channel);
    let notices = |m: &discord_sim::Model| {
        m.messages
            .values()
            .filter(|msg| msg.channel_id == p.s.digest && msg.body.to_string().contains("broken"))
            .count()
    };
    p.app
        .sim
        .wait_for(Duration::from_secs(5), |m, _| {
            (notices(m) == 1).then_some(())
        })
        .await
        .expect("one notice");
    assert_eq!(p.status_of(channel).await, PairStatus::Broken);
    // A second delete event (e.g. a replay) does not repeat the notice.
    p.app.sim.delete_channel(channel);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(p.app.sim.with_model(notices), 1);
}

#[tokio::test]
async fn goals_are_added_finished_with_a_celebration_listed_and_exported() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;

    let outside = p
        .app
        .run(mentee, "goal add", &[("title", json!("x"))])
        .await;
    assert!(outside
        .text()
        .contains("inside your pair's private channel"));
    let bad = p
        .run_in(
            channel,
            mentee,
            "goal add",
            &[("title", json!("Ship it")), ("due", json!("next friday"))],
        )
        .await;
    assert!(bad.text().contains("2026-12-24"), "{}", bad.text());
    let added = p
        .run_in(
            channel,
            mentee,
            "goal add",
            &[
                ("title", json!("Ship  the CLI")),
                ("due", json!("in 2 weeks")),
            ],
        )
        .await;
    assert!(!added.ephemeral());
    assert!(
        added.text().contains("#1: Ship the CLI"),
        "{}",
        added.text()
    );
    assert!(added.text().contains("<t:"), "{}", added.text());
    p.run_in(
        channel,
        mentor,
        "goal add",
        &[("title", json!("Write a blog post"))],
    )
    .await;

    let done = p
        .run_in(channel, mentor, "goal done", &[("id", json!(1))])
        .await;
    assert!(done.text().contains("🎉"), "{}", done.text());
    assert!(done.text().contains(&format!("<@{mentee}>")));
    let twice = p
        .run_in(channel, mentor, "goal done", &[("id", json!(1))])
        .await;
    assert!(twice.ephemeral() && twice.text().contains("already done"));
    let missing = p
        .run_in(channel, mentor, "goal done", &[("id", json!(9))])
        .await;
    assert!(missing.text().contains("no goal #9"));

    let list = p.run_in(channel, mentee, "goal list", &[]).await;
    let text = list.text();
    assert!(
        text.find("#2 Write a blog post") < text.find("#1 Ship the CLI"),
        "open first: {text}"
    );
    assert!(text.contains("✅ #1"), "{text}");

    let stranger = p.run_in(channel, p.app.member, "goal list", &[]).await;
    assert!(stranger.text().contains("Only the two members"));

    let export = p
        .app
        .db()
        .await
        .export_user(p.app.guild.id, mentee)
        .await
        .unwrap();
    assert_eq!(export["goals"].as_array().unwrap().len(), 2, "{export}");
}

#[tokio::test]
async fn withdrawing_ends_the_pairs_of_that_role() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "UTC", 1).await;
    let mentee = p.mentee("bob", "rust", "UTC").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;
    let reply = p.app.run(mentor, "withdraw", &[]).await;
    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let yes = reply
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("withdraw:yes"))
        .unwrap();
    let press = p.app.sim.click(p.app.guild.id, mentor, message, &yes).await;
    p.app.sim.edited_reply(press).await;
    let pair = p
        .app
        .db()
        .await
        .pair_by_channel(channel)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pair.status, PairStatus::Ended);
    assert_eq!(
        pair.end_reason,
        Some(tandem::domain::pair::EndReason::Withdrawn)
    );
}

#[tokio::test]
async fn a_long_suggestion_is_paged_and_each_page_can_be_picked_from() {
    let p = programme().await;
    for i in 0..12 {
        p.mentor(&format!("mentor{i}"), "rust", "UTC", 1).await;
        p.mentee(&format!("mentee{i}"), "rust", "UTC").await;
    }
    let reply = p.app.run(p.moderator, "pair suggest", &[]).await;
    assert!(
        reply.text().contains("12 pairs suggested"),
        "{}",
        reply.text()
    );
    assert!(reply.text().contains("Page 1 of 2"), "{}", reply.text());
    assert!(reply.text().contains("**10.**") && !reply.text().contains("**11.**"));
    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    let next = reply
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:page:") && c.ends_with(":1"))
        .expect("a Next button");
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, message, &next)
        .await;
    let page2 = p.app.sim.reply(press).await;
    assert_eq!(page2.kind, 7, "the preview is updated in place");
    assert!(page2.text().contains("Page 2 of 2") && page2.text().contains("**11.**"));
    let pick = page2
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("pairs:pick:"))
        .unwrap();
    let chosen = p
        .app
        .sim
        .select(p.app.guild.id, p.moderator, message, &pick, &["10", "11"])
        .await;
    let picked = p.app.sim.reply(chosen).await;
    assert!(picked
        .custom_ids()
        .iter()
        .any(|c| c.starts_with("pairs:sel:") && c.ends_with(":10.11")));
}
