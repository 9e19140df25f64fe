use crate::text::{t, unix, Key, Locale};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub const ADMIN_ONLY: Key = Key("setup-admin-only");

pub fn access_progress(l: Locale, done: usize, total: usize) -> String {
    t!(l, "setup-access-progress", done = done, total = total)
}

pub const ACCESS_UNFINISHED: Key = Key("setup-access-unfinished");

pub fn access_moved(l: Locale, n: usize) -> String {
    t!(l, "setup-access-moved", channels = n)
}
pub const TITLE: Key = Key("setup-title");
pub const SAVED: Key = Key("setup-saved");
pub const UNCHANGED: Key = Key("setup-unchanged");
pub const CURRENT: Key = Key("setup-current");
pub const NOT_SET: Key = Key("setup-not-set");
pub const DIGEST_CHANNEL: Key = Key("setup-digest-channel");
pub const MODERATOR_ROLE: Key = Key("setup-moderator-role");
pub const PAIR_CATEGORY: Key = Key("setup-pair-category");
pub const TIMEZONE: Key = Key("setup-timezone");
pub const LANGUAGE: Key = Key("setup-language");
pub const BOT_LANGUAGE: Key = Key("setup-bot-language");
pub const MENTOR_APPROVAL: Key = Key("setup-mentor-approval");
pub const STILL_TO_CHOOSE: Key = Key("setup-still-to-choose");
pub const PERMISSIONS: Key = Key("setup-permissions");
pub const READY: Key = Key("setup-ready");
pub const DIGEST_NOT_TEXT: Key = Key("setup-digest-not-text");
pub const CATEGORY_NOT_CATEGORY: Key = Key("setup-category-not-category");

pub fn bad_timezone(l: Locale, input: &str) -> String {
    t!(l, "setup-bad-timezone", input = super::quote(input, 60))
}

pub fn timezone_value(l: Locale, tz: Tz, now: DateTime<Utc>) -> String {
    let offset = now.with_timezone(&tz).format("%:z").to_string();
    t!(l, "setup-timezone-value", zone = tz.name(), offset = offset)
}

pub fn mentor_approval_value(required: bool) -> Key {
    if required {
        Key("setup-approval-needed")
    } else {
        Key("setup-approval-not-needed")
    }
}

/// The bot's language as `/setup` shows it: chosen, or following the programme's language.
pub fn bot_language_value(l: Locale, chosen: Option<Locale>, used: Locale) -> String {
    match chosen {
        Some(c) => c.native_name().to_string(),
        None => t!(
            l,
            "setup-bot-language-follows",
            language = used.native_name()
        ),
    }
}

pub const ENDED_CHANNELS: Key = Key("setup-ended-channels");
pub const PAIR_SPACE: Key = Key("setup-pair-space");
pub const USE_THREADS: Key = Key("setup-use-threads");
pub const HUB_FAILED: Key = Key("setup-hub-failed");
pub const THE_SERVER: Key = Key("setup-the-server");
pub const HUB_NAME: Key = Key("setup-hub-name");
pub const HUB_TOPIC: Key = Key("setup-hub-topic");
pub const PAIR_ROLE_NAME: Key = Key("setup-pair-role-name");

/// Where new pairs talk, as `/setup` shows it.
pub fn pair_space_value(
    l: Locale,
    space: crate::domain::guild::PairSpace,
    hub: Option<u64>,
) -> String {
    use crate::domain::guild::PairSpace;
    match (space, hub) {
        (PairSpace::Channels, _) => t!(l, "setup-pair-space-channels"),
        (PairSpace::Threads, Some(hub)) => t!(l, "setup-pair-space-threads", hub = hub),
        (PairSpace::Threads, None) => t!(l, "setup-pair-space-threads-no-hub"),
    }
}
pub const CHECKINS: Key = Key("setup-checkins");
pub const PULSE: Key = Key("setup-pulse");
pub const DIGEST: Key = Key("setup-digest");
pub const ANONYMITY: Key = Key("setup-anonymity");
pub const ANONYMITY_TOO_LOW: Key = Key("setup-anonymity-too-low");
pub const ANONYMITY_TOO_HIGH: Key = Key("setup-anonymity-too-high");
pub const CHANNEL_GONE: Key = Key("setup-channel-gone");
pub const ROLE_GONE: Key = Key("setup-role-gone");
pub const EVERYONE_ROLE: Key = Key("setup-everyone-role");

/// A configured channel the bot can no longer open (deleted, or out of its sight).
pub fn channel_unreachable(l: Locale, place: &str) -> String {
    t!(l, "setup-channel-unreachable", place = place)
}

/// Why a cron expression was refused, as the end of a sentence.
pub fn cron_why(l: Locale, e: &crate::domain::schedule::CronError) -> String {
    use crate::domain::schedule::CronError;
    match e {
        CronError::Fields => t!(l, "setup-cron-fields"),
        CronError::Syntax(_) => t!(l, "setup-cron-syntax"),
        CronError::Never => t!(l, "setup-cron-never"),
        CronError::TooOften => t!(l, "setup-cron-too-often"),
    }
}

pub fn bad_schedule(
    l: Locale,
    option: &str,
    input: &str,
    e: &crate::domain::schedule::CronError,
) -> String {
    let why = cron_why(l, e);
    t!(
        l,
        "setup-bad-schedule",
        option = option,
        input = super::quote(input, 60),
        why = why
    )
}

pub fn schedule_value(l: Locale, cron: &str, default: bool, next: Option<i64>) -> String {
    let first = if default {
        t!(l, "setup-schedule-default", cron = cron)
    } else {
        t!(l, "setup-schedule", cron = cron)
    };
    match next {
        Some(at) => format!("{first}\n{}", t!(l, "setup-schedule-next", next = unix(at))),
        None => first,
    }
}

pub fn anonymity_value(l: Locale, min: u32) -> String {
    t!(l, "setup-anonymity-value", min = min)
}

pub fn archive_value(mode: crate::domain::guild::ArchiveMode) -> Key {
    match mode {
        crate::domain::guild::ArchiveMode::ReadOnly => Key("setup-archive-read-only"),
        crate::domain::guild::ArchiveMode::Delete => Key("setup-archive-delete"),
    }
}

pub fn still_to_choose(l: Locale, options: &[&str]) -> String {
    let list: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
    t!(
        l,
        "setup-finish-with",
        options = crate::text::and_list(l, &list)
    )
}

pub const NEEDS_ATTENTION: Key = Key("setup-needs-attention");

/// A stored setting that is no longer accepted; the default applies meanwhile.
/// A stored setting that is no longer accepted (why is in the log); the default applies.
pub fn invalid_setting(l: Locale, option: &str, value: &str) -> String {
    t!(
        l,
        "setup-invalid-setting",
        option = option,
        value = super::quote(value, 60)
    )
}

pub fn missing_permissions(l: Locale, place: &str, missing: &[&str]) -> String {
    let names: Vec<String> = missing.iter().map(|p| permission(l, p)).collect();
    t!(
        l,
        "setup-missing-permissions",
        place = place,
        permissions = names.join(", ")
    )
}

/// A Discord permission by the name serenity gives it, as Discord's client names it in `l`.
pub fn permission(l: Locale, name: &str) -> String {
    match name {
        "View Channel" => t!(l, "setup-perm-view-channel"),
        "Manage Channels" => t!(l, "setup-perm-manage-channels"),
        "Manage Roles" => t!(l, "setup-perm-manage-roles"),
        "Send Messages" => t!(l, "setup-perm-send-messages"),
        "Embed Links" => t!(l, "setup-perm-embed-links"),
        "Attach Files" => t!(l, "setup-perm-attach-files"),
        "Read Message History" => t!(l, "setup-perm-read-message-history"),
        "Manage Threads" => t!(l, "setup-perm-manage-threads"),
        "Create Private Threads" => t!(l, "setup-perm-create-private-threads"),
        "Send Messages in Threads" => t!(l, "setup-perm-send-messages-in-threads"),
        other => other.to_string(),
    }
}

pub const CHANNELS: Key = Key("setup-channels");

/// The server is close to Discord's 500 channels.
pub fn near_channel_limit(l: Locale, channels: usize) -> String {
    t!(
        l,
        "setup-near-channel-limit",
        channels = channels,
        max = crate::domain::pair::SERVER_CHANNEL_LIMIT
    )
}
