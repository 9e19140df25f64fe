//! Living mentor availability: once a month each active mentor is asked, privately, whether
//! they are still up for mentoring. No answer in time pauses them: they are left out of new
//! pairings, and their current pairs carry on untouched. Pure rules; the store keeps the
//! asks and answers, `discord/availability.rs` sends and receives them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};

/// How long "Pause a month" lasts; then the mentor is available again by themselves.
pub fn pause_for() -> Duration {
    Duration::days(30)
}

/// Mentors who enrolled this recently are not asked yet: they have just said yes.
pub fn new_mentor_grace() -> Duration {
    Duration::days(14)
}

/// A mentor's answer to "Still up for mentoring?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Yes: available for new mentees (and back, if paused).
    Yes,
    /// Not for a month: no new mentees until then.
    PauseMonth,
    /// Stepping back: no new mentees until they say otherwise.
    StepBack,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::PauseMonth, Answer::StepBack];

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::PauseMonth => "pause",
            Answer::StepBack => "back",
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Answer {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s).ok_or(())
    }
}

/// Why a mentor is paused (a mentor's own status; their pairs are not paused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PauseReason {
    /// Did not answer the monthly question in time.
    NoAnswer,
    /// Chose "Pause a month".
    Chose,
    /// Chose "Step back".
    SteppedBack,
}

impl PauseReason {
    pub const ALL: [PauseReason; 3] = [
        PauseReason::NoAnswer,
        PauseReason::Chose,
        PauseReason::SteppedBack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PauseReason::NoAnswer => "no_answer",
            PauseReason::Chose => "chose",
            PauseReason::SteppedBack => "stepped_back",
        }
    }
}

impl FromStr for PauseReason {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        PauseReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(())
    }
}

/// What an answer at `now` makes of the mentor: `None` available, else paused (why, until).
pub fn after(answer: Answer, now: DateTime<Utc>) -> Option<(PauseReason, Option<DateTime<Utc>>)> {
    match answer {
        Answer::Yes => None,
        Answer::PauseMonth => Some((PauseReason::Chose, Some(now + pause_for()))),
        Answer::StepBack => Some((PauseReason::SteppedBack, None)),
    }
}

/// A paused mentor, as the digest and `/members` name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PausedMentor {
    pub user_id: u64,
    pub reason: PauseReason,
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_reasons_read_back_as_written_and_nothing_else_reads() {
        for a in Answer::ALL {
            assert_eq!(a.as_str().parse::<Answer>(), Ok(a));
        }
        for r in PauseReason::ALL {
            assert_eq!(r.as_str().parse::<PauseReason>(), Ok(r));
        }
        assert!("Yes".parse::<Answer>().is_err());
        assert!("".parse::<PauseReason>().is_err());
    }

    #[test]
    fn a_month_s_pause_ends_by_itself_and_stepping_back_does_not() {
        let now: DateTime<Utc> = "2027-01-01T10:00:00Z".parse().unwrap();
        assert_eq!(after(Answer::Yes, now), None);
        assert_eq!(
            after(Answer::PauseMonth, now),
            Some((PauseReason::Chose, Some(now + Duration::days(30))))
        );
        assert_eq!(
            after(Answer::StepBack, now),
            Some((PauseReason::SteppedBack, None))
        );
    }
}
