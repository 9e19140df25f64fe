//! Cron schedules as configured and as stored: validated when read, evaluated as wall-clock
//! time in a time zone.

use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// A validated cron schedule, as the user wrote it. Configuration values are parsed into it
/// when they are read (`try_from`), so nothing downstream handles an unchecked string.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Cron {
    text: String,
    schedule: cron::Schedule,
}

/// Why a cron expression was refused, in words a server admin can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CronError {
    #[error("it should have 5 fields (minute hour day month weekday), like `0 17 * * Tue`")]
    Fields,
    /// The parser's own words stay in the value (for logs); people see a plain sentence.
    #[error("it could not be read; write it like `0 17 * * Tue` (minute hour day month weekday)")]
    Syntax(String),
    #[error("it never fires")]
    Never,
    #[error("it fires more than once an hour; choose at most hourly")]
    TooOften,
}

impl Cron {
    /// Accepts the usual 5-field form (`0 17 * * Tue`) and the 6-field form with seconds.
    /// Whether an expression is acceptable depends on the expression alone, never on the time
    /// it is read at: a stored schedule accepted once is accepted at every later start.
    pub fn parse(text: &str) -> Result<Cron, CronError> {
        use cron::TimeUnitSpec as _;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let fields = text.split(' ').count();
        // cron reads a 5-field line as seconds-first and then complains about month names.
        let full = match fields {
            5 => format!("0 {text}"),
            6 => text.clone(),
            _ => return Err(CronError::Fields),
        };
        let schedule =
            cron::Schedule::from_str(&full).map_err(|e| CronError::Syntax(e.to_string()))?;
        // One second and one minute value: consecutive firings are whole hours apart (the same
        // minute of different hours or days). Two values of either are less than an hour apart.
        if schedule.seconds().count() != 1 || schedule.minutes().count() != 1 {
            return Err(CronError::TooOften);
        }
        // Without a year field a schedule that fires at all fires within any 400-year
        // (Gregorian) cycle, and 29 February within 4 years: look from a fixed instant.
        let reference = DateTime::<Utc>::from_timestamp(946_684_800, 0).expect("2000-01-01");
        if schedule.after(&reference).next().is_none() {
            return Err(CronError::Never);
        }
        Ok(Cron { text, schedule })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The first firing strictly after `after`, read as wall-clock time in `tz`. A local time
    /// skipped by a spring-forward change fires at the first instant after the gap; a local
    /// time repeated by a fall-back change fires once, at its first occurrence.
    pub fn next_after(&self, tz: Tz, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = after.with_timezone(&tz).naive_local();
        // The cron crate walks naive wall-clock time when given UTC; mapping to instants is ours.
        self.schedule
            .after(&local.and_utc())
            .take(400)
            .filter_map(|wall| to_instant(tz, wall.naive_utc()))
            .find(|at| *at > after)
    }

    /// The latest firing in `(after, until]`, if any.
    pub fn last_between(
        &self,
        tz: Tz,
        after: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let mut last = None;
        let mut at = after;
        while let Some(next) = self.next_after(tz, at).filter(|n| *n <= until) {
            last = Some(next);
            at = next;
        }
        last
    }
}

impl TryFrom<String> for Cron {
    type Error = CronError;
    fn try_from(text: String) -> Result<Cron, CronError> {
        Cron::parse(&text)
    }
}

impl PartialEq for Cron {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Cron {}

/// Wall-clock time in `tz` to an instant: the earlier of a repeated time, the first valid
/// minute after a skipped one.
fn to_instant(tz: Tz, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    (0..=180).find_map(|minutes| {
        tz.from_local_datetime(&(wall + Duration::minutes(minutes)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    })
}
