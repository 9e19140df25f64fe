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

/// The reminder and the mentors it pings, as messages: the first says it and names as many as
/// fit, the others name the rest (Discord: 2,000 characters and at most
/// [`circle::MAX_REMINDER_MENTIONS`] pings a message). Each with the mentors it names.
pub fn reminder(
    l: Locale,
    start: i64,
    voice: u64,
    link: &str,
    mentors: &[u64],
) -> Vec<(String, Vec<u64>)> {
    let mut text = t!(
        l,
        "circle-reminder",
        start = unix(start),
        voice = voice.to_string(),
        link = link
    );
    let mut named = Vec::new();
    let mut out = Vec::new();
    for m in mentors {
        let mention = format!("<@{m}>");
        let fits = named.len() < circle::MAX_REMINDER_MENTIONS
            && text.chars().count() + 1 + mention.chars().count() <= circle::MAX_MESSAGE_CHARS;
        if !fits {
            out.push((std::mem::take(&mut text), std::mem::take(&mut named)));
        }
        let gap = match (text.is_empty(), out.is_empty() && named.is_empty()) {
            (true, _) => "",
            (false, true) => "\n",
            (false, false) => " ",
        };
        text.push_str(gap);
        text.push_str(&mention);
        named.push(*m);
    }
    out.push((text, named));
    out
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
    fn a_reminder_to_many_mentors_pings_them_all_in_messages_within_discords_limits() {
        let mentors: Vec<u64> = (0..200).map(|i| 1_300_000_000_000_000_000 + i).collect();
        for l in Locale::ALL {
            let link = event_link(u64::MAX, u64::MAX);
            let parts = reminder(l, 1_800_000_000, u64::MAX, &link, &mentors);
            assert!(parts.len() >= 3, "{l}: {}", parts.len());
            let mut pinged: Vec<u64> = Vec::new();
            for (text, named) in &parts {
                assert!(text.chars().count() <= circle::MAX_MESSAGE_CHARS, "{l}");
                assert!(named.len() <= circle::MAX_REMINDER_MENTIONS, "{l}");
                assert_eq!(text.matches("<@").count(), named.len(), "{l}");
                pinged.extend(named);
            }
            assert_eq!(pinged, mentors, "{l}: everyone, once, in order");
            assert!(parts[0].0.starts_with(&t!(
                l,
                "circle-reminder",
                start = unix(1_800_000_000),
                voice = u64::MAX.to_string(),
                link = link.as_str()
            )));
        }
        let parts = reminder(Locale::En, 1_800_000_000, 1, "x", &mentors[..2]);
        assert_eq!(parts.len(), 1);
        assert!(
            parts[0]
                .0
                .ends_with(&format!("\n<@{}> <@{}>", mentors[0], mentors[1])),
            "{}",
            parts[0].0
        );
    }
}
