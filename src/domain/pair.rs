//! Pairs and their goals: lifecycle rules, channel names, goal input.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// A pair's stored state. `Paused` with a `paused_until` in the past counts as active again:
/// the resume needs no job and cannot be missed after downtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairStatus {
    /// Being created: the row holds the places while the channel is made.
    Pending,
    Active,
    Paused,
    Ended,
    /// The channel was deleted by hand or the bot lost access to it.
    Broken,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndReason {
    Completed,
    NotAGoodFit,
    Inactive,
    Withdrawn,
    /// A member is no longer in the server (found out before a round).
    LeftServer,
    Other,
}

macro_rules! string_enum {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $t {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($s => Ok(Self::$v),)* _ => Err(()) }
            }
        }
    };
}

string_enum!(PairStatus { Pending => "pending", Active => "active", Paused => "paused", Ended => "ended", Broken => "broken" });
string_enum!(EndReason {
    Completed => "completed",
    NotAGoodFit => "not_a_good_fit",
    Inactive => "inactive",
    Withdrawn => "withdrawn",
    LeftServer => "left_server",
    Other => "other",
});

impl PairStatus {
    /// Active or paused: the pair still holds a place in the mentor's capacity.
    pub fn is_open(self) -> bool {
        matches!(self, PairStatus::Active | PairStatus::Paused)
    }
}

pub const MIN_PAUSE_WEEKS: i64 = 1;
pub const MAX_PAUSE_WEEKS: i64 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub id: i64,
    pub guild_id: u64,
    /// `None` once that person erased their data.
    pub mentor_id: Option<u64>,
    pub mentee_id: Option<u64>,
    pub status: PairStatus,
    pub channel_id: Option<u64>,
    pub started_at: DateTime<Utc>,
    pub paused_until: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<EndReason>,
    /// Its space is a private thread under the server's hub channel (`channel_id` is the
    /// thread), not a channel of its own.
    pub in_thread: bool,
    /// Two people, a mentor with several mentees, or a circle of peers.
    pub kind: PairKind,
    /// The current mentees of a group, or the peers of a circle, in the order they joined
    /// (empty for a pair: its two are `mentor_id` and `mentee_id`).
    pub others: Vec<u64>,
}

/// What kind of space a "pair" is. A group has `mentor_id` and its mentees in `others`; a
/// circle has no mentor and its peers in `others`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PairKind {
    #[default]
    Pair,
    Group,
    Circle,
}

string_enum!(PairKind { Pair => "pair", Group => "group", Circle => "circle" });

/// The fewest and most people in a group or a circle (a group counts its mentor).
pub const MIN_CIRCLE: usize = 3;
pub const MAX_CIRCLE: usize = 6;

impl Pair {
    /// The status as of `now`: a pause whose end has passed is over.
    pub fn status_at(&self, now: DateTime<Utc>) -> PairStatus {
        match (self.status, self.paused_until) {
            (PairStatus::Paused, Some(until)) if until <= now => PairStatus::Active,
            (s, _) => s,
        }
    }

    pub fn is_member(&self, user: u64) -> bool {
        self.mentor_id == Some(user) || self.mentee_id == Some(user) || self.others.contains(&user)
    }

    /// The other person of a two-person pair, seen from `user` (`None` in a group or circle).
    pub fn partner_of(&self, user: u64) -> Option<u64> {
        if self.mentor_id == Some(user) {
            self.mentee_id
        } else if self.mentee_id == Some(user) {
            self.mentor_id
        } else {
            None
        }
    }

    pub fn members(&self) -> impl Iterator<Item = u64> + '_ {
        self.mentor_id
            .into_iter()
            .chain(self.mentee_id)
            .chain(self.others.iter().copied())
    }

    /// Everyone else in the space, seen from `user`.
    pub fn others_than(&self, user: u64) -> Vec<u64> {
        self.members().filter(|u| *u != user).collect()
    }

    /// The mentees: a pair's one, or a group's several (a circle has none).
    pub fn mentees(&self) -> Vec<u64> {
        match self.kind {
            PairKind::Pair => self.mentee_id.into_iter().collect(),
            PairKind::Group => self.others.clone(),
            PairKind::Circle => Vec::new(),
        }
    }

    /// How many people a check-in asks (a pair always two, even after an erasure, so its
    /// figures stay comparable over time).
    pub fn size(&self) -> usize {
        match self.kind {
            PairKind::Pair => 2,
            PairKind::Group => 1 + self.others.len(),
            PairKind::Circle => self.others.len(),
        }
    }

    /// Who opens the conversation at a circle's `round`th check-in (0 the first): the peers
    /// take turns in the order they joined. Pairs and groups have no rotating facilitator.
    pub fn facilitator(&self, round: u64) -> Option<u64> {
        if self.kind != PairKind::Circle || self.others.is_empty() {
            return None;
        }
        Some(self.others[(round % self.others.len() as u64) as usize])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PauseError {
    WeeksOutOfRange(i64),
    NotActive(PairStatus),
}

/// When a pause of `weeks` starting `now` ends.
pub fn pause_until(
    pair: &Pair,
    weeks: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, PauseError> {
    if !(MIN_PAUSE_WEEKS..=MAX_PAUSE_WEEKS).contains(&weeks) {
        return Err(PauseError::WeeksOutOfRange(weeks));
    }
    match pair.status_at(now) {
        PairStatus::Active | PairStatus::Paused => Ok(now + Duration::weeks(weeks)),
        other => Err(PauseError::NotActive(other)),
    }
}

/// A display name as part of a channel name: lower case, letters and digits, other runs as one
/// `-`, at most `max` characters, no `-` at either end (empty when nothing usable is left).
fn slug(name: &str, max: usize) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let cut: String = out.trim_end_matches('-').chars().take(max).collect();
    cut.trim_end_matches('-').to_string()
}

/// Discord channel names are lower-case letters, digits, `-` and `_`, at most 100 characters.
/// `mentor-mentee` from display names; falls back to `pair` when nothing usable is left.
pub fn channel_name(mentor: &str, mentee: &str) -> String {
    let (a, b) = (slug(mentor, 45), slug(mentee, 45));
    match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a}-{b}"),
        (false, true) => format!("{a}-mentee"),
        (true, false) => format!("mentor-{b}"),
        (true, true) => "pair".to_string(),
    }
}

/// A group's or circle's channel name: its members' names (at most 15 characters each),
/// `circle` when none is usable; at most 100 characters.
pub fn circle_name(names: &[String]) -> String {
    let slugs: Vec<String> = names
        .iter()
        .map(|n| slug(n, 15))
        .filter(|s| !s.is_empty())
        .collect();
    if slugs.is_empty() {
        return "circle".to_string();
    }
    slugs.join("-").chars().take(100).collect()
}

/// Why a group or circle cannot be made with these people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    /// Fewer than [`MIN_CIRCLE`] or more than [`MAX_CIRCLE`] people in all.
    Size(usize),
    /// The same person twice.
    Twice(u64),
}

/// A group (a mentor and mentees) or circle (peers) of these people, checked: each person
/// once, 3 to 6 in all (a group counts its mentor).
pub fn check_size(mentor: Option<u64>, members: &[u64]) -> Result<(), SizeError> {
    let everyone: Vec<u64> = mentor.into_iter().chain(members.iter().copied()).collect();
    for (i, a) in everyone.iter().enumerate() {
        if everyone[i + 1..].contains(a) {
            return Err(SizeError::Twice(*a));
        }
    }
    if !(MIN_CIRCLE..=MAX_CIRCLE).contains(&everyone.len()) {
        return Err(SizeError::Size(everyone.len()));
    }
    Ok(())
}

/// The name of the `n`th category the bot creates when the chosen one is full
/// (`Mentoring 2`, `Mentoring 3`, …).
pub fn overflow_category_name(base: &str, n: u32) -> String {
    format!("{base} {n}")
}

/// A category holds at most 50 channels (Discord's limit).
pub const CATEGORY_LIMIT: usize = 50;
/// Channels Discord allows in one server (categories included), and how close to it `/setup`
/// starts to warn.
pub const SERVER_CHANNEL_LIMIT: usize = 500;
pub const SERVER_CHANNEL_WARNING: usize = 50;

/// Whether a server with `channels` is close enough to Discord's limit to warn the admins:
/// new pairs need a channel each.
pub fn near_channel_limit(channels: usize) -> bool {
    channels + SERVER_CHANNEL_WARNING >= SERVER_CHANNEL_LIMIT
}

pub const MAX_GOAL_TITLE_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub pair_id: i64,
    pub number: i64,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Goal {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_at.is_none() && self.due.is_some_and(|d| d < today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalError {
    EmptyTitle,
    TitleTooLong(usize),
    BadDate(String),
    DueInThePast(NaiveDate),
}

/// A goal's title: trimmed, spaces squeezed, not empty, not too long.
pub fn parse_goal_title(text: &str) -> Result<String, GoalError> {
    let title = super::member::tidy(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        return Err(GoalError::EmptyTitle);
    }
    let n = title.chars().count();
    if n > MAX_GOAL_TITLE_CHARS {
        return Err(GoalError::TitleTooLong(n));
    }
    Ok(title)
}

/// A due date as `2026-12-24`, `24.12.2026` or `12/24/2026` is ambiguous across countries, so
/// only the ISO form and "in N weeks/days" are accepted; it must not be before `today`.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, GoalError> {
    let t = text.trim().to_lowercase();
    let date = if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        d
    } else if let Some(rest) = t.strip_prefix("in ") {
        let mut words = rest.split_whitespace();
        let n: i64 = words
            .next()
            .and_then(|w| w.parse().ok())
            .filter(|n| (1..=520).contains(n))
            .ok_or_else(|| GoalError::BadDate(text.to_string()))?;
        match words.next() {
            Some("day" | "days") => today + Duration::days(n),
            Some("week" | "weeks") => today + Duration::weeks(n),
            _ => return Err(GoalError::BadDate(text.to_string())),
        }
    } else {
        return Err(GoalError::BadDate(text.to_string()));
    };
    if date < today {
        return Err(GoalError::DueInThePast(date));
    }
    Ok(date)
}

/// An exit survey rating typed into a modal: a whole number 1–5 (`4`, ` 4 `, `4/5`).
pub fn parse_rating(text: &str) -> Option<u8> {
    let t = text.trim();
    let t = t.strip_suffix("/5").unwrap_or(t).trim();
    t.parse::<u8>().ok().filter(|r| (1..=5).contains(r))
}

/// How many icebreakers tandem has of its own (in the message catalogue), used when none are
/// configured.
pub const BUILT_IN_ICEBREAKERS: usize = 7;

/// Three different icebreakers from the list, chosen by the pair's id so the same pair
/// always gets the same ones.
pub fn icebreakers(list: &[String], pair_id: i64) -> Vec<&str> {
    if list.is_empty() {
        return Vec::new();
    }
    let start = pair_id.unsigned_abs() as usize;
    (0..3.min(list.len()))
        .map(|i| list[(start + i) % list.len()].as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
    }

    fn pair(status: PairStatus, paused_until: Option<DateTime<Utc>>) -> Pair {
        Pair {
            id: 1,
            guild_id: 1,
            mentor_id: Some(10),
            mentee_id: Some(20),
            status,
            channel_id: Some(5),
            started_at: at(1),
            paused_until,
            ended_at: None,
            end_reason: None,
            in_thread: false,
            kind: PairKind::Pair,
            others: Vec::new(),
        }
    }

    #[test]
    fn a_pause_ends_by_itself_when_its_time_has_come() {
        let p = pair(PairStatus::Paused, Some(at(10)));
        assert_eq!(p.status_at(at(9)), PairStatus::Paused);
        assert_eq!(p.status_at(at(10)), PairStatus::Active);
    }

    #[test]
    fn pauses_are_one_to_eight_weeks_and_only_for_open_pairs() {
        let p = pair(PairStatus::Active, None);
        assert_eq!(pause_until(&p, 2, at(1)), Ok(at(15)));
        assert_eq!(
            pause_until(&p, 9, at(1)),
            Err(PauseError::WeeksOutOfRange(9))
        );
        assert_eq!(
            pause_until(&p, 0, at(1)),
            Err(PauseError::WeeksOutOfRange(0))
        );
        let ended = pair(PairStatus::Ended, None);
        assert_eq!(
            pause_until(&ended, 1, at(1)),
            Err(PauseError::NotActive(PairStatus::Ended))
        );
    }

    #[test]
    fn channel_names_are_lower_case_and_discord_safe() {
        assert_eq!(channel_name("Ada Lovelace", "Max"), "ada-lovelace-max");
        let names = ["Ada Lovelace-Byron".to_string(), "🦀".into(), "Bo".into()];
        assert_eq!(circle_name(&names), "ada-lovelace-by-bo");
        assert_eq!(circle_name(&["💡".to_string()]), "circle");
        let many: Vec<String> = (0..6).map(|i| format!("{}{i}", "x".repeat(30))).collect();
        assert!(circle_name(&many).chars().count() <= 100);
        assert_eq!(channel_name("  Zoë!! ", "ÉMILE_x"), "zoë-émile-x");
        assert_eq!(channel_name("🦀", "💡"), "pair");
        assert_eq!(channel_name("🦀", "Bo"), "mentor-bo");
        let long = "a".repeat(300);
        assert!(channel_name(&long, &long).chars().count() <= 100);
    }

    #[test]
    fn the_partner_is_the_other_member() {
        let p = pair(PairStatus::Active, None);
        assert_eq!(p.partner_of(10), Some(20));
        assert_eq!(p.partner_of(20), Some(10));
        assert_eq!(p.partner_of(30), None);
    }

    #[test]
    fn goal_titles_are_trimmed_and_limited() {
        assert_eq!(
            parse_goal_title("  Ship   the  CLI "),
            Ok("Ship the CLI".into())
        );
        assert_eq!(parse_goal_title("   "), Err(GoalError::EmptyTitle));
        assert_eq!(
            parse_goal_title(&"x".repeat(201)),
            Err(GoalError::TitleTooLong(201))
        );
    }

    #[test]
    fn due_dates_are_iso_or_relative_and_not_in_the_past() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            parse_due("2026-12-24", today),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())
        );
        assert_eq!(
            parse_due("in 2 weeks", today),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        );
        assert_eq!(
            parse_due("in 3 days", today),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        );
        assert!(matches!(
            parse_due("24.12.2026", today),
            Err(GoalError::BadDate(_))
        ));
        assert!(matches!(
            parse_due("2026-01-01", today),
            Err(GoalError::DueInThePast(_))
        ));
    }

    #[test]
    fn ratings_are_whole_numbers_from_one_to_five() {
        assert_eq!(parse_rating(" 4 "), Some(4));
        assert_eq!(parse_rating("5/5"), Some(5));
        assert_eq!(parse_rating("0"), None);
        assert_eq!(parse_rating("great"), None);
    }

    #[test]
    fn icebreakers_are_three_different_questions_stable_per_pair() {
        let list: Vec<String> = (1..=5).map(|i| format!("q{i}")).collect();
        assert_eq!(icebreakers(&list, 7), ["q3", "q4", "q5"]);
        assert_eq!(icebreakers(&list, 7), icebreakers(&list, 7));
        assert_eq!(icebreakers(&list[..2], 1).len(), 2);
    }

    #[test]
    fn a_goal_is_overdue_only_when_open_and_past_its_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut g = Goal {
            pair_id: 1,
            number: 1,
            title: "x".into(),
            due: Some(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            done_at: None,
            created_at: at(1),
        };
        assert!(g.is_overdue(today));
        g.done_at = Some(at(20));
        assert!(!g.is_overdue(today));
    }

    #[test]
    fn a_group_or_circle_has_three_to_six_different_people() {
        assert_eq!(check_size(Some(1), &[2, 3]), Ok(()));
        assert_eq!(check_size(None, &[1, 2, 3, 4, 5, 6]), Ok(()));
        assert_eq!(check_size(Some(1), &[2]), Err(SizeError::Size(2)));
        assert_eq!(
            check_size(None, &[1, 2, 3, 4, 5, 6, 7]),
            Err(SizeError::Size(7))
        );
        assert_eq!(check_size(Some(1), &[2, 1]), Err(SizeError::Twice(1)));
        assert_eq!(check_size(None, &[4, 5, 4]), Err(SizeError::Twice(4)));
    }

    #[test]
    fn a_circles_facilitator_turns_with_each_check_in_and_pairs_have_none() {
        let mut p = pair(PairStatus::Active, None);
        assert_eq!(p.facilitator(0), None);
        p.kind = PairKind::Circle;
        p.mentor_id = None;
        p.mentee_id = None;
        p.others = vec![7, 8, 9];
        let turns: Vec<_> = (0..5).map(|r| p.facilitator(r).unwrap()).collect();
        assert_eq!(turns, [7, 8, 9, 7, 8]);
        assert_eq!(p.size(), 3);
        assert!(p.is_member(8));
        assert_eq!(p.others_than(8), [7, 9]);
    }
}
