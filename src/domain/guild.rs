//! A server's programme settings, as chosen with `/setup`.

use chrono_tz::Tz;

use super::locale::Locale;
use super::schedule::Cron;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildSettings {
    pub guild_id: u64,
    /// Where moderators get the weekly digest and approval requests.
    pub digest_channel_id: Option<u64>,
    /// Members with this role may run moderator commands.
    pub moderator_role_id: Option<u64>,
    /// Category that holds the private pair channels.
    pub pair_category_id: Option<u64>,
    /// The server's time zone, for schedules and dates.
    pub timezone: Tz,
    /// The programme's main language: the code new profiles get when the member names none
    /// (for matching). Not the language of tandem's words: see `bot_language`.
    pub language: String,
    /// The language of tandem's posts that no single member reads: the digest, moderators'
    /// notices, pair channels whose members use different languages. `None` follows the
    /// programme's language when tandem speaks it.
    pub bot_language: Option<Locale>,
    /// Whether new mentors wait for a moderator's approval.
    pub require_mentor_approval: bool,
    /// Whether a mentor approved from now on reads the programme guide (and presses "I've
    /// read it") before they can be paired.
    pub require_orientation: bool,
    /// What happens to a pair's channel when the pair ends.
    pub archive_mode: ArchiveMode,
    /// Where new pairs talk: a channel of their own, or a private thread (`/setup
    /// pair_space`).
    pub pair_space: PairSpace,
    /// The text channel the bot made to hold the pairs' threads, and the role it gives each
    /// member of a pair in a thread so they can see it (the bot's own records).
    pub pair_hub_channel_id: Option<u64>,
    pub pair_role_id: Option<u64>,
    /// The server's own schedules; `None` uses the configured default.
    pub checkin_cron: Option<Cron>,
    pub pulse_cron: Option<Cron>,
    pub digest_cron: Option<Cron>,
    /// Fewest pulse answers before results show; `None` uses the configured default.
    pub anonymity_min: Option<u32>,
    /// Questions new mentors answer when they apply (at most five; `/programme questions`).
    pub application_questions: Vec<String>,
    /// When the mentors' circle meets (at most weekly); `None`: no circle.
    pub circle_cron: Option<Cron>,
    /// The voice or stage channel the circle meets in.
    pub circle_channel_id: Option<u64>,
    /// The mentors-only text channel the bot made for the circle's announcements (the bot's
    /// own record, not chosen with `/setup`).
    pub circle_text_channel_id: Option<u64>,
    /// Stored values that no longer parse; the defaults are used instead until an admin
    /// chooses again (`/setup` shows them).
    pub invalid: Vec<InvalidSetting>,
}

/// A stored setting that is no longer accepted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSetting {
    /// The `/setup` option it belongs to.
    pub field: &'static str,
    pub value: String,
    pub why: String,
}

/// Ended pairs' channels are kept read-only (the history stays for the members) or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArchiveMode {
    #[default]
    ReadOnly,
    Delete,
}

/// Where a server's new pairs talk. Private threads do not count towards Discord's 500
/// channels per server, so a big server can hold many more pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PairSpace {
    #[default]
    Channels,
    Threads,
}

impl PairSpace {
    pub fn as_str(self) -> &'static str {
        match self {
            PairSpace::Channels => "channels",
            PairSpace::Threads => "threads",
        }
    }
}

impl std::str::FromStr for PairSpace {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "channels" => Ok(PairSpace::Channels),
            "threads" => Ok(PairSpace::Threads),
            _ => Err(()),
        }
    }
}

impl ArchiveMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveMode::ReadOnly => "read_only",
            ArchiveMode::Delete => "delete",
        }
    }
}

impl std::str::FromStr for ArchiveMode {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "read_only" => Ok(ArchiveMode::ReadOnly),
            "delete" => Ok(ArchiveMode::Delete),
            _ => Err(()),
        }
    }
}

impl GuildSettings {
    /// Settings of a server that has not run `/setup` yet.
    pub fn new(guild_id: u64) -> Self {
        GuildSettings {
            guild_id,
            digest_channel_id: None,
            moderator_role_id: None,
            pair_category_id: None,
            timezone: Tz::UTC,
            language: "en".into(),
            bot_language: None,
            require_mentor_approval: true,
            require_orientation: false,
            archive_mode: ArchiveMode::ReadOnly,
            pair_space: PairSpace::Channels,
            pair_hub_channel_id: None,
            pair_role_id: None,
            checkin_cron: None,
            pulse_cron: None,
            digest_cron: None,
            anonymity_min: None,
            application_questions: Vec::new(),
            circle_cron: None,
            circle_channel_id: None,
            circle_text_channel_id: None,
            invalid: Vec::new(),
        }
    }

    /// Applies the fields set in `change`; returns the names of the fields that changed.
    pub fn apply(&mut self, change: &SettingsChange) -> Vec<&'static str> {
        let mut changed = Vec::new();
        fn set<T: PartialEq>(
            field: &mut T,
            new: Option<T>,
            name: &'static str,
            changed: &mut Vec<&'static str>,
        ) {
            if let Some(v) = new {
                if *field != v {
                    *field = v;
                    changed.push(name);
                }
            }
        }
        set(
            &mut self.digest_channel_id,
            change.digest_channel_id.map(Some),
            "digest_channel",
            &mut changed,
        );
        set(
            &mut self.moderator_role_id,
            change.moderator_role_id.map(Some),
            "moderator_role",
            &mut changed,
        );
        set(
            &mut self.pair_category_id,
            change.pair_category_id.map(Some),
            "pair_category",
            &mut changed,
        );
        set(
            &mut self.timezone,
            change.timezone,
            "timezone",
            &mut changed,
        );
        set(
            &mut self.language,
            change.language.clone(),
            "language",
            &mut changed,
        );
        set(
            &mut self.bot_language,
            change.bot_language,
            "bot_language",
            &mut changed,
        );
        set(
            &mut self.require_mentor_approval,
            change.require_mentor_approval,
            "mentor_approval",
            &mut changed,
        );
        set(
            &mut self.require_orientation,
            change.require_orientation,
            "orientation",
            &mut changed,
        );
        set(
            &mut self.archive_mode,
            change.archive_mode,
            "ended_channels",
            &mut changed,
        );
        set(
            &mut self.pair_space,
            change.pair_space,
            "pair_space",
            &mut changed,
        );
        set(
            &mut self.checkin_cron,
            change.checkin_cron.clone(),
            "checkin_schedule",
            &mut changed,
        );
        set(
            &mut self.pulse_cron,
            change.pulse_cron.clone(),
            "pulse_schedule",
            &mut changed,
        );
        set(
            &mut self.digest_cron,
            change.digest_cron.clone(),
            "digest_schedule",
            &mut changed,
        );
        set(
            &mut self.anonymity_min,
            change.anonymity_min.map(Some),
            "anonymity_min",
            &mut changed,
        );
        set(
            &mut self.circle_cron,
            change.circle_cron.clone(),
            "mentor_circle",
            &mut changed,
        );
        set(
            &mut self.circle_channel_id,
            change.circle_channel_id.map(Some),
            "circle_channel",
            &mut changed,
        );
        // A value chosen again replaces the stored one that no longer parsed.
        let chosen = change.options();
        self.invalid.retain(|i| !chosen.contains(&i.field));
        changed
    }

    /// The language of the server's shared posts.
    pub fn locale(&self) -> Locale {
        self.bot_language
            .or_else(|| Locale::from_discord(&self.language))
            .unwrap_or_default()
    }

    /// What still needs choosing before the programme can run.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.digest_channel_id.is_none() {
            out.push("digest_channel");
        }
        if self.moderator_role_id.is_none() {
            out.push("moderator_role");
        }
        // Threads need no category: they live in the hub channel the bot makes.
        if self.pair_category_id.is_none() && self.pair_space == PairSpace::Channels {
            out.push("pair_category");
        }
        out
    }
}

/// The fields an admin set in one `/setup` call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub digest_channel_id: Option<u64>,
    pub moderator_role_id: Option<u64>,
    pub pair_category_id: Option<u64>,
    pub timezone: Option<Tz>,
    pub language: Option<String>,
    /// `Some(None)` follows the programme's language again.
    pub bot_language: Option<Option<Locale>>,
    pub require_mentor_approval: Option<bool>,
    pub require_orientation: Option<bool>,
    pub archive_mode: Option<ArchiveMode>,
    pub pair_space: Option<PairSpace>,
    /// `Some(None)` goes back to the configured default.
    pub checkin_cron: Option<Option<Cron>>,
    pub pulse_cron: Option<Option<Cron>>,
    pub digest_cron: Option<Option<Cron>>,
    pub anonymity_min: Option<u32>,
    /// `Some(None)` turns the mentors' circle off.
    pub circle_cron: Option<Option<Cron>>,
    pub circle_channel_id: Option<u64>,
}

impl SettingsChange {
    pub fn is_empty(&self) -> bool {
        *self == SettingsChange::default()
    }

    /// The `/setup` options this change sets (whether or not the value differs).
    pub fn options(&self) -> Vec<&'static str> {
        [
            ("timezone", self.timezone.is_some()),
            ("ended_channels", self.archive_mode.is_some()),
            ("pair_space", self.pair_space.is_some()),
            ("checkin_schedule", self.checkin_cron.is_some()),
            ("pulse_schedule", self.pulse_cron.is_some()),
            ("digest_schedule", self.digest_cron.is_some()),
            ("mentor_circle", self.circle_cron.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_posts_follow_the_programme_language_unless_a_bot_language_is_chosen() {
        let mut s = GuildSettings::new(1);
        assert_eq!(s.locale(), Locale::En);
        s.language = "es".into();
        assert_eq!(s.locale(), Locale::Es);
        s.language = "de".into();
        assert_eq!(s.locale(), Locale::En);
        s.bot_language = Some(Locale::Fr);
        assert_eq!(s.locale(), Locale::Fr);
    }

    #[test]
    fn applying_a_change_reports_only_fields_that_really_changed() {
        let mut s = GuildSettings::new(1);
        let change = SettingsChange {
            digest_channel_id: Some(10),
            timezone: Some(Tz::UTC),
            ..Default::default()
        };
        assert_eq!(s.apply(&change), vec!["digest_channel"]);
        assert_eq!(s.digest_channel_id, Some(10));
        assert_eq!(s.apply(&change), Vec::<&str>::new());
        let change = SettingsChange {
            language: Some("es".into()),
            require_mentor_approval: Some(false),
            ..Default::default()
        };
        assert_eq!(s.apply(&change), vec!["language", "mentor_approval"]);
        assert!(!s.require_mentor_approval);
    }

    #[test]
    fn a_new_server_is_missing_channel_role_and_category() {
        let s = GuildSettings::new(1);
        assert_eq!(
            s.missing(),
            ["digest_channel", "moderator_role", "pair_category"]
        );
        assert!(SettingsChange::default().is_empty());
    }
}
