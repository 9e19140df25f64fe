use crate::domain::report::{ReportError, MAX_REPORT_CHARS};
use crate::text::{t, unix, Key, Locale};

pub const BUTTON: Key = Key("reports-button");
pub const FORM_TITLE: Key = Key("reports-form-title");
pub const WHAT: Key = Key("reports-what");
pub const WHAT_PLACEHOLDER: Key = Key("reports-what-placeholder");
pub const CONTACT: Key = Key("reports-contact");
pub const CONTACT_PLACEHOLDER: Key = Key("reports-contact-placeholder");
pub const ALREADY_SENT: Key = Key("reports-already-sent");
pub const NO_CHANNEL: Key = Key("reports-no-channel");
pub const NOT_YOUR_PAIR: Key = Key("reports-not-your-pair");
pub const ONLY_MODERATORS: Key = Key("reports-only-moderators");
pub const GONE: Key = Key("reports-gone");
pub const ACKNOWLEDGE: Key = Key("reports-acknowledge");
pub const TITLE: Key = Key("reports-title");
pub const FROM: Key = Key("reports-from");
pub const ABOUT: Key = Key("reports-about");
pub const NOT_ABOUT_A_PAIR: Key = Key("reports-not-about-a-pair");
pub const WANTS_CONTACT: Key = Key("reports-wants-contact");
pub const YES: Key = Key("reports-yes");
pub const NO: Key = Key("reports-no");
pub const STATUS: Key = Key("reports-status");

pub fn error(l: Locale, e: &ReportError) -> String {
    match e {
        ReportError::Empty => t!(l, "reports-empty"),
        ReportError::TooLong(n) => t!(l, "reports-too-long", chars = *n, max = MAX_REPORT_CHARS),
    }
}

pub fn limited(l: Locale, per_day: u32) -> String {
    t!(l, "reports-limited", count = per_day)
}

/// To the reporter, privately, once the moderators have it.
pub fn sent(l: Locale, contact: bool) -> String {
    if contact {
        t!(l, "reports-sent-contact")
    } else {
        t!(l, "reports-sent")
    }
}

/// The report's state on the moderators' copy.
pub fn open(l: Locale, at: i64) -> String {
    t!(l, "reports-open", at = unix(at))
}

pub fn acknowledged(l: Locale, moderator: u64, at: i64) -> String {
    t!(
        l,
        "reports-acknowledged",
        moderator = moderator,
        at = unix(at)
    )
}

/// To the moderator who pressed Acknowledge.
pub fn acknowledged_private(l: Locale, contact: bool, reporter: u64) -> String {
    if contact {
        t!(l, "reports-acknowledged-contact", reporter = reporter)
    } else {
        t!(l, "reports-acknowledged-private")
    }
}

pub fn already_acknowledged(l: Locale, moderator: Option<u64>) -> String {
    match moderator {
        Some(m) => t!(l, "reports-already-acknowledged", moderator = m),
        None => t!(l, "reports-already-acknowledged-erased"),
    }
}

/// To the reporter, by DM, when a moderator has read it.
pub fn read_dm(l: Locale, guild: &str, contact: bool) -> String {
    if contact {
        t!(l, "reports-read-dm-contact", guild = guild)
    } else {
        t!(l, "reports-read-dm", guild = guild)
    }
}
