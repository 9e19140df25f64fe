use crate::domain::matching::{Reasons, Unmatched};
use crate::domain::member::Role;
use crate::domain::pair::{
    EndReason, GoalError, Pair, PairKind, PairStatus, PauseError, MAX_GOAL_TITLE_CHARS,
};
use crate::store::PairRefusal;
use crate::text::{t, unix, Key, Locale};

pub const ONLY_MODERATORS: Key = Key("pairs-only-moderators");
pub const NO_CATEGORY: Key = Key("pairs-no-category");
pub const CHANNEL_FAILED: Key = Key("pairs-channel-failed");

pub fn refused(l: Locale, r: PairRefusal, mentor: u64, mentee: u64) -> String {
    match r {
        PairRefusal::SamePerson => t!(l, "pairs-same-person"),
        PairRefusal::NotActive(Role::Mentor) => t!(l, "pairs-mentor-not-active", mentor = mentor),
        PairRefusal::NotActive(Role::Mentee) => t!(l, "pairs-mentee-not-active", mentee = mentee),
        PairRefusal::MentorPaused => t!(l, "pairs-mentor-paused", mentor = mentor),
        PairRefusal::MentorFull { capacity } => {
            t!(l, "pairs-mentor-full", mentor = mentor, capacity = capacity)
        }
        PairRefusal::AlreadyPaired => {
            t!(l, "pairs-already-paired", mentor = mentor, mentee = mentee)
        }
        PairRefusal::MenteeTaken => t!(l, "pairs-mentee-taken", mentee = mentee),
        PairRefusal::NotOriented => super::guide::mentor_not_oriented(l, mentor),
        PairRefusal::KeptApart => t!(l, "pairs-kept-apart", mentor = mentor, mentee = mentee),
        PairRefusal::PersonNotActive(user) => t!(l, "pairs-person-not-active", user = user),
        PairRefusal::PersonTaken(user) => t!(l, "pairs-person-taken", user = user),
    }
}

/// To moderators, after a restart cut a pair's creation short.
/// To moderators, after a restart cut a pair's creation short.
pub fn rolled_back(l: Locale, members: &[u64]) -> String {
    t!(l, "pairs-rolled-back", people = people(l, members))
}

/// `<@a>, <@b> and <@c>`, in the language's words.
pub fn people(l: Locale, users: &[u64]) -> String {
    let mentions: Vec<String> = users.iter().map(|u| format!("<@{u}>")).collect();
    crate::text::and_list(l, &mentions)
}

/// Everyone in a pair, group or circle, as [`people`].
fn everyone(l: Locale, pair: &Pair) -> String {
    people(l, &pair.members().collect::<Vec<_>>())
}

/// To the moderator who made a group or circle.
pub fn created_space(
    l: Locale,
    kind: PairKind,
    mentor: Option<u64>,
    members: &[u64],
    channel: u64,
) -> String {
    match (kind, mentor) {
        (PairKind::Group, Some(mentor)) => t!(
            l,
            "pairs-created-group",
            mentor = mentor,
            mentees = people(l, members),
            channel = channel
        ),
        _ => t!(
            l,
            "pairs-created-circle",
            peers = people(l, members),
            channel = channel
        ),
    }
}

/// The welcome's first lines in a new group or circle.
pub fn welcome_space(l: Locale, kind: PairKind, mentor: Option<u64>, members: &[u64]) -> String {
    match (kind, mentor) {
        (PairKind::Group, Some(mentor)) => t!(
            l,
            "pairs-welcome-group",
            mentor = mentor,
            mentees = people(l, members)
        ),
        _ => t!(l, "pairs-welcome-circle", peers = people(l, members)),
    }
}

/// The DM to each member of a new group or circle, naming the others.
pub fn space_ready_dm(
    l: Locale,
    guild: &str,
    kind: PairKind,
    others: &[u64],
    channel: u64,
) -> String {
    t!(
        l,
        "pairs-space-ready-dm",
        kind = kind.as_str(),
        guild = guild,
        others = people(l, others),
        channel = channel
    )
}

/// The DM to each member when a group or circle ends.
pub fn space_ended_dm(l: Locale, guild: &str, kind: PairKind) -> String {
    t!(
        l,
        "pairs-space-ended-dm",
        kind = kind.as_str(),
        guild = guild
    )
}

/// Posted in a group's or circle's space when someone leaves it (why is never said).
pub fn left_space(l: Locale, user: u64) -> String {
    t!(l, "pairs-left-space", user = user)
}

/// Why a group or circle cannot be made with the people given.
pub fn size_error(l: Locale, e: &crate::domain::pair::SizeError) -> String {
    use crate::domain::pair::{SizeError, MAX_CIRCLE, MIN_CIRCLE};
    match e {
        SizeError::Size(n) => t!(
            l,
            "pairs-circle-size",
            count = *n,
            min = MIN_CIRCLE,
            max = MAX_CIRCLE
        ),
        SizeError::Twice(user) => t!(l, "pairs-circle-twice", user = *user),
    }
}

pub const SPACE_KEPT_APART: Key = Key("pairs-space-kept-apart");

/// Why a group or circle was not made. Who asked to be kept apart is never said, and for a
/// group or circle not even which two.
pub fn space_refused(l: Locale, r: PairRefusal, mentor: Option<u64>) -> String {
    match r {
        PairRefusal::KeptApart => SPACE_KEPT_APART.get(l),
        r => refused(l, r, mentor.unwrap_or_default(), 0),
    }
}

/// To whoever left a group or circle themselves (`/pair end`, `/pair refit`).
pub const YOU_LEFT: Key = Key("pairs-you-left");

/// To the moderators when someone left a group or circle and would like another.
pub fn left_asks_again(l: Locale, user: u64, channel: u64) -> String {
    t!(l, "pairs-left-asks-again", user = user, channel = channel)
}

pub fn created(l: Locale, mentor: u64, mentee: u64, channel: u64) -> String {
    t!(
        l,
        "pairs-created",
        mentor = mentor,
        mentee = mentee,
        channel = channel
    )
}

pub const WELCOME_TITLE: Key = Key("pairs-welcome-title");

pub fn welcome(l: Locale, mentor: u64, mentee: u64) -> String {
    t!(l, "pairs-welcome", mentor = mentor, mentee = mentee)
}

/// tandem's own icebreakers, in `l`.
pub fn icebreakers(l: Locale) -> Vec<String> {
    let all = vec![
        t!(l, "pairs-icebreaker-1"),
        t!(l, "pairs-icebreaker-2"),
        t!(l, "pairs-icebreaker-3"),
        t!(l, "pairs-icebreaker-4"),
        t!(l, "pairs-icebreaker-5"),
        t!(l, "pairs-icebreaker-6"),
        t!(l, "pairs-icebreaker-7"),
    ];
    debug_assert_eq!(all.len(), crate::domain::pair::BUILT_IN_ICEBREAKERS);
    all
}

pub const ICEBREAKERS: Key = Key("pairs-icebreakers");
pub const IF_SOMETHING_IS_WRONG: Key = Key("pairs-if-something-is-wrong");
pub const REPORT_HINT: Key = Key("pairs-report-hint");
pub const FIRST_GOAL: Key = Key("pairs-first-goal");
pub const FIRST_GOAL_TEXT: Key = Key("pairs-first-goal-text");

pub fn ready_dm(l: Locale, guild: &str, partner: u64, channel: u64, role: Role) -> String {
    t!(
        l,
        "pairs-ready-dm",
        role = super::members::role_code(role),
        guild = guild,
        partner = partner,
        channel = channel
    )
}

pub const NOT_A_PAIR_CHANNEL: Key = Key("pairs-not-a-pair-channel");
pub const NOT_YOUR_PAIR: Key = Key("pairs-not-your-pair");

pub fn not_open(status: PairStatus) -> Key {
    match status {
        PairStatus::Ended => Key("pairs-already-ended"),
        PairStatus::Pending => Key("pairs-still-setting-up"),
        PairStatus::Broken => Key("pairs-channel-lost"),
        _ => Key("pairs-not-active"),
    }
}

pub fn pause_error(l: Locale, e: &PauseError) -> String {
    match e {
        PauseError::WeeksOutOfRange(n) => t!(l, "pairs-pause-weeks", weeks = n.to_string()),
        PauseError::NotActive(s) => not_open(*s).get(l),
    }
}

pub fn paused(l: Locale, by: u64, until_unix: i64) -> String {
    t!(l, "pairs-paused", by = by, until = unix(until_unix))
}

pub fn end_reason(reason: EndReason) -> Key {
    match reason {
        EndReason::Completed => Key("pairs-reason-completed"),
        EndReason::NotAGoodFit => Key("pairs-reason-not-a-good-fit"),
        EndReason::Inactive => Key("pairs-reason-inactive"),
        EndReason::Withdrawn => Key("pairs-reason-withdrawn"),
        EndReason::LeftServer => Key("pairs-reason-left-server"),
        EndReason::Other => Key("pairs-reason-other"),
    }
}

pub fn ended_here(l: Locale, read_only: bool) -> String {
    if read_only {
        t!(l, "pairs-ended-here-kept")
    } else {
        t!(l, "pairs-ended-here-deleted")
    }
}

pub fn ended_dm(l: Locale, guild: &str, partner: u64) -> String {
    t!(l, "pairs-ended-dm", guild = guild, partner = partner)
}

pub fn unreachable(l: Locale, pair: &Pair, channel: u64, missing: &[&str], rounds: u32) -> String {
    let names: Vec<String> = missing
        .iter()
        .map(|p| super::setup::permission(l, p))
        .collect();
    let lacking = if names.is_empty() {
        t!(l, "pairs-lacking-post")
    } else {
        t!(l, "pairs-lacking", permissions = names.join(", "))
    };
    if pair.kind != PairKind::Pair {
        return t!(
            l,
            "pairs-space-unreachable",
            channel = channel,
            people = everyone(l, pair),
            lacking = lacking,
            rounds = rounds
        );
    }
    t!(
        l,
        "pairs-unreachable",
        channel = channel,
        mentor = who(l, pair.mentor_id),
        mentee = who(l, pair.mentee_id),
        lacking = lacking,
        rounds = rounds
    )
}

/// A member as a mention, or "someone" when they erased their data.
fn who(l: Locale, u: Option<u64>) -> String {
    u.map_or_else(|| t!(l, "pairs-someone"), |u| format!("<@{u}>"))
}

pub fn reachable_again(l: Locale, pair: &Pair, channel: u64) -> String {
    if pair.kind != PairKind::Pair {
        return t!(
            l,
            "pairs-space-reachable-again",
            channel = channel,
            people = everyone(l, pair)
        );
    }
    t!(
        l,
        "pairs-reachable-again",
        channel = channel,
        mentor = who(l, pair.mentor_id),
        mentee = who(l, pair.mentee_id)
    )
}

pub fn partner_left_dm(l: Locale, guild: &str, gone: u64) -> String {
    t!(l, "pairs-partner-left-dm", guild = guild, gone = gone)
}

pub const ENDED: Key = Key("pairs-ended");
pub const SURVEY_BUTTON: Key = Key("pairs-survey-button");
pub const SURVEY_TITLE: Key = Key("pairs-survey-title");
pub const SURVEY_RATING: Key = Key("pairs-survey-rating");
pub const SURVEY_WORKED: Key = Key("pairs-survey-worked");
pub const SURVEY_CHANGE: Key = Key("pairs-survey-change");
pub const BAD_RATING: Key = Key("pairs-bad-rating");
pub const SURVEY_THANKS: Key = Key("pairs-survey-thanks");
pub const NOT_YOUR_SURVEY: Key = Key("pairs-not-your-survey");

pub const REFIT_SENT: Key = Key("pairs-refit-sent");
pub fn refit_limit(l: Locale, n: u32) -> String {
    t!(l, "pairs-refit-limit", count = n)
}
pub const REFIT_NO_CHANNEL: Key = Key("pairs-refit-no-channel");
pub const REFIT_ONLY_MEMBERS: Key = Key("pairs-refit-only-members");

pub fn refit_request(l: Locale, user: u64, mentor: u64, mentee: u64, channel: u64) -> String {
    t!(
        l,
        "pairs-refit-request",
        user = user,
        mentor = mentor,
        mentee = mentee,
        channel = channel
    )
}

pub const REPAIR: Key = Key("pairs-repair");

pub fn repaired(l: Locale, moderator: u64) -> String {
    t!(l, "pairs-repaired", moderator = moderator)
}

pub fn broken(l: Locale, pair: &Pair, channel: u64) -> String {
    if pair.kind != PairKind::Pair {
        return t!(
            l,
            "pairs-space-broken",
            channel = channel,
            people = everyone(l, pair)
        );
    }
    t!(
        l,
        "pairs-broken",
        channel = channel,
        mentor = who(l, pair.mentor_id),
        mentee = who(l, pair.mentee_id)
    )
}

// Suggested matching.
pub const SUGGEST_TITLE: Key = Key("pairs-suggest-title");
pub const NOTHING_TO_SUGGEST: Key = Key("pairs-nothing-to-suggest");
pub const NO_FREE_MENTORS: Key = Key("pairs-no-free-mentors");

pub fn suggest_intro(l: Locale, proposals: usize, repeats: usize) -> String {
    let intro = t!(l, "pairs-suggest-intro", proposals = proposals);
    if repeats > 0 {
        format!(
            "{intro}\n{}",
            t!(l, "pairs-suggest-repeats", repeats = repeats)
        )
    } else {
        intro
    }
}

pub fn reasons(l: Locale, r: &Reasons) -> String {
    let mut parts = vec![t!(
        l,
        "pairs-reason-topics",
        count = r.shared_topics.len(),
        topics = r.shared_topics.join(", ")
    )];
    let hours = l.number(r.overlap_hours, 0);
    parts.push(t!(l, "pairs-reason-overlap", hours = hours));
    if !r.shared_languages.is_empty() {
        parts.push(t!(
            l,
            "pairs-reason-languages",
            languages = r.shared_languages.join(", ")
        ));
    }
    if r.repeat {
        parts.push(t!(l, "pairs-reason-repeat"));
    }
    parts.join(", ")
}

pub fn proposal_line(
    l: Locale,
    n: usize,
    mentor: u64,
    mentee: u64,
    score: u32,
    reasons: &str,
) -> String {
    t!(
        l,
        "pairs-proposal",
        n = n,
        mentor = mentor,
        mentee = mentee,
        score = score,
        reasons = reasons
    )
}

/// A proposed circle in a preview.
pub fn circle_line(l: Locale, n: usize, members: &[u64], score: u32, reasons: &str) -> String {
    t!(
        l,
        "pairs-circle-proposal",
        n = n,
        members = people(l, members),
        score = score,
        reasons = reasons
    )
}

pub fn suggest_circles_intro(l: Locale, circles: usize) -> String {
    t!(l, "pairs-suggest-circles-intro", circles = circles)
}

/// Someone no suggested circle could take.
pub fn not_in_a_circle(l: Locale, user: u64) -> String {
    t!(l, "pairs-not-in-a-circle", user = user)
}

/// Fewer people are waiting than a circle needs.
pub fn too_few_for_circles(l: Locale, waiting: usize) -> String {
    t!(
        l,
        "pairs-too-few-for-circles",
        count = waiting,
        min = crate::domain::pair::MIN_CIRCLE
    )
}

pub fn unmatched(l: Locale, mentee: u64, why: &Unmatched) -> String {
    match why {
        Unmatched::NoFreeMentor => t!(l, "pairs-unmatched-no-free-mentor", mentee = mentee),
        Unmatched::NoCommonLanguage => t!(l, "pairs-unmatched-no-language", mentee = mentee),
    }
}

pub const UNMATCHED: Key = Key("pairs-unmatched");
pub fn free_slots(l: Locale, n: u32) -> String {
    t!(l, "pairs-free-slots", places = n)
}

pub const APPROVE_ALL: Key = Key("pairs-approve-all");
pub const DISCARD: Key = Key("pairs-discard");
pub const PREVIOUS: Key = Key("pairs-previous");
pub const NEXT: Key = Key("pairs-next");
pub const PICK: Key = Key("pairs-pick");

pub fn approve_selected(l: Locale, n: usize) -> String {
    t!(l, "pairs-approve-selected", count = n)
}

pub fn page(l: Locale, n: usize, of: usize) -> String {
    t!(l, "pairs-page", page = n, pages = of)
}

pub const SUGGESTION_CLOSED: Key = Key("pairs-suggestion-closed");
pub const DISCARDED: Key = Key("pairs-discarded");

pub fn creating(l: Locale, done: usize, total: usize) -> String {
    t!(l, "pairs-creating", done = done, total = total)
}

pub fn approved_summary(l: Locale, created: &[String], skipped: &[String]) -> String {
    let mut s = t!(l, "pairs-created-count", count = created.len());
    for line in created {
        s.push_str(&format!("\n• {line}"));
    }
    if !skipped.is_empty() {
        s.push_str(&format!(
            "\n{}",
            t!(l, "pairs-skipped-count", count = skipped.len())
        ));
        for line in skipped {
            s.push_str(&format!("\n• {line}"));
        }
    }
    s
}

// Goals.
pub fn goal_error(l: Locale, e: &GoalError) -> String {
    match e {
        GoalError::EmptyTitle => t!(l, "pairs-goal-empty-title"),
        GoalError::TitleTooLong(n) => {
            t!(
                l,
                "pairs-goal-title-too-long",
                chars = *n,
                max = MAX_GOAL_TITLE_CHARS
            )
        }
        GoalError::BadDate(text) => t!(l, "pairs-goal-bad-date", input = super::quote(text, 30)),
        GoalError::DueInThePast(d) => {
            t!(l, "pairs-goal-in-the-past", date = crate::text::date(l, *d))
        }
    }
}

pub fn goal_added(l: Locale, number: i64, title: &str, due_unix: Option<i64>, by: u64) -> String {
    let number = number.to_string();
    match due_unix {
        Some(d) => t!(
            l,
            "pairs-goal-added-due",
            by = by,
            number = number,
            title = title,
            due = unix(d)
        ),
        None => t!(
            l,
            "pairs-goal-added",
            by = by,
            number = number,
            title = title
        ),
    }
}

pub fn goal_done(l: Locale, number: i64, title: &str, members: &[u64]) -> String {
    let names: Vec<String> = members.iter().map(|u| format!("<@{u}>")).collect();
    t!(
        l,
        "pairs-goal-done",
        number = number.to_string(),
        title = title,
        members = crate::text::and_list(l, &names)
    )
}

pub fn goal_already_done(l: Locale, number: i64) -> String {
    t!(l, "pairs-goal-already-done", number = number.to_string())
}

pub fn no_goal(l: Locale, number: i64) -> String {
    t!(l, "pairs-no-goal", number = number.to_string())
}

pub const GOALS_TITLE: Key = Key("pairs-goals-title");
pub const NO_GOALS: Key = Key("pairs-no-goals");

pub fn goal_line(
    l: Locale,
    number: i64,
    title: &str,
    due_unix: Option<i64>,
    done_unix: Option<i64>,
    overdue: bool,
) -> String {
    let number = number.to_string();
    match (done_unix, due_unix) {
        (Some(d), _) => t!(
            l,
            "pairs-goal-line-done",
            number = number,
            title = title,
            done = unix(d)
        ),
        (None, Some(d)) if overdue => {
            t!(
                l,
                "pairs-goal-line-overdue",
                number = number,
                title = title,
                due = unix(d)
            )
        }
        (None, Some(d)) => t!(
            l,
            "pairs-goal-line-due",
            number = number,
            title = title,
            due = unix(d)
        ),
        (None, None) => t!(l, "pairs-goal-line", number = number, title = title),
    }
}
