use crate::domain::pair::Goal;
use crate::text::{t, Key, Locale};

/// Mood buttons carry words, not only numbers or colours.
pub fn mood(l: Locale, mood: u8) -> String {
    match mood.clamp(1, 5) {
        1 => t!(l, "checkins-mood-1"),
        2 => t!(l, "checkins-mood-2"),
        3 => t!(l, "checkins-mood-3"),
        4 => t!(l, "checkins-mood-4"),
        _ => t!(l, "checkins-mood-5"),
    }
}

pub const ANSWER_BUTTON: Key = Key("checkins-answer-button");

/// Starts the line the bot rewrites as people answer.
fn status_mark(l: Locale) -> String {
    format!("\n\n{} ", t!(l, "checkins-answered"))
}

/// A circle's line under its check-in: whose turn it is to open the conversation.
pub fn facilitator(l: Locale, user: u64) -> String {
    t!(l, "checkins-facilitator", user = user)
}

pub fn prompt(l: Locale, members: &[u64], goals: &[Goal], on_time_until: i64) -> String {
    let who = mentions(members);
    let goals = if goals.is_empty() {
        t!(l, "checkins-no-goals")
    } else {
        let list: Vec<String> = goals
            .iter()
            .take(5)
            .map(|g| {
                let title: String = g.title.chars().take(80).collect();
                match g.due {
                    Some(d) => t!(
                        l,
                        "checkins-goal-due",
                        number = g.number.to_string(),
                        title = title,
                        due = crate::text::date(l, d)
                    ),
                    None => t!(
                        l,
                        "checkins-goal",
                        number = g.number.to_string(),
                        title = title
                    ),
                }
            })
            .collect();
        t!(
            l,
            "checkins-open-goals",
            goals = list.join(" · "),
            more = goals.len().saturating_sub(5)
        )
    };
    t!(
        l,
        "checkins-prompt",
        members = crate::text::and_list(l, &who),
        goals = goals,
        until = crate::text::unix(on_time_until)
    )
}

fn mentions(users: &[u64]) -> Vec<String> {
    users.iter().map(|u| format!("<@{u}>")).collect()
}

/// The prompt with its status line: who has answered (never what). The line is found in any
/// language, so a pair whose language changed since the prompt still gets one line.
pub fn with_status(l: Locale, content: &str, answered: &[u64]) -> String {
    let body = Locale::ALL
        .into_iter()
        .find_map(|any| content.split_once(&status_mark(any)).map(|(b, _)| b))
        .unwrap_or(content);
    if answered.is_empty() {
        return body.to_string();
    }
    let who: Vec<String> = answered.iter().map(|u| format!("<@{u}> ✓")).collect();
    format!("{body}{}{}", status_mark(l), who.join(" "))
}

pub fn reminder(l: Locale, users: &[u64], link: &str) -> String {
    t!(
        l,
        "checkins-reminder",
        members = crate::text::and_list(l, &mentions(users)),
        link = link
    )
}

pub const MODAL_TITLE: Key = Key("checkins-modal-title");
pub const PROGRESS: Key = Key("checkins-progress");
pub const PROGRESS_EMPTY: Key = Key("checkins-progress-empty");
pub const BLOCKERS: Key = Key("checkins-blockers");
pub const NEXT_STEP: Key = Key("checkins-next-step");

pub fn mood_saved(l: Locale, m: u8) -> String {
    t!(l, "checkins-mood-saved", mood = mood(l, m))
}

/// The same mood pressed again: nothing is saved again.
pub fn mood_unchanged(l: Locale, m: u8) -> String {
    t!(l, "checkins-mood-unchanged", mood = mood(l, m))
}

pub const SAVED: Key = Key("checkins-saved");
/// The same words sent again (a double submit): no second summary.
pub const UNCHANGED: Key = Key("checkins-unchanged");
pub const SAVED_LATE: Key = Key("checkins-saved-late");

/// What one member answered, posted in the pair channel (in the pair's language).
pub fn summary(
    l: Locale,
    user: u64,
    mood_given: Option<i64>,
    progress: &str,
    blockers: Option<&str>,
    next_step: Option<&str>,
    late: bool,
) -> String {
    let cut = |s: &str| -> String {
        let mut t: String = s.chars().take(500).collect();
        if s.chars().count() > 500 {
            t.push('…');
        }
        t.replace('\n', " ")
    };
    let heading = match (late, mood_given.filter(|m| (1..=5).contains(m))) {
        (false, None) => t!(l, "checkins-summary", user = user),
        (true, None) => t!(l, "checkins-summary-late", user = user),
        (false, Some(m)) => t!(
            l,
            "checkins-summary-mood",
            user = user,
            mood = mood(l, m as u8)
        ),
        (true, Some(m)) => {
            t!(
                l,
                "checkins-summary-late-mood",
                user = user,
                mood = mood(l, m as u8)
            )
        }
    };
    let mut out = format!(
        "{heading}\n> {}",
        t!(l, "checkins-summary-progress", text = cut(progress))
    );
    if let Some(b) = blockers {
        out.push_str(&format!(
            "\n> {}",
            t!(l, "checkins-summary-blockers", text = cut(b))
        ));
    }
    if let Some(n) = next_step {
        out.push_str(&format!(
            "\n> {}",
            t!(l, "checkins-summary-next", text = cut(n))
        ));
    }
    out
}

pub const NOT_YOUR_CHECKIN: Key = Key("checkins-not-your-checkin");
pub const CLOSED: Key = Key("checkins-closed");
pub const ONLY_MODERATORS: Key = Key("checkins-only-moderators");
pub const NO_PAIRS: Key = Key("checkins-no-pairs");

pub fn round_started(l: Locale, pairs: u64) -> String {
    t!(l, "checkins-round-started", pairs = pairs as usize)
}
