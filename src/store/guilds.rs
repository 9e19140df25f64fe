//! Per-server settings.

use std::str::FromStr;

use chrono_tz::Tz;

use super::audit::{record, AuditEntry};
use super::{from_db, to_db, Db, Result, StoreError};
use crate::domain::guild::{ArchiveMode, GuildSettings};
use crate::domain::schedule::Cron;

type SettingsRow = (
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
    String,
    bool,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn cron(text: Option<String>) -> Result<Option<Cron>> {
    text.map(|t| Cron::parse(&t).map_err(|e| StoreError::Corrupt(format!("schedule {t:?}: {e}"))))
        .transpose()
}

macro_rules! select_settings {
    ($rest:literal) => {
        concat!(
            "SELECT guild_id, digest_channel_id, moderator_role_id, pair_category_id, timezone, ",
            "language, require_mentor_approval, archive_mode, checkin_cron, pulse_cron, ",
            "digest_cron, anonymity_min FROM guild_settings ",
            $rest
        )
    };
}

fn to_settings(row: SettingsRow) -> Result<GuildSettings> {
    let (
        g,
        digest,
        role,
        category,
        tz,
        language,
        approval,
        archive,
        checkin,
        pulse,
        digest_cron,
        anonymity,
    ) = row;

    Ok(GuildSettings {
        guild_id: from_db(g),
        digest_channel_id: digest.map(from_db),
        moderator_role_id: role.map(from_db),
        pair_category_id: category.map(from_db),
        timezone: Tz::from_str(&tz)
            .map_err(|_| StoreError::Corrupt(format!("time zone {tz:?}")))?,
        language,
        require_mentor_approval: approval,
        archive_mode: ArchiveMode::from_str(&archive)
            .map_err(|_| StoreError::Corrupt(format!("archive mode {archive:?}")))?,
        checkin_cron: cron(checkin)?,
        pulse_cron: cron(pulse)?,
        digest_cron: cron(digest_cron)?,
        anonymity_min: anonymity.map(|n| n as u32),
    })
}

impl Db {
    /// The server's settings, or `None` before its first `/setup`.
    pub async fn guild_settings(&self, guild_id: u64) -> Result<Option<GuildSettings>> {
        let row: Option<SettingsRow> = sqlx::query_as(select_settings!("WHERE guild_id = ?"))
            .bind(to_db(guild_id))
            .fetch_optional(self.pool())
            .await?;
        row.map(to_settings).transpose()
    }

    /// Every server that ran `/setup` (for the scheduler).
    pub async fn all_guild_settings(&self) -> Result<Vec<GuildSettings>> {
        let rows: Vec<SettingsRow> = sqlx::query_as(select_settings!("ORDER BY guild_id"))
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(to_settings).collect()
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
        sqlx::query(
            "INSERT INTO guild_settings
               (guild_id, digest_channel_id, moderator_role_id, pair_category_id, timezone,
                language, require_mentor_approval, archive_mode, checkin_cron, pulse_cron,
                digest_cron, anonymity_min, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET
               digest_channel_id = excluded.digest_channel_id,
               moderator_role_id = excluded.moderator_role_id,
               pair_category_id = excluded.pair_category_id,
               timezone = excluded.timezone,
               language = excluded.language,
               require_mentor_approval = excluded.require_mentor_approval,
               archive_mode = excluded.archive_mode,
               checkin_cron = excluded.checkin_cron,
               pulse_cron = excluded.pulse_cron,
               digest_cron = excluded.digest_cron,
               anonymity_min = excluded.anonymity_min,
               updated_at = excluded.updated_at",
        )
        .bind(to_db(s.guild_id))
        .bind(s.digest_channel_id.map(to_db))
        .bind(s.moderator_role_id.map(to_db))
        .bind(s.pair_category_id.map(to_db))
        .bind(s.timezone.name())
        .bind(&s.language)
        .bind(s.require_mentor_approval)
        .bind(s.archive_mode.as_str())
        .bind(s.checkin_cron.as_ref().map(Cron::as_str))
        .bind(s.pulse_cron.as_ref().map(Cron::as_str))
        .bind(s.digest_cron.as_ref().map(Cron::as_str))
        .bind(s.anonymity_min.map(i64::from))
        .bind(audit.at)
        .bind(audit.at)
        .execute(&mut *tx)
        .await?;
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}
