use crate::digest::words::pulse_question;
use crate::domain::survey::PulseResults;
use crate::text::{t, unix, Key, Locale};

/// The words of a pulse score (1–5).
pub fn scale(l: Locale, score: u8) -> String {
    match score.clamp(1, 5) {
        1 => t!(l, "pulse-scale-1"),
        2 => t!(l, "pulse-scale-2"),
        3 => t!(l, "pulse-scale-3"),
        4 => t!(l, "pulse-scale-4"),
        _ => t!(l, "pulse-scale-5"),
    }
}

/// `stored` is the round's question as kept: tandem's own (shown in `l`) or the server's.
pub fn question(l: Locale, guild: &str, stored: &str, min: u32) -> String {
    let question = pulse_question(l, stored);
    t!(
        l,
        "pulse-question",
        guild = guild,
        question = question,
        min = min
    )
}

pub fn question_in_channel(l: Locale, user: u64, stored: &str, min: u32) -> String {
    let question = pulse_question(l, stored);
    t!(
        l,
        "pulse-question-in-channel",
        user = user,
        question = question,
        min = min
    )
}

pub fn thanks(l: Locale, score: u8) -> String {
    t!(l, "pulse-thanks", score = scale(l, score))
}

/// The same score pressed again: nothing is saved again (the comment button comes along).
pub fn score_unchanged(l: Locale, score: u8) -> String {
    t!(l, "pulse-score-unchanged", score = scale(l, score))
}

pub const COMMENT_BUTTON: Key = Key("pulse-comment-button");
pub const MODAL_TITLE: Key = Key("pulse-modal-title");
pub const COMMENT: Key = Key("pulse-comment");
pub const COMMENT_SAVED: Key = Key("pulse-comment-saved");
pub const SCORE_FIRST: Key = Key("pulse-score-first");
pub const COMMENT_EMPTY: Key = Key("pulse-comment-empty");
pub const CLOSED: Key = Key("pulse-closed");
pub const NOT_ASKED: Key = Key("pulse-not-asked");
pub const ONLY_MODERATORS: Key = Key("pulse-only-moderators");
pub const NO_ROUND: Key = Key("pulse-no-round");
pub const NOBODY: Key = Key("pulse-nobody");

/// Scores of a round are shown only once it closes, so no single answer can be worked
/// out by looking before and after it.
pub fn still_open(l: Locale, answers: u32, closes_at: i64) -> String {
    t!(
        l,
        "pulse-still-open",
        answers = answers,
        closes = unix(closes_at)
    )
}

pub fn round_started(l: Locale, members: usize, min: u32) -> String {
    t!(l, "pulse-round-started", members = members, min = min)
}

pub fn hidden(l: Locale, r: &PulseResults, min: u32) -> String {
    t!(
        l,
        "pulse-hidden",
        question = pulse_question(l, &r.question),
        answered = r.answered(),
        asked = r.asked,
        min = min
    )
}

pub fn title(l: Locale, r: &PulseResults) -> String {
    let q: String = pulse_question(l, &r.question).chars().take(240).collect();
    t!(l, "pulse-title", question = q)
}

pub fn overview(l: Locale, r: &PulseResults) -> String {
    let average = l.number(r.average().unwrap_or_default(), 1);
    t!(
        l,
        "pulse-overview",
        answered = r.answered(),
        asked = r.asked,
        average = average,
        started = unix(r.started_at.timestamp())
    )
}

pub const ANSWERS: Key = Key("pulse-answers");

pub fn distribution(l: Locale, r: &PulseResults) -> String {
    let max = r.scores.iter().copied().max().unwrap_or(0).max(1);
    let labels: Vec<String> = (1..=5).map(|s| scale(l, s)).collect();
    let width = labels.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    labels
        .iter()
        .zip(r.scores)
        .rev()
        .map(|(label, n)| {
            let bar = "█".repeat((n * 10).div_ceil(max) as usize);
            format!("`{label:<width$}` {bar} {n}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub const COMMENTS: Key = Key("pulse-comments");
