//! The mentors' circle: its event, its mentors-only channel, the announcement and reminder,
//! and how `/setup` shows it.

use crate::domain::circle::CircleScheduleError;
use crate::text::{t, unix, Key, Locale};

pub const EVENT_NAME: Key = Key("circle-event-name");

pub fn event_description(l: Locale, guild: &str) -> String {
    t!(l, "circle-event-description", guild = guild)
}

pub const CHANNEL_NAME: Key = Key("circle-channel-name");
pub const CHANNEL_TOPIC: Key = Key("circle-channel-topic");

/// A scheduled event's web link, which Discord shows as a card.
pub fn event_link(guild: u64, event: u64) -> String {
    format!("https://discord.com/events/{guild}/{event}")
}

pub fn announcement(l: Locale, start: i64, voice: u64, link: &str) -> String {
    t!(
        l,
        "circle-announcement",
        start = unix(start),
        voice = voice.to_string(),
        link = link
    )
}

/// The reminder, with the mentors it pings after it (one per line's worth of mentions).
pub fn reminder(l: Locale, start: i64, voice: u64, link: &str, mentors: &[u64]) -> String {
    let text = t!(
        l,
        "circle-reminder",
        start = unix(start),
        voice = voice.to_string(),
        link = link
    );
    if mentors.is_empty() {
        return text;
    }
    let mentions: Vec<String> = mentors.iter().map(|m| format!("<@{m}>")).collect();
    format!("{text}\n{}", mentions.join(" "))
}

pub const NO_VOICE_CHANNEL: Key = Key("circle-no-voice-channel");

pub fn cannot_create_event(l: Locale, voice: u64) -> String {
    t!(l, "circle-cannot-create-event", voice = voice.to_string())
}

pub const CANNOT_MAKE_CHANNEL: Key = Key("circle-cannot-make-channel");

pub const SETUP_FIELD: Key = Key("circle-setup-field");
pub const SETUP_OFF: Key = Key("circle-setup-off");

pub fn setup_value(l: Locale, cron: &str, voice: u64, next: Option<i64>) -> String {
    match next {
        Some(next) => t!(
            l,
            "circle-setup-value",
            cron = cron,
            voice = voice.to_string(),
            next = unix(next)
        ),
        None => t!(
            l,
            "circle-setup-value-no-next",
            cron = cron,
            voice = voice.to_string()
        ),
    }
}

pub const SETUP_NO_CHANNEL: Key = Key("circle-setup-no-channel");
pub const SETUP_NOT_VOICE: Key = Key("circle-setup-not-voice");
pub const SETUP_SAVED_NOTE: Key = Key("circle-setup-saved-note");

pub fn bad_schedule(l: Locale, input: &str, e: &CircleScheduleError) -> String {
    let why = match e {
        CircleScheduleError::Cron(e) => super::setup::cron_why(l, e),
        CircleScheduleError::TooOften => t!(l, "circle-setup-too-often"),
    };
    t!(
        l,
        "circle-setup-bad-schedule",
        input = super::quote(input, 60),
        why = why
    )
}
