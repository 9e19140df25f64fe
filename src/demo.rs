//! `tandem demo`: the real bot against the in-process Discord simulator, with a fictional
//! community living through nine weeks on an accelerated clock. Members enrol, get paired, talk,
//! meet, answer check-ins and pulse surveys through the same slash commands and buttons as on
//! Discord; some pairs thrive and some drift. The first eight weeks are one programme cycle:
//! two weeks before its end the pairs say whether they continue, at its end the finishing
//! pairs end and answer the exit survey, and a week later the impact report arrives. The
//! Monday digest and that report are written to a folder: text, pictures, CSV and the raw
//! message.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context as _};
use chrono::{DateTime, Datelike, Days, NaiveTime, Utc};
use discord_sim::{channel_type, perms, GuildInfo, Sim};
use serde_json::{json, Value};

use crate::clock::{Clock, ManualClock, SystemClock};
use crate::config::{Secret, Settings};
use crate::store::Db;

/// Weeks the community lives through: one more than the chart shows, so the oldest pairs
/// count towards retention.
const WEEKS: u64 = 9;
const WAIT: Duration = Duration::from_secs(30);
const MENTORS: [&str; 16] = [
    "Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Guido", "Radia",
    "Niklaus", "Hedy", "Bjarne", "Karen", "Edsger", "Sophie",
];
const MENTEES: [&str; 24] = [
    "Amara", "Bruno", "Chen", "Dalia", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kemal",
    "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sami", "Tove", "Umar", "Vera",
    "Wen", "Yara",
];
const TIMEZONES: [&str; 6] = [
    "Europe/Berlin",
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Stockholm",
];
/// Mentees paired on day one; the rest enrol over the weeks, some are paired later.
const FIRST_PAIRS: usize = 14;
/// Mentors with room for the pairs made later (two unpaired, one with capacity 2).
const LATER_MENTORS: [usize; 3] = [14, 15, 0];
/// The programme cycle the community lives through, and its length in weeks.
const CYCLE: &str = "Autumn cohort";
const CYCLE_WEEKS: u64 = 8;
/// What members write in the exit survey (what worked, what to change), by persona.
const WORKED: [&str; 5] = [
    "The weekly calls kept me going, even in the busy weeks.",
    "Having one small goal at a time.",
    "Reviewing real code together instead of toy examples.",
    "My mentor's patience with my questions about lifetimes.",
    "The check-ins made me notice how far I had come.",
];
const CHANGE: [&str; 4] = [
    "More time at the start to agree on how often we meet.",
    "A shared list of good first issues would help.",
    "I would have liked a second mentor for career questions.",
    "",
];

/// How a pair behaves over the weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persona {
    /// Talks most days, meets weekly, answers check-ins in a good mood.
    Thriving,
    /// Talks a little, answers most check-ins.
    Steady,
    /// Starts well, then goes quiet from week 4 with a falling mood.
    Drifting,
}

fn persona(i: usize) -> Persona {
    match i % 5 {
        0 | 1 => Persona::Thriving,
        2 | 3 => Persona::Steady,
        _ => Persona::Drifting,
    }
}

struct DemoPair {
    id: i64,
    mentor: u64,
    mentee: u64,
    channel: u64,
    persona: Persona,
    /// Week the pair started.
    since: u64,
    /// Ended (at the cycle's end): no more talking, meeting or check-ins.
    ended: bool,
}

struct Community {
    sim: Sim,
    guild: GuildInfo,
    clock: Arc<ManualClock>,
    db: Db,
    moderator: u64,
    mentors: Vec<u64>,
    mentees: Vec<u64>,
    pairs: Vec<DemoPair>,
    rng: fastrand::Rng,
    /// Prompts and pulse questions already answered.
    handled: std::collections::HashSet<u64>,
    messages_sent: u64,
    names: Vec<(u64, String)>,
}

/// Runs the demo; returns the folder it wrote and the simulated server's id.
pub async fn run(out: &Path) -> anyhow::Result<(PathBuf, u64)> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let db_path = out.join("tandem-demo.db");
    for suffix in ["", "-wal", "-shm"] {
        let f = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if f.exists() {
            std::fs::remove_file(&f).with_context(|| format!("removing {}", f.display()))?;
        }
    }

    let sim = Sim::start().await;
    let guild = sim.create_guild("Rust Learners (demo)");
    let admins = sim.create_role(guild.id, "Admins", perms::MANAGE_GUILD);
    let mods = sim.create_role(guild.id, "Moderators", 0);
    let admin = sim.create_user("Olivia (admin)");
    sim.add_member(guild.id, admin, &[admins]);
    let moderator = sim.create_user("Mo (moderator)");
    sim.add_member(guild.id, moderator, &[mods]);
    let digest_channel = sim.create_channel(guild.id, "mentoring-digest", channel_type::TEXT, None);
    let category = sim.create_channel(guild.id, "Mentoring", channel_type::CATEGORY, None);

    // Eight weeks before this week's Monday, so the digest shows real recent dates.
    let today = SystemClock.now().date_naive();
    let monday = today - Days::new(today.weekday().num_days_from_monday() as u64);
    let start = monday - Days::new(7 * WEEKS);
    let clock = ManualClock::new(
        start
            .and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap())
            .and_utc(),
    );

    let mut settings = Settings::defaults();
    settings.discord.token = Some(Secret::new(sim.token()));
    settings.discord.api_url = sim.url();
    settings.discord.guild_id = Some(guild.id);
    settings.database.url = format!("sqlite://{}", db_path.display());
    // The clock jumps a day at a time: a day's scheduled work is still due when it lands.
    settings.jobs.grace_hours = 24;
    settings.jobs.requests_per_second = 50;
    let db = crate::open_database(&settings).await?;
    let mut bot =
        crate::discord::start(Arc::new(settings.clone()), db.clone(), clock.clone()).await?;
    if !bot.wait_ready(WAIT).await {
        bail!("the bot did not connect to the simulator");
    }

    let mut c = Community {
        sim,
        guild,
        clock,
        db,
        moderator,
        mentors: Vec::new(),
        mentees: Vec::new(),
        pairs: Vec::new(),
        rng: fastrand::Rng::with_seed(2026),
        handled: Default::default(),
        messages_sent: 0,
        names: Vec::new(),
    };
    let setup = c
        .command(admin, "setup", None)
        .opt("digest_channel", digest_channel.to_string())
        .opt("moderator_role", mods.to_string())
        .opt("pair_category", category.to_string())
        .opt("timezone", "Europe/Berlin")
        .opt("mentor_approval", false)
        .run()
        .await;
    expect(&setup.text(), "Saved")?;
    let cycle = c
        .command(moderator, "programme start", None)
        .opt("name", CYCLE)
        .opt("weeks", CYCLE_WEEKS)
        .run()
        .await;
    expect(&cycle.text(), CYCLE)?;

    println!(
        "A fictional community of 40 lives through {WEEKS} weeks (this takes under a minute)…"
    );
    c.enrol_first_wave().await?;
    for week in 0..WEEKS {
        for day in 0..7 {
            c.live_day(week, day).await?;
        }
        println!(
            "  week {} of {WEEKS}: {} pairs, {} messages so far",
            week + 1,
            c.pairs.len(),
            c.messages_sent
        );
    }

    // Monday morning: the weekly digest (09:00 in Berlin) goes out.
    let before = c.sim.with_model(|m| digest_posts(m, digest_channel).len());
    c.clock.set(
        monday
            .and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap())
            .and_utc(),
    );
    let digest = c
        .sim
        .wait_for(WAIT, |m, _| {
            let posts = digest_posts(m, digest_channel);
            (posts.len() > before)
                .then(|| posts.last().cloned())
                .flatten()
        })
        .await
        .context("the Monday digest was not posted")?;
    // The impact report came a week after the cycle's end, Monday 08:00: before the digest.
    let report = c
        .sim
        .wait_for(WAIT, |m, _| impact_post(m, digest_channel))
        .await
        .context("the impact report was not posted")?;
    let written = c.write_digest(&settings, &digest.body, out).await;
    let written = match written {
        Ok(()) => c.write_impact(&settings, &report.body, out).await,
        e => e,
    };
    bot.shutdown(Duration::from_secs(5)).await;
    c.db.close().await;
    written?;
    Ok((out.to_path_buf(), c.guild.id))
}

/// Whether a message carries the impact report (its picture is named after the cycle).
fn is_impact(msg: &discord_sim::Message) -> bool {
    msg.body["attachments"][0]["filename"]
        .as_str()
        .is_some_and(|f| f.starts_with("impact-"))
}

/// The digests (messages with an embed) in the digest channel, oldest first.
fn digest_posts(m: &discord_sim::Model, channel: u64) -> Vec<discord_sim::Message> {
    m.messages
        .values()
        .filter(|msg| msg.channel_id == channel && !msg.body["embeds"].is_null())
        .filter(|msg| !is_impact(msg))
        .cloned()
        .collect()
}

/// The impact report's post in the digest channel, once there.
fn impact_post(m: &discord_sim::Model, channel: u64) -> Option<discord_sim::Message> {
    m.messages
        .values()
        .find(|msg| msg.channel_id == channel && is_impact(msg))
        .cloned()
}

fn expect(text: &str, needle: &str) -> anyhow::Result<()> {
    if text.contains(needle) {
        Ok(())
    } else {
        bail!("unexpected reply from the bot: {text}")
    }
}

impl Community {
    fn command(&self, user: u64, name: &str, channel: Option<u64>) -> discord_sim::CommandCall<'_> {
        let call = self.sim.command(self.guild.id, user, name);
        match channel {
            Some(ch) => call.in_channel(ch),
            None => call,
        }
    }

    fn person(&mut self, name: &str) -> u64 {
        let id = self.sim.create_user(name);
        self.sim.add_member(self.guild.id, id, &[]);
        self.names.push((id, name.to_string()));
        id
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    async fn enrol_mentor(&mut self, i: usize) -> anyhow::Result<()> {
        let user = self.person(MENTORS[i]);
        let reply = self
            .command(user, "enrol mentor", None)
            .opt(
                "topics",
                ["rust, async", "rust, career", "sql, rust", "testing, rust"][i % 4],
            )
            .opt("timezone", TIMEZONES[i % TIMEZONES.len()])
            .opt("capacity", if i.is_multiple_of(3) { 2 } else { 1 })
            .run()
            .await;
        expect(&reply.text(), "mentor")?;
        self.mentors.push(user);
        Ok(())
    }

    async fn enrol_mentee(&mut self, i: usize) -> anyhow::Result<()> {
        let user = self.person(MENTEES[i]);
        let reply = self
            .command(user, "enrol mentee", None)
            .opt(
                "topics",
                ["rust", "rust, career", "async", "testing"][i % 4],
            )
            .opt("timezone", TIMEZONES[(i + 2) % TIMEZONES.len()])
            .opt(
                "goals",
                "Ship my first Rust project and feel at home in the community",
            )
            .run()
            .await;
        expect(&reply.text(), "mentee")?;
        self.mentees.push(user);
        Ok(())
    }

    async fn enrol_first_wave(&mut self) -> anyhow::Result<()> {
        for i in 0..MENTORS.len() {
            self.enrol_mentor(i).await?;
        }
        for i in 0..FIRST_PAIRS {
            self.enrol_mentee(i).await?;
        }
        Ok(())
    }

    /// The moderator pairs the first wave the day after it enrolled.
    async fn pair_first_wave(&mut self) -> anyhow::Result<()> {
        for i in 0..FIRST_PAIRS {
            self.pair(self.mentors[i], self.mentees[i], persona(i), 0)
                .await?;
        }
        Ok(())
    }

    async fn pair(
        &mut self,
        mentor: u64,
        mentee: u64,
        persona: Persona,
        week: u64,
    ) -> anyhow::Result<()> {
        let reply = self
            .command(self.moderator, "pair create", None)
            .opt("mentor", mentor.to_string())
            .opt("mentee", mentee.to_string())
            .run()
            .await;
        expect(&reply.text(), "<#")?;
        let pair = self
            .db
            .open_pairs_of(self.guild.id, mentee)
            .await?
            .into_iter()
            .find(|p| p.mentor_id == Some(mentor))
            .context("the new pair is not in the database")?;
        let channel = pair.channel_id.context("the new pair has no channel")?;
        let goal = self
            .command(mentee, "goal add", Some(channel))
            .opt("title", "Build a small CLI tool in Rust")
            .opt("due", "in 5 weeks")
            .run()
            .await;
        expect(&goal.text(), "#1")?;
        self.pairs.push(DemoPair {
            id: pair.id,
            mentor,
            mentee,
            channel,
            persona,
            since: week,
            ended: false,
        });
        Ok(())
    }

    /// Moves the clock to `day` 20:00 UTC, lets the bot post what is due, then the community
    /// does that day's things.
    async fn live_day(&mut self, week: u64, day: u64) -> anyhow::Result<()> {
        let date = self.now().date_naive();
        let start = date - Days::new(date.weekday().num_days_from_monday() as u64);
        let target = if day == 0 && week == 0 {
            self.now() + chrono::Duration::hours(12)
        } else {
            (start + Days::new(if day == 0 { 7 } else { day }))
                .and_time(NaiveTime::from_hms_opt(20, 0, 0).unwrap())
                .and_utc()
        };
        self.clock.set(target);
        self.settle().await?;
        for p in &mut self.pairs {
            let status = self.db.pair(p.id).await?.map(|p| p.status);
            p.ended = status.is_some_and(|s| !s.is_open());
        }

        // New mentees enrol during the weeks; the moderator pairs some of them with the
        // mentors who still have room, and the rest are waiting by the end.
        if week == 0 && day == 1 {
            self.pair_first_wave().await?;
        }
        let next = self.mentees.len();
        let enrols = day == 2 || (day == 5 && (week == 5 || week == 7));
        if enrols && next < MENTEES.len() {
            self.enrol_mentee(next).await?;
        }
        // Paired three days after enrolling, on the Friday.
        if day == 5 && week.is_multiple_of(2) && week < 6 {
            let mentor = self.mentors[LATER_MENTORS[(week / 2) as usize]];
            let mentee = self.mentees[FIRST_PAIRS + week as usize];
            self.pair(mentor, mentee, Persona::Steady, week).await?;
        }
        // Week 6: the moderator ends a pair that has been red for weeks.
        if week == 6 && day == 1 {
            self.end_quiet_pair().await?;
        }

        self.talk(week, day).await?;
        self.answer_checkins(week).await?;
        self.answer_pulse().await?;
        self.answer_cycle_question().await?;
        self.answer_exit_surveys().await?;
        if day == 3 {
            self.meet(week).await?;
        }
        if day == 4 {
            self.thank(week).await?;
        }
        Ok(())
    }

    /// Waits until the bot has sent everything due by now.
    async fn settle(&self) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + WAIT;
        while self.db.outstanding(self.now()).await? > 0 {
            if tokio::time::Instant::now() > deadline {
                bail!("the bot did not finish its scheduled work");
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Ok(())
    }

    async fn talk(&mut self, week: u64, day: u64) -> anyhow::Result<()> {
        for i in 0..self.pairs.len() {
            let p = &self.pairs[i];
            if p.ended {
                continue;
            }
            let (days, most) = match p.persona {
                Persona::Thriving => (5, 6),
                Persona::Steady => (2, 3),
                Persona::Drifting if week < 3 => (4, 4),
                Persona::Drifting if week < 4 => (1, 2),
                Persona::Drifting => (0, 0),
            };
            if day >= days {
                continue;
            }
            let (mentor, mentee, channel) = (p.mentor, p.mentee, p.channel);
            for _ in 0..self.rng.u32(1..=most) {
                let who = if self.rng.bool() { mentor } else { mentee };
                self.sim.say(who, channel, "(a message)");
                self.messages_sent += 1;
            }
        }
        // Counted by the bot before the clock moves on.
        let deadline = tokio::time::Instant::now() + WAIT;
        while self.db.message_total(self.guild.id).await? < self.messages_sent {
            if tokio::time::Instant::now() > deadline {
                bail!("the bot did not count the messages");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Ok(())
    }

    /// Ids of buttons on a message starting with `prefix`.
    fn buttons(message: &discord_sim::Message, prefix: &str) -> Vec<String> {
        let mut ids = message.custom_ids();
        ids.retain(|id| id.starts_with(prefix));
        ids
    }

    async fn click(&self, user: u64, message: u64, custom_id: &str) {
        let click = self
            .sim
            .click(self.guild.id, user, message, custom_id)
            .await;
        let _ = self.sim.try_reply(click, WAIT).await;
    }

    async fn answer_checkins(&mut self, week: u64) -> anyhow::Result<()> {
        for i in 0..self.pairs.len() {
            let p = &self.pairs[i];
            if p.ended {
                continue;
            }
            let prompts: Vec<_> = self
                .sim
                .messages_in(p.channel)
                .into_iter()
                .filter(|m| m.content().contains("Check-in time") && !self.handled.contains(&m.id))
                .collect();
            let (persona, mentor, mentee, since) = (p.persona, p.mentor, p.mentee, p.since);
            for prompt in prompts {
                self.handled.insert(prompt.id);
                let moods = Self::buttons(&prompt, "checkin:mood:");
                if moods.len() != 5 {
                    continue;
                }
                let age = week - since;
                let (who, mood): (Vec<u64>, usize) = match persona {
                    Persona::Thriving => (vec![mentor, mentee], 4 + self.rng.usize(0..2)),
                    Persona::Steady => (vec![mentee], 3 + self.rng.usize(0..2)),
                    Persona::Drifting if age < 3 => (vec![mentor, mentee], 4),
                    Persona::Drifting if age < 5 => (vec![mentee], 2),
                    Persona::Drifting => (vec![], 1),
                };
                for user in who {
                    self.click(user, prompt.id, &moods[mood - 1]).await;
                }
            }
        }
        Ok(())
    }

    async fn answer_pulse(&mut self) -> anyhow::Result<()> {
        let people: Vec<u64> = self
            .pairs
            .iter()
            .flat_map(|p| [p.mentor, p.mentee])
            .collect();
        for user in people {
            for dm in self.sim.dms_to(user) {
                let scores = Self::buttons(&dm, "pulse:score:");
                if scores.is_empty() || self.handled.contains(&dm.id) {
                    continue;
                }
                self.handled.insert(dm.id);
                // Most answer; scores lean positive.
                if scores.len() == 5 && self.rng.u8(0..10) < 8 {
                    let score = [3, 4, 4, 5, 5, 2][self.rng.usize(0..6)];
                    self.click(user, dm.id, &scores[score - 1]).await;
                }
            }
        }
        Ok(())
    }

    /// The first pair that drifted away ends as inactive (the digest had flagged it red).
    async fn end_quiet_pair(&mut self) -> anyhow::Result<()> {
        let Some(p) = self
            .pairs
            .iter()
            .find(|p| p.persona == Persona::Drifting && !p.ended)
        else {
            return Ok(());
        };
        let reply = self
            .command(self.moderator, "pair end", Some(p.channel))
            .opt("reason", "inactive")
            .run()
            .await;
        expect(&reply.text(), "ended")
    }

    /// Two weeks before the cycle's end each pair is asked whether to continue: half the
    /// thriving pairs carry on, the others and the steady pairs finish, and the pairs that
    /// drifted away do not answer.
    async fn answer_cycle_question(&mut self) -> anyhow::Result<()> {
        for i in 0..self.pairs.len() {
            let p = &self.pairs[i];
            if p.ended {
                continue;
            }
            let (persona, mentor, mentee) = (p.persona, p.mentor, p.mentee);
            let questions: Vec<_> = self
                .sim
                .messages_in(p.channel)
                .into_iter()
                .filter(|m| !self.handled.contains(&m.id))
                .filter(|m| !Self::buttons(m, "cycle:choose:").is_empty())
                .collect();
            for q in questions {
                self.handled.insert(q.id);
                let finish = match persona {
                    Persona::Thriving => i % 2 == 1,
                    Persona::Steady => true,
                    Persona::Drifting => continue,
                };
                let wanted = if finish { ":finish" } else { ":continue" };
                let Some(id) = Self::buttons(&q, "cycle:choose:")
                    .into_iter()
                    .find(|b| b.ends_with(wanted))
                else {
                    continue;
                };
                let who = if i % 3 == 0 { mentor } else { mentee };
                self.click(who, q.id, &id).await;
            }
        }
        Ok(())
    }

    /// The members of pairs that ended answer the exit survey the DM brings: most of them,
    /// kindly, with a few words now and then.
    async fn answer_exit_surveys(&mut self) -> anyhow::Result<()> {
        let ended: Vec<(u64, Persona, usize)> = self
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.ended)
            .flat_map(|(i, p)| {
                [
                    (p.mentor, p.persona, 2 * i),
                    (p.mentee, p.persona, 2 * i + 1),
                ]
            })
            .collect();
        for (user, persona, n) in ended {
            for dm in self.sim.dms_to(user) {
                if self.handled.contains(&dm.id) {
                    continue;
                }
                let Some(survey) = Self::buttons(&dm, "pair:survey:").into_iter().next() else {
                    continue;
                };
                self.handled.insert(dm.id);
                if n % 5 == 4 {
                    continue; // not everyone answers
                }
                let rating = match persona {
                    Persona::Thriving => ["5", "5", "4"][n % 3],
                    Persona::Steady => ["4", "3", "4"][n % 3],
                    Persona::Drifting => "2",
                };
                let worked = if n % 2 == 0 {
                    WORKED[n % WORKED.len()]
                } else {
                    ""
                };
                let change = CHANGE[n % CHANGE.len()];
                let submit = self
                    .sim
                    .submit_modal(
                        self.guild.id,
                        dm.channel_id,
                        user,
                        &survey,
                        &[("rating", rating), ("worked", worked), ("change", change)],
                    )
                    .await;
                let reply = self.sim.try_reply(submit, WAIT).await;
                expect(&reply.map(|r| r.text()).unwrap_or_default(), "Thank you")?;
            }
        }
        Ok(())
    }

    async fn meet(&mut self, week: u64) -> anyhow::Result<()> {
        for i in 0..self.pairs.len() {
            let p = &self.pairs[i];
            if p.ended {
                continue;
            }
            let meets = match p.persona {
                Persona::Thriving => true,
                Persona::Steady => week.is_multiple_of(2),
                Persona::Drifting => week < 2,
            };
            if meets {
                let minutes = 30 + 15 * self.rng.u32(0..3);
                let reply = self
                    .command(p.mentee, "meet", Some(p.channel))
                    .opt("minutes", minutes)
                    .run()
                    .await;
                expect(&reply.text(), "recorded a meeting")?;
            }
            if p.persona == Persona::Thriving && week == 3 + (i as u64 % 3) {
                let reply = self
                    .command(p.mentee, "goal done", Some(p.channel))
                    .opt("id", 1)
                    .run()
                    .await;
                expect(&reply.text(), "#1")?;
            }
        }
        Ok(())
    }

    async fn thank(&mut self, week: u64) -> anyhow::Result<()> {
        let thriving: Vec<(u64, u64, u64)> = self
            .pairs
            .iter()
            .filter(|p| p.persona != Persona::Drifting && !p.ended)
            .map(|p| (p.mentee, p.mentor, p.channel))
            .collect();
        let reasons = [
            "for the patient code review",
            "for explaining lifetimes with a drawing",
            "for pairing on my first PR",
        ];
        for (n, (from, to, channel)) in thriving.into_iter().enumerate() {
            if (n as u64 + week).is_multiple_of(3) {
                let reply = self
                    .command(from, "kudos", Some(channel))
                    .opt("user", to.to_string())
                    .opt("reason", reasons[n % reasons.len()])
                    .run()
                    .await;
                expect(&reply.text(), "Kudos")?;
            }
        }
        Ok(())
    }

    /// Mentions as readable names, for the files.
    fn named(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (id, name) in &self.names {
            out = out.replace(&format!("<@{id}>"), &format!("@{name}"));
        }
        for p in &self.pairs {
            out = out.replace(&format!("<#{}>", p.channel), "#pair-channel");
        }
        out
    }

    async fn write_digest(
        &self,
        settings: &Settings,
        body: &Value,
        out: &Path,
    ) -> anyhow::Result<()> {
        let png = self
            .sim
            .attachment(body, 0)
            .context("the digest came without its chart")?;
        std::fs::write(out.join("digest.png"), png)?;
        let guild = self.db.guild_settings_or_new(self.guild.id).await?;
        let report = crate::digest::build(
            &self.db,
            settings,
            &guild,
            self.now(),
            crate::digest::DEFAULT_WEEKS,
        )
        .await?;
        let text = crate::discord::messages::digest::markdown(&report);
        std::fs::write(out.join("digest.md"), self.named(&text))?;
        std::fs::write(
            out.join("digest-message.json"),
            serde_json::to_string_pretty(&json!({ "posted_to_discord": body }))?,
        )?;
        Ok(())
    }

    /// The impact report as the moderators got it (picture and CSV), and as Markdown.
    async fn write_impact(
        &self,
        settings: &Settings,
        body: &Value,
        out: &Path,
    ) -> anyhow::Result<()> {
        for index in 0..2 {
            let name = body["attachments"][index]["filename"]
                .as_str()
                .context("the impact report came without its files")?;
            let bytes = self
                .sim
                .attachment(body, index)
                .context("the impact report's file is missing")?;
            std::fs::write(out.join(name), bytes)?;
        }
        let guild = self.db.guild_settings_or_new(self.guild.id).await?;
        let cycle = crate::digest::impact::pick_cycle(&self.db, self.guild.id, None)
            .await?
            .context("the demo's cycle is not in the database")?;
        let report =
            crate::digest::impact::build(&self.db, settings, &guild, cycle, self.now()).await?;
        let md = crate::digest::impact::file_name(&report.impact.cycle, "md");
        std::fs::write(out.join(md), report.markdown())?;
        std::fs::write(
            out.join("impact-message.json"),
            serde_json::to_string_pretty(&json!({ "posted_to_discord": body }))?,
        )?;
        Ok(())
    }
}
