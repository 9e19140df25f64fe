use crate::text::{t, unix, Key, Locale};
pub const MEET_ONLY_MEMBERS: Key = Key("activity-meet-only-members");
pub const KUDOS_SELF: Key = Key("activity-kudos-self");
pub const KUDOS_BOT: Key = Key("activity-kudos-bot");
pub const KUDOS_EMPTY: Key = Key("activity-kudos-empty");
pub const KUDOS_NOT_MEMBER: Key = Key("activity-kudos-not-member");
pub const MEET_MINUTES: Key = Key("activity-meet-minutes");

pub fn kudos_too_long(l: Locale, chars: usize) -> String {
    t!(l, "activity-kudos-too-long", chars = chars)
}

pub fn note_too_long(l: Locale, chars: usize) -> String {
    t!(l, "activity-note-too-long", chars = chars)
}

fn duration(l: Locale, minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => t!(l, "activity-minutes", minutes = m),
        (h, 0) => t!(l, "activity-hours", hours = h),
        (h, m) => t!(l, "activity-hours-minutes", hours = h, minutes = m),
    }
}

pub fn meeting_recorded(
    l: Locale,
    user: u64,
    minutes: u32,
    total: (u32, u32),
    note: Option<&str>,
) -> String {
    let (n, all) = total;
    let note = note.map(|t| format!("\n> {t}")).unwrap_or_default();
    let text = t!(
        l,
        "activity-meeting-recorded",
        user = user,
        length = duration(l, minutes),
        meetings = n,
        total = duration(l, all)
    );
    format!("{text}{note}")
}

pub fn kudos(l: Locale, giver: u64, receiver: u64, reason: &str, received: u32) -> String {
    t!(
        l,
        "activity-kudos",
        giver = giver,
        receiver = receiver,
        reason = reason,
        received = received
    )
}

pub fn kudos_limited(l: Locale, per_day: u32, again_at: i64) -> String {
    t!(
        l,
        "activity-kudos-limited",
        per_day = per_day,
        again = unix(again_at)
    )
}
