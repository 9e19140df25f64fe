//! Per-server settings.

use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::Mutex;

use chrono_tz::Tz;

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result};
use crate::domain::guild::{ArchiveMode, GuildSettings, InvalidSetting, PairSpace};
use crate::domain::locale::Locale;
use crate::domain::schedule::Cron;
use crate::domain::{application, circle};

/// A `guild_settings` row as stored.
#[derive(sqlx::FromRow)]
struct SettingsRow {
    guild_id: i64,
    digest_channel_id: Option<i64>,
    moderator_role_id: Option<i64>,
    pair_category_id: Option<i64>,
    timezone: String,
    language: String,
    bot_language: Option<String>,
    require_mentor_approval: bool,
    require_orientation: bool,
    archive_mode: String,
    checkin_cron: Option<String>,
    pulse_cron: Option<String>,
    digest_cron: Option<String>,
    anonymity_min: Option<i64>,
    application_questions: Option<String>,
    circle_cron: Option<String>,
    circle_channel_id: Option<i64>,
    circle_text_channel_id: Option<i64>,
    pair_space: String,
    pair_hub_channel_id: Option<i64>,
    pair_role_id: Option<i64>,
}

macro_rules! select_settings {
    ($rest:literal) => {
        concat!(
            "SELECT guild_id, digest_channel_id, moderator_role_id, pair_category_id, timezone, ",
            "language, bot_language, require_mentor_approval, require_orientation, archive_mode, ",
            "checkin_cron, ",
            "pulse_cron, ",
            "digest_cron, anonymity_min, application_questions, circle_cron, circle_channel_id, ",
            "circle_text_channel_id, pair_space, pair_hub_channel_id, pair_role_id FROM guild_settings ",
            $rest
        )
    };
}

/// Stored values that no longer parse, already logged (each once per process).
static LOGGED: Mutex<BTreeSet<(u64, &'static str)>> = Mutex::new(BTreeSet::new());

/// Reads one stored value; one that no longer parses (a rule got stricter, a time zone was
/// renamed) falls back to the default and is reported, so it never stops the server loading.
fn stored<T>(
    guild: u64,
    field: &'static str,
    value: Option<String>,
    parse: impl FnOnce(&str) -> Result<T, String>,
    invalid: &mut Vec<InvalidSetting>,
) -> Option<T> {
    let value = value?;
    match parse(&value) {
        Ok(v) => Some(v),
        Err(why) => {
            let first = LOGGED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert((guild, field));
            if first {
                tracing::warn!(
                    guild,
                    field,
                    value,
                    why,
                    "stored setting no longer valid; using the default"
                );
            }
            invalid.push(InvalidSetting { field, value, why });
            None
        }
    }
}

fn to_settings(row: SettingsRow) -> GuildSettings {
    let guild = from_db(row.guild_id);
    let mut invalid = Vec::new();
    let cron = |t: &str| Cron::parse(t).map_err(|e| e.to_string());
    let checkin_cron = stored(
        guild,
        "checkin_schedule",
        row.checkin_cron,
        cron,
        &mut invalid,
    );
    let pulse_cron = stored(guild, "pulse_schedule", row.pulse_cron, cron, &mut invalid);
    let digest_cron = stored(
        guild,
        "digest_schedule",
        row.digest_cron,
        cron,
        &mut invalid,
    );
    let circle_cron = stored(
        guild,
        "mentor_circle",
        row.circle_cron,
        |t| circle::parse_schedule(t).map_err(|e| e.to_string()),
        &mut invalid,
    );
    let timezone = stored(
        guild,
        "timezone",
        Some(row.timezone),
        |t| Tz::from_str(t).map_err(|_| "not a known time zone".to_string()),
        &mut invalid,
    );
    let archive_mode = stored(
        guild,
        "ended_channels",
        Some(row.archive_mode),
        |t| ArchiveMode::from_str(t).map_err(|_| "not an archive mode".to_string()),
        &mut invalid,
    );
    let bot_language = stored(
        guild,
        "bot_language",
        row.bot_language,
        |t| Locale::from_code(t).ok_or_else(|| "not a language tandem speaks".to_string()),
        &mut invalid,
    );
    let pair_space = stored(
        guild,
        "pair_space",
        Some(row.pair_space),
        |t| PairSpace::from_str(t).map_err(|_| "not a pair space".to_string()),
        &mut invalid,
    );
    let defaults = GuildSettings::new(guild);
    GuildSettings {
        guild_id: guild,
        digest_channel_id: row.digest_channel_id.map(from_db),
        moderator_role_id: row.moderator_role_id.map(from_db),
        pair_category_id: row.pair_category_id.map(from_db),
        timezone: timezone.unwrap_or(defaults.timezone),
        language: row.language,
        bot_language,
        require_mentor_approval: row.require_mentor_approval,
        require_orientation: row.require_orientation,
        archive_mode: archive_mode.unwrap_or(defaults.archive_mode),
        pair_space: pair_space.unwrap_or(defaults.pair_space),
        pair_hub_channel_id: row.pair_hub_channel_id.map(from_db),
        pair_role_id: row.pair_role_id.map(from_db),
        checkin_cron,
        pulse_cron,
        digest_cron,
        anonymity_min: row.anonymity_min.map(|n| n as u32),
        application_questions: application::stored_questions(row.application_questions.as_deref()),
        circle_cron,
        circle_channel_id: row.circle_channel_id.map(from_db),
        circle_text_channel_id: row.circle_text_channel_id.map(from_db),
        invalid,
    }
}

impl Db {
    /// The server's settings, or `None` before its first `/setup`.
    pub async fn guild_settings(&self, guild_id: u64) -> Result<Option<GuildSettings>> {
        let row: Option<SettingsRow> = sql(select_settings!("WHERE guild_id = ?"))
            .bind(to_db(guild_id))
            .fetch_optional(self)
            .await?;
        Ok(row.map(to_settings))
    }

    /// Every server that ran `/setup` (for the scheduler).
    pub async fn all_guild_settings(&self) -> Result<Vec<GuildSettings>> {
        let rows: Vec<SettingsRow> = sql(select_settings!("ORDER BY guild_id"))
            .fetch_all(self)
            .await?;
        Ok(rows.into_iter().map(to_settings).collect())
    }

    /// The server's settings, or the defaults of a server that has not run `/setup` yet.
    pub async fn guild_settings_or_new(&self, guild_id: u64) -> Result<GuildSettings> {
        Ok(self
            .guild_settings(guild_id)
            .await?
            .unwrap_or_else(|| GuildSettings::new(guild_id)))
    }

    /// Stores the settings and the audit entry describing the change, together.
    pub async fn save_guild_settings(&self, s: &GuildSettings, audit: &AuditEntry) -> Result<()> {
        let mut tx = self.write().await?;
        sql("INSERT INTO guild_settings
               (guild_id, digest_channel_id, moderator_role_id, pair_category_id, timezone,
                language, bot_language, require_mentor_approval, require_orientation,
                archive_mode, checkin_cron, pulse_cron, digest_cron, anonymity_min, circle_cron,
                circle_channel_id, pair_space, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET
               digest_channel_id = excluded.digest_channel_id,
               moderator_role_id = excluded.moderator_role_id,
               pair_category_id = excluded.pair_category_id,
               timezone = excluded.timezone,
               language = excluded.language,
               bot_language = excluded.bot_language,
               require_mentor_approval = excluded.require_mentor_approval,
               require_orientation = excluded.require_orientation,
               archive_mode = excluded.archive_mode,
               checkin_cron = excluded.checkin_cron,
               pulse_cron = excluded.pulse_cron,
               digest_cron = excluded.digest_cron,
               anonymity_min = excluded.anonymity_min,
               circle_cron = excluded.circle_cron,
               circle_channel_id = excluded.circle_channel_id,
               pair_space = excluded.pair_space,
               updated_at = excluded.updated_at")
        .bind(to_db(s.guild_id))
        .bind(s.digest_channel_id.map(to_db))
        .bind(s.moderator_role_id.map(to_db))
        .bind(s.pair_category_id.map(to_db))
        .bind(s.timezone.name())
        .bind(&s.language)
        .bind(s.bot_language.map(Locale::code))
        .bind(s.require_mentor_approval)
        .bind(s.require_orientation)
        .bind(s.archive_mode.as_str())
        .bind(s.checkin_cron.as_ref().map(Cron::as_str))
        .bind(s.pulse_cron.as_ref().map(Cron::as_str))
        .bind(s.digest_cron.as_ref().map(Cron::as_str))
        .bind(s.anonymity_min.map(i64::from))
        .bind(s.circle_cron.as_ref().map(Cron::as_str))
        .bind(s.circle_channel_id.map(to_db))
        .bind(s.pair_space.as_str())
        .bind(audit.at)
        .bind(audit.at)
        .execute(&mut tx)
        .await?;
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the hub channel and the role the bot made for pairs in threads (`None`: gone).
    pub async fn set_pair_hub(
        &self,
        guild_id: u64,
        hub: Option<u64>,
        role: Option<u64>,
    ) -> Result<()> {
        sql("UPDATE guild_settings SET pair_hub_channel_id = ?, pair_role_id = ? WHERE guild_id = ?")
            .bind(hub.map(to_db))
            .bind(role.map(to_db))
            .bind(to_db(guild_id))
            .execute(self)
            .await?;
        Ok(())
    }

    /// Records the mentors-only channel the bot made for the circle (`None`: it is gone).
    pub async fn set_circle_text_channel(&self, guild_id: u64, channel: Option<u64>) -> Result<()> {
        sql("UPDATE guild_settings SET circle_text_channel_id = ? WHERE guild_id = ?")
            .bind(channel.map(to_db))
            .bind(to_db(guild_id))
            .execute(self)
            .await?;
        Ok(())
    }

    /// Servers whose pair channels still grant another role than the moderator role:
    /// (server, role granted now, moderator role). A sweep was cut short, or is due.
    pub async fn stale_pair_access(&self) -> Result<Vec<(u64, Option<u64>, Option<u64>)>> {
        let rows: Vec<(i64, Option<i64>, Option<i64>)> = sql(
            "SELECT guild_id, pair_channels_role, moderator_role_id FROM guild_settings
             WHERE pair_channels_role IS DISTINCT FROM moderator_role_id",
        )
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(g, old, new)| (from_db(g), old.map(from_db), new.map(from_db)))
            .collect())
    }

    /// The pair channels now grant `role` (the sweep finished).
    pub async fn set_pair_channels_role(&self, guild_id: u64, role: Option<u64>) -> Result<()> {
        sql("UPDATE guild_settings SET pair_channels_role = ? WHERE guild_id = ?")
            .bind(role.map(to_db))
            .bind(to_db(guild_id))
            .execute(self)
            .await?;
        Ok(())
    }

    /// Every channel of the server whose overwrites name the moderator role: pair channels
    /// (open or archived, not lost), the overflow categories the bot made and the hub of the
    /// pairs' threads (threads themselves have no overwrites).
    pub async fn channels_with_moderator_access(&self, guild_id: u64) -> Result<Vec<u64>> {
        let rows: Vec<i64> = sql(
            "SELECT channel_id FROM pairs WHERE guild_id = ? AND channel_id IS NOT NULL
               AND status <> 'broken' AND in_thread = FALSE
             UNION SELECT category_id FROM pair_categories WHERE guild_id = ?
             UNION SELECT pair_hub_channel_id FROM guild_settings
               WHERE guild_id = ? AND pair_hub_channel_id IS NOT NULL
             ORDER BY 1",
        )
        .bind(to_db(guild_id))
        .bind(to_db(guild_id))
        .bind(to_db(guild_id))
        .scalars(self)
        .await?;
        Ok(rows.into_iter().map(from_db).collect())
    }
}
