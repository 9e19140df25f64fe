//! Programme cycles: a term or a cohort with an end date. Pairs belong to the running cycle;
//! two weeks before its end each pair says whether it continues into the next cycle or
//! finishes, and at the end the finishing pairs end as completed.

use chrono::{DateTime, Duration, Utc};

/// Characters in a cycle's name ("Spring 2027").
pub const MAX_NAME_CHARS: usize = 60;
/// The longest cycle, in weeks.
pub const MAX_WEEKS: u32 = 52;

/// How long before the end each pair is asked.
pub fn ask_before() -> Duration {
    Duration::days(14)
}

/// How long after the end the impact report goes to the moderators: the exit surveys of the
/// pairs that finished at the end come in meanwhile.
pub fn report_after() -> Duration {
    Duration::days(7)
}

/// What a pair chose for the end of the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Carry on into the next cycle.
    Continue,
    /// End as completed when the cycle ends.
    Finish,
}

impl Choice {
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Continue => "continue",
            Choice::Finish => "finish",
        }
    }
}

impl std::str::FromStr for Choice {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "continue" => Ok(Choice::Continue),
            "finish" => Ok(Choice::Finish),
            _ => Err(()),
        }
    }
}

/// A cycle as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub id: i64,
    pub guild_id: u64,
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// When it was closed; `None` while it runs.
    pub ended_at: Option<DateTime<Utc>>,
}

impl Cycle {
    /// When the pairs are asked: two weeks before the end, or at the start of a shorter cycle.
    pub fn ask_at(&self) -> DateTime<Utc> {
        (self.ends_at - ask_before()).max(self.started_at)
    }

    /// When its impact report goes to the moderators.
    pub fn report_at(&self) -> DateTime<Utc> {
        self.ends_at + report_after()
    }

    /// Whole days left at `now` (0 on the last day and after).
    pub fn days_left(&self, now: DateTime<Utc>) -> i64 {
        (self.ends_at - now).num_days().max(0)
    }
}

/// Why a cycle could not be started as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CycleError {
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is {chars} characters; at most {MAX_NAME_CHARS}")]
    NameTooLong { chars: usize },
    #[error("{weeks} weeks; choose 1 to {MAX_WEEKS}")]
    Weeks { weeks: i64 },
}

/// A cycle's name as typed: one line, spaces collapsed, no control characters.
pub fn parse_name(text: &str) -> Result<String, CycleError> {
    let name = super::member::tidy(text)
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let chars = name.chars().count();
    match chars {
        0 => Err(CycleError::EmptyName),
        n if n > MAX_NAME_CHARS => Err(CycleError::NameTooLong { chars: n }),
        _ => Ok(name),
    }
}

/// A cycle's length in weeks.
pub fn parse_weeks(weeks: i64) -> Result<u32, CycleError> {
    u32::try_from(weeks)
        .ok()
        .filter(|w| (1..=MAX_WEEKS).contains(w))
        .ok_or(CycleError::Weeks { weeks })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn pairs_are_asked_two_weeks_before_the_end_or_at_once_in_a_short_cycle() {
        let mut c = Cycle {
            id: 1,
            guild_id: 1,
            name: "Spring".into(),
            started_at: utc("2027-01-04T09:00:00Z"),
            ends_at: utc("2027-03-01T09:00:00Z"),
            ended_at: None,
        };
        assert_eq!(c.ask_at(), utc("2027-02-15T09:00:00Z"));
        assert_eq!(c.days_left(utc("2027-02-27T10:00:00Z")), 1);
        assert_eq!(c.days_left(utc("2027-03-05T10:00:00Z")), 0);
        c.ends_at = utc("2027-01-11T09:00:00Z");
        assert_eq!(c.ask_at(), c.started_at);
    }

    #[test]
    fn names_are_one_tidy_line_and_weeks_a_sensible_count() {
        assert_eq!(parse_name("  Spring \n 2027\u{7} ").unwrap(), "Spring 2027");
        assert_eq!(
            parse_name(" \u{200B}\t").unwrap_err(),
            CycleError::EmptyName
        );
        assert_eq!(
            parse_name(&"x".repeat(61)).unwrap_err(),
            CycleError::NameTooLong { chars: 61 }
        );
        assert_eq!(parse_weeks(12), Ok(12));
        assert_eq!(parse_weeks(0), Err(CycleError::Weeks { weeks: 0 }));
        assert_eq!(parse_weeks(53), Err(CycleError::Weeks { weeks: 53 }));
        assert_eq!(parse_weeks(-1), Err(CycleError::Weeks { weeks: -1 }));
    }
}
