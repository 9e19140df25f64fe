//! The mentors' circle: its event, its mentors-only channel, the announcement and reminder,
//! and how `/setup` shows it.

use crate::domain::circle::{self, CircleScheduleError};
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

/// The reminder, followed by as many of `mentors` as one message holds (Discord: 2,000
/// characters, and at most [`circle::MAX_REMINDER_MENTIONS`] pings); returns the text and how
/// many of them it names, from the first.
pub fn reminder(l: Locale, start: i64, voice: u64, link: &str, mentors: &[u64]) -> (String, usize) {
    let mut text = t!(
        l,
        "circle-reminder",
        start = unix(start),
        voice = voice.to_string(),
        link = link
    );
    let mut named = 0;
    for (i, m) in mentors
        .iter()
        .take(circle::MAX_REMINDER_MENTIONS)
        .enumerate()
    {
        let mention = format!("{}<@{m}>", if i == 0 { "\n" } else { " " });
        if text.chars().count() + mention.chars().count() > circle::MAX_MESSAGE_CHARS {
            break;
        }
        text.push_str(&mention);
        named += 1;
    }
    (text, named)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_to_many_mentors_stays_within_one_message() {
        let mentors: Vec<u64> = (0..200).map(|i| 1_300_000_000_000_000_000 + i).collect();
        for l in Locale::ALL {
            let (text, named) = reminder(
                l,
                1_800_000_000,
                u64::MAX,
                &event_link(u64::MAX, u64::MAX),
                &mentors,
            );
            assert!(
                text.chars().count() <= circle::MAX_MESSAGE_CHARS,
                "{l}: {}",
                text.len()
            );
            assert!(
                named <= circle::MAX_REMINDER_MENTIONS && named > 50,
                "{l}: {named}"
            );
            assert_eq!(text.matches("<@").count(), named);
        }
        let (text, named) = reminder(Locale::En, 1_800_000_000, 1, "x", &mentors[..2]);
        assert_eq!(named, 2);
        assert!(
            text.ends_with(&format!("<@{}> <@{}>", mentors[0], mentors[1])),
            "{text}"
        );
    }
}
