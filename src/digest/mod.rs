//! The engagement digest: metrics and pair health of one server, turned into a report that the
//! weekly post, `/digest`, `tandem digest` and the demo all show the same way.

pub mod chart;
pub mod export;
pub mod impact;
pub mod words;

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::domain::guild::GuildSettings;
use crate::domain::health::{self, Assessment, Health};
use crate::domain::metrics::{self, Period, WeekMetrics};
use crate::domain::pair::{Pair, PairStatus};
use crate::store::{self, Db};
use crate::text::Locale;

/// Weeks in the weekly digest's chart.
pub const DEFAULT_WEEKS: u32 = 8;
/// The most weeks `/digest` and `tandem digest` cover.
pub const MAX_WEEKS: u32 = 26;

#[derive(Debug, Clone, PartialEq)]
pub struct PairHealth {
    pub pair: Pair,
    pub assessment: Assessment,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub guild_id: u64,
    pub now: DateTime<Utc>,
    pub period: Period,
    /// Oldest first; the last is this week.
    pub weeks: Vec<WeekMetrics>,
    pub anonymity_min: u32,
    /// Active pairs, worst health first.
    pub health: Vec<PairHealth>,
    pub paused: u32,
    /// Problems members reported that no moderator has read yet (counted, never shown).
    pub open_reports: u32,
    /// Mentors who cannot be paired until they read the programme guide (the server requires
    /// it), longest-waiting first; empty when it does not.
    pub awaiting_orientation: Vec<u64>,
    /// Mentors who are paused (no new mentees), longest paused first.
    pub paused_mentors: Vec<crate::domain::availability::PausedMentor>,
    /// The running programme cycle, if any.
    pub cycle: Option<CycleLine>,
    /// The language the server's shared posts are in: the report reads in it everywhere
    /// (post, chart, Markdown).
    pub locale: Locale,
}

/// Where the running cycle stands, for the moderators' Monday reading.
#[derive(Debug, Clone, PartialEq)]
pub struct CycleLine {
    pub cycle: crate::domain::cycle::Cycle,
    pub days_left: i64,
    /// Its open pairs, and those of them that have not said whether they continue.
    pub pairs: usize,
    pub unanswered: usize,
}

impl Report {
    pub fn this_week(&self) -> &WeekMetrics {
        self.weeks.last().expect("a report has at least two weeks")
    }

    pub fn last_week(&self) -> &WeekMetrics {
        &self.weeks[self.weeks.len() - 2]
    }

    pub fn count(&self, h: Health) -> usize {
        self.health
            .iter()
            .filter(|p| p.assessment.health == h)
            .count()
    }

    pub fn red(&self) -> impl Iterator<Item = &PairHealth> {
        self.health
            .iter()
            .filter(|p| p.assessment.health == Health::Red)
    }

    pub fn pulse_trend(&self) -> Option<f64> {
        metrics::pulse_trend(&self.weeks)
    }

    /// The chart's weeks: the chart shows what the report's weeks say.
    pub fn chart_weeks(&self) -> Vec<chart::ChartWeek> {
        self.weeks
            .iter()
            .map(|w| chart::ChartWeek {
                label: crate::text::day_month(self.locale, w.start),
                answer_rate: w.answer_rate(),
                active_pairs: w.active_pairs,
                pulse: w.pulse.map(|p| p.average),
            })
            .collect()
    }

    /// The chart as PNG.
    pub fn chart(&self) -> Result<Vec<u8>, chart::ChartError> {
        chart::render(self.locale, &self.chart_weeks())
    }
}

/// The report of `guild` as of `now`, covering `weeks` weeks (at least two, to compare).
#[tracing::instrument(skip(db, settings, guild), fields(guild = guild.guild_id))]
pub async fn build(
    db: &Db,
    settings: &Settings,
    guild: &GuildSettings,
    now: DateTime<Utc>,
    weeks: u32,
) -> store::Result<Report> {
    let period = Period::ending(now, weeks.clamp(2, MAX_WEEKS));
    let facts = db.digest_facts(guild.guild_id, period).await?;
    let anonymity_min = settings.anonymity_min(guild);
    let weeks = metrics::weekly(&facts, anonymity_min);

    let mut facts_by_pair = db
        .health_facts(guild.guild_id, now, settings.checkins.on_time_hours)
        .await?;
    let today = now.date_naive();
    let mut health = Vec::new();
    let mut paused = 0;
    for pair in facts.pairs {
        match pair.status_at(now) {
            PairStatus::Active => {}
            PairStatus::Paused => {
                paused += 1;
                continue;
            }
            _ => continue,
        }
        let Some(f) = facts_by_pair.remove(&pair.id) else {
            continue;
        };
        let assessment = health::assess(&f, today, &settings.health);
        health.push(PairHealth { pair, assessment });
    }
    // Worst first, then the oldest pair first.
    health.sort_by_key(|p| (std::cmp::Reverse(p.assessment.health), p.pair.id));
    let awaiting_orientation = if guild.require_orientation {
        db.mentors_awaiting_orientation(guild.guild_id).await?
    } else {
        Vec::new()
    };
    let cycle = match db.running_cycle(guild.guild_id).await? {
        Some(cycle) => {
            let pairs = db.open_pairs_in_cycle(cycle.id).await?;
            let choices = db.cycle_choices(cycle.id).await?;
            Some(CycleLine {
                days_left: cycle.days_left(now),
                pairs: pairs.len(),
                unanswered: pairs
                    .iter()
                    .filter(|p| !choices.contains_key(&p.id))
                    .count(),
                cycle,
            })
        }
        None => None,
    };
    Ok(Report {
        guild_id: guild.guild_id,
        now,
        period,
        weeks,
        anonymity_min,
        health,
        paused,
        open_reports: db.open_reports(guild.guild_id).await?,
        awaiting_orientation,
        paused_mentors: db.paused_mentors(guild.guild_id).await?,
        cycle,
        locale: guild.locale(),
    })
}

/// The server's settings, or a plain error naming the id when the database has never seen it.
async fn known_guild(db: &Db, guild: u64) -> anyhow::Result<GuildSettings> {
    db.guild_settings(guild).await?.ok_or_else(|| {
        anyhow::anyhow!(
            "server {guild} is not in this database: run /setup there first, or check the id"
        )
    })
}

/// `tandem digest`: the digest as Markdown, and the chart written to `png` if given.
pub async fn digest_to_files(
    db: &Db,
    settings: &Settings,
    guild: u64,
    now: DateTime<Utc>,
    weeks: u32,
    png: Option<&std::path::Path>,
) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let guild = known_guild(db, guild).await?;
    let report = build(db, settings, &guild, now, weeks).await?;
    if let Some(path) = png {
        std::fs::write(path, report.chart()?)
            .with_context(|| format!("writing the chart to {}", path.display()))?;
    }
    Ok(words::markdown(&report))
}

/// `tandem export`: the CSV files written into `dir` (created if missing); returns their paths.
pub async fn export_to_dir(
    db: &Db,
    settings: &Settings,
    guild: u64,
    now: DateTime<Utc>,
    dir: &std::path::Path,
) -> anyhow::Result<Vec<std::path::PathBuf>> {
    use anyhow::Context as _;
    let guild = known_guild(db, guild).await?;
    let report = build(db, settings, &guild, now, 2).await?;
    let files = export::csv_files(db, &report).await?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut written = Vec::new();
    for f in files {
        let path = dir.join(f.name);
        std::fs::write(&path, &f.bytes).with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
