//! Scheduled check-ins and pulse surveys end to end, driven by the manual clock.

use std::time::Duration;

use chrono::{DateTime, Utc};
use discord_sim::{perms, FaultKind, Message};
use serde_json::{json, Value};
use tandem::domain::pair::PairStatus;
use tandem::domain::schedule::Kind;

use crate::support::{SeededPair, Server, TestApp};

const WAIT: Duration = Duration::from_secs(20);

/// Tuesday 17:00 in Berlin, the default check-in slot after the harness's start time.
pub(crate) fn tuesday_slot() -> DateTime<Utc> {
    "2026-11-24T16:00:00Z".parse().unwrap()
}

pub(crate) fn prompts(messages: &[Message]) -> Vec<Message> {
    messages
        .iter()
        .filter(|m| m.content().contains("Check-in time"))
        .cloned()
        .collect()
}

pub(crate) async fn programme(n: usize) -> (TestApp, Server, Vec<SeededPair>) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let pairs = app
        .seed_pairs(s.category, n, "Europe/Berlin", "Europe/Lisbon")
        .await;
    (app, s, pairs)
}

/// Waits until every channel holds at least one check-in prompt; returns them by channel.
pub(crate) async fn wait_for_prompts(app: &TestApp, pairs: &[SeededPair]) -> Vec<Vec<Message>> {
    let channels: Vec<u64> = pairs.iter().map(|p| p.channel).collect();
    app.sim
        .wait_for(WAIT, |m, _| {
            channels
                .iter()
                .all(|c| {
                    m.messages
                        .values()
                        .any(|msg| msg.channel_id == *c && msg.content().contains("Check-in time"))
                })
                .then_some(())
        })
        .await
        .expect("every pair got its check-in");
    pairs
        .iter()
        .map(|p| prompts(&app.sim.messages_in(p.channel)))
        .collect()
}

/// The mentor submits the check-in form of `occurrence`; returns the bot's reply.
async fn answer_form(
    app: &TestApp,
    pair: SeededPair,
    occurrence: i64,
    fields: &[(&str, &str)],
) -> discord_sim::Reply {
    let custom_id = format!("checkin:modal:{occurrence}");
    let submit = app
        .sim
        .submit_modal(app.guild.id, pair.channel, pair.mentor, &custom_id, fields)
        .await;
    app.sim.reply(submit).await
}

/// The first follow-up message to an interaction, once it arrives.
async fn first_followup(app: &TestApp, interaction: u64) -> Value {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(f) = app.sim.followups(interaction).into_iter().next() {
            return f;
        }
        assert!(tokio::time::Instant::now() < deadline, "no follow-up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn checkin_states(app: &TestApp) -> std::collections::HashMap<String, i64> {
    app.db()
        .await
        .occurrence_states(Kind::Checkin)
        .await
        .unwrap()
}

/// Waits for the bot's first message in `channel` that contains `needle`.
async fn wait_for_message(app: &TestApp, channel: u64, needle: &str) -> Message {
    app.sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| msg.channel_id == channel && msg.content().contains(needle))
                .cloned()
        })
        .await
        .unwrap_or_else(|| panic!("no message with {needle:?} in {channel}"))
}

fn custom_ids(message: &Message) -> Vec<String> {
    message.custom_ids()
}

#[tokio::test]
async fn a_round_posts_one_prompt_per_active_pair_with_mood_and_answer_buttons() {
    let (app, _s, pairs) = programme(3).await;
    // The third pair pauses for a week: no prompt for it.
    let paused = pairs[2];
    let reply = app
        .sim
        .command(app.guild.id, paused.mentee, "pair pause")
        .opt("weeks", json!(1))
        .in_channel(paused.channel)
        .run()
        .await;
    assert!(reply.text().contains("pause"), "{}", reply.text());

    app.clock.set(tuesday_slot());
    let by_channel = wait_for_prompts(&app, &pairs[..2]).await;
    for (pair, found) in pairs.iter().zip(&by_channel) {
        assert_eq!(found.len(), 1, "exactly one prompt in pair {}", pair.id);
        let prompt = &found[0];
        assert!(prompt.content().contains(&format!("<@{}>", pair.mentor)));
        assert!(prompt.content().contains(&format!("<@{}>", pair.mentee)));
        assert!(
            prompt.content().contains("/goal add"),
            "{}",
            prompt.content()
        );
        let ids = custom_ids(prompt);
        assert_eq!(ids.len(), 7, "{ids:?}");
        assert!(ids[..5].iter().all(|id| id.starts_with("checkin:mood:")));
        assert!(ids[5].starts_with("checkin:answer:"));
        assert_eq!(ids[6], format!("report:open:{}", pair.id));
        let labels = prompt.body["components"][0]["components"][0]["label"].clone();
        assert_eq!(labels, json!("1 – struggling"));
        assert!(prompt.body["nonce"]
            .as_str()
            .is_some_and(|n| n.starts_with("tandem-")));
        assert_eq!(prompt.body["enforce_nonce"], json!(true));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(prompts(&app.sim.messages_in(paused.channel)).is_empty());
    let states = checkin_states(&app).await;
    assert_eq!(states.get("sent"), Some(&2), "{states:?}");
    assert_eq!(states.get("skipped"), Some(&1), "{states:?}");
}

#[tokio::test]
async fn answering_with_a_mood_and_the_modal_stores_the_answer_and_marks_the_prompt() {
    let (app, _s, pairs) = programme(1).await;
    let pair = pairs[0];
    app.clock.set(tuesday_slot());
    let prompt = wait_for_prompts(&app, &pairs).await[0][0].clone();
    let ids = custom_ids(&prompt);
    let occurrence: i64 = ids[5].rsplit(':').next().unwrap().parse().unwrap();

    // Someone from outside the pair cannot answer.
    let click = app
        .sim
        .click(app.guild.id, app.member, prompt.id, &ids[3])
        .await;
    let reply = app.sim.reply(click).await;
    assert!(
        reply.ephemeral() && reply.text().contains("another pair"),
        "{}",
        reply.text()
    );

    // The mentor picks "4 – good": the prompt shows that they answered, not what.
    let click = app
        .sim
        .click(app.guild.id, pair.mentor, prompt.id, &ids[3])
        .await;
    let reply = app.sim.reply(click).await;
    assert_eq!(reply.kind, 7);
    assert!(
        reply.text().contains(&format!("<@{}> ✓", pair.mentor)),
        "{}",
        reply.text()
    );
    assert!(!reply.text().contains("good"), "{}", reply.text());
    let followup = first_followup(&app, click).await;
    assert!(followup["content"].as_str().unwrap().contains("4 – good"));
    assert_eq!(
        followup["flags"],
        json!(64),
        "the confirmation is ephemeral"
    );

    // Answer opens the modal; submitting stores the words next to the mood.
    let click = app
        .sim
        .click(app.guild.id, pair.mentor, prompt.id, &ids[5])
        .await;
    let modal = app.sim.reply(click).await;
    assert_eq!(modal.kind, 9);
    assert_eq!(
        modal.data["custom_id"],
        json!(format!("checkin:modal:{occurrence}"))
    );
    let fields = [
        ("progress", "Finished the parser"),
        ("blockers", ""),
        ("next", "Write tests"),
    ];
    let reply = answer_form(&app, pair, occurrence, &fields).await;
    assert!(
        reply.ephemeral() && reply.text().contains("saved"),
        "{}",
        reply.text()
    );
    let summary = wait_for_message(&app, pair.channel, "checked in").await;
    assert!(summary.content().contains("Finished the parser"));
    assert!(summary.content().contains("4 – good"));

    // Answering again updates the same answer.
    let again = [
        ("progress", "Parser and lexer done"),
        ("blockers", "CI is slow"),
        ("next", ""),
    ];
    answer_form(&app, pair, occurrence, &again).await;
    let db = app.db().await;
    let stored = db
        .checkin_answer(occurrence, pair.mentor)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.mood, Some(4));
    assert_eq!(stored.progress.as_deref(), Some("Parser and lexer done"));
    assert_eq!(stored.blockers.as_deref(), Some("CI is slow"));
    assert!(!stored.late, "answered on time");
    assert_eq!(
        db.checkin_answered(occurrence).await.unwrap(),
        [pair.mentor]
    );
    let edited = app
        .sim
        .messages_in(pair.channel)
        .into_iter()
        .find(|m| m.id == prompt.id)
        .unwrap();
    assert!(edited.content().contains(&format!("<@{}> ✓", pair.mentor)));
    assert!(!edited.content().contains(&format!("<@{}> ✓", pair.mentee)));
}

#[tokio::test]
async fn the_reminder_goes_only_to_whoever_has_not_answered() {
    let (app, _s, pairs) = programme(1).await;
    let pair = pairs[0];
    app.clock.set(tuesday_slot());
    let prompt = wait_for_prompts(&app, &pairs).await[0][0].clone();
    let ids = custom_ids(&prompt);
    let click = app
        .sim
        .click(app.guild.id, pair.mentee, prompt.id, &ids[1])
        .await;
    app.sim.reply(click).await;

    app.clock.advance(chrono::Duration::hours(24));
    let reminder = wait_for_message(&app, pair.channel, "gentle nudge").await;
    assert!(reminder.content().contains(&format!("<@{}>", pair.mentor)));
    assert!(!reminder.content().contains(&format!("<@{}>", pair.mentee)));
    assert_eq!(
        reminder.body["allowed_mentions"]["users"],
        json!([pair.mentor.to_string()])
    );
    // One reminder only, however long nobody answers.
    app.clock.advance(chrono::Duration::hours(72));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let reminders = app
        .sim
        .messages_in(pair.channel)
        .iter()
        .filter(|m| m.content().contains("gentle nudge"))
        .count();
    assert_eq!(reminders, 1);

    // A late answer still counts, marked late.
    let occurrence: i64 = ids[5].rsplit(':').next().unwrap().parse().unwrap();
    let reply = answer_form(&app, pair, occurrence, &[("progress", "Sorry, busy week")]).await;
    assert!(reply.text().contains("late"), "{}", reply.text());
    let stored = app
        .db()
        .await
        .checkin_answer(occurrence, pair.mentor)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.late);
}

#[tokio::test]
async fn a_crash_mid_fan_out_over_300_pairs_still_gives_every_pair_exactly_one_prompt_after_discord_forgot_the_nonces(
) {
    let mut app = TestApp::start_with(|s| s.jobs.requests_per_second = 150).await;
    let s = app.set_up().await;
    let pairs = app
        .seed_pairs(s.category, 300, "Europe/Berlin", "Europe/Madrid")
        .await;
    app.clock.set(tuesday_slot());
    let count = |m: &discord_sim::Model| -> usize {
        m.messages
            .values()
            .filter(|msg| msg.content().contains("Check-in time"))
            .count()
    };
    app.sim
        .wait_for(WAIT, |m, _| (count(m) >= 60).then_some(()))
        .await
        .expect("the fan-out started");
    app.crash();
    let at_crash = app.sim.with_model(|m| count(m));
    assert!(
        at_crash < 300,
        "the crash came mid fan-out ({at_crash} sent)"
    );
    // Back half an hour later: Discord no longer answers a repeated nonce with the first
    // message, so only the bot's own look-up stands between a retry and a double prompt.
    app.sim.advance_time(Duration::from_secs(30 * 60));
    app.clock.advance(chrono::Duration::minutes(30));

    app.start_bot().await;
    wait_for_prompts(&app, &pairs).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for p in &pairs {
        let n = prompts(&app.sim.messages_in(p.channel)).len();
        assert_eq!(n, 1, "pair {} has {n} prompts", p.id);
    }
    let states = checkin_states(&app).await;
    assert_eq!(states.get("sent"), Some(&300), "{states:?}");
}

#[tokio::test]
async fn rate_limits_and_server_errors_during_a_round_delay_prompts_but_never_double_them() {
    let (app, _s, pairs) = programme(12).await;
    app.sim.inject_fault(
        Some("POST"),
        "/messages",
        FaultKind::RateLimited {
            retry_after: 0.4,
            global: false,
        },
        2,
    );
    app.sim.inject_fault(
        Some("POST"),
        "/messages",
        FaultKind::ServerError { status: 502 },
        2,
    );
    app.sim.inject_fault(
        Some("POST"),
        "/messages",
        FaultKind::RateLimited {
            retry_after: 0.3,
            global: true,
        },
        1,
    );
    app.clock.set(tuesday_slot());
    let found = wait_for_prompts(&app, &pairs).await;
    assert!(found.iter().all(|f| f.len() == 1), "one prompt per pair");

    let posts = app.sim.requests_to("POST", "/messages");
    let limited: Vec<_> = posts.iter().filter(|r| r.status == 429).collect();
    assert_eq!(limited.len(), 3);
    assert_eq!(posts.iter().filter(|r| r.status == 502).count(), 2);
    // Faults apply in the order injected: 0.4 s, 0.4 s, then the global one of 0.3 s.
    for (hit, waited) in limited.into_iter().zip([0.4, 0.4, 0.3]) {
        // The same request came again only after `retry_after`.
        let retry = posts
            .iter()
            .find(|r| r.at > hit.at && r.path == hit.path)
            .expect("the request was retried");
        assert!(
            retry.at - hit.at >= Duration::from_secs_f64(waited),
            "retried after {:?}",
            retry.at - hit.at
        );
    }
}

/// Check-in prompts in `channel` so far.
fn prompts_in(app: &TestApp, channel: u64) -> usize {
    prompts(&app.sim.messages_in(channel)).len()
}

/// Messages in the digest channel that contain `needle`.
fn notices(app: &TestApp, digest: u64, needle: &str) -> usize {
    app.sim
        .messages_in(digest)
        .iter()
        .filter(|m| m.content().contains(needle))
        .count()
}

/// Runs the next weekly round (`week` weeks after the first) and waits until `healthy` has
/// its prompt for it.
async fn week(app: &TestApp, week: i64, healthy: SeededPair) {
    app.clock
        .set(tuesday_slot() + chrono::Duration::days(7 * week));
    app.sim
        .wait_for(WAIT, |m, _| {
            (m.messages
                .values()
                .filter(|msg| {
                    msg.channel_id == healthy.channel && msg.content().contains("Check-in time")
                })
                .count() as i64
                > week)
                .then_some(())
        })
        .await
        .expect("the healthy pair's check-in");
    // The other pair's attempt in the same round has been recorded too.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn a_permission_taken_away_makes_a_pair_unreachable_tells_mods_once_and_it_recovers_by_itself(
) {
    let (app, s, pairs) = programme(2).await;
    let (cut, healthy) = (pairs[0], pairs[1]);
    // An admin edits the channel and takes Send Messages from the bot, for a while.
    app.sim
        .set_overwrite(cut.channel, app.sim.bot_id(), 1, 0, perms::SEND_MESSAGES);
    week(&app, 0, healthy).await;
    let notice = wait_for_message(&app, s.digest, "I can't post in").await;
    assert!(
        notice.content().contains(&format!("<#{}>", cut.channel)),
        "{}",
        notice.content()
    );
    assert!(
        notice.content().contains("Send Messages"),
        "{}",
        notice.content()
    );
    assert!(notice.content().contains(&format!("<@{}>", cut.mentor)));
    let db = app.db().await;
    assert_eq!(
        db.pair(cut.id).await.unwrap().unwrap().status,
        PairStatus::Active
    );
    assert_eq!(prompts_in(&app, cut.channel), 0);

    // The next round tries again, quietly: still no access, no second notice, not broken.
    week(&app, 1, healthy).await;
    assert_eq!(notices(&app, s.digest, "I can't post in"), 1);
    assert_eq!(
        db.pair(cut.id).await.unwrap().unwrap().status,
        PairStatus::Active
    );

    // Fixed: the next round's prompt goes out and the moderators hear it is back.
    app.sim
        .set_overwrite(cut.channel, app.sim.bot_id(), 1, 0, 0);
    week(&app, 2, healthy).await;
    wait_for_message(&app, s.digest, "I can post in").await;
    assert_eq!(prompts_in(&app, cut.channel), 1);
    assert_eq!(
        db.pair(cut.id).await.unwrap().unwrap().status,
        PairStatus::Active
    );
    assert_eq!(notices(&app, s.digest, "lost access"), 0);
}

#[tokio::test]
async fn a_pair_unreachable_for_three_rounds_in_a_row_is_broken_and_mods_hear_once() {
    let (app, s, pairs) = programme(2).await;
    let (lost, healthy) = (pairs[0], pairs[1]);
    app.sim
        .set_overwrite(lost.channel, app.sim.bot_id(), 1, 0, perms::VIEW_CHANNEL);
    let db = app.db().await;
    for w in 0..2 {
        week(&app, w, healthy).await;
        assert_eq!(
            db.pair(lost.id).await.unwrap().unwrap().status,
            PairStatus::Active
        );
    }
    week(&app, 2, healthy).await;
    let notice = wait_for_message(&app, s.digest, "lost access").await;
    assert!(notice.content().contains(&format!("<@{}>", lost.mentor)));
    assert_eq!(
        db.pair(lost.id).await.unwrap().unwrap().status,
        PairStatus::Broken
    );
    assert_eq!(notices(&app, s.digest, "I can't post in"), 1);

    // The broken pair gets no more rounds and no more notices.
    week(&app, 3, healthy).await;
    assert_eq!(notices(&app, s.digest, "lost access"), 1);
}

#[tokio::test]
async fn a_check_in_to_a_channel_discord_no_longer_knows_breaks_the_pair_at_once() {
    let (app, s, pairs) = programme(2).await;
    let (gone, healthy) = (pairs[0], pairs[1]);
    app.sim.inject_fault(
        Some("POST"),
        &format!("/channels/{}/messages", gone.channel),
        FaultKind::Error {
            status: 404,
            code: 10003,
        },
        1,
    );
    week(&app, 0, healthy).await;
    wait_for_message(&app, s.digest, "lost access").await;
    let db = app.db().await;
    assert_eq!(
        db.pair(gone.id).await.unwrap().unwrap().status,
        PairStatus::Broken
    );
    assert_eq!(
        db.pair(healthy.id).await.unwrap().unwrap().status,
        PairStatus::Active
    );
}

#[tokio::test]
async fn after_downtime_only_the_latest_missed_check_in_is_sent_and_only_within_grace() {
    let (mut app, _s, pairs) = programme(2).await;
    app.crash();
    // A week and two hours later: two slots passed; only the latest (2 h old) is sent.
    app.clock
        .set(tuesday_slot() + chrono::Duration::days(7) + chrono::Duration::hours(2));
    app.start_bot().await;
    let found = wait_for_prompts(&app, &pairs).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(found.iter().all(|f| f.len() == 1), "{found:?}");
    let states = checkin_states(&app).await;
    assert_eq!(states.get("sent"), Some(&2), "{states:?}");

    // Down again across the next slot and back 7 hours after it: too late, nothing is sent.
    app.crash();
    app.clock
        .set(tuesday_slot() + chrono::Duration::days(14) + chrono::Duration::hours(7));
    app.start_bot().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for p in &pairs {
        assert_eq!(prompts(&app.sim.messages_in(p.channel)).len(), 1);
    }
    let states = checkin_states(&app).await;
    assert_eq!(states.get("sent"), Some(&2), "{states:?}");
    assert_eq!(states.get("skipped"), Some(&4), "{states:?}");
}

#[tokio::test]
async fn check_in_now_posts_a_round_at_once_and_only_for_moderators() {
    let (app, s, pairs) = programme(2).await;
    let reply = app.run(app.member, "checkin now", &[]).await;
    assert!(reply.text().contains("Only moderators"), "{}", reply.text());
    let moderator = app.person("mo", Some(s.mods));
    let reply = app.run(moderator, "checkin now", &[]).await;
    assert!(reply.text().contains("2 pairs"), "{}", reply.text());
    let found = wait_for_prompts(&app, &pairs).await;
    assert!(found.iter().all(|f| f.len() == 1));
}

fn pulse_scores(message: &Message) -> Vec<String> {
    custom_ids(message)
        .into_iter()
        .filter(|id| id.starts_with("pulse:score:"))
        .collect()
}

#[tokio::test]
async fn pulse_results_show_only_closed_rounds_hidden_at_four_answers_and_shown_at_five() {
    let (app, s, pairs) = programme(3).await;
    // One member's DMs are closed: their question comes in the pair channel.
    let closed = pairs[2].mentee;
    app.sim.close_dms(closed);
    let moderator = app.person("mo", Some(s.mods));

    // Each round's question, per person asked: (user, message).
    let ask = |round: usize| {
        let (app, pairs) = (&app, &pairs);
        async move {
            let reply = app.run(moderator, "pulse now", &[]).await;
            assert!(reply.text().contains("asking 6"), "{}", reply.text());
            let mut asked = Vec::new();
            for p in pairs {
                for user in [p.mentor, p.mentee] {
                    if user == closed {
                        continue;
                    }
                    // Replies to pressed buttons land in the DM channel too: take questions.
                    let dm = app
                        .sim
                        .wait_for(WAIT, |m, _| {
                            let questions: Vec<Message> = m
                                .dms_to(user)
                                .into_iter()
                                .filter(|d| !pulse_scores(d).is_empty())
                                .collect();
                            questions.get(round - 1).cloned()
                        })
                        .await
                        .expect("the round's question");
                    assert!(dm.content().contains("anonymous"), "{}", dm.content());
                    asked.push((user, dm));
                }
            }
            asked
        }
    };
    let answer = |user: u64, message: &Message, score: usize| {
        let id = pulse_scores(message)[score - 1].clone();
        let (app, message) = (&app, message.id);
        async move {
            let click = app.sim.click(app.guild.id, user, message, &id).await;
            app.sim.reply(click).await
        }
    };
    let results = || app.run(moderator, "pulse results", &[]);
    let window = chrono::Duration::hours(73);

    let mut first = ask(1).await;
    let in_channel = wait_for_message(&app, pairs[2].channel, "DMs are closed").await;
    first.push((closed, in_channel));
    for (i, (user, message)) in first.iter().take(4).enumerate() {
        let reply = answer(*user, message, [5, 4, 4, 2][i]).await;
        assert!(reply.ephemeral(), "answers are private");
    }
    // The same person answering again replaces their answer: still 4 answers.
    answer(first[0].0, &first[0].1, 3).await;
    // Open, the round shows how many answered, never the scores.
    let open = results().await;
    assert!(open.text().contains("4 answers so far"), "{}", open.text());
    assert!(open.text().contains("<t:"), "{}", open.text());
    assert!(open.embeds().is_empty());

    app.clock.advance(window);
    let late = answer(first[4].0, &first[4].1, 5).await;
    assert!(late.text().contains("has closed"), "{}", late.text());
    let reply = results().await;
    assert!(reply.text().contains("4 of 6"), "{}", reply.text());
    assert!(reply.text().contains("once 5"), "{}", reply.text());
    assert!(reply.embeds().is_empty());

    let second = ask(2).await;
    // The member with closed DMs is asked in the channel again; wait for it, so the round has
    // asked all six before time moves on (a question still unsent then would be too late).
    app.sim
        .wait_for(WAIT, |m, _| {
            let asked = m
                .messages
                .values()
                .filter(|msg| {
                    msg.channel_id == pairs[2].channel && msg.content().contains("DMs are closed")
                })
                .count();
            (asked == 2).then_some(())
        })
        .await
        .expect("the second question in the channel");
    for (i, (user, message)) in second.iter().take(5).enumerate() {
        answer(*user, message, [5, 4, 4, 2, 3][i]).await;
    }
    let reply = answer(second[4].0, &second[4].1, 3).await;
    let comment = discord_sim::custom_ids(&reply.data)[0].clone();
    let click = app
        .sim
        .click(app.guild.id, second[4].0, second[4].1.id, &comment)
        .await;
    let modal = app.sim.reply(click).await;
    assert_eq!(modal.kind, 9);
    let round = comment.rsplit(':').next().unwrap();
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            pairs[0].channel,
            second[4].0,
            &format!("pulse:modal:{round}"),
            &[("comment", "More pairing sessions please")],
        )
        .await;
    assert!(app
        .sim
        .reply(submit)
        .await
        .text()
        .contains("without your name"));
    // Until the second round closes, the first is what moderators see.
    assert!(results().await.text().contains("4 of 6"));

    app.clock.advance(window);
    let reply = results().await;
    assert_eq!(reply.embeds().len(), 1);
    let text = reply.text();
    assert!(text.contains("5 of 6 answered"), "{text}");
    assert!(text.contains("average **3.6**"), "{text}");
    assert!(text.contains("More pairing sessions please"), "{text}");
    for (user, _) in &second {
        assert!(!text.contains(&user.to_string()), "no names in results");
    }
}

#[tokio::test]
async fn the_weekly_digest_is_posted_by_the_scheduler_on_monday_morning() {
    let (app, s, pairs) = programme(2).await;
    app.clock.set(tuesday_slot());
    let prompt = wait_for_prompts(&app, &pairs).await[0][0].clone();
    let mood = custom_ids(&prompt)[2].clone();
    let click = app
        .sim
        .click(app.guild.id, pairs[0].mentor, prompt.id, &mood)
        .await;
    app.sim.reply(click).await;

    // Monday 09:00 in Berlin.
    app.clock.set("2026-11-30T08:00:00Z".parse().unwrap());
    let digest = app
        .sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| msg.channel_id == s.digest && !msg.body["embeds"].is_null())
                .cloned()
        })
        .await
        .expect("the digest");
    let embed = digest.body["embeds"][0].to_string();
    assert!(
        embed.contains("Mentoring digest: week of 23 Nov 2026"),
        "{embed}"
    );
    assert!(embed.contains("**1 of 2**"), "active pairs: {embed}");
    assert!(embed.contains("25% (1 of 4)"), "{embed}");
    // Monday 09:00 in Berlin: the chart is named by that time (UTC), its mark on Discord.
    assert!(
        embed.contains("attachment://digest-2026-11-30-0800.png"),
        "{embed}"
    );
    // One embed and one PNG, described for screen readers.
    assert_eq!(digest.body["embeds"].as_array().unwrap().len(), 1);
    let files = digest.body["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0]["filename"], "digest-2026-11-30-0800.png");
    let alt = files[0]["description"].as_str().unwrap();
    assert!(alt.starts_with("Chart of the last 8 weeks"), "{alt}");
    assert!(
        alt.contains("Check-in answer rate: none, none, none, none, none, none, none, 25%"),
        "{alt}"
    );
    let png = app
        .sim
        .attachment(&digest.body, 0)
        .expect("the chart's bytes");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let digests = app
        .sim
        .messages_in(s.digest)
        .iter()
        .filter(|m| !m.body["embeds"].is_null())
        .count();
    assert_eq!(digests, 1);
}
