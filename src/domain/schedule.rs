//! When things happen: cron schedules evaluated in a time zone, once per local day even across
//! daylight-saving changes, and the hour a pair's check-in moves to so both are awake.

use std::str::FromStr;

use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;

pub use super::cron::{Cron, CronError};

/// Local hours a check-in may land in: 09:00 to 21:00.
const AWAKE_FROM: u32 = 9;
const AWAKE_UNTIL: u32 = 21;

fn awake(tz: Tz, at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&tz);
    let minutes = local.hour() * 60 + local.minute();
    (AWAKE_FROM * 60..=AWAKE_UNTIL * 60).contains(&minutes)
}

/// Moves the guild's slot by whole hours to the nearest time both members are awake, staying
/// on the same day in the guild's time zone; the slot itself when no such hour exists.
pub fn pair_slot(slot: DateTime<Utc>, guild_tz: Tz, members: &[Tz]) -> DateTime<Utc> {
    let day = slot.with_timezone(&guild_tz).date_naive();
    let fits = |at: DateTime<Utc>| {
        at.with_timezone(&guild_tz).date_naive() == day && members.iter().all(|tz| awake(*tz, at))
    };
    // 0, -1, +1, -2, +2 …: the nearest hour wins, the earlier one on a tie.
    (0..24)
        .flat_map(|h| [-h, h])
        .map(|h| slot + Duration::hours(h))
        .find(|at| fits(*at))
        .unwrap_or(slot)
}

/// The first time after `after` that a schedule fires for people in `members` time zones: the
/// guild's firing moved by [`pair_slot`] (no members: the firing itself).
pub fn next_slot(
    cron: &Cron,
    guild_tz: Tz,
    members: &[Tz],
    after: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    // A slot moves at most a day, so start looking a day early.
    let mut at = after - Duration::hours(24);
    for _ in 0..64 {
        let fire = cron.next_after(guild_tz, at)?;
        let slot = pair_slot(fire, guild_tz, members);
        if slot > after {
            return Some(slot);
        }
        at = fire;
    }
    None
}

/// The latest slot in `(after, until]`, if any.
pub fn last_slot_between(
    cron: &Cron,
    guild_tz: Tz,
    members: &[Tz],
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut last = None;
    let mut at = after;
    while let Some(next) = next_slot(cron, guild_tz, members, at).filter(|n| *n <= until) {
        last = Some(next);
        at = next;
    }
    last
}

/// What the scheduler does with each kind of occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A check-in prompt in a pair channel (target: pair).
    Checkin,
    /// The one reminder of a check-in (target: pair; parent: the check-in).
    Reminder,
    /// A pulse round in a guild (target: guild); it asks each member with a `PulseDm`.
    Pulse,
    /// One member's pulse question (target: user; parent: the round).
    PulseDm,
    /// The moderators' weekly digest (target: guild).
    Digest,
    /// A mentors' circle meeting's event and announcement, a week ahead (target: the
    /// meeting's start, in Unix seconds).
    Circle,
    /// The reminder of a mentors' circle meeting (target: its start; parent: the announcement).
    CircleReminder,
    /// A pair is asked whether to continue into the next cycle or finish (target: pair).
    CycleAsk,
    /// A programme cycle ends: the pairs that chose to finish end (target: the cycle).
    CycleEnd,
    /// A cycle's impact report to the moderators, a week after its end (target: the cycle).
    CycleReport,
    /// The monthly availability round of a server (target: guild); it asks each active
    /// mentor with an `AvailabilityAsk`.
    Availability,
    /// One mentor's "Still up for mentoring?" DM (target: user; parent: the round).
    AvailabilityAsk,
    /// A week after that question: paused if nobody answered (target: user; parent: the ask).
    AvailabilityExpire,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Checkin => "checkin",
            Kind::Reminder => "reminder",
            Kind::Pulse => "pulse",
            Kind::PulseDm => "pulse_dm",
            Kind::Digest => "digest",
            Kind::Circle => "circle",
            Kind::CircleReminder => "circle_reminder",
            Kind::CycleAsk => "cycle_ask",
            Kind::CycleEnd => "cycle_end",
            Kind::CycleReport => "cycle_report",
            Kind::Availability => "availability",
            Kind::AvailabilityAsk => "availability_ask",
            Kind::AvailabilityExpire => "availability_expire",
        }
    }

    /// Whether the target is a person (whose data the occurrence is, and goes with it).
    pub fn targets_a_person(self) -> bool {
        matches!(
            self,
            Kind::PulseDm | Kind::AvailabilityAsk | Kind::AvailabilityExpire
        )
    }
}

impl Kind {
    /// How late a due occurrence may still be sent after downtime. A circle's announcement
    /// and reminder are worth sending until the meeting (delivery checks it has not begun);
    /// everything else gets the configured grace.
    pub fn grace(self, configured: Duration) -> Duration {
        match self {
            Kind::Circle => super::circle::announce_before(),
            Kind::CircleReminder => super::circle::remind_before(),
            // The question is worth asking until the cycle ends, and the end must happen
            // however long the bot was down.
            Kind::CycleAsk => super::cycle::ask_before(),
            Kind::CycleEnd => Duration::days(365),
            // Worth sending late: nobody else makes it.
            Kind::CycleReport => Duration::days(30),
            // Nobody may be paused for a question sent late, so the pause comes however late.
            Kind::AvailabilityExpire => Duration::days(365),
            _ => configured,
        }
    }
}

impl FromStr for Kind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "checkin" => Kind::Checkin,
            "reminder" => Kind::Reminder,
            "pulse" => Kind::Pulse,
            "pulse_dm" => Kind::PulseDm,
            "digest" => Kind::Digest,
            "circle" => Kind::Circle,
            "circle_reminder" => Kind::CircleReminder,
            "cycle_ask" => Kind::CycleAsk,
            "cycle_end" => Kind::CycleEnd,
            "cycle_report" => Kind::CycleReport,
            "availability" => Kind::Availability,
            "availability_ask" => Kind::AvailabilityAsk,
            "availability_expire" => Kind::AvailabilityExpire,
            _ => return Err(()),
        })
    }
}

/// A due piece of scheduled work, as claimed by the scheduler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub id: i64,
    pub guild_id: u64,
    pub kind: Kind,
    pub target: u64,
    pub scheduled_for: DateTime<Utc>,
    pub attempts: u32,
    pub parent_id: Option<i64>,
    pub channel_id: Option<u64>,
    pub message_id: Option<u64>,
}

/// An occurrence to plan; planning the same one twice is harmless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOccurrence {
    pub guild_id: u64,
    pub kind: Kind,
    pub target: u64,
    pub scheduled_for: DateTime<Utc>,
    pub parent_id: Option<i64>,
}

/// Why a due occurrence is not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missed {
    /// A later one for the same target is also due: only the latest is sent.
    Superseded,
    /// It is older than the grace window (the bot was down): sending now would confuse.
    TooLate,
}

impl Missed {
    pub fn reason(self) -> &'static str {
        match self {
            Missed::Superseded => "superseded by a later occurrence",
            Missed::TooLate => "missed: later than the grace window",
        }
    }
}

/// Of one target's due times (any order), which to send after downtime: only the latest, and
/// only if it is within `grace` of `now`. `None` at an index means "send".
pub fn catch_up(due: &[DateTime<Utc>], now: DateTime<Utc>, grace: Duration) -> Vec<Option<Missed>> {
    let latest = due
        .iter()
        .enumerate()
        .max_by_key(|(i, at)| (**at, *i))
        .map(|(i, _)| i);
    due.iter()
        .enumerate()
        .map(|(i, at)| {
            if Some(i) != latest {
                Some(Missed::Superseded)
            } else if now - *at > grace {
                Some(Missed::TooLate)
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn five_field_expressions_are_read_with_a_zero_seconds_field() {
        let cron = Cron::parse("0 17 * * Tue").unwrap();
        let next = cron
            .next_after(Tz::UTC, utc("2026-11-23T09:00:00Z"))
            .unwrap();
        assert_eq!(next, utc("2026-11-24T17:00:00Z"));
        assert!(Cron::parse("0 0 17 * * Tue").is_ok());
    }

    #[test]
    fn bad_expressions_say_what_is_wrong() {
        assert_eq!(Cron::parse("17 * Tue").unwrap_err(), CronError::Fields);
        assert!(matches!(
            Cron::parse("0 25 * * *").unwrap_err(),
            CronError::Syntax(_)
        ));
        assert_eq!(Cron::parse("0 9 30 2 *").unwrap_err(), CronError::Never);
        assert_eq!(Cron::parse("*/5 * * * *").unwrap_err(), CronError::TooOften);
        assert_eq!(
            Cron::parse("*/10 0 0 * * *").unwrap_err(),
            CronError::TooOften
        );
    }

    #[test]
    fn twice_within_an_hour_is_refused_whenever_it_is_read() {
        // Judged from the next two firings after "now", "0,30 9 * * *" was accepted between
        // 09:00 and 09:30 and refused at any other time; the expression alone decides now.
        assert_eq!(
            Cron::parse("0,30 9 * * *").unwrap_err(),
            CronError::TooOften
        );
        assert_eq!(
            Cron::parse("15-16 9 * * Mon").unwrap_err(),
            CronError::TooOften
        );
        // Hourly, and 23:00 then 00:00, are exactly an hour apart: allowed.
        assert!(Cron::parse("0 * * * *").is_ok());
        assert!(Cron::parse("0 9,10 * * *").is_ok());
        assert!(Cron::parse("59 23,0 * * *").is_ok());
    }

    #[test]
    fn the_smallest_gap_of_an_accepted_schedule_over_a_year_is_at_least_an_hour() {
        // A brute-force check of the field rule over a year of firings. (In a zone with
        // daylight saving, a time skipped in spring moves to just after the gap and may then
        // be less than an hour from its neighbour, once a year: that is the wall clock's doing.)
        for text in [
            "0 * * * *",
            "30 1,2,3 * * *",
            "0 9,10 * * Mon-Fri",
            "0 12 1-7,15-21 * Thu",
        ] {
            let cron = Cron::parse(text).unwrap();
            let mut at = utc("2026-01-01T00:00:00Z");
            let end = utc("2027-01-01T00:00:00Z");
            while let Some(next) = cron.next_after(Tz::UTC, at).filter(|n| *n < end) {
                if at > utc("2026-01-01T00:00:00Z") {
                    assert!(next - at >= Duration::hours(1), "{text}: {at} then {next}");
                }
                at = next;
            }
        }
    }

    #[test]
    fn a_schedule_on_29_february_is_accepted_as_it_fires_every_four_years() {
        assert!(Cron::parse("0 9 29 2 *").is_ok());
        assert_eq!(Cron::parse("0 9 31 4 *").unwrap_err(), CronError::Never);
    }

    #[test]
    fn a_time_skipped_by_spring_forward_fires_once_right_after_the_gap() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let daily = Cron::parse("30 2 * * *").unwrap();
        // 2026-03-29: clocks go from 02:00 to 03:00 in Berlin.
        let fires: Vec<_> = std::iter::successors(Some(utc("2026-03-27T12:00:00Z")), |at| {
            daily.next_after(berlin, *at)
        })
        .skip(1)
        .take(4)
        .collect();
        assert_eq!(
            fires,
            [
                utc("2026-03-28T01:30:00Z"),
                utc("2026-03-29T01:00:00Z"), // 03:00 CEST, the first minute after the gap
                utc("2026-03-30T00:30:00Z"),
                utc("2026-03-31T00:30:00Z"),
            ]
        );
    }

    #[test]
    fn a_time_repeated_by_fall_back_fires_once() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let daily = Cron::parse("30 2 * * *").unwrap();
        // 2026-10-25: 02:00–03:00 happens twice in Berlin.
        let fires: Vec<_> = std::iter::successors(Some(utc("2026-10-23T12:00:00Z")), |at| {
            daily.next_after(berlin, *at)
        })
        .skip(1)
        .take(3)
        .collect();
        assert_eq!(
            fires,
            [
                utc("2026-10-24T00:30:00Z"),
                utc("2026-10-25T00:30:00Z"), // 02:30 CEST; 02:30 CET is not used
                utc("2026-10-26T01:30:00Z"),
            ]
        );
    }

    #[test]
    fn a_weekly_berlin_check_in_keeps_its_local_time_across_both_changes() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let weekly = Cron::parse("0 17 * * Tue").unwrap();
        let local = |at: DateTime<Utc>| at.with_timezone(&berlin).format("%F %R").to_string();
        let spring = weekly
            .next_after(berlin, utc("2026-03-25T00:00:00Z"))
            .unwrap();
        assert_eq!(local(spring), "2026-03-31 17:00");
        assert_eq!(spring, utc("2026-03-31T15:00:00Z"));
        let autumn = weekly
            .next_after(berlin, utc("2026-10-21T00:00:00Z"))
            .unwrap();
        assert_eq!(autumn, utc("2026-10-27T16:00:00Z"));
    }

    #[test]
    fn the_latest_missed_firing_is_found_after_downtime() {
        let daily = Cron::parse("0 9 * * *").unwrap();
        let last = daily.last_between(
            Tz::UTC,
            utc("2026-11-01T09:00:00Z"),
            utc("2026-11-05T12:00:00Z"),
        );
        assert_eq!(last, Some(utc("2026-11-05T09:00:00Z")));
        assert_eq!(
            daily.last_between(
                Tz::UTC,
                utc("2026-11-05T09:00:00Z"),
                utc("2026-11-05T12:00:00Z")
            ),
            None
        );
    }

    #[test]
    fn a_slot_both_members_sleep_through_moves_to_the_nearest_shared_waking_hour() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        // Tuesday 17:00 Berlin = 08:00 Los Angeles (9 h apart): one hour later both are awake.
        let slot = utc("2026-11-24T16:00:00Z");
        assert_eq!(
            pair_slot(slot, berlin, &[berlin, la]),
            utc("2026-11-24T17:00:00Z")
        );
        // A slot that already suits both stays.
        let ok = utc("2026-11-24T18:00:00Z");
        assert_eq!(pair_slot(ok, berlin, &[berlin, la]), ok);
    }

    /// `Etc/GMT` names have the sign reversed: `Etc/GMT-9` is UTC+9.
    fn offset_zone(hours: i32) -> Tz {
        match hours {
            0 => Tz::Etc__GMT,
            h => format!("Etc/GMT{:+}", -h).parse().unwrap(),
        }
    }

    #[test]
    fn pairs_nine_to_thirteen_hours_apart_get_the_nearest_hour_both_are_awake() {
        let slot = utc("2026-11-24T17:00:00Z");
        for apart in 9..=13 {
            let (a, b) = (offset_zone(9), offset_zone(9 - apart));
            let at = pair_slot(slot, Tz::UTC, &[a, b]);
            assert!(awake(a, at) && awake(b, at), "{apart} h apart: {at}");
            assert_eq!(at.date_naive(), slot.date_naive(), "{apart} h apart");
            let moved = (at - slot).num_hours().abs();
            let closer = (0..moved)
                .flat_map(|h| [slot - Duration::hours(h), slot + Duration::hours(h)])
                .filter(|t| t.date_naive() == slot.date_naive())
                .any(|t| awake(a, t) && awake(b, t));
            assert!(!closer, "{apart} h apart: a nearer hour than {at} works");
        }
        // 12 h apart they meet exactly at the edges: 21:00 for one, 09:00 for the other.
        let at = pair_slot(slot, Tz::UTC, &[offset_zone(8), offset_zone(-4)]);
        assert_eq!(at, utc("2026-11-24T13:00:00Z"));
    }

    #[test]
    fn a_slot_no_hour_suits_stays_where_the_guild_put_it() {
        // A group spread over 16 h has no hour in common.
        let slot = utc("2026-11-24T17:00:00Z");
        let zones = [offset_zone(0), offset_zone(8), offset_zone(-8)];
        assert_eq!(pair_slot(slot, Tz::UTC, &zones), slot);
    }

    #[test]
    fn equally_near_hours_resolve_to_the_earlier_one() {
        // UTC+13 is awake 20:00–08:00 UTC, so from 14:00 both 08:00 and 20:00 are 6 h away.
        let slot = utc("2026-11-24T14:00:00Z");
        assert_eq!(
            pair_slot(slot, Tz::UTC, &[offset_zone(13)]),
            utc("2026-11-24T08:00:00Z")
        );
    }

    #[test]
    fn after_downtime_only_the_latest_missed_occurrence_is_sent_within_grace() {
        let now = utc("2026-11-24T20:00:00Z");
        let grace = Duration::hours(6);
        let due = [
            utc("2026-11-10T17:00:00Z"),
            utc("2026-11-24T17:00:00Z"),
            utc("2026-11-17T17:00:00Z"),
        ];
        assert_eq!(
            catch_up(&due, now, grace),
            [Some(Missed::Superseded), None, Some(Missed::Superseded)]
        );
        // Three days down: even the latest is too old to make sense now.
        let later = utc("2026-11-27T17:00:00Z");
        assert_eq!(
            catch_up(&due, later, grace),
            [
                Some(Missed::Superseded),
                Some(Missed::TooLate),
                Some(Missed::Superseded)
            ]
        );
        // Exactly at the edge of the window still counts.
        assert_eq!(
            catch_up(&due[1..2], utc("2026-11-24T23:00:00Z"), grace),
            [None]
        );
    }

    #[test]
    fn a_pair_slot_moved_earlier_than_now_is_not_planned_in_the_past() {
        // Guild slot 17:00 UTC; a UTC+5 member (awake 04:00–16:00 UTC) moves it to 16:00.
        let daily = Cron::parse("0 17 * * *").unwrap();
        let zones = [offset_zone(5)];
        let now = utc("2026-11-24T16:30:00Z");
        let next = next_slot(&daily, Tz::UTC, &zones, now).unwrap();
        assert_eq!(next, utc("2026-11-25T16:00:00Z"));
        assert_eq!(
            last_slot_between(&daily, Tz::UTC, &zones, utc("2026-11-23T16:30:00Z"), now),
            Some(utc("2026-11-24T16:00:00Z"))
        );
    }

    #[test]
    fn the_default_pulse_fires_on_the_first_and_third_thursday() {
        let pulse = Cron::parse("0 12 1-7,15-21 * Thu").unwrap();
        let fires: Vec<_> = std::iter::successors(Some(utc("2026-11-23T00:00:00Z")), |at| {
            pulse.next_after(Tz::UTC, *at)
        })
        .skip(1)
        .take(3)
        .collect();
        assert_eq!(
            fires,
            [
                utc("2026-12-03T12:00:00Z"),
                utc("2026-12-17T12:00:00Z"),
                utc("2027-01-07T12:00:00Z"),
            ]
        );
    }
}
