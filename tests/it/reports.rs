//! Raising a problem safely: "Report a problem" in a pair channel and `/report` anywhere
//! reach only the moderators; the partner sees nothing; a moderator's Acknowledge tells the
//! reporter; reports are limited per person, exported and erased with the reporter's data,
//! and counted (never shown) in the digest.

use std::time::Duration;

use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::text::Locale;

use crate::pairing::{programme, Programme};
use crate::support::message_with;

const WAIT: Duration = Duration::from_secs(20);
const EN: Locale = Locale::En;

struct Pair {
    mentor: u64,
    mentee: u64,
    channel: u64,
    id: i64,
}

async fn paired(p: &Programme) -> Pair {
    let mentor = p.mentor("mia", "rust", "Europe/Berlin", 1).await;
    let mentee = p.mentee("max", "rust", "Europe/Berlin").await;
    p.pair(mentor, mentee).await;
    let channel = p.pair_channel(mentor, mentee).await;
    let id = p.pair_id(channel).await;
    Pair {
        mentor,
        mentee,
        channel,
        id,
    }
}

/// Opens the report form from the button `custom_id` on `message`, as `user`.
async fn open_form(p: &Programme, user: u64, message: u64, custom_id: &str) -> discord_sim::Reply {
    let press = p
        .app
        .sim
        .click(p.app.guild.id, user, message, custom_id)
        .await;
    p.app.sim.reply(press).await
}

/// Sends the report form `form` as `user` in `channel`; returns the final private answer.
async fn send(
    p: &Programme,
    channel: u64,
    user: u64,
    form: &str,
    what: &str,
    contact: &str,
) -> discord_sim::Reply {
    let submit = p
        .app
        .sim
        .submit_modal(
            p.app.guild.id,
            channel,
            user,
            form,
            &[("what", what), ("contact", contact)],
        )
        .await;
    let first = p.app.sim.reply(submit).await;
    if first.kind == 5 {
        p.app.sim.edited_reply(submit).await
    } else {
        first
    }
}

/// The moderators' copies of reports (those with an Acknowledge button) in `channel`.
fn copies(m: &discord_sim::Model, channel: u64) -> Vec<discord_sim::Message> {
    m.messages
        .values()
        .filter(|msg| {
            msg.channel_id == channel
                && discord_sim::custom_ids(&msg.body)
                    .iter()
                    .any(|c| c.starts_with("report:ack:"))
        })
        .cloned()
        .collect()
}

fn reports_in(p: &Programme) -> Vec<discord_sim::Message> {
    p.app.sim.with_model(|m| copies(m, p.s.digest))
}

#[tokio::test]
async fn a_report_from_the_pair_channel_reaches_only_the_moderators_and_acknowledging_tells_the_reporter(
) {
    let p = programme().await;
    let pair = paired(&p).await;
    let welcome = &p.app.sim.messages_in(pair.channel)[0];
    let button = format!("report:open:{}", pair.id);
    assert!(
        welcome.custom_ids().contains(&button),
        "{:?}",
        welcome.custom_ids()
    );
    // What everyone in the channel sees (private answers are stored there too).
    let public = |p: &Programme| {
        p.app
            .sim
            .messages_in(pair.channel)
            .into_iter()
            .filter(|m| m.body["flags"].as_u64().unwrap_or(0) & 64 == 0)
            .count()
    };
    let in_channel = public(&p);
    let partner_dms = p.app.sim.dms_to(pair.mentor).len();

    // Someone outside the pair cannot use the pair's button.
    let stranger = p.app.person("sam", None);
    let refused = open_form(&p, stranger, welcome.id, &button).await;
    assert_eq!(refused.content(), messages::reports::NOT_YOUR_PAIR.get(EN));

    let form = open_form(&p, pair.mentee, welcome.id, &button).await;
    assert_eq!(form.kind, 9, "a form: {}", form.data);
    let form_id = form.data["custom_id"].as_str().unwrap().to_string();
    assert_eq!(form_id, format!("report:form:{}", pair.id));
    let what = "My mentor keeps @everyone-pinging me at night.\n<@123> is not ok";
    let answer = send(&p, pair.channel, pair.mentee, &form_id, what, "Yes").await;
    assert!(answer.ephemeral());
    assert_eq!(answer.content(), messages::reports::sent(EN, true));

    // The moderators' copy: who, which pair, contact wanted, the words (quoted), a button.
    let copy = p
        .app
        .sim
        .wait_for(WAIT, |m, _| copies(m, p.s.digest).into_iter().next())
        .await
        .expect("the moderators' copy");
    let embed = copy.body["embeds"][0].to_string();
    assert!(embed.contains(&format!("<@{}>", pair.mentee)), "{embed}");
    assert!(embed.contains(&format!("<#{}>", pair.channel)), "{embed}");
    assert!(
        embed.contains("keeps @everyone-pinging me at night"),
        "{embed}"
    );
    assert_eq!(
        copy.body["allowed_mentions"]["parse"],
        json!([]),
        "{}",
        copy.body
    );
    // Nothing in the pair channel, nothing to the partner.
    assert_eq!(public(&p), in_channel);
    assert_eq!(p.app.sim.dms_to(pair.mentor).len(), partner_dms);
    // The audit log says a report was made, never what it says.
    let db = p.app.db().await;
    let audit = db.audit_entries(p.app.guild.id, 50).await.unwrap();
    let filed: Vec<_> = audit.iter().filter(|e| e.action == "report.file").collect();
    assert_eq!(filed.len(), 1);
    assert!(audit
        .iter()
        .all(|e| !e.detail.as_deref().unwrap_or("").contains("pinging")));

    // Only moderators acknowledge, once; the reporter hears by DM.
    let ack = copy
        .custom_ids()
        .into_iter()
        .find(|c| c.starts_with("report:ack:"))
        .unwrap();
    let press = p
        .app
        .sim
        .click(p.app.guild.id, pair.mentor, copy.id, &ack)
        .await;
    assert_eq!(
        p.app.sim.reply(press).await.content(),
        messages::reports::ONLY_MODERATORS.get(EN)
    );
    let press = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, copy.id, &ack)
        .await;
    let updated = p.app.sim.reply(press).await;
    assert_eq!(updated.kind, 7, "{}", updated.data);
    assert!(updated.data["embeds"][0]
        .to_string()
        .contains(&format!("<@{}>", p.moderator)));
    let reporter_dms = p.app.sim.wait_for_dms(pair.mentee, 2).await;
    let last = reporter_dms.last().unwrap();
    assert_eq!(
        last.content(),
        messages::reports::read_dm(EN, "Mentoring Club", true)
    );
    let again = p
        .app
        .sim
        .click(p.app.guild.id, p.moderator, copy.id, &ack)
        .await;
    assert_eq!(
        p.app.sim.reply(again).await.content(),
        messages::reports::already_acknowledged(EN, Some(p.moderator))
    );
    assert_eq!(
        p.app.sim.dms_to(pair.mentor).len(),
        partner_dms,
        "partner heard nothing"
    );
    db.close().await;
}

#[tokio::test]
async fn report_works_anywhere_refuses_bad_input_and_stops_at_the_daily_limit() {
    let p = programme().await;
    let member = p.app.person("nia", None);
    let general = p.app.guild.general_channel_id;
    let opened = p
        .app
        .sim
        .command(p.app.guild.id, member, "report")
        .in_channel(general)
        .run()
        .await;
    assert_eq!(opened.kind, 9, "a form: {}", opened.data);
    assert_eq!(opened.data["custom_id"], json!("report:form:0"));

    let db = p.app.db().await;
    let count = || async { db.open_reports(p.app.guild.id).await.unwrap() };
    // Blank and over-long reports are refused with a plain sentence and store nothing.
    let blank = send(&p, general, member, "report:form:0", " \n ", "").await;
    assert!(blank.ephemeral());
    assert_eq!(
        blank.content(),
        messages::reports::error(EN, &tandem::domain::report::ReportError::Empty)
    );
    let long = "x".repeat(1001);
    let too_long = send(&p, general, member, "report:form:0", &long, "").await;
    assert_eq!(
        too_long.content(),
        messages::reports::error(EN, &tandem::domain::report::ReportError::TooLong(1001))
    );
    // A form claiming a pair the member is not in is refused.
    let other = send(
        &p,
        general,
        member,
        "report:form:999",
        "Something happened",
        "",
    )
    .await;
    assert_eq!(other.content(), messages::reports::NOT_YOUR_PAIR.get(EN));
    assert_eq!(count().await, 0);
    assert!(reports_in(&p).is_empty());

    for n in 1..=3 {
        let ok = send(
            &p,
            general,
            member,
            "report:form:0",
            &format!("Problem {n}"),
            "no",
        )
        .await;
        assert_eq!(ok.content(), messages::reports::sent(EN, false));
    }
    let limited = send(&p, general, member, "report:form:0", "Problem 4", "").await;
    assert_eq!(limited.content(), messages::reports::limited(EN, 3));
    assert_eq!(count().await, 3);
    p.app
        .sim
        .wait_for(WAIT, |m, _| {
            (copies(m, p.s.digest).len() == 3).then_some(())
        })
        .await
        .expect("three copies for the moderators");
    let copy = reports_in(&p)[0].body["embeds"][0].to_string();
    assert!(
        copy.contains(&messages::reports::NOT_ABOUT_A_PAIR.get(EN)),
        "{copy}"
    );

    // The digest counts them, never shows them.
    let digest = p.app.run(p.moderator, "digest", &[]).await;
    let text = digest.embeds()[0].to_string();
    assert!(text.contains("3 reports"), "{text}");
    assert!(!text.contains("Problem 1"), "{text}");
    db.close().await;
}

#[tokio::test]
async fn without_a_moderators_channel_nothing_is_stored_and_the_member_is_told_whom_to_ask() {
    let app = crate::support::TestApp::start().await;
    let member = app.member;
    let submit = app
        .sim
        .submit_modal(
            app.guild.id,
            app.guild.general_channel_id,
            member,
            "report:form:0",
            &[("what", "Something is wrong"), ("contact", "")],
        )
        .await;
    let reply = app.sim.reply(submit).await;
    assert!(reply.ephemeral());
    assert_eq!(reply.content(), messages::reports::NO_CHANNEL.get(EN));
    assert_eq!(app.db().await.open_reports(app.guild.id).await.unwrap(), 0);
}

#[tokio::test]
async fn a_reporters_reports_are_in_their_export_and_gone_with_the_moderators_copy_after_erasure() {
    let p = programme().await;
    let pair = paired(&p).await;
    let form = format!("report:form:{}", pair.id);
    send(&p, pair.channel, pair.mentee, &form, "Please help us", "").await;
    p.app
        .sim
        .wait_for(WAIT, |m, _| {
            (!copies(m, p.s.digest).is_empty()).then_some(())
        })
        .await
        .expect("the moderators' copy");
    let db = p.app.db().await;
    let export: Value = db.export_user(p.app.guild.id, pair.mentee).await.unwrap();
    assert_eq!(
        export["reports"][0]["what"],
        json!("Please help us"),
        "{export}"
    );

    let asked = p.app.run(pair.mentee, "mydata delete", &[]).await;
    let erase = message_with(&p.app, &format!("mydata:erase:{}", pair.mentee))
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("no erase button: {}", asked.data));
    let press = p
        .app
        .sim
        .click(
            p.app.guild.id,
            pair.mentee,
            erase,
            &format!("mydata:erase:{}", pair.mentee),
        )
        .await;
    p.app.sim.edited_reply(press).await;
    assert_eq!(db.open_reports(p.app.guild.id).await.unwrap(), 0);
    p.app
        .sim
        .wait_for(WAIT, |m, _| copies(m, p.s.digest).is_empty().then_some(()))
        .await
        .expect("the moderators' copy is deleted");
    db.close().await;
}

#[tokio::test]
async fn every_check_in_prompt_carries_the_report_button() {
    let p = programme().await;
    let pair = paired(&p).await;
    p.app.run(p.moderator, "checkin now", &[]).await;
    let prompt = p
        .app
        .sim
        .wait_for(WAIT, |m, _| {
            m.messages
                .values()
                .find(|msg| {
                    msg.channel_id == pair.channel && msg.content().contains("Check-in time")
                })
                .cloned()
        })
        .await
        .expect("a prompt");
    assert!(
        prompt
            .custom_ids()
            .contains(&format!("report:open:{}", pair.id)),
        "{:?}",
        prompt.custom_ids()
    );
}
