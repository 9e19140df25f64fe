//! Groups and circles end to end: a mentor with several mentees (`/pair create … mentee2…`,
//! capacity respected) and a peer circle (`/circle create`) in one private space each, the
//! circle's facilitator turning with each check-in, members leaving while the others carry on,
//! and the space ending once fewer than two remain.

use serde_json::{json, Value};
use tandem::clock::Clock;
use tandem::discord::messages::{self, pairs as m};
use tandem::domain::pair::{PairKind, PairStatus, SizeError};
use tandem::store::PairRefusal;
use tandem::text::Locale;

use crate::support::{checkin_prompt_in, enrolled, open_programme, until, TestApp};

const EN: Locale = Locale::En;

fn users(key: &str, ids: &[u64]) -> Vec<(String, Value)> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            let name = if i == 0 && key == "mentee" {
                "mentee".to_string()
            } else if key == "mentee" {
                format!("mentee{}", i + 1)
            } else {
                format!("{key}{}", i + 1)
            };
            (name, json!(id.to_string()))
        })
        .collect()
}

async fn run(app: &TestApp, user: u64, command: &str, options: &[(String, Value)]) -> String {
    let options: Vec<(&str, Value)> = options
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    app.run(user, command, &options).await.text()
}

/// `/withdraw` then the confirm button.
async fn withdraw(app: &TestApp, user: u64) {
    let reply = app.run(user, "withdraw", &[]).await;
    let confirm = reply
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("withdraw:yes"))
        .unwrap_or_else(|| panic!("no confirm button: {}", reply.text()));
    let message = crate::support::message_with(app, &confirm).expect("the confirm message");
    let press = app
        .sim
        .click(app.guild.id, user, message.id, &confirm)
        .await;
    app.sim.edited_reply(press).await;
}

#[tokio::test]
async fn a_mentor_guides_three_mentees_in_one_group_within_their_capacity() {
    let (app, _s, moderator) = open_programme().await;
    let ana = enrolled(&app, "ana", "mentor").await;
    let r = app
        .run(ana, "profile edit", &[("capacity", json!(3))])
        .await;
    assert!(r.ephemeral(), "{}", r.text());
    let (xia, yan, zoe, wes) = (
        enrolled(&app, "xia", "mentee").await,
        enrolled(&app, "yan", "mentee").await,
        enrolled(&app, "zoe", "mentee").await,
        enrolled(&app, "wes", "mentee").await,
    );
    let mut options = vec![("mentor".to_string(), json!(ana.to_string()))];
    options.extend(users("mentee", &[xia, yan, zoe]));
    let text = run(&app, moderator, "pair create", &options).await;
    let db = app.db().await;
    let group = db.open_pairs_of(app.guild.id, yan).await.unwrap()[0].clone();
    assert_eq!(group.kind, PairKind::Group);
    assert_eq!(group.mentor_id, Some(ana));
    assert_eq!(group.others, [xia, yan, zoe]);
    let channel = group.channel_id.unwrap();
    assert_eq!(
        text,
        m::created_space(EN, PairKind::Group, Some(ana), &[xia, yan, zoe], channel)
    );
    // Only the four (and the moderators and the bot) see it; each heard by DM who the others are.
    for user in [ana, xia, yan, zoe] {
        assert!(app.sim.can_view(user, channel), "{user}");
    }
    assert!(!app.sim.can_view(wes, channel));
    app.sim.wait_for_dms(zoe, 1).await;
    let dm = app.sim.dms_to(zoe).pop().unwrap();
    assert!(
        dm.content().contains("mentoring group") && dm.content().contains(&format!("<@{ana}>")),
        "{}",
        dm.content()
    );
    // The mentor's three places are taken: a fourth mentee is refused.
    let r = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(ana.to_string())),
                ("mentee", json!(wes.to_string())),
            ],
        )
        .await;
    assert_eq!(
        r.text(),
        m::refused(EN, PairRefusal::MentorFull { capacity: 3 }, ana, wes)
    );
    // Someone in the group cannot be in another pair too.
    let bo = enrolled(&app, "bo", "mentor").await;
    let r = app
        .run(
            moderator,
            "pair create",
            &[
                ("mentor", json!(bo.to_string())),
                ("mentee", json!(xia.to_string())),
            ],
        )
        .await;
    assert_eq!(r.text(), m::refused(EN, PairRefusal::MenteeTaken, bo, xia));

    // A mentee withdraws: the group carries on without them, and the others read that they
    // left (not why).
    withdraw(&app, yan).await;
    let now = db.pair(group.id).await.unwrap().unwrap();
    assert_eq!(now.status, PairStatus::Active);
    assert_eq!(now.others, [xia, zoe]);
    until("the others told", async || {
        app.sim
            .messages_in(channel)
            .iter()
            .any(|msg| msg.content() == m::left_space(EN, yan))
    })
    .await;
    until("the leaver's access taken back", async || {
        !app.sim.can_view(yan, channel)
    })
    .await;
    // The mentor ends the group: everyone's exit survey, the channel read-only.
    let r = app
        .sim
        .command(app.guild.id, ana, "pair end")
        .in_channel(channel)
        .opt("reason", "completed")
        .run()
        .await;
    assert_eq!(r.text(), m::ENDED.get(EN));
    assert_eq!(
        db.pair(group.id).await.unwrap().unwrap().status,
        PairStatus::Ended
    );
    for user in [xia, zoe] {
        until("an exit survey by DM", async || {
            app.sim.dms_to(user).iter().any(|d| {
                d.custom_ids()
                    .iter()
                    .any(|id| id.starts_with("pair:survey:"))
            })
        })
        .await;
    }
}

#[tokio::test]
async fn a_peer_circle_rotates_its_facilitator_and_lasts_while_two_remain() {
    let (app, _s, moderator) = open_programme().await;
    let peers = [
        enrolled(&app, "ada", "mentee").await,
        enrolled(&app, "ben", "mentee").await,
        enrolled(&app, "cy", "mentee").await,
        enrolled(&app, "di", "mentee").await,
    ];
    let r = app
        .run(
            moderator,
            "programme start",
            &[("name", json!("Autumn")), ("weeks", json!(8))],
        )
        .await;
    assert!(r.text().contains("Autumn"), "{}", r.text());
    let text = run(&app, moderator, "circle create", &users("member", &peers)).await;
    let db = app.db().await;
    let circle = db.open_pairs_of(app.guild.id, peers[2]).await.unwrap()[0].clone();
    assert_eq!(circle.kind, PairKind::Circle);
    assert_eq!((circle.mentor_id, circle.mentee_id), (None, None));
    assert_eq!(circle.others, peers);
    let channel = circle.channel_id.unwrap();
    assert_eq!(
        text,
        m::created_space(EN, PairKind::Circle, None, &peers, channel)
    );

    // Two check-in rounds: the first names Ada to open the conversation, the second Ben.
    for (round, expected) in [(1, peers[0]), (2, peers[1])] {
        let r = app.run(moderator, "checkin now", &[]).await;
        assert!(r.ephemeral(), "{}", r.text());
        let line = messages::checkins::facilitator(EN, expected);
        let mut found = 0;
        until("the check-in with its facilitator", async || {
            found = app
                .sim
                .messages_in(channel)
                .iter()
                .filter(|msg| msg.content().contains("Check-in time"))
                .count();
            found == round
        })
        .await;
        let prompt = app
            .sim
            .messages_in(channel)
            .into_iter()
            .rfind(|msg| msg.content().contains("Check-in time"))
            .unwrap();
        assert!(prompt.content().contains(&line), "{}", prompt.content());
        for p in peers {
            assert!(
                prompt.content().contains(&format!("<@{p}>")),
                "everyone is asked"
            );
        }
        // Let the next round be a new one (a round a minute later is another check-in).
        app.clock.set(app.clock.now() + chrono::Duration::hours(1));
    }
    // A peer's message counts for the circle.
    app.sim.say(peers[3], channel, "hi all");
    until("not counted", async || {
        db.message_total(app.guild.id).await.unwrap() >= 1
    })
    .await;

    // Di leaves with /pair end: the others carry on; Di still answers the exit survey.
    let r = app
        .sim
        .command(app.guild.id, peers[3], "pair end")
        .in_channel(channel)
        .opt("reason", "other")
        .run()
        .await;
    assert_eq!(r.text(), m::YOU_LEFT.get(EN));
    let survey = format!("pair:survey:{}", circle.id);
    until("Di's exit survey", async || {
        app.sim
            .dms_to(peers[3])
            .iter()
            .any(|d| d.custom_ids().contains(&survey))
    })
    .await;
    let dm = app
        .sim
        .dms_to(peers[3])
        .into_iter()
        .find(|d| d.custom_ids().contains(&survey))
        .unwrap();
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            dm.channel_id,
            peers[3],
            &survey,
            &[("rating", "4"), ("worked", ""), ("change", "")],
        )
        .await;
    assert_eq!(app.sim.reply(submit).await.text(), m::SURVEY_THANKS.get(EN));
    assert_eq!(
        db.pair(circle.id).await.unwrap().unwrap().others,
        peers[..3]
    );
    // Cy asks for another circle: leaves at once, the moderators hear it.
    let r = app
        .sim
        .command(app.guild.id, peers[2], "pair refit")
        .in_channel(channel)
        .run()
        .await;
    assert_eq!(r.text(), m::YOU_LEFT.get(EN));
    // Two remain: the circle goes on.
    let now = db.pair(circle.id).await.unwrap().unwrap();
    assert_eq!(
        (now.status, now.others.as_slice()),
        (PairStatus::Active, &peers[..2])
    );
    // Ben withdraws: one would be left, so the circle ends, and Ada gets the exit survey.
    withdraw(&app, peers[1]).await;
    until("the circle never ended", async || {
        db.pair(circle.id).await.unwrap().unwrap().status == PairStatus::Ended
    })
    .await;
    until("Ada's exit survey", async || {
        app.sim
            .dms_to(peers[0])
            .iter()
            .any(|d| d.custom_ids().contains(&survey))
    })
    .await;
    // Cy and Di are waiting again, for the moderators' next matching.
    let waiting: Vec<u64> = db
        .waiting_mentees(app.guild.id)
        .await
        .unwrap()
        .iter()
        .map(|p| p.user_id)
        .collect();
    assert!(
        waiting.contains(&peers[2]) && waiting.contains(&peers[3]),
        "{waiting:?}"
    );
    // The cycle's impact report counts all four: those who left took part too.
    let r = app.run(moderator, "programme report", &[]).await;
    assert!(
        r.text()
            .contains("**4 people** took part (0 mentors, 0 mentees, 4 in peer circles) in 1 pair"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn a_circle_needs_three_to_six_different_active_people_and_a_moderator() {
    let (app, _s, moderator) = open_programme().await;
    let (a, b, c) = (
        enrolled(&app, "ada", "mentee").await,
        enrolled(&app, "ben", "mentee").await,
        enrolled(&app, "cy", "mentee").await,
    );
    let stranger = app.person("stranger", None);
    // The same person twice.
    let text = run(
        &app,
        moderator,
        "circle create",
        &users("member", &[a, b, a]),
    )
    .await;
    assert_eq!(text, m::size_error(EN, &SizeError::Twice(a)));
    // Someone not enrolled.
    let text = run(
        &app,
        moderator,
        "circle create",
        &users("member", &[a, b, stranger]),
    )
    .await;
    assert_eq!(
        text,
        m::refused(EN, PairRefusal::PersonNotActive(stranger), 0, 0)
    );
    // A group of a mentor and one mentee is a pair, not a group: only one extra is too few…
    // and a mentor with a second mentee named twice is refused plainly.
    let mentor = enrolled(&app, "mo2", "mentor").await;
    let mut options = vec![("mentor".to_string(), json!(mentor.to_string()))];
    options.extend(users("mentee", &[a, a]));
    let text = run(&app, moderator, "pair create", &options).await;
    assert_eq!(text, m::size_error(EN, &SizeError::Twice(a)));
    // Not a moderator.
    let text = run(&app, a, "circle create", &users("member", &[a, b, c])).await;
    assert_eq!(text, m::ONLY_MODERATORS.get(EN));
    let db = app.db().await;
    assert!(db.open_pairs(app.guild.id).await.unwrap().is_empty());
    // Kept apart: refused without saying who asked, or even which two.
    let r = app
        .run(c, "profile avoid", &[("user", json!(a.to_string()))])
        .await;
    assert!(r.ephemeral(), "{}", r.text());
    let text = run(
        &app,
        moderator,
        "circle create",
        &users("member", &[a, b, c]),
    )
    .await;
    assert_eq!(text, m::SPACE_KEPT_APART.get(EN));
    assert!(!text.contains(&a.to_string()) && !text.contains(&c.to_string()));
}

#[tokio::test]
async fn suggested_circles_group_the_people_waiting_and_approving_makes_them() {
    let (app, _s, moderator) = open_programme().await;
    let mut people = Vec::new();
    for (name, topics, tz) in [
        ("ana", "rust, async", "Europe/Berlin"),
        ("ben", "rust", "Europe/Madrid"),
        ("cy", "rust, async", "Europe/Paris"),
        ("dai", "python, ml", "Asia/Tokyo"),
        ("eli", "python", "Asia/Seoul"),
        ("fay", "ml, python", "Asia/Tokyo"),
        ("gus", "rust", "Europe/Rome"),
    ] {
        let user = app.person(name, None);
        let r = app
            .run(
                user,
                "enrol mentee",
                &[
                    ("topics", json!(topics)),
                    ("timezone", json!(tz)),
                    ("goals", json!("Learn with others")),
                ],
            )
            .await;
        assert!(r.ephemeral(), "{}", r.text());
        people.push(user);
    }
    let r = app
        .run(
            moderator,
            "pair suggest",
            &[("kind", json!("circles")), ("size", json!(3))],
        )
        .await;
    assert!(r.ephemeral());
    assert!(
        r.text()
            .contains("2 circles suggested from the people waiting"),
        "{}",
        r.text()
    );
    // The Europe rust people and the Asia python people end up together.
    let text = r.text();
    let line_of = |user: u64| {
        text.lines()
            .find(|l| l.contains(&format!("<@{user}>")))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(line_of(people[0]), line_of(people[2]));
    assert_eq!(line_of(people[3]), line_of(people[5]));
    assert_ne!(line_of(people[0]), line_of(people[3]));
    let approve = r
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:all:"))
        .expect("Approve all");
    let preview = crate::support::message_with(&app, &approve).unwrap();
    let press = app
        .sim
        .click(app.guild.id, moderator, preview.id, &approve)
        .await;
    app.sim.reply(press).await;
    let db = app.db().await;
    until("circles not made", async || {
        db.open_pairs(app.guild.id).await.unwrap().len() >= 2
    })
    .await;
    let circles = db.open_pairs(app.guild.id).await.unwrap();
    assert!(circles.iter().all(|c| c.kind == PairKind::Circle));
    let placed: usize = circles.iter().map(|c| c.others.len()).sum();
    assert_eq!(placed, 7, "everyone is in a circle");
    assert!(db.waiting_mentees(app.guild.id).await.unwrap().is_empty());
    // Nobody left to group; a modified client's size is refused plainly.
    let r = app
        .run(moderator, "pair suggest", &[("kind", json!("circles"))])
        .await;
    assert_eq!(r.text(), m::NOTHING_TO_SUGGEST.get(EN));
    let r = app
        .sim
        .command(app.guild.id, moderator, "pair suggest")
        .opt("kind", "circles")
        .opt("size", 9)
        .unchecked()
        .run()
        .await;
    assert_eq!(r.text(), m::size_error(EN, &SizeError::Size(9)));
}

#[tokio::test]
async fn a_circle_keeps_goals_answers_check_ins_shows_in_the_digest_and_pauses_as_one() {
    let (app, _s, moderator) = open_programme().await;
    let peers = [
        enrolled(&app, "ada", "mentee").await,
        enrolled(&app, "ben", "mentor").await,
        enrolled(&app, "cy", "mentee").await,
    ];
    run(&app, moderator, "circle create", &users("member", &peers)).await;
    let db = app.db().await;
    let circle = db.open_pairs_of(app.guild.id, peers[1]).await.unwrap()[0].clone();
    let channel = circle.channel_id.unwrap();
    let here = |user: u64, command: &'static str| {
        app.sim
            .command(app.guild.id, user, command)
            .in_channel(channel)
    };

    // Goals belong to the circle: one peer sets one, another marks it done, a third sees it.
    let r = here(peers[0], "goal add")
        .opt("title", "Give a lightning talk")
        .run()
        .await;
    assert!(r.text().contains("#1"), "{}", r.text());
    let r = here(peers[1], "goal done").opt("id", 1).run().await;
    assert_eq!(
        r.text(),
        m::goal_done(EN, 1, "Give a lightning talk", &peers),
        "the whole circle is named"
    );
    let r = here(peers[2], "goal list").run().await;
    assert!(r.text().contains("Give a lightning talk"), "{}", r.text());
    // Someone outside the circle is refused in its channel.
    let outsider = enrolled(&app, "eve", "mentee").await;
    let r = here(outsider, "goal list").run().await;
    assert!(r.ephemeral(), "{}", r.text());
    assert!(!r.text().contains("Give a lightning talk"), "{}", r.text());

    // Every peer may answer the check-in.
    let r = app.run(moderator, "checkin now", &[]).await;
    assert!(r.ephemeral(), "{}", r.text());
    let prompt = checkin_prompt_in(&app, channel).await;
    let mood = |n: u8| {
        prompt
            .custom_ids()
            .into_iter()
            .find(|id| id.starts_with("checkin:mood:") && id.ends_with(&format!(":{n}")))
            .unwrap()
    };
    for (peer, n) in [(peers[1], 4), (peers[2], 2)] {
        let press = app.sim.click(app.guild.id, peer, prompt.id, &mood(n)).await;
        // The prompt shows who answered; the mood is confirmed privately.
        let shown = app.sim.reply(press).await.text();
        assert!(shown.contains(&format!("<@{peer}> ✓")), "{shown}");
        until("the mood confirmed", async || {
            app.sim.followups(press).first().is_some_and(|f| {
                f["content"].as_str() == Some(messages::checkins::mood_saved(EN, n).as_str())
            })
        })
        .await;
    }
    let press = app
        .sim
        .click(app.guild.id, outsider, prompt.id, &mood(5))
        .await;
    assert_eq!(
        app.sim.reply(press).await.text(),
        messages::checkins::NOT_YOUR_CHECKIN.get(EN)
    );

    // Quiet for two weeks: the digest names the circle's members among the red ones.
    app.clock.set(app.clock.now() + chrono::Duration::days(15));
    let r = app.run(moderator, "digest", &[]).await;
    let members: Vec<String> = peers.iter().map(|p| format!("<@{p}>")).collect();
    let line = format!(
        "{}, {} and {} in <#{channel}>",
        members[0], members[1], members[2]
    );
    assert!(r.text().contains(&line), "{}", r.text());

    // A peer pauses the circle for everyone.
    let r = here(peers[2], "pair pause").opt("weeks", 1).run().await;
    assert!(r.text().contains("pause"), "{}", r.text());
    assert_eq!(
        db.pair(circle.id).await.unwrap().unwrap().status,
        PairStatus::Paused
    );
}
