//! Members of the programme: mentors and mentees, their profiles and the rules for what a
//! profile may contain.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::timezone;

/// What a mention of a person becomes in others' words once that person erased their data.
pub const ERASED_MENTION: &str = "@former member";

pub const MAX_TOPICS: usize = 10;
pub const MAX_TOPIC_CHARS: usize = 32;
pub const MAX_LANGUAGES: usize = 5;
pub const MAX_ABOUT_CHARS: usize = 300;
pub const MAX_GOALS_CHARS: usize = 500;
pub const CAPACITY_RANGE: std::ops::RangeInclusive<i64> = 1..=5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Mentor,
    Mentee,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Mentor, Role::Mentee];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "mentor" => Ok(Role::Mentor),
            "mentee" => Ok(Role::Mentee),
            _ => Err(()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// A mentor waiting for a moderator's approval.
    Pending,
    Active,
    Paused,
    Withdrawn,
    /// A mentor application a moderator declined.
    Declined,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Pending,
        Status::Active,
        Status::Paused,
        Status::Withdrawn,
        Status::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Withdrawn => "withdrawn",
            Status::Declined => "declined",
        }
    }

    /// Whether the person is still taking part (or waiting to).
    pub fn is_current(self) -> bool {
        matches!(self, Status::Pending | Status::Active | Status::Paused)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or(())
    }
}

/// One person's enrolment in one role in one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub guild_id: u64,
    pub user_id: u64,
    pub role: Role,
    pub status: Status,
    pub topics: Vec<String>,
    pub timezone: Tz,
    pub languages: Vec<String>,
    /// Mentors: how many mentees at once.
    pub capacity: Option<u8>,
    /// Mentees: what they want to achieve.
    pub goals: Option<String>,
    pub about: Option<String>,
    /// When the person (re-)joined the role: the start of their wait for a match.
    pub enrolled_at: DateTime<Utc>,
}

/// What a member typed; every field optional so the same type serves enrol and edit.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub topics: Option<String>,
    pub timezone: Option<String>,
    pub languages: Option<String>,
    pub capacity: Option<i64>,
    pub goals: Option<String>,
    pub about: Option<String>,
}

/// Why a profile was refused; each maps to one sentence in `messages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    NoTopics,
    TooManyTopics(usize),
    TopicTooLong(String),
    UnknownTimezone(String),
    UnknownLanguage(String),
    TooManyLanguages(usize),
    CapacityOutOfRange(i64),
    AboutTooLong(usize),
    GoalsTooLong(usize),
    GoalsRequired,
    /// A field that only the other role has (e.g. capacity on a mentee profile).
    NotForRole(&'static str, Role),
}

/// What a person typed, without what nobody can see: bidirectional override and isolate
/// controls are dropped wherever they are (they make the text after them read backwards), and
/// whitespace and zero-width characters are trimmed from both ends.
pub fn tidy(text: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            )
    };
    let kept: String = text.chars().filter(|c| !bidi(*c)).collect();
    kept.trim_matches(invisible).to_string()
}

/// Splits comma-separated tags, lower-cases them, squeezes spaces and drops duplicates.
pub fn parse_topics(text: &str) -> Result<Vec<String>, ProfileError> {
    let mut topics: Vec<String> = Vec::new();
    for raw in text.split(',') {
        let tag = tidy(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if tag.is_empty() || topics.contains(&tag) {
            continue;
        }
        if tag.chars().count() > MAX_TOPIC_CHARS {
            return Err(ProfileError::TopicTooLong(tag));
        }
        topics.push(tag);
    }
    match topics.len() {
        0 => Err(ProfileError::NoTopics),
        n if n > MAX_TOPICS => Err(ProfileError::TooManyTopics(n)),
        _ => Ok(topics),
    }
}

/// Language names people commonly type, to their ISO 639-1 codes.
const LANGUAGE_NAMES: [(&str, &str); 20] = [
    ("english", "en"),
    ("spanish", "es"),
    ("español", "es"),
    ("german", "de"),
    ("deutsch", "de"),
    ("french", "fr"),
    ("français", "fr"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("italian", "it"),
    ("dutch", "nl"),
    ("polish", "pl"),
    ("japanese", "ja"),
    ("chinese", "zh"),
    ("hindi", "hi"),
    ("russian", "ru"),
    ("arabic", "ar"),
    ("turkish", "tr"),
    ("korean", "ko"),
    ("ukrainian", "uk"),
];

/// One language as a code: `en`, `EN`, `English` → `en`.
pub fn parse_language(text: &str) -> Result<String, ProfileError> {
    let word = tidy(text).to_lowercase();
    if let Some((_, code)) = LANGUAGE_NAMES.iter().find(|(name, _)| *name == word) {
        return Ok(code.to_string());
    }
    let is_code = (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_lowercase());
    if is_code {
        Ok(word)
    } else {
        Err(ProfileError::UnknownLanguage(
            text.trim().chars().take(40).collect(),
        ))
    }
}

/// Comma- or space-separated languages, 1 to 5.
pub fn parse_languages(text: &str) -> Result<Vec<String>, ProfileError> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split([',', ' ', '/']).filter(|p| !p.trim().is_empty()) {
        let code = parse_language(part)?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.len() > MAX_LANGUAGES {
        return Err(ProfileError::TooManyLanguages(out.len()));
    }
    if out.is_empty() {
        return Err(ProfileError::UnknownLanguage(
            text.trim().chars().take(40).collect(),
        ));
    }
    Ok(out)
}

fn clean_text(
    text: &str,
    max: usize,
    too_long: fn(usize) -> ProfileError,
) -> Result<Option<String>, ProfileError> {
    let t = tidy(text);
    let n = t.chars().count();
    if n > max {
        return Err(too_long(n));
    }
    Ok((!t.is_empty()).then_some(t))
}

impl Profile {
    /// A new profile from `/enrol`: every rule checked, defaults filled in.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        guild_id: u64,
        user_id: u64,
        role: Role,
        status: Status,
        input: &ProfileInput,
        default_language: &str,
        now: DateTime<Utc>,
    ) -> Result<Profile, ProfileError> {
        let mut p = Profile {
            guild_id,
            user_id,
            role,
            status,
            topics: Vec::new(),
            timezone: Tz::UTC,
            languages: vec![default_language.to_string()],
            capacity: (role == Role::Mentor).then_some(1),
            goals: None,
            about: None,
            enrolled_at: now,
        };
        p.apply(input)?;
        if p.topics.is_empty() {
            return Err(ProfileError::NoTopics);
        }
        if role == Role::Mentee && p.goals.is_none() {
            return Err(ProfileError::GoalsRequired);
        }
        Ok(p)
    }

    /// Applies the fields given in `input` (for `/profile edit` and re-enrolment).
    pub fn apply(&mut self, input: &ProfileInput) -> Result<(), ProfileError> {
        let mut next = self.clone();
        if let Some(t) = &input.topics {
            next.topics = parse_topics(t)?;
        }
        if let Some(tz) = &input.timezone {
            next.timezone = timezone::parse(tz)
                .ok_or_else(|| ProfileError::UnknownTimezone(tz.chars().take(60).collect()))?;
        }
        if let Some(l) = &input.languages {
            next.languages = parse_languages(l)?;
        }
        if let Some(c) = input.capacity {
            if self.role != Role::Mentor {
                return Err(ProfileError::NotForRole("capacity", Role::Mentor));
            }
            if !CAPACITY_RANGE.contains(&c) {
                return Err(ProfileError::CapacityOutOfRange(c));
            }
            next.capacity = Some(c as u8);
        }
        if let Some(g) = &input.goals {
            if self.role != Role::Mentee {
                return Err(ProfileError::NotForRole("goals", Role::Mentee));
            }
            next.goals = clean_text(g, MAX_GOALS_CHARS, ProfileError::GoalsTooLong)?;
            if next.goals.is_none() {
                return Err(ProfileError::GoalsRequired);
            }
        }
        if let Some(a) = &input.about {
            next.about = clean_text(a, MAX_ABOUT_CHARS, ProfileError::AboutTooLong)?;
        }
        *self = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn input(topics: &str, tz: &str) -> ProfileInput {
        ProfileInput {
            topics: Some(topics.into()),
            timezone: Some(tz.into()),
            ..Default::default()
        }
    }

    #[test]
    fn topics_are_lower_cased_trimmed_and_deduplicated() {
        assert_eq!(
            parse_topics(" Rust, web  Dev ,rust,,SQL").unwrap(),
            ["rust", "web dev", "sql"]
        );
    }

    #[test]
    fn topics_must_number_one_to_ten() {
        assert_eq!(parse_topics(" , ,"), Err(ProfileError::NoTopics));
        let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(
            parse_topics(&eleven.join(",")),
            Err(ProfileError::TooManyTopics(11))
        );
        let ten: Vec<String> = (0..10).map(|i| format!("t{i}")).collect();
        assert_eq!(parse_topics(&ten.join(",")).unwrap().len(), 10);
    }

    #[test]
    fn languages_accept_codes_and_common_names() {
        assert_eq!(
            parse_languages("EN, Español de").unwrap(),
            ["en", "es", "de"]
        );
        assert!(matches!(
            parse_languages("klingon"),
            Err(ProfileError::UnknownLanguage(_))
        ));
    }

    #[test]
    fn a_mentor_gets_capacity_one_and_the_server_language_by_default() {
        let p = Profile::new(
            1,
            2,
            Role::Mentor,
            Status::Pending,
            &input("rust", "Berlin"),
            "en",
            now(),
        )
        .unwrap();
        assert_eq!(p.capacity, Some(1));
        assert_eq!(p.languages, ["en"]);
        assert_eq!(p.timezone, Tz::Europe__Berlin);
    }

    #[test]
    fn invisible_characters_are_not_text() {
        assert_eq!(tidy("\u{200B}\u{FEFF} \u{202E}"), "");
        assert_eq!(tidy("\u{200B}rust\u{FEFF}"), "rust");
        assert_eq!(tidy("\u{202E}gnp.exe"), "gnp.exe");
        assert_eq!(tidy("👩\u{200D}💻"), "👩\u{200D}💻");
        assert_eq!(
            parse_topics("\u{200B}, \u{FEFF}"),
            Err(ProfileError::NoTopics)
        );
        assert_eq!(parse_topics("\u{200B}Rust\u{FEFF}").unwrap(), ["rust"]);
    }

    #[test]
    fn capacity_outside_one_to_five_is_refused() {
        for bad in [0, 6, -1] {
            let mut i = input("rust", "UTC");
            i.capacity = Some(bad);
            assert_eq!(
                Profile::new(1, 2, Role::Mentor, Status::Active, &i, "en", now()),
                Err(ProfileError::CapacityOutOfRange(bad))
            );
        }
    }

    #[test]
    fn a_mentee_needs_goals_and_long_texts_are_refused() {
        let i = input("rust", "UTC");
        assert_eq!(
            Profile::new(1, 2, Role::Mentee, Status::Active, &i, "en", now()),
            Err(ProfileError::GoalsRequired)
        );
        let mut i = input("rust", "UTC");
        i.goals = Some("g".repeat(501));
        assert_eq!(
            Profile::new(1, 2, Role::Mentee, Status::Active, &i, "en", now()),
            Err(ProfileError::GoalsTooLong(501))
        );
        i.goals = Some("ship a crate".into());
        i.about = Some("a".repeat(301));
        assert_eq!(
            Profile::new(1, 2, Role::Mentee, Status::Active, &i, "en", now()),
            Err(ProfileError::AboutTooLong(301))
        );
    }

    #[test]
    fn editing_applies_only_given_fields_and_leaves_the_profile_untouched_on_error() {
        let mut p = Profile::new(
            1,
            2,
            Role::Mentor,
            Status::Active,
            &input("rust", "UTC"),
            "en",
            now(),
        )
        .unwrap();
        let before = p.clone();
        let bad = ProfileInput {
            topics: Some("go".into()),
            timezone: Some("Nowhere/Land".into()),
            ..Default::default()
        };
        assert!(p.apply(&bad).is_err());
        assert_eq!(p, before);
        p.apply(&ProfileInput {
            capacity: Some(3),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(p.capacity, Some(3));
        assert_eq!(p.topics, ["rust"]);
    }

    #[test]
    fn fields_of_the_other_role_are_refused() {
        let mut p = Profile::new(
            1,
            2,
            Role::Mentor,
            Status::Active,
            &input("rust", "UTC"),
            "en",
            now(),
        )
        .unwrap();
        let goals = ProfileInput {
            goals: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(
            p.apply(&goals),
            Err(ProfileError::NotForRole("goals", Role::Mentee))
        );
    }
}
