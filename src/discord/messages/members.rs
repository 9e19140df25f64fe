use crate::domain::member::{ProfileError, Role, Status, MAX_TOPICS};
use crate::text::{t, unix, Key, Locale};

pub fn profile_error(l: Locale, e: &ProfileError) -> String {
    match e {
        ProfileError::NoTopics => t!(l, "members-no-topics"),
        ProfileError::TooManyTopics(n) => {
            t!(l, "members-too-many-topics", count = *n, max = MAX_TOPICS)
        }
        ProfileError::TopicTooLong(topic) => {
            t!(l, "members-topic-too-long", topic = super::quote(topic, 20))
        }
        ProfileError::UnknownTimezone(tz) => super::setup::bad_timezone(l, tz),
        ProfileError::UnknownLanguage(language) => {
            t!(
                l,
                "members-unknown-language",
                language = super::quote(language, 40)
            )
        }
        ProfileError::TooManyLanguages(n) => t!(l, "members-too-many-languages", count = *n),
        ProfileError::CapacityOutOfRange(n) => {
            t!(l, "members-capacity-out-of-range", capacity = n.to_string())
        }
        ProfileError::AboutTooLong(n) => t!(l, "members-about-too-long", chars = *n),
        ProfileError::GoalsTooLong(n) => t!(l, "members-goals-too-long", chars = *n),
        ProfileError::GoalsRequired => t!(l, "members-goals-required"),
        ProfileError::NotForRole(field, role) => {
            t!(
                l,
                "members-not-for-role",
                option = *field,
                role = role_code(*role)
            )
        }
    }
}

/// A role as the catalogue selects on it (`[mentor]`, `[mentee]`).
pub fn role_code(role: Role) -> &'static str {
    match role {
        Role::Mentor => "mentor",
        Role::Mentee => "mentee",
    }
}

/// The roles someone leaves or left: `mentor`, `mentee` or `both`.
fn roles_code(roles: &[Role]) -> &'static str {
    match roles {
        [one] => role_code(*one),
        _ => "both",
    }
}

pub const WELCOME_TITLE: Key = Key("members-welcome-title");
pub const EXPECTATIONS: Key = Key("members-expectations");
pub const HOW_TO_CHANGE: Key = Key("members-how-to-change");
pub const DATA_KEPT: Key = Key("members-data-kept");

pub fn enrolled(l: Locale, role: Role, status: Status) -> String {
    match (role, status) {
        (Role::Mentor, Status::Pending) => t!(l, "members-enrolled-pending"),
        (Role::Mentor, _) => t!(l, "members-enrolled-mentor"),
        (Role::Mentee, _) => t!(l, "members-enrolled-mentee"),
    }
}

pub fn updated(l: Locale, role: Role) -> String {
    t!(l, "members-updated", role = role_code(role))
}

pub fn rejoined(l: Locale, role: Role) -> String {
    t!(l, "members-rejoined", role = role_code(role))
}

pub const APPLICATION_TITLE: Key = Key("members-application-title");

pub fn application(l: Locale, user: u64, applied_unix: i64) -> String {
    t!(
        l,
        "members-application",
        user = user,
        applied = unix(applied_unix)
    )
}

pub fn application_dm(l: Locale, guild: &str) -> String {
    t!(l, "members-application-dm", guild = guild)
}

pub fn approved_dm(l: Locale, guild: &str) -> String {
    t!(l, "members-approved-dm", guild = guild)
}

pub fn declined_dm(l: Locale, guild: &str) -> String {
    t!(l, "members-declined-dm", guild = guild)
}

pub const ANSWER_QUESTIONS: Key = Key("members-answer-questions");
pub const ENROLLED_QUESTIONS: Key = Key("members-enrolled-questions");
pub const NOTHING_TO_ANSWER: Key = Key("members-nothing-to-answer");
pub const ANSWERS_SENT: Key = Key("members-answers-sent");
pub const ANSWERS_SENT_ALREADY: Key = Key("members-answers-sent-already");
pub const ANSWER_EVERY_QUESTION: Key = Key("members-answer-every-question");
pub const DECLINE_TITLE: Key = Key("members-decline-title");
pub const DECLINE_REASON: Key = Key("members-decline-reason");
pub const DECLINE_PLACEHOLDER: Key = Key("members-decline-placeholder");

pub fn answer_too_long(l: Locale, chars: usize) -> String {
    t!(
        l,
        "members-answer-too-long",
        chars = chars,
        max = crate::domain::application::MAX_ANSWER_CHARS
    )
}

pub fn reason_too_long(l: Locale, chars: usize) -> String {
    t!(
        l,
        "members-reason-too-long",
        chars = chars,
        max = crate::domain::application::MAX_REASON_CHARS
    )
}

pub fn declined_dm_with_reason(l: Locale, guild: &str, reason: &str) -> String {
    t!(
        l,
        "members-declined-dm-reason",
        guild = guild,
        reason = super::quote(reason, 300)
    )
}

pub const QUESTIONS_SAVED: Key = Key("members-questions-saved");
pub const QUESTIONS_UNCHANGED: Key = Key("members-questions-unchanged");
pub const QUESTIONS_CURRENT: Key = Key("members-questions-current");
pub const QUESTIONS_BLANK: Key = Key("members-questions-blank");

pub fn question_too_long(l: Locale, chars: usize, max: usize) -> String {
    t!(l, "members-question-too-long", chars = chars, max = max)
}

/// `/programme questions`' answer: the headline, then the questions (or how to add some).
pub fn questions_list(l: Locale, headline: &str, questions: &[String], approval: bool) -> String {
    let mut out = headline.to_string();
    if questions.is_empty() {
        out.push_str(&format!("\n{}", t!(l, "members-no-questions")));
    }
    for (i, q) in questions.iter().enumerate() {
        out.push_str(&format!("\n{}. {}", i + 1, super::quote(q, 60)));
    }
    if !questions.is_empty() && !approval {
        out.push_str(&format!("\n{}", t!(l, "members-questions-need-approval")));
    }
    out
}

pub const APPROVE: Key = Key("members-approve");
pub const DECLINE: Key = Key("members-decline");
pub const DECISION: Key = Key("members-decision");

pub fn decided(l: Locale, approved: bool, moderator: u64, at_unix: i64) -> String {
    if approved {
        t!(
            l,
            "members-approved-by",
            moderator = moderator,
            at = unix(at_unix)
        )
    } else {
        t!(
            l,
            "members-declined-by",
            moderator = moderator,
            at = unix(at_unix)
        )
    }
}

pub fn decided_private(l: Locale, approved: bool, user: u64) -> String {
    if approved {
        t!(l, "members-approved", user = user)
    } else {
        t!(l, "members-declined", user = user)
    }
}

pub const ONLY_MODERATORS_DECIDE: Key = Key("members-only-moderators-decide");
pub const ONLY_MODERATORS: Key = Key("members-only-moderators");

pub fn already_decided(current: Status) -> Key {
    match current {
        Status::Active | Status::Paused => Key("members-already-approved"),
        Status::Declined => Key("members-already-declined"),
        Status::Withdrawn => Key("members-withdrawn-since"),
        Status::Pending => Key("members-still-pending"),
    }
}

pub const APPLICATION_GONE: Key = Key("members-application-gone");

pub const NOT_ENROLLED_SELF: Key = Key("members-not-enrolled-self");

pub fn not_enrolled_other(l: Locale, user: u64) -> String {
    t!(l, "members-not-enrolled-other", user = user)
}

pub const ONLY_OWN_PROFILE: Key = Key("members-only-own-profile");

pub const WHICH_PROFILE: Key = Key("members-which-profile");

pub fn no_such_profile(l: Locale, role: Role) -> String {
    t!(l, "members-no-such-profile", role = role_code(role))
}

pub const LEFT_PROGRAMME: Key = Key("members-left-programme");
pub const CHANGED_MEANWHILE: Key = Key("members-changed-meanwhile");

pub fn application_limit(l: Locale, n: u32) -> String {
    t!(l, "members-application-limit", count = n)
}

pub const NOTHING_TO_CHANGE: Key = Key("members-nothing-to-change");
pub const PROFILE_UPDATED: Key = Key("members-profile-updated");

pub fn profile_title(role: Role) -> Key {
    match role {
        Role::Mentor => Key("members-mentor-profile"),
        Role::Mentee => Key("members-mentee-profile"),
    }
}

pub fn status_line(status: Status) -> Key {
    match status {
        Status::Pending => Key("members-status-pending"),
        Status::Active => Key("members-status-active"),
        Status::Paused => Key("members-status-paused"),
        Status::Withdrawn => Key("members-status-withdrawn"),
        Status::Declined => Key("members-status-declined"),
    }
}

pub const STATUS: Key = Key("members-status");
pub const TOPICS: Key = Key("members-topics");
pub const TIMEZONE: Key = Key("members-timezone");
pub const LANGUAGES: Key = Key("members-languages");
pub const CAPACITY: Key = Key("members-capacity");
pub const GOALS: Key = Key("members-goals");
pub const ABOUT: Key = Key("members-about");
pub const SINCE: Key = Key("members-since");

pub const NOTHING_TO_WITHDRAW: Key = Key("members-nothing-to-withdraw");

pub fn confirm_withdraw(l: Locale, roles: &[Role]) -> String {
    t!(l, "members-confirm-withdraw", roles = roles_code(roles))
}

pub const WITHDRAW_YES: Key = Key("members-withdraw-yes");
pub const CANCEL: Key = Key("members-cancel");
pub const CANCELLED: Key = Key("members-cancelled");
pub const LEAVING: Key = Key("members-leaving");

pub fn withdrawn(l: Locale, roles: &[Role]) -> String {
    t!(l, "members-withdrawn", roles = roles_code(roles))
}

pub const NOT_YOUR_BUTTON: Key = Key("members-not-your-button");

// /members
pub const MEMBERS_TITLE: Key = Key("members-members-title");
pub const MENTORS: Key = Key("members-mentors");
pub const MENTEES: Key = Key("members-mentees");
pub const PENDING_MENTORS: Key = Key("members-pending-mentors");
pub const WAITING_MENTEES: Key = Key("members-waiting-mentees");
pub const NONE_YET: Key = Key("members-none-yet");
pub const NONE_WAITING: Key = Key("members-none-waiting");
pub const NO_DIGEST_CHANNEL: Key = Key("members-no-digest-channel");

pub fn applied(l: Locale, user: u64, at: i64) -> String {
    t!(l, "members-applied", user = user, at = unix(at))
}

pub fn waiting(l: Locale, user: u64, since: i64) -> String {
    t!(l, "members-waiting", user = user, since = unix(since))
}

pub fn and_more(l: Locale, n: usize) -> String {
    t!(l, "members-and-more", count = n)
}

/// `/profile avoid`: what was done, in a sentence that names only the person chosen.
pub fn avoid_added(l: Locale, user: u64) -> String {
    t!(l, "members-avoid-added", user = user)
}

pub fn avoid_already(l: Locale, user: u64) -> String {
    t!(l, "members-avoid-already", user = user)
}

pub fn avoid_removed(l: Locale, user: u64) -> String {
    t!(l, "members-avoid-removed", user = user)
}

pub fn avoid_not_listed(l: Locale, user: u64) -> String {
    t!(l, "members-avoid-not-listed", user = user)
}

pub fn avoid_full(l: Locale) -> String {
    t!(
        l,
        "members-avoid-full",
        max = crate::domain::matching::MAX_AVOIDED
    )
}

pub const AVOID_SELF: Key = Key("members-avoid-self");
pub const AVOID_BOT: Key = Key("members-avoid-bot");
pub const AVOID_NOT_MEMBER: Key = Key("members-avoid-not-member");
pub const AVOID_EMPTY: Key = Key("members-avoid-empty");

pub fn avoid_list(l: Locale, users: &[u64]) -> String {
    let named: Vec<String> = users.iter().map(|u| format!("<@{u}>")).collect();
    t!(
        l,
        "members-avoid-list",
        users = crate::text::and_list(l, &named)
    )
}

/// After `/profile edit capacity:` at or below the mentees a mentor has now.
pub fn capacity_full(l: Locale, mentees: u8, capacity: u8) -> String {
    t!(
        l,
        "members-capacity-full",
        mentees = mentees,
        capacity = capacity
    )
}
