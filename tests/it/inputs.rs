//! Bad input everywhere a person can type or pick something (issue 15, "Hardening II"): every
//! option of every registered command and every field of every form the bot opens gets empty,
//! blank, over-long, right-to-left, invisible, emoji, mention, markdown and out-of-range values.
//! The sweep is driven by the command definitions the bot registers, so a new option cannot go
//! unswept. Run with `--nocapture` for the counts; `INPUTS_VERBOSE=1` also prints every answer.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};
use tandem::text::Locale;

use discord_sim::{Message, RecordedRequest, Reply};
use serde_json::{json, Value};
use tandem::discord::messages;

use crate::support::{changed_tables, id_starting, message_with, typed, Dump, Dumper, TestApp};

/// How long an answer may take before it counts as never given.
const ANSWER_WAIT: Duration = Duration::from_millis(2500);

/// One option of a registered command, read from what the bot registers with Discord.
#[derive(Debug, Clone)]
struct Opt {
    name: String,
    /// Discord's option type: 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role,
    /// 10 number.
    kind: u64,
    required: bool,
    choices: Vec<Value>,
    min: Option<f64>,
    max: Option<f64>,
    max_length: Option<usize>,
    channel_types: Vec<u64>,
}

/// A command that runs (a subcommand by its full name, "pair create") and its options.
#[derive(Debug, Clone)]
struct Leaf {
    command: String,
    options: Vec<Opt>,
}

fn opt_of(o: &Value) -> Opt {
    Opt {
        name: o["name"].as_str().unwrap_or_default().to_string(),
        kind: o["type"].as_u64().unwrap_or(3),
        required: o["required"].as_bool().unwrap_or(false),
        choices: o["choices"].as_array().cloned().unwrap_or_default(),
        min: o["min_value"].as_f64(),
        max: o["max_value"].as_f64(),
        max_length: o["max_length"].as_u64().map(|n| n as usize),
        channel_types: o["channel_types"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect(),
    }
}

/// Every command tandem registers, from `commands::all()` as the bot turns it into Discord's
/// JSON, recursing into subcommands and groups.
fn registered() -> Vec<Leaf> {
    fn walk(name: &str, def: &Value, out: &mut Vec<Leaf>) {
        let options = def["options"].as_array().cloned().unwrap_or_default();
        let subs: Vec<&Value> = options
            .iter()
            .filter(|o| matches!(o["type"].as_u64(), Some(1 | 2)))
            .collect();
        if subs.is_empty() {
            out.push(Leaf {
                command: name.to_string(),
                options: options.iter().map(opt_of).collect(),
            });
        }
        for sub in subs {
            walk(
                &format!("{name} {}", sub["name"].as_str().unwrap_or_default()),
                sub,
                out,
            );
        }
    }
    let mut out = Vec::new();
    for command in tandem::discord::commands::all() {
        let Some(slash) = command.create_as_slash_command() else {
            continue;
        };
        let def = serde_json::to_value(&slash).expect("a command serialises");
        walk(def["name"].as_str().unwrap_or_default(), &def, &mut out);
    }
    out
}

/// What the sweep tries: a label for the report, the value, and whether the bot must refuse
/// it (out of range, outside the choices, someone or something that is not there).
#[derive(Debug, Clone)]
struct Bad {
    label: String,
    value: Value,
    must_refuse: bool,
    /// The option or field must be filled in (blank then means nothing was given).
    required: bool,
}

fn bad(label: impl Into<String>, value: Value, must_refuse: bool) -> Bad {
    Bad {
        label: label.into(),
        value,
        must_refuse,
        required: false,
    }
}

/// Text nobody should be able to break anything with.
fn bad_texts(role: u64, user: u64, max_length: Option<usize>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("empty", String::new()),
        ("whitespace only", " \t\n   ".to_string()),
        ("5,000 characters", "a".repeat(5000)),
        ("Arabic", "مرحبا، أريد أن أتعلم البرمجة".to_string()),
        ("Hebrew", "שלום, אני רוצה ללמוד".to_string()),
        ("RTL override", "\u{202E}gnp.exe report".to_string()),
        ("zero-width space", "\u{200B}".to_string()),
        ("byte order mark", "\u{FEFF}".to_string()),
        ("zero-width around text", "\u{200B}rust\u{FEFF}".to_string()),
        ("emoji", "🎉🚀✨".to_string()),
        ("ZWJ sequences", "👩‍💻👨‍👩‍👧‍👦🏳️‍🌈".to_string()),
        ("flags", "🇩🇪🇯🇵🇧🇷".to_string()),
        ("@everyone", "@everyone".to_string()),
        ("@here", "@here look at this".to_string()),
        ("role mention", format!("<@&{role}>")),
        ("user mention", format!("<@{user}>")),
        (
            "markdown",
            "**bold** __under__ ~~gone~~ ||spoiler|| [link](https://example.com)\n# Heading"
                .to_string(),
        ),
        ("code fence", "```\n@everyone\n```".to_string()),
        (
            "lone combining marks",
            "\u{0301}\u{0308}\u{20DD}".to_string(),
        ),
        ("UTCé", "UTCé".to_string()),
        ("€", "€".to_string()),
    ]
    .into_iter()
    .map(|(l, t)| (l.to_string(), t))
    .collect();
    if let Some(max) = max_length {
        out.push((
            format!("{} characters (max {max})", max + 1),
            "b".repeat(max + 1),
        ));
    }
    out
}

/// Text that is nothing a person can see: whitespace and format characters only.
fn blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c,
                '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    })
}

/// Ids and objects the sweep picks in user, role and channel options.
struct Picks {
    /// A user who exists but is not in the server.
    outsider: u64,
    /// An id nobody has (as after an account was deleted).
    nobody: u64,
    bot: u64,
    everyone_role: u64,
    voice: u64,
    category: u64,
    text: u64,
}

fn bad_values(o: &Opt, picks: &Picks, role: u64, user: u64) -> Vec<Bad> {
    if !o.choices.is_empty() {
        let numeric = o.choices.iter().all(|c| c["value"].is_number());
        return if numeric {
            let n = o.choices.len() as i64;
            vec![
                bad("outside the choices (next index)", json!(n), true),
                bad("outside the choices (-1)", json!(-1), true),
                bad("outside the choices (i64::MAX)", json!(i64::MAX), true),
            ]
        } else {
            vec![bad("outside the choices", json!("not-a-choice"), true)]
        };
    }
    match o.kind {
        3 => bad_texts(role, user, o.max_length)
            .into_iter()
            .map(|(l, t)| bad(l, json!(t), false))
            .collect(),
        4 | 10 => {
            let (min, max) = (o.min.map(|m| m as i64), o.max.map(|m| m as i64));
            let mut values: Vec<(String, i64)> = Vec::new();
            if let Some(min) = min {
                values.push((format!("below min ({})", min - 1), min - 1));
            }
            if let Some(max) = max {
                values.push((format!("above max ({})", max + 1), max + 1));
            }
            values.extend([
                ("0".to_string(), 0),
                ("-1".to_string(), -1),
                ("i64::MIN".to_string(), i64::MIN),
                ("i64::MAX".to_string(), i64::MAX),
            ]);
            let mut seen = BTreeSet::new();
            values
                .into_iter()
                .filter(|(_, v)| seen.insert(*v))
                .map(|(l, v)| {
                    let out = min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m);
                    let value = if o.kind == 10 {
                        json!(v as f64)
                    } else {
                        json!(v)
                    };
                    bad(l, value, out)
                })
                .collect()
        }
        6 => vec![
            bad(
                "a user not in the server",
                json!(picks.outsider.to_string()),
                true,
            ),
            bad(
                "a user that does not exist",
                json!(picks.nobody.to_string()),
                true,
            ),
            bad("the bot", json!(picks.bot.to_string()), true),
        ],
        8 => vec![
            bad(
                "a role that does not exist",
                json!(picks.nobody.to_string()),
                true,
            ),
            bad("@everyone", json!(picks.everyone_role.to_string()), true),
        ],
        7 => {
            let mut out = vec![bad(
                "a channel that does not exist",
                json!(picks.nobody.to_string()),
                true,
            )];
            let text_allowed = o.channel_types.is_empty() || o.channel_types.contains(&0);
            let voice_allowed = o.channel_types.is_empty() || o.channel_types.contains(&2);
            if !voice_allowed {
                out.push(bad("a voice channel", json!(picks.voice.to_string()), true));
            }
            let category_allowed = o.channel_types.is_empty() || o.channel_types.contains(&4);
            if !category_allowed {
                out.push(bad("a category", json!(picks.category.to_string()), true));
            }
            if !text_allowed {
                out.push(bad("a text channel", json!(picks.text.to_string()), true));
            }
            out
        }
        // Nothing but true and false can be sent for a boolean.
        _ => Vec::new(),
    }
}

/// A private answer of text alone that is not one of the confirmations of that shape: how
/// tandem refuses.
fn refusal_shaped(r: &Reply) -> bool {
    let empty = |key: &str| r.data[key].as_array().is_none_or(|a| a.is_empty());
    let confirmations = [
        messages::checkins::SAVED.get(Locale::En),
        messages::checkins::SAVED_LATE.get(Locale::En),
        messages::pulse::COMMENT_SAVED.get(Locale::En),
        messages::pairs::SURVEY_THANKS.get(Locale::En),
        messages::pairs::ENDED.get(Locale::En),
        messages::reports::sent(Locale::En, false),
        messages::reports::sent(Locale::En, true),
        messages::members::ANSWERS_SENT.get(Locale::En),
    ];
    // Answers that go on to list what was saved.
    let listing = [
        messages::members::QUESTIONS_SAVED.get(Locale::En),
        messages::members::QUESTIONS_UNCHANGED.get(Locale::En),
        messages::members::QUESTIONS_CURRENT.get(Locale::En),
    ];
    let text = r.content().trim();
    let confirmed = confirmations.iter().any(|c| c == text)
        || listing.iter().any(|l| text.starts_with(l.as_str()))
        || text.starts_with("Paired <@")
        || (text.starts_with("Cycle **") && text.contains("started"));
    r.ephemeral() && empty("embeds") && empty("components") && empty("attachments") && !confirmed
}

/// One short sentence (or a few) in plain words: not raw error text, not a field's label.
fn sentence_ish(text: &str, labels: &[String]) -> bool {
    let t = text.trim();
    let closing = |c: char| matches!(c, ')' | '"' | '\'' | '*' | '_' | '`' | '”' | '»');
    let last = t.trim_end_matches(closing).chars().last();
    let first = t.chars().next();
    let raw = [
        "panicked", "Error:", "error:", "sqlx", "serenity", "SQLITE", "called `", "{\"",
    ];
    !t.is_empty()
        && first.is_some_and(|c| !c.is_lowercase())
        && last.is_some_and(|c| matches!(c, '.' | '!' | '?'))
        && t.chars().count() <= 600
        && !raw.iter().any(|w| t.contains(w))
        // What the person typed, quoted back, must not turn the sentence around, open a code
        // block or break it over lines.
        && !t.contains(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        && !t.contains("```")
        && !t.contains('\n')
        && !labels.iter().any(|l| l.trim() == t)
}

/// One input and what became of it.
#[derive(Debug)]
struct Outcome {
    what: String,
    answer: String,
    changed: Vec<String>,
}

fn excerpt(text: &str) -> String {
    let flat = text.replace('\n', "⏎");
    if flat.chars().count() > 160 {
        format!("{}…", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

#[derive(Default)]
struct Tally {
    tried: usize,
    not_plain: Vec<Outcome>,
    refusals_changed: Vec<Outcome>,
    bad_accepted: Vec<Outcome>,
    blank_accepted: Vec<Outcome>,
    accepted: usize,
    refused: usize,
}

async fn wait_button(app: &TestApp, prefix: &str, place: impl Fn(&Message) -> bool) -> Message {
    app.sim
        .wait_for(Duration::from_secs(15), |m, _| {
            m.messages
                .values()
                .filter(|msg| place(msg))
                .find(|msg| msg.custom_ids().iter().any(|id| id.starts_with(prefix)))
                .cloned()
        })
        .await
        .unwrap_or_else(|| panic!("no message with a {prefix}… button"))
}

/// A form the bot opened: where and for whom, its custom id and its fields (id, label,
/// required, max).
struct Form {
    channel: u64,
    user: u64,
    custom_id: String,
    fields: Vec<(String, String, bool, Option<usize>)>,
}

fn form_of(channel: u64, user: u64, reply: &Reply) -> Form {
    assert_eq!(reply.kind, 9, "a form opens: {}", reply.data);
    let fields = reply.data["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|c| {
            (
                c["custom_id"].as_str().unwrap_or_default().to_string(),
                c["label"].as_str().unwrap_or_default().to_string(),
                c["required"].as_bool().unwrap_or(true),
                c["max_length"].as_u64().map(|n| n as usize),
            )
        })
        .collect();
    Form {
        channel,
        user,
        custom_id: reply.data["custom_id"].as_str().unwrap().to_string(),
        fields,
    }
}

struct Sweep<'a> {
    app: &'a TestApp,
    db: Dumper,
    tally: Tally,
}

impl Sweep<'_> {
    /// Waits for the answer to one input and judges it against the database as it was
    /// `before`.
    async fn judge(
        &mut self,
        what: String,
        bad: &Bad,
        labels: &[String],
        before: Dump,
        interaction: u64,
    ) {
        let app = self.app;
        let reply = app.sim.try_reply(interaction, ANSWER_WAIT).await;
        self.tally.tried += 1;
        let apology = messages::errors::internal(Locale::En, "X");
        let apology = apology.split(". ").next().unwrap().to_string();
        let Some(reply) = reply else {
            let after = self.db.settled().await;
            self.tally.not_plain.push(Outcome {
                what,
                answer: "(no answer)".into(),
                changed: changed_tables(&before, &after),
            });
            return;
        };
        let text = reply.text();
        let refused = refusal_shaped(&reply);
        let after = if refused {
            self.db.dump().await
        } else {
            self.db.settled().await
        };
        let changed = changed_tables(&before, &after);
        let outcome = Outcome {
            what,
            answer: excerpt(&text),
            changed: changed.clone(),
        };
        let answers = app.sim.followups(interaction).len();
        if text.contains(&apology) || (refused && (answers > 1 || !sentence_ish(&text, labels))) {
            if !changed.is_empty() {
                self.tally.refusals_changed.push(Outcome {
                    what: outcome.what.clone(),
                    answer: outcome.answer.clone(),
                    changed: changed.clone(),
                });
            }
            self.tally.not_plain.push(outcome);
            return;
        }
        if refused {
            self.tally.refused += 1;
            if std::env::var_os("INPUTS_VERBOSE").is_some() {
                println!("  refused {} -> {}", outcome.what, outcome.answer);
            }
            if !changed.is_empty() {
                self.tally.refusals_changed.push(outcome);
            }
            return;
        }
        self.tally.accepted += 1;
        if bad.must_refuse {
            self.tally.bad_accepted.push(outcome);
        } else if let Some(text) = bad.value.as_str().filter(|t| blank(t)) {
            // Nothing visible was given where something must be, or invisible text was kept.
            let kept = |d: &Dump| {
                d.values()
                    .flatten()
                    .filter(|row| row.contains(text))
                    .count()
            };
            let stored = !text.is_empty() && kept(&after) > kept(&before);
            if bad.required || stored {
                self.tally.blank_accepted.push(outcome);
            }
        }
        if std::env::var_os("INPUTS_VERBOSE").is_some() {
            println!("  accepted {}", excerpt(&text));
        }
    }

    /// Runs `command` as the admin in `channel` with `options`, bypassing what Discord's
    /// client would check.
    async fn command(&mut self, channel: u64, leaf: &Leaf, options: &[(String, Value)], bad: &Bad) {
        let app = self.app;
        let mut call = app
            .sim
            .command(app.guild.id, app.admin, &leaf.command)
            .in_channel(channel)
            .unchecked();
        for (name, value) in options {
            call = call.opt(name, value.clone());
        }
        let tested = &options.last().unwrap().0;
        let what = format!("/{} {tested}: {}", leaf.command, bad.label);
        let before = self.db.dump().await;
        let interaction = call
            .send()
            .await
            .unwrap_or_else(|e| panic!("{what} could not be sent: {e}"));
        self.judge(what, bad, &[], before, interaction).await;
    }

    async fn form(&mut self, form: &Form, field: &str, bad: &Bad) {
        let app = self.app;
        let value = bad.value.as_str().unwrap_or_default().to_string();
        let values: Vec<(String, String)> = form
            .fields
            .iter()
            .map(|(id, _, required, _)| {
                let v = if id == field {
                    value.clone()
                } else if *required {
                    typed(id).to_string()
                } else {
                    String::new()
                };
                (id.clone(), v)
            })
            .collect();
        let pairs: Vec<(&str, &str)> = values
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let route: String = form
            .custom_id
            .splitn(3, ':')
            .take(2)
            .collect::<Vec<_>>()
            .join(":");
        let what = format!("form {route} {field}: {}", bad.label);
        let labels: Vec<String> = form.fields.iter().map(|f| f.1.clone()).collect();
        let before = self.db.dump().await;
        let interaction = app
            .sim
            .submit_modal(
                app.guild.id,
                form.channel,
                form.user,
                &form.custom_id,
                &pairs,
            )
            .await;
        self.judge(what, bad, &labels, before, interaction).await;
    }
}

/// Who sees a message the bot sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Only the person who pressed or ran something (an ephemeral answer).
    Privately,
    /// The one person it was sent to by DM.
    ByDm,
    /// Everyone in the channel.
    InChannel,
}

/// A message body the bot sent, and who sees it.
struct Body {
    what: String,
    body: Value,
    seen: Seen,
}

/// Every message body the bot sent or edited: channel messages and DMs, interaction answers,
/// follow-ups and their edits.
fn message_bodies(requests: &[RecordedRequest], dms: &BTreeSet<u64>) -> Vec<Body> {
    // Interaction tokens whose first answer was private (edits of @original inherit it).
    let mut private_token: HashMap<String, bool> = HashMap::new();
    let mut out = Vec::new();
    for r in requests {
        let parts: Vec<&str> = r.path.trim_matches('/').split('/').collect();
        let what = format!("{} {}", r.method, r.path);
        let flags_private = |v: &Value| v["flags"].as_u64().unwrap_or(0) & 64 != 0;
        let seen = |private: bool| {
            if private {
                Seen::Privately
            } else {
                Seen::InChannel
            }
        };
        match (r.method.as_str(), parts.as_slice()) {
            ("POST", ["interactions", _, token, "callback"]) => {
                let kind = r.body["type"].as_u64().unwrap_or(0);
                let private = flags_private(&r.body["data"]);
                private_token.entry(token.to_string()).or_insert(private);
                if matches!(kind, 4 | 7) {
                    out.push(Body {
                        what,
                        body: r.body["data"].clone(),
                        seen: seen(private),
                    });
                }
            }
            ("POST", ["webhooks", _, _]) => out.push(Body {
                what,
                seen: seen(flags_private(&r.body)),
                body: r.body.clone(),
            }),
            ("PATCH", ["webhooks", _, token, "messages", _]) => out.push(Body {
                what,
                seen: seen(private_token.get(*token).copied().unwrap_or(false)),
                body: r.body.clone(),
            }),
            ("POST", ["channels", channel, "messages"])
            | ("PATCH", ["channels", channel, "messages", _]) => {
                let dm = channel.parse().is_ok_and(|c: u64| dms.contains(&c));
                out.push(Body {
                    what,
                    body: r.body.clone(),
                    seen: if dm { Seen::ByDm } else { Seen::InChannel },
                })
            }
            _ => {}
        }
    }
    out
}

/// Whether a body's `allowed_mentions` lets nobody be pinged but the users it lists.
fn mentions_safe(body: &Value) -> bool {
    let am = &body["allowed_mentions"];
    am.is_object()
        && am["parse"].as_array().is_none_or(|p| {
            p.iter()
                .all(|x| !matches!(x.as_str(), Some("everyone" | "roles" | "users")))
        })
}

fn can_ping(content: &str) -> bool {
    content.contains("@everyone") || content.contains("@here") || content.contains("<@")
}

#[tokio::test]
async fn every_option_and_form_field_answers_bad_input_with_one_plain_sentence_and_changes_nothing()
{
    let began = Instant::now();
    let app = TestApp::start_with(|s| s.kudos.per_day = 100).await;
    let s = app.set_up().await;
    let admin = app.admin;
    let ok = |r: &Reply, needle: &str| {
        assert!(
            r.text().contains(needle),
            "expected {needle:?}: {}",
            r.text()
        );
    };
    let r = app
        .run(admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    ok(&r, "Saved");

    // The admin mentors two mentees (one pair stays, one ends for its exit survey) and is a
    // mentee too; a free mentor and a free mentee are the valid halves of `/pair create`.
    let enrol = |user: u64, role: &'static str| {
        let app = &app;
        async move {
            let mut options = vec![
                ("topics", json!("rust, career")),
                ("timezone", json!("Europe/Berlin")),
            ];
            if role == "mentee" {
                options.push(("goals", json!("Learn to review code")));
            } else {
                options.push(("capacity", json!(5)));
            }
            let r = app.run(user, &format!("enrol {role}"), &options).await;
            assert!(r.text().contains("enrolled"), "{}", r.text());
        }
    };
    enrol(admin, "mentor").await;
    enrol(admin, "mentee").await;
    let (mia, ben, fred, fay) = (
        app.person("mia", None),
        app.person("ben", None),
        app.person("fred", None),
        app.person("fay", None),
    );
    for u in [mia, ben, fay] {
        enrol(u, "mentee").await;
    }
    enrol(fred, "mentor").await;
    let pair_channel = |r: &Reply| -> u64 {
        let text = r.text();
        let at = text
            .find("<#")
            .unwrap_or_else(|| panic!("no channel in {text}"));
        text[at + 2..].split('>').next().unwrap().parse().unwrap()
    };
    let mut pairs = Vec::new();
    for mentee in [mia, ben] {
        let r = app
            .run(
                admin,
                "pair create",
                &[
                    ("mentor", json!(admin.to_string())),
                    ("mentee", json!(mentee.to_string())),
                ],
            )
            .await;
        ok(&r, "Paired");
        pairs.push(pair_channel(&r));
    }
    let (here, ending) = (pairs[0], pairs[1]);
    let picks = Picks {
        outsider: app.sim.create_user("outsider"),
        nobody: 987_654_321_987_654_321,
        bot: app.sim.bot_id(),
        everyone_role: app.guild.id,
        voice: app.sim.create_channel(app.guild.id, "Voice", 2, None),
        category: s.category,
        text: app.guild.general_channel_id,
    };
    let leaves = registered();
    let db = Dumper::open(&app.settings.database.url).await;
    let t0 = Instant::now();

    // The forms: a check-in's answer, a pulse comment, an exit survey and a report, each opened once as
    // a person would; the sweep then submits them again and again.
    let call = |user: u64, command: &str, channel: u64, options: &[(&str, Value)]| {
        let mut c = app
            .sim
            .command(app.guild.id, user, command)
            .in_channel(channel);
        for (k, v) in options {
            c = c.opt(k, v.clone());
        }
        c.run()
    };
    let r = call(admin, "pair end", ending, &[("reason", json!("completed"))]).await;
    ok(&r, &messages::pairs::ENDED.get(Locale::En));
    let survey = wait_button(&app, "pair:survey:", |m| m.channel_id == ending).await;
    let r = call(admin, "checkin now", here, &[]).await;
    ok(&r, "check-in");
    let prompt = wait_button(&app, "checkin:answer:", |m| m.channel_id == here).await;
    let r = call(admin, "pulse now", here, &[]).await;
    ok(&r, "Pulse round started");
    let question = app
        .sim
        .wait_for(Duration::from_secs(15), |m, _| {
            m.dms_to(admin).into_iter().find(|msg| {
                msg.custom_ids()
                    .iter()
                    .any(|id| id.starts_with("pulse:score:"))
            })
        })
        .await
        .expect("the pulse question by DM");

    let open = |message: Message, custom_id: String| {
        let app = &app;
        async move {
            let press = app
                .sim
                .click(app.guild.id, admin, message.id, &custom_id)
                .await;
            let reply = app
                .sim
                .try_reply(press, ANSWER_WAIT)
                .await
                .unwrap_or_else(|| panic!("no answer to {custom_id}"));
            (message.channel_id, reply)
        }
    };
    let mut forms = Vec::new();
    let (channel, reply) = open(
        prompt.clone(),
        id_starting(&prompt.custom_ids(), "checkin:answer:"),
    )
    .await;
    forms.push(form_of(channel, admin, &reply));
    // The fourth of the five score buttons.
    let scores: Vec<String> = question
        .custom_ids()
        .into_iter()
        .filter(|id| id.starts_with("pulse:score:"))
        .collect();
    let score = scores.get(3).unwrap_or(&scores[0]).clone();
    let (_, thanks) = open(question.clone(), score).await;
    let comment = id_starting(&thanks.custom_ids(), "pulse:comment:");
    let on = message_with(&app, &comment).expect("the comment button");
    let (channel, reply) = open(on, comment).await;
    forms.push(form_of(channel, admin, &reply));
    let (channel, reply) = open(
        survey.clone(),
        id_starting(&survey.custom_ids(), "pair:survey:"),
    )
    .await;
    forms.push(form_of(channel, admin, &reply));
    let (channel, reply) = open(
        prompt.clone(),
        id_starting(&prompt.custom_ids(), "report:open:"),
    )
    .await;
    forms.push(form_of(channel, admin, &reply));
    // Mentor applications: the moderators' Decline form (on an application posted at once),
    // then, with the server's questions set, an applicant's answers form.
    let r = app
        .run(admin, "setup", &[("mentor_approval", json!(true))])
        .await;
    ok(&r, "Saved");
    let mentor_options = || {
        vec![
            ("topics", json!("rust")),
            ("timezone", json!("Europe/Berlin")),
        ]
    };
    let declined = app.person("dora", None);
    app.run(declined, "enrol mentor", &mentor_options()).await;
    let decline = format!("mentor:decline:{declined}");
    let on = app
        .sim
        .wait_for(Duration::from_secs(15), |m, _| {
            m.messages
                .values()
                .find(|msg| discord_sim::custom_ids(&msg.body).contains(&decline))
                .cloned()
        })
        .await
        .expect("the application for the moderators");
    let (channel, reply) = open(on, decline).await;
    forms.push(form_of(channel, admin, &reply));
    let r = app
        .run(
            admin,
            "programme questions",
            &[("q1", json!("Why do you want to mentor?"))],
        )
        .await;
    ok(&r, "Saved");
    let applicant = app.person("ada", None);
    let r = app.run(applicant, "enrol mentor", &mentor_options()).await;
    let apply = id_starting(&r.custom_ids(), "mentor:apply:");
    let on = message_with(&app, &apply).expect("the questions button");
    let press = app.sim.click(app.guild.id, applicant, on.id, &apply).await;
    let reply = app
        .sim
        .try_reply(press, ANSWER_WAIT)
        .await
        .expect("the questions");
    forms.push(form_of(on.channel_id, applicant, &reply));
    db.settled().await;

    let mut w = Sweep {
        app: &app,
        db,
        tally: Tally::default(),
    };
    let mut swept_fields = Vec::new();
    for form in &forms {
        for (field, _, required, max) in &form.fields {
            let mut values: Vec<Bad> = bad_texts(s.mods, app.member, *max)
                .into_iter()
                .map(|(l, t)| Bad {
                    required: *required,
                    ..bad(l, json!(t), false)
                })
                .collect();
            if typed(field).parse::<i64>().is_ok() {
                for n in ["0", "6", "-1", "4.5", "99999999999999999999"] {
                    values.push(bad(format!("number {n}"), json!(n), true));
                }
            }
            for b in &values {
                w.form(form, field, b).await;
            }
            swept_fields.push(format!("{}/{field}", form.custom_id));
        }
    }

    // Every option of every command, the others filled in with good values.
    let valid = |leaf: &Leaf, o: &Opt| -> Value {
        if let Some(first) = o.choices.first() {
            return first["value"].clone();
        }
        match (o.kind, o.name.as_str()) {
            (3, "topics") => json!("rust"),
            (3, "timezone") => json!("Europe/Berlin"),
            (3, "goals") => json!("Learn to review code"),
            (3, "reason") => json!("Thanks for the thorough review"),
            (3, "title") => json!("Ship the parser"),
            (3, "link") => json!("https://example.com/mentoring"),
            (3, "name") => json!("Spring 2027"),
            (6, "mentor") => json!(fred.to_string()),
            (6, "mentee") => json!(fay.to_string()),
            (6, _) => json!(app.member.to_string()),
            (4, _) => json!(o.min.map_or(1, |m| m as i64)),
            _ => panic!("no good value known for /{} {}", leaf.command, o.name),
        }
    };
    let mut swept_options = Vec::new();
    let mut skipped = Vec::new();
    for leaf in &leaves {
        for tested in &leaf.options {
            let values: Vec<Bad> = bad_values(tested, &picks, s.mods, app.member)
                .into_iter()
                .map(|b| Bad {
                    required: tested.required,
                    ..b
                })
                .collect();
            if values.is_empty() {
                skipped.push(format!("/{} {}", leaf.command, tested.name));
                continue;
            }
            let mut others: Vec<(String, Value)> = leaf
                .options
                .iter()
                .filter(|o| o.required && o.name != tested.name)
                .map(|o| (o.name.clone(), valid(leaf, o)))
                .collect();
            // With a profile in each role, which profile an edit is for: the one the field
            // belongs to.
            let picks_profile = leaf
                .options
                .iter()
                .any(|o| o.name == "role" && !o.required && !o.choices.is_empty());
            if picks_profile && tested.name != "role" && leaf.command.contains("edit") {
                let role = if tested.name == "goals" { 1 } else { 0 };
                others.push(("role".into(), json!(role)));
            }
            for b in &values {
                let mut options = others.clone();
                options.push((tested.name.clone(), b.value.clone()));
                w.command(here, leaf, &options, b).await;
            }
            swept_options.push(format!("/{} {}", leaf.command, tested.name));
        }
    }
    w.db.settled().await;
    // A new form cannot go unswept.
    let routes: BTreeSet<String> = forms
        .iter()
        .map(|f| {
            f.custom_id
                .splitn(3, ':')
                .take(2)
                .collect::<Vec<_>>()
                .join(":")
        })
        .collect();
    let listed: BTreeSet<String> = tandem::discord::FORM_ROUTES
        .iter()
        .map(|r| r.to_string())
        .collect();
    assert_eq!(routes, listed, "forms swept");

    // Every body the bot posted or edited during the sweep.
    let requests = app.sim.requests_since(t0);
    let dms: BTreeSet<u64> = app.sim.with_model(|m| {
        m.channels
            .values()
            .filter(|c| c.kind == discord_sim::channel_type::DM)
            .map(|c| c.id)
            .collect()
    });
    let bodies = message_bodies(&requests, &dms);
    let with_text: Vec<&Body> = bodies
        .iter()
        .filter(|b| b.body["content"].as_str().is_some_and(|c| !c.is_empty()))
        .collect();
    let unsafe_bodies: Vec<&Body> = with_text
        .iter()
        .copied()
        .filter(|b| !mentions_safe(&b.body))
        .collect();
    let unsafe_public: Vec<&Body> = unsafe_bodies
        .iter()
        .copied()
        .filter(|b| b.seen == Seen::InChannel)
        .collect();
    let pinging: Vec<&Body> = unsafe_public
        .iter()
        .copied()
        .filter(|b| can_ping(b.body["content"].as_str().unwrap_or_default()))
        .collect();
    let refused_requests: Vec<&RecordedRequest> =
        requests.iter().filter(|r| r.status >= 400).collect();

    let t = &w.tally;
    println!(
        "bad-input sweep: {} inputs tried ({} options of {} commands, {} form fields; {} refused, {} accepted) in {:.1?}",
        t.tried,
        swept_options.len(),
        leaves.len(),
        swept_fields.len(),
        t.refused,
        t.accepted,
        began.elapsed()
    );
    println!("  not swept (booleans): {skipped:?}");
    println!(
        "  answers that were not plain sentences: {}",
        t.not_plain.len()
    );
    println!("  refusals that changed rows: {}", t.refusals_changed.len());
    println!(
        "  bad values accepted (out of range, not a choice, nobody there): {}",
        t.bad_accepted.len()
    );
    println!(
        "  blank text accepted and stored: {}",
        t.blank_accepted.len()
    );
    println!(
        "  bodies without safe allowed_mentions: {} of {} with text ({} in channels, {} of those with a mention in the text)",
        unsafe_bodies.len(),
        with_text.len(),
        unsafe_public.len(),
        pinging.len()
    );
    println!(
        "  requests the simulator refused: {}",
        refused_requests.len()
    );

    let mut problems = Vec::new();
    let mut list = |title: &str, items: &[Outcome]| {
        if items.is_empty() {
            return;
        }
        let mut lines = vec![format!("{title} ({}):", items.len())];
        for o in items.iter().take(40) {
            let changed = if o.changed.is_empty() {
                String::new()
            } else {
                format!(" [changed: {}]", o.changed.join(", "))
            };
            lines.push(format!("    {} -> {}{changed}", o.what, o.answer));
        }
        problems.push(lines.join("\n"));
    };
    list("answers that were not plain sentences", &t.not_plain);
    list("refusals that changed rows", &t.refusals_changed);
    list("bad values accepted", &t.bad_accepted);
    list("blank text accepted", &t.blank_accepted);
    if !unsafe_bodies.is_empty() {
        let mut by_kind: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        for b in &unsafe_bodies {
            let route = b
                .what
                .split('/')
                .map(|part| {
                    let id = part.len() > 12 || part.chars().all(|c| c.is_ascii_digit());
                    if id && !part.is_empty() {
                        "…"
                    } else {
                        part
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let key = format!(
                "{route} ({}, allowed_mentions {})",
                match b.seen {
                    Seen::Privately => "private answer",
                    Seen::ByDm => "DM",
                    Seen::InChannel => "in a channel",
                },
                b.body["allowed_mentions"]
            );
            let e = by_kind.entry(key).or_insert((0, Vec::new()));
            e.0 += 1;
            let sample: String = b.body["content"]
                .as_str()
                .unwrap_or_default()
                .chars()
                .take(70)
                .collect();
            let sample = sample.replace('\n', "⏎");
            if e.1.len() < 4 && !e.1.contains(&sample) {
                e.1.push(sample);
            }
        }
        let mut lines = vec![format!(
            "bodies without safe allowed_mentions ({}):",
            unsafe_bodies.len()
        )];
        for (k, (n, samples)) in by_kind {
            lines.push(format!("    {n} × {k}:"));
            for sample in samples {
                lines.push(format!("        {sample}"));
            }
        }
        problems.push(lines.join("\n"));
    }
    if !refused_requests.is_empty() {
        let mut lines = vec![format!(
            "requests the simulator refused ({}):",
            refused_requests.len()
        )];
        for r in refused_requests.iter().take(20) {
            lines.push(format!("    {} {} -> {}", r.method, r.path, r.status));
        }
        println!("{}", lines.join("\n"));
    }
    for p in &problems {
        println!("{p}");
    }
    assert!(
        t.not_plain.is_empty()
            && t.refusals_changed.is_empty()
            && t.bad_accepted.is_empty()
            && t.blank_accepted.is_empty()
            && unsafe_bodies.is_empty(),
        "the bad-input sweep found problems:\n{}",
        problems.join("\n")
    );
}
