//! A second press of a button that already acted (a modified client, or a second tap before
//! Discord removed the buttons) changes nothing and says so privately in one plain sentence; a
//! form sent twice keeps one answer.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};
use tandem::text::Locale;

use discord_sim::{Message, Model, Reply};
use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::discord::{route_of, BUTTON_ROUTES, FORM_ROUTES};
use tandem::domain::member::{Role, Status};
use tandem::domain::pair::PairStatus;

use crate::support::{changed_tables, id_starting, message_with, Dump, Dumper, TestApp};

/// Long enough for the heaviest first press (creating a pair, ending one) to finish.
const WAIT: Duration = Duration::from_secs(20);

/// Buttons that act on nothing, so a second press has nothing to repeat; with why. The forms
/// the last five open are sent twice instead.
const NOT_ACTING: &[(&str, &str)] = &[
    ("pairs:page", "only redraws the preview on another page"),
    (
        "pairs:pick",
        "only redraws the preview with the picked proposals",
    ),
    ("checkin:answer", "only opens the check-in form"),
    ("pulse:comment", "only opens the comment form"),
    ("pair:survey", "only opens the exit survey"),
    ("report:open", "only opens the report form"),
    ("mentor:apply", "only opens the application questions"),
];

/// The simulator's messages, by id.
type Messages = BTreeMap<u64, Value>;

/// The first words of the internal-error apology.
fn apology() -> String {
    let text = messages::errors::internal(Locale::En, "X");
    text.split(". ").next().unwrap().to_string()
}

/// A second answer is one plain line of the catalogue: `expected`.
fn plain(what: &str, text: &str, expected: &str) {
    assert!(!text.trim().is_empty(), "{what}: an empty answer");
    assert!(
        !text.contains(&apology()),
        "{what}: the internal-error apology: {text}"
    );
    assert!(
        !text.contains('\n'),
        "{what}: more than one plain line: {text}"
    );
    assert_eq!(text, expected, "{what}");
}

/// The first message that `check` picks, waiting for it to be posted.
async fn posted(app: &TestApp, what: &str, check: impl Fn(&Model, &Message) -> bool) -> Message {
    app.sim
        .wait_for(WAIT, |m, _| {
            m.messages.values().find(|msg| check(m, msg)).cloned()
        })
        .await
        .unwrap_or_else(|| panic!("no message {what}"))
}

fn carries(message: &Message, prefix: &str) -> bool {
    message.custom_ids().iter().any(|id| id.starts_with(prefix))
}

/// Presses buttons and sends forms twice, and notes which routes it did so for.
struct Twice<'a> {
    app: &'a TestApp,
    dumper: Dumper,
    pressed: BTreeSet<&'static str>,
    sent: BTreeSet<&'static str>,
}

impl Twice<'_> {
    fn messages(&self) -> Messages {
        self.app.sim.with_model(|m| {
            m.messages
                .iter()
                .map(|(id, msg)| (*id, msg.body.clone()))
                .collect()
        })
    }

    /// The database and Discord once neither has changed for a quarter of a second (what the
    /// last input set off has finished: DMs, archiving, other pairs' prompts).
    async fn steady(&self) -> (Dump, Messages) {
        let mut last = (self.dumper.dump().await, self.messages());
        let mut calm = 0;
        for _ in 0..400 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let now = (self.dumper.dump().await, self.messages());
            if now == last {
                calm += 1;
                if calm == 5 {
                    return now;
                }
            } else {
                calm = 0;
                last = now;
            }
        }
        panic!("the bot never stopped writing");
    }

    /// Waits until the answer to `interaction` (its reply or a follow-up) says `needle`.
    async fn saying(&self, interaction: u64, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let mut said: Vec<String> = self
                .app
                .sim
                .followups(interaction)
                .iter()
                .map(|f| f["content"].as_str().unwrap_or("").to_string())
                .collect();
            if let Some(r) = self.app.sim.try_reply(interaction, Duration::ZERO).await {
                said.push(r.text());
            }
            if let Some(text) = said.into_iter().find(|t| t.contains(needle)) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "interaction {interaction} never said {needle:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The first press: acts; returns its answer once it says `done`.
    async fn first(&self, user: u64, message: u64, custom_id: &str, done: &str) -> String {
        let press = self
            .app
            .sim
            .click(self.app.guild.id, user, message, custom_id)
            .await;
        self.saying(press, done).await
    }

    /// The same button on the same message again: answered by `expected`, not by the first
    /// answer again.
    async fn again(
        &mut self,
        user: u64,
        message: u64,
        custom_id: &str,
        first: &str,
        expected: &str,
    ) {
        assert_ne!(
            first, expected,
            "{custom_id}: a second answer like the first"
        );
        self.again_saying(user, message, custom_id, expected).await;
    }

    /// A cancel pressed again: its own word ("nothing changed") again is the no-op.
    async fn again_cancel(&mut self, user: u64, message: u64, custom_id: &str, word: &str) {
        self.again_saying(user, message, custom_id, word).await;
    }

    async fn again_saying(&mut self, user: u64, message: u64, custom_id: &str, expected: &str) {
        let route = route_of(custom_id, BUTTON_ROUTES)
            .unwrap_or_else(|| panic!("{custom_id} is on no listed route"));
        self.pressed.insert(route);
        let (app, guild) = (self.app, self.app.guild.id);
        let what = format!("{custom_id} pressed again");
        self.unchanged(&what, expected, None, async {
            app.sim.click(guild, user, message, custom_id).await
        })
        .await;
    }

    /// Runs `act` (a second press or submission) a minute after everything settled, so that
    /// anything written again would carry a new time, and checks: a private answer saying
    /// `expected` and nothing more; the database as it was (in `restamped`, a table whose
    /// rows an answer replaces, only `answered_at` may move); every message on Discord as it
    /// was (the first answer stays), and no new one but the private answer.
    async fn unchanged(
        &self,
        what: &str,
        expected: &str,
        restamped: Option<&str>,
        act: impl std::future::Future<Output = u64>,
    ) {
        let (before, on_discord) = self.steady().await;
        self.app.clock.advance(chrono::Duration::minutes(1));
        let interaction = act.await;
        let reply = self
            .app
            .sim
            .try_reply(interaction, WAIT)
            .await
            .unwrap_or_else(|| panic!("{what}: no answer"));
        assert!(
            reply.ephemeral(),
            "{what}: answered in public: {}",
            reply.data
        );
        plain(what, &reply.text(), expected);
        let (after, now_on_discord) = self.steady().await;
        assert!(
            self.app.sim.followups(interaction).is_empty(),
            "{what}: follow-ups {:?}",
            self.app.sim.followups(interaction)
        );
        let mut changed = changed_tables(&before, &after);
        if let Some(table) = restamped {
            changed.retain(|t| t != table);
            let column = self.column_of(table, "answered_at").await;
            let without = |dump: &Dump| -> Vec<String> {
                dump[table]
                    .iter()
                    .map(|row| {
                        let mut cells: Vec<&str> = row.split('|').collect();
                        cells.remove(column);
                        cells.join("|")
                    })
                    .collect()
            };
            assert_eq!(
                without(&before),
                without(&after),
                "{what}: {table} changed beyond answered_at"
            );
        }
        assert!(
            changed.is_empty(),
            "{what}: the database changed in {changed:?}:\nbefore {:?}\nafter {:?}",
            changed.iter().map(|t| &before[t]).collect::<Vec<_>>(),
            changed.iter().map(|t| &after[t]).collect::<Vec<_>>()
        );
        for (id, body) in &on_discord {
            assert_eq!(
                now_on_discord.get(id),
                Some(body),
                "{what}: message {id} changed"
            );
        }
        let added: Vec<&Value> = now_on_discord
            .iter()
            .filter(|(id, _)| !on_discord.contains_key(id))
            .map(|(_, body)| body)
            .collect();
        assert!(
            added.len() <= 1
                && added.iter().all(|b| {
                    b["content"] == json!(expected) && b["flags"].as_u64().unwrap_or(0) & 64 != 0
                }),
            "{what}: posted {added:?}"
        );
    }

    /// Where `column` is in a dumped row of `table`.
    async fn column_of(&self, table: &str, column: &str) -> usize {
        let db = self.app.db().await;
        let names = db.schema_columns().await.unwrap();
        names
            .iter()
            .filter(|(t, _)| t == table)
            .position(|(_, c)| c == column)
            .unwrap_or_else(|| panic!("no {table}.{column}"))
    }

    /// Presses the button that opens a form and returns the form.
    async fn open_form(&self, user: u64, message: u64, custom_id: &str) -> Reply {
        let press = self
            .app
            .sim
            .click(self.app.guild.id, user, message, custom_id)
            .await;
        let form = self
            .app
            .sim
            .try_reply(press, WAIT)
            .await
            .unwrap_or_else(|| panic!("{custom_id}: no form"));
        assert_eq!(form.kind, 9, "{custom_id} opens a form: {}", form.data);
        form
    }

    /// Sends the form `form` with `values` where its button was; returns the interaction.
    async fn send(&self, channel: u64, user: u64, form: &Reply, values: &[(&str, &str)]) -> u64 {
        let custom_id = form.data["custom_id"].as_str().expect("the form's id");
        self.app
            .sim
            .submit_modal(self.app.guild.id, channel, user, custom_id, values)
            .await
    }

    /// A form opened from `opener` on `message`, sent, then opened and sent again with the
    /// same words: the first answer says `first`, the second `second`, and the second changes
    /// nothing (but `answered_at` in `restamped`).
    #[allow(clippy::too_many_arguments)]
    async fn form_twice(
        &mut self,
        user: u64,
        message: &Message,
        opener: &str,
        values: &[(&str, &str)],
        first: &str,
        second: &str,
        restamped: Option<&str>,
    ) {
        let form = self.open_form(user, message.id, opener).await;
        let route = form.data["custom_id"]
            .as_str()
            .and_then(|id| route_of(id, FORM_ROUTES))
            .unwrap_or_else(|| panic!("a listed form: {}", form.data));
        let sent = self.send(message.channel_id, user, &form, values).await;
        let reply = self
            .app
            .sim
            .try_reply(sent, WAIT)
            .await
            .expect("the form is answered");
        // Answered at once with "thinking…", then the words.
        let reply = if reply.kind == 5 {
            self.app.sim.edited_reply(sent).await
        } else {
            reply
        };
        assert!(reply.ephemeral(), "{route}: {}", reply.data);
        assert_eq!(reply.text(), first, "{route} sent once");
        let form = self.open_form(user, message.id, opener).await;
        let what = format!("{route} sent again");
        self.unchanged(
            &what,
            second,
            restamped,
            self.send(message.channel_id, user, &form, values),
        )
        .await;
        self.sent.insert(route);
    }
}

#[tokio::test]
async fn every_button_that_acted_is_a_no_op_with_a_plain_word_when_pressed_again() {
    let began = Instant::now();
    let app = TestApp::start().await;
    // Mentor approval is on by default: applications go to the digest channel.
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let pairs = app
        .seed_pairs(s.category, 4, "Europe/Berlin", "Europe/Berlin")
        .await;
    let (checked, refit, leaving, erasing) = (pairs[0], pairs[1], pairs[2], pairs[3]);
    let mut t = Twice {
        app: &app,
        dumper: Dumper::open(&app.settings.database.url).await,
        pressed: BTreeSet::new(),
        sent: BTreeSet::new(),
    };

    // Mentor applications, decided on the moderators' message. (`/members` shows the same
    // buttons, answered privately, only while no digest channel is set; the same check
    // refuses a second decision there.)
    for (name, approve) in [("amy", true), ("dov", false)] {
        let applicant = app.person(name, None);
        let reply = app
            .run(
                applicant,
                "enrol mentor",
                &[
                    ("topics", json!("rust")),
                    ("timezone", json!("Europe/Berlin")),
                    ("capacity", json!(2)),
                ],
            )
            .await;
        assert!(
            reply.text().contains("A moderator will review"),
            "{}",
            reply.text()
        );
        let (verb, done, now) = if approve {
            ("approve", "Approved by", Status::Active)
        } else {
            ("decline", "Declined by", Status::Declined)
        };
        let id = format!("mentor:{verb}:{applicant}");
        let on = posted(&app, &id, |_, m| {
            m.channel_id == s.digest && carries(m, &id)
        })
        .await;
        let expected = messages::members::already_decided(now).get(Locale::En);
        let first = if approve {
            t.first(moderator, on.id, &id, done).await
        } else {
            // Decline asks for a reason first; the same form sent again decides nothing.
            let form = t.open_form(moderator, on.id, &id).await;
            let sent = t.send(s.digest, moderator, &form, &[("reason", "")]).await;
            let first = t.saying(sent, done).await;
            t.unchanged(
                "mentor:decline sent again",
                &expected,
                None,
                t.send(s.digest, moderator, &form, &[("reason", "")]),
            )
            .await;
            t.sent.insert("mentor:decline");
            first
        };
        t.again(moderator, on.id, &id, &first, &expected).await;
    }

    // With application questions, the applicant's answers are sent once.
    let r = app
        .run(
            moderator,
            "programme questions",
            &[("q1", json!("Why do you want to mentor?"))],
        )
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let asked = app.person("eve", None);
    app.run(
        asked,
        "enrol mentor",
        &[
            ("topics", json!("rust")),
            ("timezone", json!("Europe/Berlin")),
        ],
    )
    .await;
    let apply = format!("mentor:apply:{asked}");
    let on = message_with(&app, &apply).expect("the questions button");
    let form = t.open_form(asked, on.id, &apply).await;
    let answers = [("q0", "I like helping")];
    let sent = t.send(on.channel_id, asked, &form, &answers).await;
    let said = t.saying(sent, "Thank you").await;
    assert_eq!(said, messages::members::ANSWERS_SENT.get(Locale::En));
    let already = messages::members::ANSWERS_SENT_ALREADY.get(Locale::En);
    t.unchanged(
        "mentor:answers sent again",
        &already,
        None,
        t.send(on.channel_id, asked, &form, &answers),
    )
    .await;
    t.sent.insert("mentor:answers");

    // Two waiting mentees for the approved mentor (room for two): three previews, one
    // discarded, one proposal approved by selection, the other by Approve all.
    for name in ["gil", "hal"] {
        let user = app.person(name, None);
        let reply = app
            .run(
                user,
                "enrol mentee",
                &[
                    ("topics", json!("rust")),
                    ("timezone", json!("Europe/Berlin")),
                    ("goals", json!("Ship a crate")),
                ],
            )
            .await;
        assert!(
            reply.text().contains("enrolled as a mentee"),
            "{}",
            reply.text()
        );
    }
    let closed = messages::pairs::SUGGESTION_CLOSED.get(Locale::En);
    let preview = app.run(moderator, "pair suggest", &[]).await;
    assert!(
        preview.text().contains("2 pairs suggested"),
        "{}",
        preview.text()
    );
    let discard = id_starting(&preview.custom_ids(), "pairs:discard:");
    let on = message_with(&app, &discard).expect("the preview");
    let first = t
        .first(
            moderator,
            on.id,
            &discard,
            &messages::pairs::DISCARDED.get(Locale::En),
        )
        .await;
    t.again(moderator, on.id, &discard, &first, &closed).await;

    let preview = app.run(moderator, "pair suggest", &[]).await;
    let pick = id_starting(&preview.custom_ids(), "pairs:pick:");
    let on = message_with(&app, &pick).expect("the preview");
    let picked = app
        .sim
        .select(app.guild.id, moderator, on.id, &pick, &["0"])
        .await;
    let picked = app.sim.reply(picked).await;
    let selected = id_starting(&picked.custom_ids(), "pairs:sel:");
    assert!(selected.ends_with(":0"), "{selected}");
    let first = t.first(moderator, on.id, &selected, "Created 1 pair").await;
    t.again(moderator, on.id, &selected, &first, &closed).await;

    let preview = app.run(moderator, "pair suggest", &[]).await;
    assert!(
        preview.text().contains("1 pair suggested"),
        "{}",
        preview.text()
    );
    let all = id_starting(&preview.custom_ids(), "pairs:all:");
    let on = message_with(&app, &all).expect("the preview");
    let first = t.first(moderator, on.id, &all, "Created 1 pair").await;
    t.again(moderator, on.id, &all, &first, &closed).await;

    // (No application questions from here on.)
    let r = app
        .run(moderator, "programme questions", &[("clear", json!(true))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    // Orientation, once required: the approved mentor's "I've read it" (in the guide's DM).
    let r = app
        .run(app.admin, "setup", &[("orientation", json!("required"))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let ora = app.person("ora", None);
    let reply = app
        .run(
            ora,
            "enrol mentor",
            &[
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Berlin")),
            ],
        )
        .await;
    assert!(
        reply.text().contains("A moderator will review"),
        "{}",
        reply.text()
    );
    let approve = format!("mentor:approve:{ora}");
    let on = posted(&app, &approve, |_, m| {
        m.channel_id == s.digest && carries(m, &approve)
    })
    .await;
    let press = app
        .sim
        .click(app.guild.id, moderator, on.id, &approve)
        .await;
    assert!(app.sim.reply(press).await.text().contains("Approved by"));
    let read = format!("guide:read:{}:{ora}", app.guild.id);
    let on = posted(&app, &read, |_, m| carries(m, &read)).await;
    let at = tandem::clock::Clock::now(&*app.clock).timestamp();
    let first = t
        .first(
            ora,
            on.id,
            &read,
            &messages::guide::READ_THANKS.get(Locale::En),
        )
        .await;
    let done = messages::guide::read_already(Locale::En, at);
    t.again(ora, on.id, &read, &first, &done).await;

    // A re-pair request, the moderators' Re-pair, and the exit survey it sends.
    let asked = app
        .sim
        .command(app.guild.id, refit.mentee, "pair refit")
        .in_channel(refit.channel)
        .run()
        .await;
    assert!(
        asked.text().contains("told the moderators"),
        "{}",
        asked.text()
    );
    let repair = format!("pair:repair:{}", refit.id);
    let on = posted(&app, &repair, |_, m| carries(m, &repair)).await;
    let first = t.first(moderator, on.id, &repair, "Re-paired by").await;
    t.again(
        moderator,
        on.id,
        &repair,
        &first,
        &messages::pairs::not_open(PairStatus::Ended).get(Locale::En),
    )
    .await;
    let survey = format!("pair:survey:{}", refit.id);
    let dm = posted(&app, "with the exit survey", |model, m| {
        carries(m, &survey) && model.dms_to(refit.mentee).iter().any(|d| d.id == m.id)
    })
    .await;
    let thanks = messages::pairs::SURVEY_THANKS.get(Locale::En);
    // Sending it again replaces the answers (one may change one's mind): the same thanks,
    // the same single row, only its time moves.
    t.form_twice(
        refit.mentee,
        &dm,
        &survey,
        &[("rating", "4"), ("worked", "Good talks"), ("change", "")],
        &thanks,
        &thanks,
        Some("exit_surveys"),
    )
    .await;

    // Leaving, and cancelling.
    let confirm = app.run(leaving.mentor, "withdraw", &[]).await;
    let yes = id_starting(&confirm.custom_ids(), "withdraw:yes:");
    let on = message_with(&app, &yes).expect("the confirmation");
    let first = t
        .first(
            leaving.mentor,
            on.id,
            &yes,
            &messages::members::withdrawn(Locale::En, &[Role::Mentor]),
        )
        .await;
    t.again(
        leaving.mentor,
        on.id,
        &yes,
        &first,
        &messages::members::NOTHING_TO_WITHDRAW.get(Locale::En),
    )
    .await;
    let confirm = app.run(leaving.mentee, "withdraw", &[]).await;
    let no = id_starting(&confirm.custom_ids(), "withdraw:no:");
    let on = message_with(&app, &no).expect("the confirmation");
    let cancelled = messages::members::CANCELLED.get(Locale::En);
    t.first(leaving.mentee, on.id, &no, &cancelled).await;
    t.again_cancel(leaving.mentee, on.id, &no, &cancelled).await;

    // Erasing, and keeping.
    let confirm = app.run(erasing.mentee, "mydata delete", &[]).await;
    let erase = id_starting(&confirm.custom_ids(), "mydata:erase:");
    let on = message_with(&app, &erase).expect("the confirmation");
    let first = t
        .first(
            erasing.mentee,
            on.id,
            &erase,
            &messages::mydata::ERASED.get(Locale::En),
        )
        .await;
    t.again(
        erasing.mentee,
        on.id,
        &erase,
        &first,
        &messages::mydata::NOTHING_TO_ERASE.get(Locale::En),
    )
    .await;
    let confirm = app.run(erasing.mentor, "mydata delete", &[]).await;
    let keep = id_starting(&confirm.custom_ids(), "mydata:keep:");
    let on = message_with(&app, &keep).expect("the confirmation");
    let kept = messages::mydata::KEPT.get(Locale::En);
    t.first(erasing.mentor, on.id, &keep, &kept).await;
    t.again_cancel(erasing.mentor, on.id, &keep, &kept).await;
    // Someone tandem knows only from a mention in another pair's goal: the first erasure
    // still has that to do, the second nothing.
    let mentioned = format!("<@{}>", app.member);
    let goal = app
        .sim
        .command(app.guild.id, checked.mentor, "goal add")
        .in_channel(checked.channel)
        .opt("title", json!(format!("Ask {mentioned} about parsers")))
        .run()
        .await;
    assert!(goal.text().contains("#1"), "{}", goal.text());
    let confirm = app.run(app.member, "mydata delete", &[]).await;
    let erase = id_starting(&confirm.custom_ids(), "mydata:erase:");
    let on = message_with(&app, &erase).expect("the confirmation");
    let first = t
        .first(
            app.member,
            on.id,
            &erase,
            &messages::mydata::ERASED.get(Locale::En),
        )
        .await;
    let (dump, _) = t.steady().await;
    assert!(
        dump.values().flatten().all(|row| !row.contains(&mentioned)),
        "the mention is gone"
    );
    t.again(
        app.member,
        on.id,
        &erase,
        &first,
        &messages::mydata::NOTHING_TO_ERASE.get(Locale::En),
    )
    .await;

    // A check-in round: the same mood again, then the same words again.
    let round = app.run(moderator, "checkin now", &[]).await;
    assert!(
        round.text().contains("Posting a check-in"),
        "{}",
        round.text()
    );
    let prompt = posted(&app, "with a check-in prompt", |_, m| {
        m.channel_id == checked.channel && carries(m, "checkin:answer:")
    })
    .await;
    let mood = id_starting(&prompt.custom_ids(), "checkin:mood:");
    let mood = format!("{}4", &mood[..mood.len() - 1]);
    let first = t
        .first(checked.mentor, prompt.id, &mood, "Saved your mood")
        .await;
    t.again(
        checked.mentor,
        prompt.id,
        &mood,
        &first,
        &messages::checkins::mood_unchanged(Locale::En, 4),
    )
    .await;
    // Another mood still replaces the first.
    let other = format!("{}2", &mood[..mood.len() - 1]);
    let changed = t
        .first(checked.mentor, prompt.id, &other, "Saved your mood")
        .await;
    assert_eq!(changed, messages::checkins::mood_saved(Locale::En, 2));
    let answer = id_starting(&prompt.custom_ids(), "checkin:answer:");
    t.form_twice(
        checked.mentor,
        &prompt,
        &answer,
        &[
            ("progress", "Finished the parser"),
            ("blockers", ""),
            ("next", "Write tests"),
        ],
        &messages::checkins::SAVED.get(Locale::En),
        &messages::checkins::UNCHANGED.get(Locale::En),
        None,
    )
    .await;
    let summaries = app
        .sim
        .messages_in(checked.channel)
        .iter()
        .filter(|m| m.content().contains("checked in"))
        .count();
    assert_eq!(summaries, 1, "one summary in the pair channel");

    // A report sent twice is one report; reading it twice acts once.
    let report = id_starting(&prompt.custom_ids(), "report:open:");
    t.form_twice(
        checked.mentee,
        &prompt,
        &report,
        &[("what", "We never manage to meet"), ("contact", "no")],
        &messages::reports::sent(Locale::En, false),
        &messages::reports::ALREADY_SENT.get(Locale::En),
        None,
    )
    .await;
    let copy = posted(&app, "with a report for the moderators", |_, m| {
        carries(m, "report:ack:")
    })
    .await;
    let ack = id_starting(&copy.custom_ids(), "report:ack:");
    let first = t.first(moderator, copy.id, &ack, "Marked as read").await;
    t.again(
        moderator,
        copy.id,
        &ack,
        &first,
        &messages::reports::already_acknowledged(Locale::En, Some(moderator)),
    )
    .await;

    // A pulse round: the same score again, then the same comment again.
    let pulse = app.run(moderator, "pulse now", &[]).await;
    assert!(
        pulse.text().contains("Pulse round started"),
        "{}",
        pulse.text()
    );
    let question = posted(&app, "with a pulse question", |model, m| {
        carries(m, "pulse:score:") && model.dms_to(checked.mentee).iter().any(|d| d.id == m.id)
    })
    .await;
    let score = |n: u8| {
        question
            .custom_ids()
            .into_iter()
            .find(|id| id.split(':').nth(3) == Some(&n.to_string()))
            .unwrap_or_else(|| panic!("no score {n}: {:?}", question.custom_ids()))
    };
    let first = t
        .first(checked.mentee, question.id, &score(4), "Thanks, you chose")
        .await;
    t.again(
        checked.mentee,
        question.id,
        &score(4),
        &first,
        &messages::pulse::score_unchanged(Locale::En, 4),
    )
    .await;
    let changed = t
        .first(checked.mentee, question.id, &score(3), "Thanks, you chose")
        .await;
    assert_eq!(changed, messages::pulse::thanks(Locale::En, 3));
    let opener = format!("pulse:comment:{}", score(3).split(':').nth(2).unwrap());
    let comment = message_with(&app, &opener).expect("the comment button");
    let saved = messages::pulse::COMMENT_SAVED.get(Locale::En);
    // The same words again store nothing new: the comment is simply saved.
    t.form_twice(
        checked.mentee,
        &comment,
        &opener,
        &[("comment", "More pairing sessions, please")],
        &saved,
        &saved,
        None,
    )
    .await;

    // A cycle's question: the same answer again changes nothing (a one-week cycle asks at once).
    let r = app
        .run(
            moderator,
            "programme start",
            &[("name", json!("Spring")), ("weeks", json!(1))],
        )
        .await;
    assert!(r.text().contains("started"), "{}", r.text());
    let cycle = app
        .db()
        .await
        .running_cycle(app.guild.id)
        .await
        .unwrap()
        .expect("a cycle");
    let choose = format!("cycle:choose:{}:{}:continue", cycle.id, checked.id);
    let on = posted(&app, &choose, |_, m| carries(m, &choose)).await;
    let first = t
        .first(checked.mentee, on.id, &choose, "chose to **continue**")
        .await;
    t.again(
        checked.mentee,
        on.id,
        &choose,
        &first,
        &messages::cycles::same_choice(Locale::En, false),
    )
    .await;

    // The monthly availability question: the same answer again changes nothing.
    crate::support::ask_availability_now(&app, checked.mentor).await;
    let prefix = format!("mentor:still:{}:{}:", app.guild.id, checked.mentor);
    let on = posted(&app, &prefix, |_, m| carries(m, &prefix)).await;
    let pause = id_starting(&on.custom_ids(), &prefix)
        .rsplit_once(':')
        .map(|(ask, _)| format!("{ask}:pause"))
        .unwrap();
    let first = t
        .first(checked.mentor, on.id, &pause, "Done: no new mentees")
        .await;
    t.again(
        checked.mentor,
        on.id,
        &pause,
        &first,
        &messages::availability::SAME.get(Locale::En),
    )
    .await;

    // Coverage: every button route was pressed twice, or acts on nothing; every form was sent
    // twice.
    let excluded: BTreeSet<&str> = NOT_ACTING.iter().map(|(route, _)| *route).collect();
    assert!(
        t.pressed.is_disjoint(&excluded),
        "pressed twice and said not to act: {:?}",
        t.pressed.intersection(&excluded).collect::<Vec<_>>()
    );
    let covered: BTreeSet<&str> = t.pressed.union(&excluded).copied().collect();
    assert_eq!(
        covered,
        BUTTON_ROUTES.iter().copied().collect::<BTreeSet<_>>(),
        "every button route is pressed twice or listed as not acting"
    );
    assert_eq!(
        t.sent,
        FORM_ROUTES.iter().copied().collect::<BTreeSet<_>>(),
        "every form is sent twice"
    );
    eprintln!(
        "pressed twice: {} routes, {} forms, in {:.1?}",
        t.pressed.len(),
        t.sent.len(),
        began.elapsed()
    );
}
