//! Rules the database keeps whatever the timing: one open pair per mentee, pair creation that
//! a crash cannot leave half-made, pair channels that follow the moderator role, answers that
//! cannot be changed under a moderator's decision, and limits on requests to the moderators.

use std::time::Duration;

use discord_sim::{channel_type, FaultKind};
use serde_json::json;
use tandem::clock::Clock;

use crate::pairing::{programme, Programme};

/// The first followup of `interaction` whose text passes `wanted`, waiting up to 20 s.
async fn followup(
    p: &Programme,
    interaction: u64,
    wanted: impl Fn(&str) -> bool,
) -> Option<String> {
    for _ in 0..200 {
        let found = p
            .app
            .sim
            .followups(interaction)
            .iter()
            .map(|f| f["content"].as_str().unwrap_or_default().to_string())
            .find(|t| wanted(t));
        if found.is_some() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// Text channels of the server whose overwrites let `user` in.
fn channels_of(p: &Programme, user: u64) -> Vec<u64> {
    p.app.sim.with_model(|m| {
        m.channels
            .values()
            .filter(|c| c.kind == channel_type::TEXT)
            .filter(|c| c.overwrites.iter().any(|o| o.id == user && o.kind == 1))
            .map(|c| c.id)
            .collect()
    })
}

#[tokio::test]
async fn a_mentee_in_a_pair_cannot_get_a_second_by_hand_or_from_a_stale_preview() {
    let p = programme().await;
    let (a, b, c) = (
        p.mentor("ann", "rust", "Europe/Berlin", 2).await,
        p.mentor("bob", "rust", "Europe/Berlin", 2).await,
        p.mentor("cat", "rust", "Europe/Berlin", 2).await,
    );
    let x = p.mentee("xia", "rust", "Europe/Berlin").await;
    assert!(p.pair(a, x).await.contains("Paired"));
    let second = p.pair(b, x).await;
    assert!(second.contains("already has a mentor"), "{second}");
    assert_eq!(channels_of(&p, x).len(), 1, "one channel for the mentee");

    // A preview made while the mentee was free, approved after a moderator paired them.
    let y = p.mentee("yan", "rust", "Europe/Berlin").await;
    let preview = p.app.run(p.moderator, "pair suggest", &[]).await;
    let approve_all = preview
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:all:"))
        .expect("a preview with Approve all");
    let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
    assert!(p.pair(c, y).await.contains("Paired"));
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, message, &approve_all)
        .await;
    let summary = p.app.sim.edited_reply(press).await.text();
    assert!(summary.contains("already has a mentor"), "{summary}");
    assert_eq!(channels_of(&p, y).len(), 1, "still one channel: {summary}");
    let open = p
        .app
        .db()
        .await
        .open_pairs_of(p.app.guild.id, y)
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
}

#[tokio::test]
async fn a_crash_after_the_channel_was_made_leaves_neither_pair_nor_channel_after_restart() {
    let mut p = programme().await;
    let mentor = p.mentor("ann", "rust", "Europe/Berlin", 1).await;
    let mentee = p.mentee("xia", "rust", "Europe/Berlin").await;
    // Slow enough that the bot is still waiting for Discord's answer when it dies: the
    // simulator creates the channel half-way through the round trip.
    p.app.sim.set_latency(Duration::from_secs(4));
    p.app
        .sim
        .command(p.app.guild.id, p.moderator, "pair create")
        .opt("mentor", json!(mentor.to_string()))
        .opt("mentee", json!(mentee.to_string()))
        .send()
        .await
        .unwrap();
    let made = p
        .app
        .sim
        .wait_for(Duration::from_secs(30), |m, _| {
            m.channels
                .values()
                .find(|c| c.overwrites.iter().any(|o| o.id == mentee && o.kind == 1))
                .map(|c| c.id)
        })
        .await
        .expect("the channel was created on Discord");
    p.app.crash();
    p.app.sim.set_latency(Duration::ZERO);
    let db = p.app.db().await;
    assert_eq!(
        db.pending_pairs(p.app.clock.now()).await.unwrap().len(),
        1,
        "the crash left a pending pair"
    );

    p.app.start_bot().await;
    assert!(
        p.app.sim.with_model(|m| m.deleted_channels.contains(&made)),
        "the orphan channel is deleted at start-up"
    );
    assert!(db
        .pending_pairs(p.app.clock.now())
        .await
        .unwrap()
        .is_empty());
    assert!(db
        .open_pairs_of(p.app.guild.id, mentee)
        .await
        .unwrap()
        .is_empty());
    let notice = p.app.sim.messages_in(p.s.digest);
    assert!(
        notice
            .iter()
            .any(|m| m.content().contains("was not finished")),
        "moderators are told: {notice:?}"
    );
    // Both places are free again: the pair can be made, with one channel.
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
    assert_eq!(channels_of(&p, mentee).len(), 1);
}

#[tokio::test]
async fn a_refused_channel_request_leaves_no_pair_and_the_places_free() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "Europe/Berlin", 1).await;
    let mentee = p.mentee("xia", "rust", "Europe/Berlin").await;
    p.app.sim.inject_fault(
        Some("POST"),
        &format!("/guilds/{}/channels", p.app.guild.id),
        FaultKind::Error {
            status: 403,
            code: 50013,
        },
        1,
    );
    let refused = p.pair(mentor, mentee).await;
    assert!(
        refused.contains("couldn't create the pair's channel"),
        "{refused}"
    );
    let db = p.app.db().await;
    assert!(db
        .pending_pairs(p.app.clock.now())
        .await
        .unwrap()
        .is_empty());
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
}

#[tokio::test]
async fn a_new_moderator_role_reaches_every_pair_channel_and_a_cut_short_change_finishes_at_restart(
) {
    let mut p = programme().await;
    let mut channels = Vec::new();
    for i in 0..3 {
        let mentor = p
            .mentor(&format!("mentor{i}"), "rust", "Europe/Berlin", 1)
            .await;
        let mentee = p
            .mentee(&format!("mentee{i}"), "rust", "Europe/Berlin")
            .await;
        assert!(p.pair(mentor, mentee).await.contains("Paired"));
        channels.push(p.pair_channel(mentor, mentee).await);
    }
    let old = p.s.mods;
    let grants = |p: &Programme, channel: u64, role: u64| {
        p.app.sim.with_model(|m| {
            m.channels[&channel]
                .overwrites
                .iter()
                .any(|o| o.id == role && o.kind == 0 && o.allow & 1024 != 0)
        })
    };
    assert!(channels.iter().all(|c| grants(&p, *c, old)));

    let team = p.app.sim.create_role(p.app.guild.id, "Mentor team", 0);
    let call = p
        .app
        .sim
        .command(p.app.guild.id, p.app.admin, "setup")
        .opt("moderator_role", json!(team.to_string()))
        .send()
        .await
        .unwrap();
    let done = followup(&p, call, |t| t.starts_with("Done"))
        .await
        .expect("the change reports when it is done");
    assert!(done.contains("all 3 pair channels"), "{done}");
    for c in &channels {
        assert!(grants(&p, *c, team), "the new role sees {c}");
        assert!(!grants(&p, *c, old), "the old role no longer sees {c}");
    }

    // Back to the first role, with Discord refusing the second channel's change once: the
    // admin hears it is unfinished, and a restart finishes it.
    p.app.sim.inject_fault(
        Some("PUT"),
        &format!("/channels/{}/permissions", channels[1]),
        FaultKind::Error {
            status: 403,
            code: 50013,
        },
        1,
    );
    let call = p
        .app
        .sim
        .command(p.app.guild.id, p.app.admin, "setup")
        .opt("moderator_role", json!(old.to_string()))
        .send()
        .await
        .unwrap();
    let unfinished = followup(&p, call, |t| t.contains("finish"))
        .await
        .expect("the admin hears the change is unfinished");
    assert!(
        unfinished.contains("run `/setup moderator_role` again"),
        "{unfinished}"
    );
    assert!(grants(&p, channels[0], old));
    assert!(!grants(&p, channels[1], old), "not yet");
    p.app.restart().await;
    let sees = |m: &discord_sim::Model, c: u64, role: u64| {
        m.channels[&c]
            .overwrites
            .iter()
            .any(|o| o.id == role && o.kind == 0 && o.allow & 1024 != 0)
    };
    let finished = p
        .app
        .sim
        .wait_for(Duration::from_secs(20), |m, _| {
            channels
                .iter()
                .all(|c| sees(m, *c, old) && !sees(m, *c, team))
                .then_some(())
        })
        .await;
    assert!(finished.is_some(), "the restart finished the change");
}

/// Every body the bot sent since `since` that would ping someone: `allowed_mentions` missing,
/// or allowing `everyone`/roles by parse.
fn pinging_bodies(p: &Programme, since: std::time::Instant) -> Vec<String> {
    p.app
        .sim
        .requests_since(since)
        .into_iter()
        .filter(|r| matches!(r.method.as_str(), "POST" | "PATCH"))
        .filter(|r| r.body.get("content").is_some() || r.body["data"].get("content").is_some())
        .filter(|r| {
            let m = if r.body.get("allowed_mentions").is_some() {
                &r.body["allowed_mentions"]
            } else {
                &r.body["data"]["allowed_mentions"]
            };
            m.is_null()
                || m["parse"].as_array().is_some_and(|p| {
                    p.iter()
                        .any(|x| x == "everyone" || x == "roles" || x == "users")
                })
        })
        .map(|r| format!("{} {} {}", r.method, r.path, r.body))
        .collect()
}

#[tokio::test]
async fn a_goal_title_with_mentions_is_shown_but_pings_nobody() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "Europe/Berlin", 1).await;
    let mentee = p.mentee("xia", "rust", "Europe/Berlin").await;
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
    let channel = p.pair_channel(mentor, mentee).await;
    let since = std::time::Instant::now();
    let title = format!("Ask <@{}> and <@&{}> and @everyone", p.app.member, p.s.mods);
    let added = p
        .run_in(channel, mentee, "goal add", &[("title", json!(title))])
        .await;
    assert!(added.text().contains("@everyone"), "{}", added.text());
    let done = p
        .run_in(channel, mentor, "goal done", &[("id", json!(1))])
        .await;
    assert!(done.text().contains("@everyone"), "{}", done.text());
    let pinging = pinging_bodies(&p, since);
    assert!(pinging.is_empty(), "{pinging:#?}");
}

#[tokio::test]
async fn refit_requests_and_mentor_applications_stop_at_their_limit_with_a_plain_word() {
    let p = programme().await;
    let mentor = p.mentor("ann", "rust", "Europe/Berlin", 1).await;
    let mentee = p.mentee("xia", "rust", "Europe/Berlin").await;
    assert!(p.pair(mentor, mentee).await.contains("Paired"));
    let channel = p.pair_channel(mentor, mentee).await;
    let requests = |p: &Programme| {
        p.app
            .sim
            .messages_in(p.s.digest)
            .iter()
            .filter(|m| m.body.to_string().contains("pair:repair:"))
            .count()
    };
    for _ in 0..2 {
        let r = p.run_in(channel, mentee, "pair refit", &[]).await;
        assert!(r.text().contains("told the moderators"), "{}", r.text());
    }
    let third = p.run_in(channel, mentee, "pair refit", &[]).await;
    assert!(third.ephemeral());
    assert!(
        third.text().contains("already asked 2 times"),
        "{}",
        third.text()
    );
    assert_eq!(
        requests(&p),
        2,
        "the moderators got two requests, not three"
    );

    // With approval on, each application posts to the moderators: three in 30 days at most.
    p.app
        .run(p.app.admin, "setup", &[("mentor_approval", json!(true))])
        .await;
    let applicant = p.app.person("ivy", None);
    let options = [("topics", json!("go")), ("timezone", json!("UTC"))];
    let apply = || p.app.run(applicant, "enrol mentor", &options);
    let posted = |p: &Programme| {
        p.app
            .sim
            .messages_in(p.s.digest)
            .iter()
            .filter(|m| {
                m.body
                    .to_string()
                    .contains(&format!("mentor:approve:{applicant}"))
            })
            .count()
    };
    for round in 0..3 {
        assert!(apply().await.text().contains("mentor"));
        let r = p.app.run(applicant, "withdraw", &[]).await;
        let yes = r
            .custom_ids()
            .into_iter()
            .find(|c| c.starts_with("withdraw:yes"))
            .unwrap_or_else(|| panic!("round {round}: {}", r.text()));
        let message = p.app.sim.with_model(|m| *m.messages.keys().last().unwrap());
        let press = p
            .app
            .sim
            .click(p.app.guild.id, applicant, message, &yes)
            .await;
        p.app.sim.edited_reply(press).await;
    }
    assert_eq!(posted(&p), 3);
    let fourth = apply().await;
    assert!(fourth.ephemeral());
    assert!(
        fourth.text().contains("applied to mentor 3 times"),
        "{}",
        fourth.text()
    );
    assert_eq!(posted(&p), 3, "no fourth notice");
    // Time passes: the window moves on.
    p.app.clock.advance(chrono::Duration::days(31));
    assert!(apply().await.text().contains("mentor"));
    assert_eq!(posted(&p), 4);
}
