//! Private matching preferences end to end: a member asks with `/profile avoid` not to be
//! paired with someone; `/pair suggest` never proposes the two, `/pair create` refuses them
//! "for a private reason" without saying who asked, nobody else is told, and the wish goes
//! with either person's data.

use serde_json::{json, Value};
use tandem::discord::messages::{members as m, pairs as p};
use tandem::domain::matching::MAX_AVOIDED;
use tandem::store::{AuditEntry, PairRefusal};
use tandem::text::Locale;

use crate::support::{id_starting, message_with, TestApp};

const EN: Locale = Locale::En;

/// A server without mentor approval, a moderator, a mentee and two mentors: `best` shares
/// the mentee's topics, `other` does not.
async fn programme() -> (TestApp, u64, u64, u64, u64) {
    let (app, _s, moderator) = crate::support::open_programme().await;
    let enrol = |name: &'static str, role: &'static str, topics: &'static str| {
        let app = &app;
        async move {
            let user = app.person(name, None);
            let mut options = vec![
                ("topics", json!(topics)),
                ("timezone", json!("Europe/Berlin")),
            ];
            if role == "mentee" {
                options.push(("goals", json!("Ship my first crate")));
            }
            let r = app.run(user, &format!("enrol {role}"), &options).await;
            assert!(r.ephemeral(), "{}", r.text());
            user
        }
    };
    let mentee = enrol("mia", "mentee", "rust, career").await;
    let best = enrol("ben", "mentor", "rust, career").await;
    let other = enrol("oli", "mentor", "cooking").await;
    (app, moderator, mentee, best, other)
}

fn pair(mentor: u64, mentee: u64) -> [(&'static str, Value); 2] {
    [
        ("mentor", json!(mentor.to_string())),
        ("mentee", json!(mentee.to_string())),
    ]
}

async fn avoid(app: &TestApp, user: u64, other: u64, undo: bool) -> String {
    let mut options = vec![("user", json!(other.to_string()))];
    if undo {
        options.push(("undo", json!(true)));
    }
    let r = app.run(user, "profile avoid", &options).await;
    assert!(r.ephemeral(), "{}", r.text());
    r.text()
}

#[tokio::test]
async fn people_kept_apart_are_never_suggested_and_pairing_them_is_refused_without_saying_who_asked(
) {
    let (app, moderator, mentee, best, other) = programme().await;
    // Without a wish, the best match is proposed.
    let preview = app.run(moderator, "pair suggest", &[]).await;
    assert!(
        preview.text().contains(&format!("<@{best}>")),
        "{}",
        preview.text()
    );
    let stale = preview.custom_ids();

    let dms_before = app.sim.dms_to(best).len();
    assert_eq!(
        avoid(&app, mentee, best, false).await,
        m::avoid_added(EN, best)
    );
    assert_eq!(
        avoid(&app, mentee, best, false).await,
        m::avoid_already(EN, best)
    );
    let list = app.run(mentee, "profile avoid", &[]).await;
    assert_eq!(list.text(), m::avoid_list(EN, &[best]));

    // Suggestions now propose the other mentor.
    let preview = app.run(moderator, "pair suggest", &[]).await;
    let text = preview.text();
    assert!(text.contains(&format!("<@{other}>")), "{text}");
    assert!(!text.contains(&format!("<@{best}>")), "{text}");

    // Approving the older preview, or pairing by hand, is refused for a private reason.
    let approve = id_starting(&stale, "pairs:all");
    let message = message_with(&app, &approve).expect("the older preview");
    let press = app
        .sim
        .click(app.guild.id, moderator, message.id, &approve)
        .await;
    let answer = app.sim.edited_reply(press).await.text();
    assert!(
        answer.contains(&p::refused(EN, PairRefusal::KeptApart, best, mentee)),
        "{answer}"
    );
    let r = app.run(moderator, "pair create", &pair(best, mentee)).await;
    assert_eq!(
        r.content(),
        p::refused(EN, PairRefusal::KeptApart, best, mentee)
    );
    let db = app.db().await;
    assert!(db
        .open_pairs_of(app.guild.id, mentee)
        .await
        .unwrap()
        .is_empty());
    // The mentor is told nothing, and the audit log names nobody avoided.
    assert_eq!(app.sim.dms_to(best).len(), dms_before);
    let audit = db.audit_entries(app.guild.id, 100).await.unwrap();
    let avoids: Vec<&AuditEntry> = audit
        .iter()
        .filter(|e| e.action == "member.avoid")
        .collect();
    assert_eq!(avoids.len(), 1);
    assert_eq!(avoids[0].actor_id, Some(mentee));
    assert_eq!(avoids[0].target_id, None);
    assert!(!format!("{audit:?}").contains(&format!("{best}) ")));

    // The mentor's own wish works the same way, from the other side.
    assert_eq!(
        avoid(&app, mentee, best, true).await,
        m::avoid_removed(EN, best)
    );
    assert_eq!(
        avoid(&app, mentee, best, true).await,
        m::avoid_not_listed(EN, best)
    );
    avoid(&app, best, mentee, false).await;
    let r = app.run(moderator, "pair create", &pair(best, mentee)).await;
    assert_eq!(
        r.content(),
        p::refused(EN, PairRefusal::KeptApart, best, mentee)
    );
    avoid(&app, best, mentee, true).await;
    let r = app.run(moderator, "pair create", &pair(best, mentee)).await;
    assert!(r.content().starts_with("Paired <@"), "{}", r.content());
}

#[tokio::test]
async fn a_wish_is_exported_only_to_the_one_who_made_it_and_goes_with_either_persons_data() {
    let (app, _moderator, mentee, best, other) = programme().await;
    avoid(&app, mentee, best, false).await;
    avoid(&app, other, mentee, false).await;
    let export = |user: u64| {
        let app = &app;
        async move {
            let reply = app.run(user, "mydata export", &[]).await;
            let bytes = app.sim.attachment(&reply.data, 0).expect("an export");
            serde_json::from_slice::<Value>(&bytes).unwrap()
        }
    };
    let mine = export(mentee).await;
    let rows = mine["tables"]["avoidances"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "only the wish the mentee made: {rows:?}");
    assert_eq!(rows[0]["avoided_user_id"], json!(best as i64));
    let theirs = export(best).await;
    assert!(
        theirs["tables"]["avoidances"]
            .as_array()
            .is_none_or(|r| r.is_empty()),
        "the avoided mentor never sees it: {}",
        theirs["tables"]["avoidances"]
    );

    // The mentee erases their data: their own wish goes; the one Oli made about them is
    // Oli's, and stays (it keeps them apart if the mentee comes back).
    let r = app.run(mentee, "mydata delete", &[]).await;
    let erase = id_starting(&r.custom_ids(), "mydata:erase");
    let message = message_with(&app, &erase).unwrap();
    let press = app
        .sim
        .click(app.guild.id, mentee, message.id, &erase)
        .await;
    app.sim.edited_reply(press).await;
    let db = app.db().await;
    assert!(db
        .avoided_by(app.guild.id, mentee)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(db.avoided_by(app.guild.id, other).await.unwrap(), [mentee]);
}

#[tokio::test]
async fn bad_choices_are_refused_plainly_and_the_list_has_a_limit() {
    let (app, _moderator, mentee, best, _other) = programme().await;
    let r = app
        .run(
            mentee,
            "profile avoid",
            &[("user", json!(mentee.to_string()))],
        )
        .await;
    assert_eq!(r.text(), m::AVOID_SELF.get(EN));
    let r = app
        .run(
            mentee,
            "profile avoid",
            &[("user", json!(app.sim.bot_id().to_string()))],
        )
        .await;
    assert_eq!(r.text(), m::AVOID_BOT.get(EN));
    let outsider = app.sim.create_user("outsider");
    let r = app
        .run(
            mentee,
            "profile avoid",
            &[("user", json!(outsider.to_string()))],
        )
        .await;
    assert_eq!(r.text(), m::AVOID_NOT_MEMBER.get(EN));
    let r = app.run(mentee, "profile avoid", &[]).await;
    assert_eq!(r.text(), m::AVOID_EMPTY.get(EN));

    for i in 0..MAX_AVOIDED {
        let someone = app.person(&format!("p{i}"), None);
        avoid(&app, mentee, someone, false).await;
    }
    let r = app
        .run(
            mentee,
            "profile avoid",
            &[("user", json!(best.to_string()))],
        )
        .await;
    assert_eq!(r.text(), m::avoid_full(EN));
    let db = app.db().await;
    assert_eq!(
        db.avoided_by(app.guild.id, mentee).await.unwrap().len(),
        MAX_AVOIDED
    );
}
