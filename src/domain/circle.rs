//! The mentors' circle: a regular meeting of all active mentors, as a Discord scheduled event
//! created a week ahead, announced in a mentors-only channel and recalled the day before.
//! Which meetings to plan, and who the mentors' channel should let in, are decided here.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::cron::{Cron, CronError};

/// How far ahead a meeting's event is created and announced.
pub fn announce_before() -> Duration {
    Duration::days(7)
}

/// When the reminder goes out.
pub fn remind_before() -> Duration {
    Duration::days(1)
}

/// The closest two meetings may be. One a week at most: each is announced a week ahead, so
/// more would stack up announcements and events (Discord allows 100 open events a server).
fn min_gap() -> Duration {
    // A weekly meeting is a little shorter than 7 days across a daylight-saving change.
    Duration::days(7) - Duration::hours(2)
}

/// The mentions a reminder may carry (Discord takes at most 100 users in `allowed_mentions`).
pub const MAX_REMINDER_MENTIONS: usize = 90;
/// Characters in one message's content (Discord's limit).
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// Why a circle schedule was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CircleScheduleError {
    #[error("{0}")]
    Cron(#[from] CronError),
    #[error("it meets more than once a week")]
    TooOften,
}

/// A mentors' circle schedule: a cron expression that fires at most once a week.
pub fn parse_schedule(text: &str) -> Result<Cron, CircleScheduleError> {
    let cron = Cron::parse(text)?;
    // The expression alone decides, as for every schedule: look from a fixed instant over
    // more than a year (the gaps of a monthly rule repeat within a year).
    let mut at = DateTime::<Utc>::from_timestamp(946_684_800, 0).expect("2000-01-01");
    let mut previous = None;
    for _ in 0..120 {
        let Some(next) = cron.next_after(Tz::UTC, at) else {
            break;
        };
        if previous.is_some_and(|p| next - p < min_gap()) {
            return Err(CircleScheduleError::TooOften);
        }
        previous = Some(next);
        at = next;
    }
    Ok(cron)
}

/// A meeting to plan: its start, and when its event is created and announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meeting {
    pub starts_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
}

/// The meetings to plan now: those after the latest one already planned (and after `now`)
/// that are less than a week away (due at once), and the first one beyond (so the scheduler
/// wakes for it), each announced a week before it starts. Nothing when that one is planned.
pub fn meetings_to_plan(
    cron: &Cron,
    tz: Tz,
    latest_planned: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<Meeting> {
    let horizon = now + announce_before();
    if latest_planned.is_some_and(|l| l > horizon) {
        return Vec::new();
    }
    let mut at = latest_planned.map_or(now, |l| l.max(now));
    let mut out = Vec::new();
    // Bounded: at most one a week, so two fall within the horizon and one beyond it.
    while let Some(starts_at) = cron.next_after(tz, at).filter(|_| out.len() < 4) {
        // Always a week before, never "now": whoever plans it (two processes, a restart)
        // plans the same row. One already less than a week away is due at once.
        out.push(Meeting {
            starts_at,
            announce_at: starts_at - announce_before(),
        });
        if starts_at > horizon {
            break;
        }
        at = starts_at;
    }
    out
}

/// When the reminder of a meeting goes out, if it still can: a day before, and not when the
/// announcement itself came less than a day ahead (it is reminder enough).
pub fn reminder_at(starts_at: DateTime<Utc>, announced: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let at = starts_at - remind_before();
    (at > announced).then_some(at)
}

/// How the mentors' channel's member overwrites change: who to let in, who to take out.
/// `granted` are the people the channel lets in now (the bot and the moderators' role are not
/// among them), `mentors` the active mentors.
pub fn access_changes(granted: &[u64], mentors: &[u64]) -> (Vec<u64>, Vec<u64>) {
    let add = mentors
        .iter()
        .filter(|m| !granted.contains(m))
        .copied()
        .collect();
    let remove = granted
        .iter()
        .filter(|g| !mentors.contains(g))
        .copied()
        .collect();
    (add, remove)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_circle_meets_at_most_once_a_week() {
        assert!(parse_schedule("0 18 * * Thu").is_ok());
        assert!(
            parse_schedule("0 18 1-7 * Thu").is_ok(),
            "the first Thursday"
        );
        assert!(parse_schedule("0 18 1 * *").is_ok(), "monthly");
        assert_eq!(
            parse_schedule("0 18 * * Mon,Thu").unwrap_err(),
            CircleScheduleError::TooOften
        );
        assert_eq!(
            parse_schedule("0 18 * * *").unwrap_err(),
            CircleScheduleError::TooOften
        );
        assert!(matches!(
            parse_schedule("soon").unwrap_err(),
            CircleScheduleError::Cron(_)
        ));
    }

    #[test]
    fn a_new_circle_announces_a_meeting_within_the_week_at_once_and_plans_the_next() {
        let weekly = parse_schedule("0 18 * * Thu").unwrap();
        // Monday: Thursday's meeting is three days away.
        let now = utc("2026-11-23T09:00:00Z");
        let plan = meetings_to_plan(&weekly, Tz::UTC, None, now);
        assert_eq!(
            plan,
            [
                Meeting {
                    starts_at: utc("2026-11-26T18:00:00Z"),
                    announce_at: utc("2026-11-19T18:00:00Z")
                },
                Meeting {
                    starts_at: utc("2026-12-03T18:00:00Z"),
                    announce_at: utc("2026-11-26T18:00:00Z")
                },
            ]
        );
        // Planned again the same day: nothing new.
        let latest = Some(utc("2026-12-03T18:00:00Z"));
        assert!(meetings_to_plan(&weekly, Tz::UTC, latest, now).is_empty());
        // A week later the one after is planned, a week before it starts.
        let later = utc("2026-11-27T09:00:00Z");
        assert_eq!(
            meetings_to_plan(&weekly, Tz::UTC, latest, later),
            [Meeting {
                starts_at: utc("2026-12-10T18:00:00Z"),
                announce_at: utc("2026-12-03T18:00:00Z")
            }]
        );
    }

    #[test]
    fn after_downtime_past_meetings_are_not_planned() {
        let weekly = parse_schedule("0 18 * * Thu").unwrap();
        let latest = Some(utc("2026-11-26T18:00:00Z"));
        let now = utc("2026-12-15T09:00:00Z");
        let plan = meetings_to_plan(&weekly, Tz::UTC, latest, now);
        assert_eq!(plan[0].starts_at, utc("2026-12-17T18:00:00Z"));
        assert!(plan.iter().all(|m| m.starts_at > now));
    }

    #[test]
    fn the_reminder_goes_a_day_before_unless_the_announcement_was_later() {
        let start = utc("2026-12-03T18:00:00Z");
        assert_eq!(
            reminder_at(start, utc("2026-11-26T18:00:00Z")),
            Some(utc("2026-12-02T18:00:00Z"))
        );
        assert_eq!(reminder_at(start, utc("2026-12-03T09:00:00Z")), None);
    }

    #[test]
    fn the_mentors_channel_lets_in_new_mentors_and_takes_out_former_ones() {
        let (add, remove) = access_changes(&[1, 2, 3], &[2, 3, 4]);
        assert_eq!(add, [4]);
        assert_eq!(remove, [1]);
        assert_eq!(access_changes(&[5], &[5]), (vec![], vec![]));
    }
}
