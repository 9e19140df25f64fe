//! Programme cycles: the end-of-cycle question in pair channels, `/programme start` and
//! `/programme status`, and the moderators' notice when a cycle ends.

use crate::domain::cycle::{Cycle, CycleError, MAX_NAME_CHARS, MAX_WEEKS};
use crate::text::{t, unix, Key, Locale};

pub fn ask(l: Locale, c: &Cycle) -> String {
    t!(
        l,
        "cycles-ask",
        name = c.name.as_str(),
        end = unix(c.ends_at.timestamp())
    )
}

pub const CONTINUE_BUTTON: Key = Key("cycles-continue-button");
pub const FINISH_BUTTON: Key = Key("cycles-finish-button");

/// The question once someone answered: who chose what (the buttons stay, to change it).
pub fn chosen(l: Locale, user: u64, finish: bool, end: i64) -> String {
    if finish {
        t!(l, "cycles-chosen-finish", user = user, end = unix(end))
    } else {
        t!(l, "cycles-chosen-continue", user = user, end = unix(end))
    }
}

/// The same answer pressed again.
pub fn same_choice(l: Locale, finish: bool) -> String {
    if finish {
        t!(l, "cycles-same-finish")
    } else {
        t!(l, "cycles-same-continue")
    }
}

pub const CHOICE_CLOSED: Key = Key("cycles-choice-closed");
pub const NOT_YOUR_PAIR: Key = Key("cycles-not-your-pair");

pub fn ended(l: Locale, c: &Cycle, finished: usize, continued: usize) -> String {
    t!(
        l,
        "cycles-ended",
        name = c.name.as_str(),
        finished = finished,
        continued = continued,
        report = unix(c.report_at().timestamp())
    )
}

pub const REPORT_NO_CYCLE: Key = Key("impact-no-cycle");
pub const REPORT_UNKNOWN_CYCLE: Key = Key("impact-unknown-cycle");
pub const REPORT_FILES: Key = Key("impact-post");

/// A cycle as `/programme report` offers it: its name and when it started.
pub fn report_choice(l: Locale, c: &Cycle) -> String {
    t!(
        l,
        "impact-cycle-choice",
        name = c.name.as_str(),
        date = crate::text::date(l, c.started_at.date_naive())
    )
}

pub fn started(l: Locale, c: &Cycle, pairs: u64) -> String {
    t!(
        l,
        "cycles-started",
        name = c.name.as_str(),
        end = unix(c.ends_at.timestamp()),
        pairs = pairs as usize,
        ask = unix(c.ask_at().timestamp())
    )
}

pub fn running(l: Locale, c: &Cycle) -> String {
    t!(
        l,
        "cycles-running",
        name = c.name.as_str(),
        end = unix(c.ends_at.timestamp())
    )
}

pub fn bad_input(l: Locale, e: &CycleError) -> String {
    match e {
        CycleError::EmptyName => t!(l, "cycles-name-empty"),
        CycleError::NameTooLong { chars } => t!(
            l,
            "cycles-name-too-long",
            chars = *chars,
            max = MAX_NAME_CHARS
        ),
        CycleError::Weeks { .. } => t!(l, "cycles-bad-weeks", max = MAX_WEEKS),
    }
}

pub const STATUS_NONE: Key = Key("cycles-status-none");

pub fn status(l: Locale, c: &Cycle, days: i64) -> String {
    t!(
        l,
        "cycles-status",
        name = c.name.as_str(),
        start = unix(c.started_at.timestamp()),
        end = unix(c.ends_at.timestamp()),
        days = days as usize,
        ask = unix(c.ask_at().timestamp())
    )
}

pub fn counts(l: Locale, pairs: usize, go_on: usize, finish: usize, waiting: usize) -> String {
    t!(
        l,
        "cycles-status-counts",
        pairs = pairs,
        staying = go_on,
        finish = finish,
        waiting = waiting
    )
}

pub const WAITING: Key = Key("cycles-status-waiting");
pub const EVERYONE_ANSWERED: Key = Key("cycles-status-everyone-answered");

/// A pair's line in `/programme status`: its two, or a group's or circle's members.
pub fn space_line(l: Locale, p: &crate::domain::pair::Pair) -> String {
    if p.kind == crate::domain::pair::PairKind::Pair {
        return pair_line(l, p.mentor_id, p.mentee_id);
    }
    super::pairs::people(l, &p.members().collect::<Vec<_>>())
}

pub fn pair_line(l: Locale, mentor: Option<u64>, mentee: Option<u64>) -> String {
    // Someone who erased their data shows as a former member, not as a broken mention.
    let who = |u: Option<u64>| {
        u.map_or_else(
            || crate::domain::member::ERASED_MENTION.to_string(),
            |u| format!("<@{u}>"),
        )
    };
    t!(
        l,
        "cycles-pair-line",
        mentor = who(mentor),
        mentee = who(mentee)
    )
}
