//! A programme cycle's impact report: built from the store, then told three ways: a one-page
//! picture for the people who fund the programme (`poster.rs`), Markdown for `tandem report`
//! and the demo, and a CSV of every number. Words are in the server's language.

use chrono::{DateTime, Utc};

mod poster;
use crate::config::Settings;
use crate::digest::words::pct;
use crate::domain::cycle::Cycle;
use crate::domain::guild::GuildSettings;
use crate::domain::impact::{self, CycleFacts, Impact, Outcome};
use crate::domain::metrics;
use crate::store::{self, Db};
use crate::text::{self, t, Locale};

/// An impact report ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ImpactReport {
    pub impact: Impact,
    /// When it was made.
    pub made: DateTime<Utc>,
    pub locale: Locale,
}

/// The report of `cycle` as of `now`: up to its end once it ended, else up to now.
#[tracing::instrument(skip(db, settings, guild, cycle), fields(guild = guild.guild_id, cycle = cycle.id))]
pub async fn build(
    db: &Db,
    settings: &Settings,
    guild: &GuildSettings,
    cycle: Cycle,
    now: DateTime<Utc>,
) -> store::Result<ImpactReport> {
    let until = cycle.ended_at.unwrap_or(now).min(now);
    let anonymity_min = settings.anonymity_min(guild);
    let period = impact::weeks_of(&cycle, until);
    let facts = db.digest_facts(guild.guild_id, period).await?;
    let weeks = metrics::weekly(&facts, anonymity_min);
    let facts = CycleFacts {
        pairs: db.pairs_in_cycle_with_everyone(cycle.id).await?,
        goals: db.cycle_goals(cycle.id).await?,
        exits: db.cycle_exit_surveys(cycle.id, until).await?,
        all_pairs: facts.pairs,
        members: facts.members,
        weeks,
        anonymity_min,
        until,
        cycle,
    };
    Ok(ImpactReport {
        impact: impact::compute(&facts),
        made: now,
        locale: guild.locale(),
    })
}

/// The cycle a report is about: the one asked for (it must be the server's), else the running
/// one, else the latest. `Ok(None)`: the server has none (or not that one).
pub async fn pick_cycle(db: &Db, guild: u64, asked: Option<i64>) -> store::Result<Option<Cycle>> {
    match asked {
        Some(id) => Ok(db.cycle(id).await?.filter(|c| c.guild_id == guild)),
        None => Ok(db.cycles(guild, 1).await?.into_iter().next()),
    }
}

/// A file name from the cycle's name (`impact-spring-2027.png`), the same every time.
pub fn file_name(cycle: &Cycle, extension: &str) -> String {
    let mut slug = String::new();
    for c in cycle.name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("impact-cycle-{}.{extension}", cycle.id)
    } else {
        format!("impact-{slug}.{extension}")
    }
}

pub(crate) fn days(l: Locale, d: f64) -> String {
    t!(l, "impact-days", days = d.round())
}

impl ImpactReport {
    pub fn title(&self) -> String {
        t!(
            self.locale,
            "impact-title",
            name = self.impact.cycle.name.as_str()
        )
    }

    /// When the report runs from and to, and how many weeks.
    pub fn span(&self) -> String {
        let (l, i) = (self.locale, &self.impact);
        let from = text::date(l, i.cycle.started_at.date_naive());
        if i.cycle.ended_at.is_some() {
            t!(
                l,
                "impact-span",
                from = from,
                to = text::date(l, i.until.date_naive()),
                weeks = i.weeks.len()
            )
        } else {
            t!(
                l,
                "impact-span-running",
                from = from,
                to = text::date(l, i.until.date_naive()),
                end = text::date(l, i.cycle.ends_at.date_naive())
            )
        }
    }

    pub fn made_line(&self) -> String {
        t!(
            self.locale,
            "impact-made",
            date = text::date(self.locale, self.made.date_naive())
        )
    }

    pub fn footnote(&self) -> String {
        t!(
            self.locale,
            "impact-footnote",
            min = self.impact.anonymity_min
        )
    }

    /// The headline sentences, one per measure, in Markdown.
    pub fn glance(&self) -> Vec<String> {
        let (l, i) = (self.locale, &self.impact);
        let mut out = vec![t!(
            l,
            "impact-glance-people",
            people = i.people,
            mentors = i.mentors,
            mentees = i.mentees,
            peers = i.peers,
            pairs = i.pairs,
            new = i.new_pairs
        )];
        if let Some(rate) = i.retention() {
            out.push(t!(
                l,
                "impact-glance-retention",
                rate = pct(l, rate),
                kept = i.retained(),
                pairs = i.pairs
            ));
        }
        out.push(t!(
            l,
            "impact-glance-goals",
            done = i.goals_done,
            set = i.goals_set
        ));
        out.push(match i.answer_rate() {
            Some(rate) => t!(
                l,
                "impact-glance-answers",
                rate = pct(l, rate),
                answers = i.answers,
                expected = i.expected_answers
            ),
            None => t!(l, "impact-glance-no-checkins"),
        });
        out.push(match i.pulse {
            Some(p) => t!(
                l,
                "impact-glance-pulse",
                average = l.number(p.average, 1),
                answers = p.answers
            ),
            None => t!(l, "impact-glance-pulse-hidden", min = i.anonymity_min),
        });
        out.push(self.exit_line());
        out.push(self.waits_line());
        out
    }

    pub fn exit_line(&self) -> String {
        let (l, e) = (self.locale, &self.impact.exit);
        match e.average {
            Some(avg) if e.shown => t!(
                l,
                "impact-glance-exit",
                average = l.number(avg, 1),
                answers = e.answers
            ),
            _ => t!(
                l,
                "impact-glance-exit-hidden",
                answers = e.answers,
                min = self.impact.anonymity_min
            ),
        }
    }

    pub fn waits_line(&self) -> String {
        let (l, w) = (self.locale, &self.impact.waits);
        let paired = match (w.median_days, w.longest_days) {
            (Some(median), Some(longest)) => t!(
                l,
                "impact-waits",
                paired = w.paired,
                median = days(l, median),
                longest = days(l, f64::from(longest))
            ),
            _ => t!(l, "impact-waits-none"),
        };
        let still = match w.still_longest_days {
            Some(longest) if w.still_waiting > 0 => t!(
                l,
                "impact-waits-still",
                count = w.still_waiting,
                longest = days(l, f64::from(longest))
            ),
            _ => t!(l, "impact-waits-nobody"),
        };
        format!("{paired} {still}")
    }

    pub fn load_line(&self) -> String {
        let (l, m) = (self.locale, &self.impact.load);
        match m.average() {
            Some(avg) => t!(
                l,
                "impact-load",
                mentors = m.mentors,
                mentees = m.mentees,
                average = l.number(avg, 1),
                most = m.most
            ),
            None => t!(l, "impact-load-none"),
        }
    }

    /// The picture's alt text: the headline numbers (Discord allows 1,024 characters).
    pub fn alt_text(&self) -> String {
        let text = format!("{}. {}", self.title(), self.glance().join(" ")).replace("**", "");
        text.chars().take(1024).collect()
    }

    /// The one-page picture as PNG.
    pub fn png(&self) -> Result<Vec<u8>, crate::digest::chart::ChartError> {
        poster::render(self)
    }

    /// The whole report as Markdown, for `tandem report` and the demo.
    pub fn markdown(&self) -> String {
        let (l, i) = (self.locale, &self.impact);
        let mut out = format!("# {}\n\n{}\n\n", self.title(), self.span());
        out.push_str(&format!("## {}\n\n", t!(l, "impact-section-glance")));
        for line in self.glance() {
            out.push_str(&format!("- {line}\n"));
        }
        out.push_str(&format!("\n## {}\n\n", t!(l, "impact-section-weeks")));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n|---|---|---|---|\n",
            t!(l, "impact-col-week"),
            t!(l, "impact-col-active"),
            t!(l, "impact-col-answered"),
            t!(l, "impact-col-pulse")
        ));
        let none = t!(l, "digest-chart-none");
        for w in &i.weeks {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                text::day_month(l, w.start),
                t!(l, "digest-of", part = w.active_members, whole = w.members),
                w.answer_rate().map_or(none.clone(), |x| pct(l, x)),
                w.pulse.map_or(none.clone(), |p| l.number(p.average, 1)),
            ));
        }
        out.push_str(&format!("\n## {}\n\n", t!(l, "impact-section-outcomes")));
        for (o, n) in &i.outcomes {
            if *n > 0 || o.retained() {
                out.push_str(&format!("- {}: {n}\n", outcome(l, *o)));
            }
        }
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            t!(l, "impact-section-load"),
            self.load_line()
        ));
        for (mentees, mentors) in &i.load.spread {
            out.push_str(&format!(
                "- {}\n",
                t!(
                    l,
                    "impact-load-row",
                    label = t!(l, "impact-load-label", mentees = *mentees),
                    mentors = *mentors
                )
            ));
        }
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            t!(l, "impact-section-waits"),
            self.waits_line()
        ));
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            t!(l, "impact-section-exit"),
            self.exit_line()
        ));
        if i.exit.shown {
            for (heading, list) in [
                (t!(l, "impact-exit-worked"), &i.exit.worked),
                (t!(l, "impact-exit-change"), &i.exit.change),
            ] {
                out.push_str(&format!("\n### {heading}\n\n"));
                if list.is_empty() {
                    out.push_str(&format!("{}\n", t!(l, "impact-exit-no-comments")));
                }
                for (c, n) in list {
                    out.push_str(&format!("> {}\n\n", quote(l, c, *n)));
                }
            }
        }
        out.push_str(&format!(
            "\n---\n{} {}\n",
            self.footnote(),
            self.made_line()
        ));
        out
    }

    /// Every number of the report as CSV (long form: section, measure, week, value), so a
    /// spreadsheet can pivot it; comments only where the report shows them.
    pub fn csv(&self) -> Result<Vec<u8>, csv::Error> {
        let i = &self.impact;
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["section", "measure", "week_start", "value"])?;
        // Every cell as `/export` writes it: nothing a spreadsheet would run.
        let mut row = |section: &str, measure: &str, week: String, value: String| {
            w.write_record([
                section,
                measure,
                week.as_str(),
                &crate::digest::export::cell(&value),
            ])
        };
        let n = |x: u32| x.to_string();
        let f = |x: Option<f64>| x.map(|x| format!("{x:.3}")).unwrap_or_default();
        let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        row("cycle", "name", String::new(), i.cycle.name.clone())?;
        row(
            "cycle",
            "started_at",
            String::new(),
            time(i.cycle.started_at),
        )?;
        row("cycle", "ends_at", String::new(), time(i.cycle.ends_at))?;
        row("cycle", "report_until", String::new(), time(i.until))?;
        for (measure, value) in [
            ("people", n(i.people)),
            ("mentors", n(i.mentors)),
            ("mentees", n(i.mentees)),
            ("peers", n(i.peers)),
            ("pairs", n(i.pairs)),
            ("new_pairs", n(i.new_pairs)),
            ("retained_pairs", n(i.retained())),
            ("retention", f(i.retention())),
            ("goals_set", n(i.goals_set)),
            ("goals_done", n(i.goals_done)),
            ("checkin_answers_expected", n(i.expected_answers)),
            ("checkin_answers", n(i.answers)),
            ("checkin_answer_rate", f(i.answer_rate())),
            ("pulse_average", f(i.pulse.map(|p| p.average))),
            ("pulse_answers", n(i.pulse.map_or(0, |p| p.answers))),
            ("anonymity_min", n(i.anonymity_min)),
        ] {
            row("summary", measure, String::new(), value)?;
        }
        for wk in &i.weeks {
            let week = wk.start.to_string();
            row(
                "weekly",
                "active_members",
                week.clone(),
                n(wk.active_members),
            )?;
            row("weekly", "members", week.clone(), n(wk.members))?;
            row("weekly", "active_pairs", week.clone(), n(wk.active_pairs))?;
            row(
                "weekly",
                "checkin_answer_rate",
                week.clone(),
                f(wk.answer_rate()),
            )?;
            row(
                "weekly",
                "pulse_average",
                week,
                f(wk.pulse.map(|p| p.average)),
            )?;
        }
        for (o, count) in &i.outcomes {
            row("outcome", o.as_str(), String::new(), n(*count))?;
        }
        for (mentees, mentors) in &i.load.spread {
            row(
                "mentor_load",
                &format!("mentors_with_{mentees}_mentees"),
                String::new(),
                n(*mentors),
            )?;
        }
        row("waiting", "paired", String::new(), n(i.waits.paired))?;
        row(
            "waiting",
            "median_days",
            String::new(),
            f(i.waits.median_days),
        )?;
        row(
            "waiting",
            "longest_days",
            String::new(),
            i.waits.longest_days.map(n).unwrap_or_default(),
        )?;
        row(
            "waiting",
            "still_waiting",
            String::new(),
            n(i.waits.still_waiting),
        )?;
        row("exit_survey", "answers", String::new(), n(i.exit.answers))?;
        if i.exit.shown {
            row("exit_survey", "average", String::new(), f(i.exit.average))?;
            for (k, count) in i.exit.ratings.iter().enumerate() {
                row(
                    "exit_survey",
                    &format!("rating_{}", k + 1),
                    String::new(),
                    n(*count),
                )?;
            }
            // One row per comment as written, however often: the CSV is the full record.
            for (measure, list) in [("worked", &i.exit.worked), ("change", &i.exit.change)] {
                for (c, n) in list {
                    for _ in 0..*n {
                        row("exit_comment", measure, String::new(), c.clone())?;
                    }
                }
            }
        }
        w.into_inner().map_err(|e| e.into_error().into())
    }
}

/// A comment on one line, quoted, with how many wrote it when more than one did.
pub(crate) fn quote(l: Locale, text: &str, times: u32) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if times > 1 {
        t!(l, "impact-quote-many", text = text, count = times)
    } else {
        t!(l, "impact-quote", text = text)
    }
}

/// An outcome as the report names it.
pub fn outcome(l: Locale, o: Outcome) -> String {
    match o {
        Outcome::Continuing => t!(l, "impact-outcome-continuing"),
        Outcome::Completed => t!(l, "impact-outcome-completed"),
        Outcome::NotAGoodFit => t!(l, "impact-outcome-not-a-good-fit"),
        Outcome::Inactive => t!(l, "impact-outcome-inactive"),
        Outcome::Withdrawn => t!(l, "impact-outcome-withdrawn"),
        Outcome::LeftServer => t!(l, "impact-outcome-left-server"),
        Outcome::Other => t!(l, "impact-outcome-other"),
        Outcome::ChannelLost => t!(l, "impact-outcome-channel-lost"),
    }
}

/// `tandem report`: the report of a server's cycle (the latest when `cycle` is `None`) written
/// into `dir` as Markdown, PNG and CSV; returns the files.
pub async fn report_to_dir(
    db: &Db,
    settings: &Settings,
    guild: u64,
    cycle: Option<i64>,
    now: DateTime<Utc>,
    dir: &std::path::Path,
) -> anyhow::Result<Vec<std::path::PathBuf>> {
    use anyhow::Context as _;
    let settings_of_guild = crate::digest::known_guild(db, guild).await?;
    let Some(cycle) = pick_cycle(db, guild, cycle).await? else {
        anyhow::bail!(match cycle {
            Some(id) =>
                format!("server {guild} has no cycle {id}: leave out --cycle for its latest"),
            None =>
                format!("server {guild} has not run a cycle yet: start one with /programme start"),
        });
    };
    let report = build(db, settings, &settings_of_guild, cycle, now).await?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let c = &report.impact.cycle;
    let files = [
        (file_name(c, "md"), report.markdown().into_bytes()),
        (file_name(c, "png"), report.png()?),
        (file_name(c, "csv"), report.csv()?),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle(name: &str) -> Cycle {
        let at = "2027-01-04T09:00:00Z".parse().unwrap();
        Cycle {
            id: 3,
            guild_id: 1,
            name: name.into(),
            started_at: at,
            ends_at: at,
            ended_at: None,
        }
    }

    #[test]
    fn file_names_come_from_the_cycle_name_or_its_number() {
        assert_eq!(
            file_name(&cycle("Spring 2027"), "png"),
            "impact-spring-2027.png"
        );
        assert_eq!(
            file_name(&cycle("  Été / Otoño — 2027! "), "csv"),
            "impact-t-oto-o-2027.csv"
        );
        assert_eq!(file_name(&cycle("🌱"), "md"), "impact-cycle-3.md");
    }
}
