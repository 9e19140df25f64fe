//! Custom ids as a modified client may send them: anything tandem did not make gets one plain
//! private sentence and changes nothing; the older forms still on posted messages keep working.

use serde_json::json;
use tandem::discord::messages;
use tandem::discord::{CustomId, Surface};
use tandem::text::Locale;

use crate::support::{message_with, Dumper, TestApp};

/// Ids no tandem button carries: unknown routes, malformed numbers, scores out of range, forms'
/// ids on buttons, extra parts, and more than Discord allows.
fn made_up(user: u64) -> Vec<String> {
    vec![
        "nonsense".into(),
        "".into(),
        "mydata".into(),
        "mydata:wipe:1".into(),
        format!("mydata:erase:{user}:now"),
        "mydata:erase:max".into(),
        format!("mydata:erase:-{user}"),
        format!("withdraw:yes:admin:{user}"),
        format!("withdraw:yes:mentor+mentor:{user}"),
        "mentor:approve:".into(),
        "mentor:approve:12:everyone".into(),
        "checkin:mood:1:9".into(),
        "checkin:mood:1:0".into(),
        "pulse:score:1".into(),
        "pulse:score:99999999999999999999:3".into(),
        "pairs:sel:1:1..2".into(),
        "pairs:sel:1:0.1.2.3.4.5.6.7.8.9.10".into(),
        "checkin:modal:1".into(),
        format!("mydata:erase:{user}{}", "9".repeat(120)),
        "\u{202e}:pair:survey:1".into(),
    ]
}

#[tokio::test]
async fn buttons_tandem_never_made_get_a_plain_private_answer_and_change_nothing() {
    let app = TestApp::start().await;
    app.set_up().await;
    let me = app.member;
    let reply = app
        .run(
            me,
            "enrol mentee",
            &[
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Berlin")),
                ("goals", json!("Ship a crate")),
            ],
        )
        .await;
    assert!(reply.ephemeral());
    app.run(me, "mydata delete", &[]).await;
    let keep = CustomId::MydataKeep { owner: me }.to_string();
    let message = message_with(&app, &keep).expect("the confirmation");
    let before = Dumper::open(&app.settings.database.url)
        .await
        .settled()
        .await;

    for id in made_up(me) {
        let press = app.sim.click(app.guild.id, me, message.id, &id).await;
        let reply = app.sim.reply(press).await;
        assert!(
            reply.ephemeral(),
            "{id:?} answered privately: {}",
            reply.data
        );
        assert_eq!(
            reply.content(),
            messages::errors::STALE_BUTTON.get(Locale::En),
            "{id:?}"
        );
        assert!(
            CustomId::parse(Surface::Component, &id).is_err(),
            "{id:?} is not made up"
        );
    }
    // A menu with a made-up id likewise.
    let pick = app
        .sim
        .select(app.guild.id, me, message.id, "pairs:pick:x:0", &["0"])
        .await;
    assert_eq!(
        app.sim.reply(pick).await.content(),
        messages::errors::STALE_BUTTON.get(Locale::En)
    );
    assert_eq!(
        Dumper::open(&app.settings.database.url)
            .await
            .settled()
            .await,
        before,
        "nothing changed"
    );

    // The real button on the same message still works.
    let press = app.sim.click(app.guild.id, me, message.id, &keep).await;
    assert_eq!(
        app.sim.reply(press).await.content(),
        messages::mydata::KEPT.get(Locale::En)
    );
}

#[tokio::test]
async fn forms_tandem_never_opened_get_a_plain_private_answer() {
    let app = TestApp::start().await;
    app.set_up().await;
    let channel = app.sim.create_channel(
        app.guild.id,
        "anywhere",
        discord_sim::channel_type::TEXT,
        None,
    );
    for id in [
        "nonsense",
        "pulse:modal:abc",
        "pair:repair:1",
        "checkin:mood:1:2",
        "checkin:modal:1:2",
        "pair:survey:",
    ] {
        let submit = app
            .sim
            .submit_modal(app.guild.id, channel, app.member, id, &[("comment", "hi")])
            .await;
        let reply = app.sim.reply(submit).await;
        assert!(reply.ephemeral(), "{id:?}: {}", reply.data);
        assert_eq!(
            reply.content(),
            messages::errors::STALE_FORM.get(Locale::En),
            "{id:?}"
        );
    }
}

#[tokio::test]
async fn buttons_in_the_older_forms_still_on_posted_messages_keep_working() {
    let (app, s, pairs) = crate::checkins::programme(1).await;
    let pair = pairs[0];
    let moderator = app.person("mo", Some(s.mods));

    // A pulse question posted before its buttons named the member's own occurrence.
    let reply = app.run(moderator, "pulse now", &[]).await;
    assert!(reply.text().contains("asking 2"), "{}", reply.text());
    let dm = app.sim.wait_for_dms(pair.mentor, 1).await.remove(0);
    let round = dm
        .custom_ids()
        .iter()
        .find_map(|id| match CustomId::parse(Surface::Component, id) {
            Ok(CustomId::PulseScore {
                round,
                asked: Some(_),
                ..
            }) => Some(round),
            _ => None,
        })
        .expect("a pulse question with its mark");
    let older = CustomId::PulseScore {
        round,
        score: 4,
        asked: None,
    };
    assert_eq!(older.to_string(), format!("pulse:score:{round}:4"));
    let press = app
        .sim
        .click(app.guild.id, pair.mentor, dm.id, &older.to_string())
        .await;
    let reply = app.sim.reply(press).await;
    assert!(reply.ephemeral());
    assert_eq!(reply.content(), messages::pulse::thanks(Locale::En, 4));

    // A check-in prompt's Answer button, and a reminder's (which also names the reminder).
    app.run(moderator, "checkin now", &[]).await;
    let prompt = crate::checkins::wait_for_prompts(&app, &pairs).await[0][0].clone();
    let checkin = prompt
        .custom_ids()
        .iter()
        .find_map(|id| match CustomId::parse(Surface::Component, id) {
            Ok(CustomId::CheckinAnswer { checkin, .. }) => Some(checkin),
            _ => None,
        })
        .expect("an Answer button");
    for reminder in [None, Some(checkin + 1000)] {
        let answer = CustomId::CheckinAnswer { checkin, reminder };
        let press = app
            .sim
            .click(app.guild.id, pair.mentee, prompt.id, &answer.to_string())
            .await;
        let form = app.sim.reply(press).await;
        assert_eq!(form.kind, 9, "{answer} opens the form: {}", form.data);
        assert_eq!(
            form.data["custom_id"],
            CustomId::CheckinForm { checkin }.to_string()
        );
    }
}
