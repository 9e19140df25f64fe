//! Discord's 3-second deadline on a slow network: every slash command, button and form,
//! the heavy ones at their heavy size, acknowledged in time with 250 ms per REST request.

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};
use tandem::text::Locale;

use discord_sim::{perms, Message, Reply};
use serde_json::{json, Value};
use tandem::discord::messages;
use tandem::discord::{route_of, BUTTON_ROUTES, FORM_ROUTES};
use tandem::domain::member::{Profile, Role, Status};
use tandem::domain::pair::{EndReason, PairStatus};
use tandem::store::{AuditEntry, Db};

use crate::support::{id_starting, leaf_commands, message_with, typed, SeededPair, TestApp};

/// A real network's slow end (Discord answers in 50–300 ms).
const LATENCY: Duration = Duration::from_millis(250);
/// Discord's deadline for the first answer to an interaction.
const DEADLINE: Duration = Duration::from_secs(3);
/// Heavy handlers acknowledge first and finish later; finishing may take longer than 3 s.
const FINISH: Duration = Duration::from_secs(30);

/// The bot's visible answer, waiting as long as a heavy handler may take to finish.
async fn answer(app: &TestApp, interaction: u64) -> Reply {
    app.sim
        .try_reply(interaction, FINISH)
        .await
        .unwrap_or_else(|| panic!("no answer to interaction {interaction} within {FINISH:?}"))
}

/// Waits until message `id` says `needle`: the final edit of a handler that answered first.
async fn wait_text(app: &TestApp, id: u64, needle: &str) -> String {
    app.sim
        .wait_for(FINISH, |m, _| {
            let text = m.messages.get(&id)?.content().to_string();
            text.contains(needle).then_some(text)
        })
        .await
        .unwrap_or_else(|| panic!("message {id} never said {needle:?}"))
}

/// Where a bot message is expected.
enum Place {
    Channel(u64),
    DmsTo(u64),
}

/// Waits for the first message at `place` with a custom id starting with `prefix`.
async fn wait_button(app: &TestApp, place: Place, prefix: &str) -> Message {
    app.sim
        .wait_for(FINISH, |m, _| {
            let candidates: Vec<Message> = match place {
                Place::Channel(c) => m
                    .messages
                    .values()
                    .filter(|msg| msg.channel_id == c)
                    .cloned()
                    .collect(),
                Place::DmsTo(user) => m.dms_to(user),
            };
            candidates
                .into_iter()
                .find(|msg| msg.custom_ids().iter().any(|id| id.starts_with(prefix)))
        })
        .await
        .unwrap_or_else(|| panic!("no message with a {prefix}… button"))
}

/// Drives the bot and notes what each interaction was, for the coverage and timing checks.
struct Sweep<'a> {
    app: &'a TestApp,
    /// Every interaction the sweep sent, with what it was ("/pair end", "button withdraw:yes").
    sent: Vec<(u64, String)>,
    commands: BTreeSet<String>,
    buttons: BTreeSet<&'static str>,
    forms: BTreeSet<&'static str>,
}

impl<'a> Sweep<'a> {
    fn new(app: &'a TestApp) -> Self {
        Sweep {
            app,
            sent: Vec::new(),
            commands: BTreeSet::new(),
            buttons: BTreeSet::new(),
            forms: BTreeSet::new(),
        }
    }

    async fn send(
        &mut self,
        user: u64,
        command: &str,
        channel: Option<u64>,
        options: &[(&str, Value)],
    ) -> u64 {
        let mut call = self.app.sim.command(self.app.guild.id, user, command);
        if let Some(channel) = channel {
            call = call.in_channel(channel);
        }
        for (name, value) in options {
            call = call.opt(name, value.clone());
        }
        let id = call
            .send()
            .await
            .unwrap_or_else(|e| panic!("/{command} could not be sent: {e}"));
        self.commands.insert(command.to_string());
        self.sent.push((id, format!("/{command}")));
        id
    }

    /// Runs a command and waits for its final answer.
    async fn run(
        &mut self,
        user: u64,
        command: &str,
        channel: Option<u64>,
        options: &[(&str, Value)],
    ) -> Reply {
        let id = self.send(user, command, channel, options).await;
        answer(self.app, id).await
    }

    /// Presses the button `custom_id` on the latest message carrying it; returns the
    /// interaction and that message.
    async fn click(&mut self, user: u64, custom_id: &str) -> (u64, Message) {
        let route = route_of(custom_id, BUTTON_ROUTES)
            .unwrap_or_else(|| panic!("{custom_id} is on no listed button route"));
        let message = message_with(self.app, custom_id)
            .unwrap_or_else(|| panic!("no message carries {custom_id}"));
        let id = self
            .app
            .sim
            .click(self.app.guild.id, user, message.id, custom_id)
            .await;
        self.buttons.insert(route);
        self.sent.push((id, format!("button {route}")));
        (id, message)
    }

    async fn select(&mut self, user: u64, custom_id: &str, values: &[&str]) -> u64 {
        let route = route_of(custom_id, BUTTON_ROUTES)
            .unwrap_or_else(|| panic!("{custom_id} is on no listed button route"));
        let message = message_with(self.app, custom_id)
            .unwrap_or_else(|| panic!("no message carries {custom_id}"));
        let id = self
            .app
            .sim
            .select(self.app.guild.id, user, message.id, custom_id, values)
            .await;
        self.buttons.insert(route);
        self.sent.push((id, format!("menu {route}")));
        id
    }

    /// Presses the button that opens a form, fills it in and submits it where the button
    /// was; returns the bot's answer to the submission.
    async fn fill_form(&mut self, user: u64, custom_id: &str) -> Reply {
        let (press, on) = self.click(user, custom_id).await;
        let form = answer(self.app, press).await;
        let submit = self.submit(on.channel_id, user, &form).await;
        answer(self.app, submit).await
    }

    /// Fills in and submits the form the bot opened (`form`, a type 9 answer).
    async fn submit(&mut self, channel: u64, user: u64, form: &Reply) -> u64 {
        assert_eq!(form.kind, 9, "a form opens: {}", form.data);
        let custom_id = form.data["custom_id"]
            .as_str()
            .expect("the form's custom id");
        let route = route_of(custom_id, FORM_ROUTES)
            .unwrap_or_else(|| panic!("{custom_id} is on no listed form route"));
        let fields: Vec<String> = form.data["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .filter_map(|c| c["custom_id"].as_str().map(str::to_string))
            .collect();
        assert!(!fields.is_empty(), "a form with fields: {}", form.data);
        let values: Vec<(&str, &str)> = fields.iter().map(|f| (f.as_str(), typed(f))).collect();
        let id = self
            .app
            .sim
            .submit_modal(self.app.guild.id, channel, user, custom_id, &values)
            .await;
        self.forms.insert(route);
        self.sent.push((id, format!("form {route}")));
        id
    }
}

/// People and pairs written straight into the store (and channels into the simulator), as
/// `TestApp::seed_pairs` does, so the programme exists before the network turns slow.
struct Seeder<'a> {
    app: &'a TestApp,
    db: Db,
    category: u64,
    made: usize,
}

impl Seeder<'_> {
    fn entry(&self, action: &str) -> AuditEntry {
        AuditEntry {
            guild_id: self.app.guild.id,
            actor_id: None,
            action: action.into(),
            target_id: None,
            detail: None,
            at: tandem::clock::Clock::now(&*self.app.clock),
        }
    }

    /// An active member in `role` (mentors with room for `capacity` mentees).
    async fn member(&mut self, name: &str, role: Role, capacity: u8) -> u64 {
        self.made += 1;
        let user = self.app.person(&format!("{name}{}", self.made), None);
        let profile = Profile {
            guild_id: self.app.guild.id,
            user_id: user,
            role,
            status: Status::Active,
            topics: vec!["rust".into()],
            timezone: "UTC".parse().unwrap(),
            languages: vec!["en".into()],
            capacity: (role == Role::Mentor).then_some(capacity),
            goals: None,
            about: None,
            enrolled_at: tandem::clock::Clock::now(&*self.app.clock),
        };
        self.db
            .save_profile(&profile, &self.entry("member.enrol"))
            .await
            .unwrap();
        user
    }

    /// An active pair of `mentor` with a new mentee, with its private channel.
    async fn pair_for(&mut self, mentor: u64) -> SeededPair {
        let mentee = self.member("mentee", Role::Mentee, 0).await;
        let pair = self
            .db
            .create_pair(
                self.app.guild.id,
                mentor,
                mentee,
                &self.entry("pair.create"),
            )
            .await
            .unwrap()
            .unwrap();
        let channel = self.app.sim.create_channel(
            self.app.guild.id,
            &format!("pair-{}", pair.id),
            discord_sim::channel_type::TEXT,
            Some(self.category),
        );
        self.db.activate_pair(pair.id, channel).await.unwrap();
        SeededPair {
            id: pair.id,
            mentor,
            mentee,
            channel,
        }
    }

    async fn pair(&mut self) -> SeededPair {
        let mentor = self.member("mentor", Role::Mentor, 1).await;
        self.pair_for(mentor).await
    }
}

#[tokio::test]
async fn every_command_button_and_form_is_acknowledged_within_three_seconds_at_250_ms_latency() {
    let began = Instant::now();
    let app = TestApp::start().await;
    // Mentor approval is on by default; the digest channel gets the applications.
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let mut seed = Seeder {
        app: &app,
        db: app.db().await,
        category: s.category,
        made: 0,
    };
    // The heavy leaver: a mentor with three active pairs, each with a channel.
    let leaver = seed.member("leaver", Role::Mentor, 3).await;
    let mut leavers_pairs = Vec::new();
    for _ in 0..3 {
        leavers_pairs.push(seed.pair_for(leaver).await);
    }
    // The eraser is a mentee in an active pair.
    let erased = seed.pair().await;
    let goals = seed.pair().await;
    let paused = seed.pair().await;
    let ending = seed.pair().await;
    let refit = seed.pair().await;
    // Free people for `/pair create`, and for a first suggestion of exactly two pairs.
    let free_mentor = seed.member("free-mentor", Role::Mentor, 1).await;
    let free_mentee = seed.member("free-mentee", Role::Mentee, 0).await;
    for _ in 0..2 {
        seed.member("s1-mentor", Role::Mentor, 1).await;
        seed.member("s1-mentee", Role::Mentee, 0).await;
    }
    // Mentors approved from now on read the guide first: the approval's DM carries the button.
    let r = app
        .run(app.admin, "setup", &[("orientation", json!("required"))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let built = began.elapsed();

    app.sim.set_latency(LATENCY);
    let before = app.sim.interaction_ids().len();
    let sweep_began = Instant::now();
    let mut w = Sweep::new(&app);
    // How long the heavy ones took to finish after acknowledging (not bound by the deadline).
    let mut finished: Vec<(&str, Duration)> = Vec::new();

    // Everyone's and moderators' light commands.
    let r = w.run(app.member, "help", None, &[]).await;
    assert!(r.text().contains("/enrol"), "{}", r.text());
    let r = w.run(app.admin, "setup", None, &[]).await;
    assert!(
        r.text().contains(&messages::setup::CURRENT.get(Locale::En)),
        "{}",
        r.text()
    );
    let r = w.run(moderator, "digest", None, &[]).await;
    assert!(!r.embeds().is_empty(), "{}", r.data);
    let r = w.run(moderator, "export", None, &[]).await;
    assert!(
        r.data["attachments"]
            .as_array()
            .is_some_and(|a| !a.is_empty()),
        "{}",
        r.data
    );
    let r = w.run(app.member, "guide", None, &[]).await;
    assert!(
        r.text().contains(&messages::guide::TITLE.get(Locale::En)),
        "{}",
        r.text()
    );
    let r = w
        .run(
            moderator,
            "resources add",
            None,
            &[
                ("title", json!("Mentor handbook")),
                ("link", json!("https://example.com/handbook")),
                ("audience", json!("mentors")),
            ],
        )
        .await;
    assert!(r.text().contains("Added resource #1"), "{}", r.text());
    let r = w.run(moderator, "resources list", None, &[]).await;
    assert!(r.text().contains("Mentor handbook"), "{}", r.text());
    let r = w
        .run(moderator, "resources remove", None, &[("id", json!(1))])
        .await;
    assert!(r.text().contains("Removed resource #1"), "{}", r.text());
    let r = w.run(erased.mentee, "mydata export", None, &[]).await;
    let export = app.sim.attachment(&r.data, 0).expect("the export file");
    let export: Value = serde_json::from_slice(&export).expect("JSON");
    assert_eq!(export["user_id"], erased.mentee.to_string());
    let r = w
        .run(
            app.member,
            "kudos",
            None,
            &[
                ("user", json!(goals.mentor.to_string())),
                ("reason", json!("Great code review")),
            ],
        )
        .await;
    assert!(
        r.text().contains(&format!("<@{}>", goals.mentor)),
        "{}",
        r.text()
    );

    // Inside pair channels.
    let here = Some(goals.channel);
    let r = w
        .run(
            goals.mentee,
            "goal add",
            here,
            &[("title", json!("Ship the parser"))],
        )
        .await;
    assert!(r.text().contains("#1"), "{}", r.text());
    let r = w.run(goals.mentee, "goal list", here, &[]).await;
    assert!(r.text().contains("Ship the parser"), "{}", r.text());
    let r = w
        .run(goals.mentor, "goal done", here, &[("id", json!(1))])
        .await;
    assert!(r.text().contains("🎉"), "{}", r.text());
    let r = w
        .run(goals.mentor, "meet", here, &[("minutes", json!(30))])
        .await;
    assert!(!r.ephemeral(), "{}", r.text());
    let r = w
        .run(
            paused.mentee,
            "pair pause",
            Some(paused.channel),
            &[("weeks", json!(1))],
        )
        .await;
    assert!(r.text().contains("<t:"), "{}", r.text());

    // A check-in round: mood, the Answer button and its form.
    let r = w.run(moderator, "checkin now", None, &[]).await;
    assert!(r.text().contains("Posting a check-in"), "{}", r.text());
    let prompt = wait_button(&app, Place::Channel(goals.channel), "checkin:answer:").await;
    let mood = prompt.custom_ids()[3].clone();
    let (press, _) = w.click(goals.mentor, &mood).await;
    assert_eq!(answer(&app, press).await.kind, 7);
    let r = w
        .fill_form(
            goals.mentor,
            &id_starting(&prompt.custom_ids(), "checkin:answer:"),
        )
        .await;
    assert!(r.text().contains("saved"), "{}", r.text());

    // Reporting a problem: the prompt's button and its form, /report anywhere, and a
    // moderator acknowledging the report.
    let r = w
        .fill_form(
            goals.mentee,
            &id_starting(&prompt.custom_ids(), "report:open:"),
        )
        .await;
    let r = if r.kind == 5 {
        app.sim
            .edited_reply(*w.sent.last().map(|(id, _)| id).unwrap())
            .await
    } else {
        r
    };
    assert_eq!(
        r.text(),
        messages::reports::sent(Locale::En, false),
        "{}",
        r.data
    );
    let r = w.run(goals.mentor, "report", None, &[]).await;
    assert_eq!(r.kind, 9, "/report opens its form: {}", r.data);
    let copy = wait_button(&app, Place::Channel(s.digest), "report:ack:").await;
    let (press, _) = w
        .click(moderator, &id_starting(&copy.custom_ids(), "report:ack:"))
        .await;
    assert_eq!(answer(&app, press).await.kind, 7);

    // A pulse round: a score by DM, then the comment button and its form.
    let r = w.run(moderator, "pulse now", None, &[]).await;
    assert!(r.text().contains("Pulse round started"), "{}", r.text());
    let question = wait_button(&app, Place::DmsTo(goals.mentee), "pulse:score:").await;
    let score = question.custom_ids()[3].clone();
    let (press, _) = w.click(goals.mentee, &score).await;
    let thanks = answer(&app, press).await;
    let comment = thanks
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pulse:comment:"))
        .unwrap_or_else(|| panic!("no comment button: {}", thanks.data));
    let r = w.fill_form(goals.mentee, &comment).await;
    assert!(
        r.text()
            .contains(&messages::pulse::COMMENT_SAVED.get(Locale::En)),
        "{}",
        r.text()
    );
    let r = w.run(moderator, "pulse results", None, &[]).await;
    assert!(r.ephemeral(), "{}", r.text());

    // Pairing by hand, then approving suggestions: two pairs at once, and two selected from
    // the second page of a twelve-pair suggestion.
    let t = Instant::now();
    let r = w
        .run(
            moderator,
            "pair create",
            None,
            &[
                ("mentor", json!(free_mentor.to_string())),
                ("mentee", json!(free_mentee.to_string())),
            ],
        )
        .await;
    assert!(r.text().contains("Paired"), "{}", r.text());
    finished.push(("/pair create", t.elapsed()));
    let r = w.run(moderator, "pair suggest", None, &[]).await;
    assert!(r.text().contains("2 pairs suggested"), "{}", r.text());
    let all = r
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:all:"))
        .expect("Approve all");
    let t = Instant::now();
    let (_, preview) = w.click(moderator, &all).await;
    wait_text(&app, preview.id, "Created 2 pairs").await;
    finished.push(("button pairs:all (2 pairs)", t.elapsed()));

    for _ in 0..12 {
        seed.member("s2-mentor", Role::Mentor, 1).await;
        seed.member("s2-mentee", Role::Mentee, 0).await;
    }
    let r = w.run(moderator, "pair suggest", None, &[]).await;
    assert!(r.text().contains("12 pairs suggested"), "{}", r.text());
    assert!(r.text().contains("Page 1 of 2"), "{}", r.text());
    let next = r
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:page:") && id.ends_with(":1"))
        .expect("a Next button");
    let (press, _) = w.click(moderator, &next).await;
    let page2 = answer(&app, press).await;
    assert!(page2.text().contains("Page 2 of 2"), "{}", page2.text());
    let pick = page2
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:pick:"))
        .expect("the pick menu");
    let picked = w.select(moderator, &pick, &["10", "11"]).await;
    let picked = answer(&app, picked).await;
    let selected = picked
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:sel:") && id.ends_with(":10.11"))
        .unwrap_or_else(|| panic!("Approve selected: {:?}", picked.custom_ids()));
    let t = Instant::now();
    let (_, preview) = w.click(moderator, &selected).await;
    wait_text(&app, preview.id, "Created 2 pairs").await;
    finished.push(("button pairs:sel (2 pairs)", t.elapsed()));
    let r = w.run(moderator, "pair suggest", None, &[]).await;
    assert!(r.text().contains("10 pairs suggested"), "{}", r.text());
    let discard = r
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("pairs:discard:"))
        .expect("Discard");
    let (press, _) = w.click(moderator, &discard).await;
    assert!(answer(&app, press).await.text().contains("Discarded"));
    let open = seed.db.open_pairs(app.guild.id).await.unwrap().len();
    // 8 seeded, 1 by hand, 2 approved at once, 2 selected.
    assert_eq!(open, 8 + 1 + 2 + 2, "open pairs after the approvals");
    // A peer circle of three of the mentees still waiting: its channel and everyone's DM.
    let waiting = seed.db.waiting_mentees(app.guild.id).await.unwrap();
    let members: Vec<(String, Value)> = waiting
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, p)| (format!("member{}", i + 1), json!(p.user_id.to_string())))
        .collect();
    let members: Vec<(&str, Value)> = members
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let t = Instant::now();
    let r = w.run(moderator, "circle create", None, &members).await;
    assert!(r.text().contains("Made a circle of"), "{}", r.text());
    finished.push(("/circle create", t.elapsed()));

    // Enrolment and profiles; mentor applications are posted and the applicant gets a DM.
    let newcomer = app.person("nia", None);
    let r = w
        .run(
            newcomer,
            "enrol mentee",
            None,
            &[
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Berlin")),
                ("goals", json!("Ship my first open-source contribution")),
            ],
        )
        .await;
    assert!(r.text().contains("enrolled as a mentee"), "{}", r.text());
    let r = w.run(newcomer, "profile view", None, &[]).await;
    assert!(r.text().contains("Mentee profile"), "{}", r.text());
    let r = w
        .run(
            newcomer,
            "profile edit",
            None,
            &[("about", json!("Hi, I'm Nia"))],
        )
        .await;
    assert!(r.text().contains("Your profile is updated"), "{}", r.text());
    let r = w
        .run(
            newcomer,
            "profile avoid",
            None,
            &[("user", json!(app.member.to_string()))],
        )
        .await;
    assert_eq!(
        r.text(),
        tandem::discord::messages::members::avoid_added(tandem::text::Locale::En, app.member)
    );
    let applicants = [app.person("amy", None), app.person("dov", None)];
    for applicant in applicants {
        let t = Instant::now();
        let r = w
            .run(
                applicant,
                "enrol mentor",
                None,
                &[
                    ("topics", json!("rust, career")),
                    ("timezone", json!("America/New_York")),
                    ("capacity", json!(2)),
                ],
            )
            .await;
        assert!(r.text().contains("A moderator will review"), "{}", r.text());
        wait_button(
            &app,
            Place::Channel(s.digest),
            &format!("mentor:approve:{applicant}"),
        )
        .await;
        app.sim.wait_for_dms(applicant, 1).await;
        finished.push(("/enrol mentor (post and DM)", t.elapsed()));
    }
    // Application questions: a moderator sets them, the next applicant answers in a form.
    let r = w
        .run(
            moderator,
            "programme questions",
            None,
            &[("q1", json!("Why do you want to mentor?"))],
        )
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let r = w
        .run(
            moderator,
            "programme start",
            None,
            &[("name", json!("Spring 2027")), ("weeks", json!(1))],
        )
        .await;
    assert!(
        r.text().contains("Cycle **Spring 2027** started"),
        "{}",
        r.text()
    );
    let r = w.run(moderator, "programme status", None, &[]).await;
    assert!(r.text().contains("Spring 2027"), "{}", r.text());
    let r = w.run(moderator, "programme report", None, &[]).await;
    assert!(
        r.text().contains("Spring 2027: impact report"),
        "{}",
        r.text()
    );
    // The monthly availability question to a mentor, answered in the DM.
    crate::support::ask_availability_now(&app, goals.mentor).await;
    let still = wait_button(&app, Place::DmsTo(goals.mentor), "mentor:still:").await;
    let yes = still
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":yes"))
        .expect("the Yes button");
    let (press, _) = w.click(goals.mentor, &yes).await;
    assert!(
        answer(&app, press).await.text().contains("Thank you"),
        "the question shows the answer"
    );
    // A one-week cycle asks its pairs at once.
    let asked = wait_button(&app, Place::Channel(goals.channel), "cycle:choose:").await;
    let choose = asked
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":continue"))
        .expect("the continue button");
    let (press, _) = w.click(goals.mentee, &choose).await;
    assert!(
        answer(&app, press)
            .await
            .text()
            .contains("chose to **continue**"),
        "the question shows the choice"
    );
    let asked = app.person("eve", None);
    let r = w
        .run(
            asked,
            "enrol mentor",
            None,
            &[
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Berlin")),
            ],
        )
        .await;
    let apply = format!("mentor:apply:{asked}");
    assert!(r.custom_ids().contains(&apply), "{}", r.data);
    let r = w.fill_form(asked, &apply).await;
    assert_eq!(
        r.text(),
        messages::members::ANSWERS_SENT.get(Locale::En),
        "{}",
        r.data
    );
    wait_button(
        &app,
        Place::Channel(s.digest),
        &format!("mentor:approve:{asked}"),
    )
    .await;
    let r = w.run(moderator, "members", None, &[]).await;
    assert!(r.text().contains("pending 3"), "{}", r.text());
    let (press, _) = w
        .click(moderator, &format!("mentor:approve:{}", applicants[0]))
        .await;
    assert!(answer(&app, press).await.text().contains("Approved by"));
    // Orientation is required: the approved mentor gets the guide and reads it.
    let read = format!("guide:read:{}:{}", app.guild.id, applicants[0]);
    wait_button(&app, Place::DmsTo(applicants[0]), &read).await;
    let (press, _) = w.click(applicants[0], &read).await;
    assert!(answer(&app, press)
        .await
        .text()
        .contains(&messages::guide::READ_THANKS.get(Locale::En)));
    let r = w
        .fill_form(moderator, &format!("mentor:decline:{}", applicants[1]))
        .await;
    assert!(r.text().contains("Declined by"), "{}", r.data);

    // A re-pair request and the moderators' Re-pair button.
    let r = w
        .run(refit.mentee, "pair refit", Some(refit.channel), &[])
        .await;
    assert!(r.text().contains("told the moderators"), "{}", r.text());
    let repair_began = Instant::now();
    let (press, _) = w
        .click(moderator, &format!("pair:repair:{}", refit.id))
        .await;
    assert!(answer(&app, press).await.text().contains("Re-paired by"));
    // Re-pair archives the channel last: both members may read but no longer write.
    app.sim
        .wait_for(FINISH, |m, _| {
            let overwrites = &m.channels.get(&refit.channel)?.overwrites;
            [refit.mentor, refit.mentee]
                .iter()
                .all(|u| {
                    overwrites
                        .iter()
                        .any(|o| o.id == *u && o.deny & perms::SEND_MESSAGES != 0)
                })
                .then_some(())
        })
        .await
        .expect("the re-paired channel is archived");
    finished.push(("button pair:repair (1 pair)", repair_began.elapsed()));

    // Ending a pair, and its exit survey.
    let t = Instant::now();
    let r = w
        .run(
            ending.mentor,
            "pair end",
            Some(ending.channel),
            &[("reason", json!("completed"))],
        )
        .await;
    assert!(
        r.text().contains(&messages::pairs::ENDED.get(Locale::En)),
        "{}",
        r.text()
    );
    finished.push(("/pair end", t.elapsed()));
    let r = w
        .fill_form(ending.mentee, &format!("pair:survey:{}", ending.id))
        .await;
    assert!(
        r.text()
            .contains(&messages::pairs::SURVEY_THANKS.get(Locale::En)),
        "{}",
        r.text()
    );

    // Leaving: Cancel, then "Yes, leave" for the mentor with three pairs.
    let r = w.run(leaver, "withdraw", None, &[]).await;
    let (press, _) = w
        .click(leaver, &id_starting(&r.custom_ids(), "withdraw:no:"))
        .await;
    assert!(answer(&app, press)
        .await
        .text()
        .contains(&messages::members::CANCELLED.get(Locale::En)));
    let r = w.run(leaver, "withdraw", None, &[]).await;
    let t = Instant::now();
    let (_, confirm) = w
        .click(leaver, &id_starting(&r.custom_ids(), "withdraw:yes:"))
        .await;
    wait_text(&app, confirm.id, "You've left the programme as mentor").await;
    finished.push(("button withdraw:yes (3 pairs)", t.elapsed()));

    // Erasing: Keep, then "Erase my data" for a member of an active pair.
    let r = w.run(erased.mentee, "mydata delete", None, &[]).await;
    assert!(r.text().contains("can't be undone"), "{}", r.text());
    let (press, _) = w
        .click(erased.mentee, &format!("mydata:keep:{}", erased.mentee))
        .await;
    assert!(answer(&app, press)
        .await
        .text()
        .contains(&messages::mydata::KEPT.get(Locale::En)));
    w.run(erased.mentee, "mydata delete", None, &[]).await;
    let t = Instant::now();
    let (_, confirm) = w
        .click(erased.mentee, &format!("mydata:erase:{}", erased.mentee))
        .await;
    wait_text(&app, confirm.id, &messages::mydata::ERASED.get(Locale::En)).await;
    finished.push(("button mydata:erase (1 pair)", t.elapsed()));
    let swept = sweep_began.elapsed();

    // The heavy ones did their work.
    let db = &seed.db;
    for p in &leavers_pairs {
        let pair = db.pair(p.id).await.unwrap().unwrap();
        assert_eq!(pair.status, PairStatus::Ended, "the leaver's pair {}", p.id);
        assert_eq!(pair.end_reason, Some(EndReason::Withdrawn));
    }
    let pair = db.pair(erased.id).await.unwrap().unwrap();
    assert_eq!(pair.status, PairStatus::Ended, "the eraser's pair");
    assert!(db
        .profiles_of(app.guild.id, erased.mentee)
        .await
        .unwrap()
        .is_empty());
    let repaired = db.pair(refit.id).await.unwrap().unwrap();
    assert_eq!(repaired.end_reason, Some(EndReason::NotAGoodFit));

    // Coverage: every command, button and form, so a new one cannot go unswept.
    let leaves: BTreeSet<String> = leaf_commands()
        .iter()
        .map(|c| c.qualified_name.to_string())
        .collect();
    assert_eq!(w.commands, leaves, "commands swept");
    let listed = |routes: &[&'static str]| routes.iter().copied().collect::<BTreeSet<_>>();
    assert_eq!(w.buttons, listed(BUTTON_ROUTES), "button routes swept");
    assert_eq!(w.forms, listed(FORM_ROUTES), "form routes swept");

    // Every interaction of the sweep is one the sweep sent (and so is labelled).
    let labels: HashMap<u64, String> = w.sent.iter().cloned().collect();
    let ids = app.sim.interaction_ids()[before..].to_vec();
    for id in &ids {
        assert!(
            labels.contains_key(id),
            "interaction {id} was not sent by the sweep"
        );
    }
    assert_eq!(ids.len(), w.sent.len());

    let mut acks: Vec<(Option<Duration>, &str)> = ids
        .iter()
        .map(|id| (app.sim.ack_time(*id), labels[id].as_str()))
        .collect();
    acks.sort_by_key(|(t, _)| std::cmp::Reverse(t.unwrap_or(Duration::MAX)));
    eprintln!(
        "latency sweep: {} interactions at {LATENCY:?} per request; programme built in {built:.1?}, sweep {swept:.1?}, test {:.1?}",
        ids.len(),
        began.elapsed()
    );
    eprintln!("  slowest acknowledgements:");
    for (t, label) in acks.iter().take(12) {
        match t {
            Some(t) => eprintln!("  {:>7} ms  {label}", t.as_millis()),
            None => eprintln!("    never    {label}"),
        }
    }
    eprintln!("  heavy work finished after (acknowledged first):");
    for (label, t) in &finished {
        eprintln!("  {:>7} ms  {label}", t.as_millis());
    }
    let late: Vec<String> = acks
        .iter()
        .filter(|(t, _)| t.is_none_or(|t| t >= DEADLINE))
        .map(|(t, label)| format!("{label}: {t:?}"))
        .collect();
    assert!(late.is_empty(), "acknowledged late or never: {late:?}");

    // Nobody got the internal-error apology.
    let apology = messages::errors::internal(Locale::En, "ID");
    let apology = apology.split(". ").next().unwrap();
    for id in &ids {
        let mut seen: Vec<String> = app
            .sim
            .followups(*id)
            .iter()
            .map(|f| f.to_string())
            .collect();
        if let Some(r) = app.sim.try_reply(*id, Duration::ZERO).await {
            seen.push(r.text());
        }
        for text in seen {
            assert!(
                !text.contains(apology),
                "{} was answered with: {text}",
                labels[id]
            );
        }
    }
}
