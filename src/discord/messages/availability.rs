//! Living mentor availability: the monthly "Still up for mentoring?" DM, its answers, the
//! pause when nobody answered, and what moderators read about paused mentors.

use chrono::{DateTime, Utc};

use crate::domain::availability::Answer;
use crate::text::{t, unix, Key, Locale};

/// The question, with the day by which an answer keeps the mentor available.
pub fn ask(l: Locale, guild: &str, by: DateTime<Utc>) -> String {
    t!(
        l,
        "availability-ask",
        guild = guild,
        by = unix(by.timestamp())
    )
}

pub fn button(l: Locale, a: Answer) -> String {
    match a {
        Answer::Yes => t!(l, "availability-yes-button"),
        Answer::PauseMonth => t!(l, "availability-pause-button"),
        Answer::StepBack => t!(l, "availability-step-back-button"),
    }
}

/// What the question says once answered (its buttons stay, to change the answer).
pub fn answered(
    l: Locale,
    guild: &str,
    a: Answer,
    until: Option<DateTime<Utc>>,
    welcome_back: bool,
) -> String {
    match (a, until) {
        (Answer::Yes, _) if welcome_back => t!(l, "availability-back", guild = guild),
        (Answer::Yes, _) => t!(l, "availability-yes", guild = guild),
        (Answer::PauseMonth, Some(until)) => t!(
            l,
            "availability-paused",
            guild = guild,
            until = unix(until.timestamp())
        ),
        _ => t!(l, "availability-stepped-back", guild = guild),
    }
}

/// The question after a week without an answer: paused, and how to come back.
pub fn unanswered(l: Locale, guild: &str) -> String {
    t!(l, "availability-unanswered", guild = guild)
}

pub const NOT_A_MENTOR: Key = Key("availability-not-a-mentor");
pub const SAME: Key = Key("availability-same");
