//! Problems raised privately with the moderators. The text is the reporter's; the audit log
//! says only that a report was made and when it was read.

use chrono::{DateTime, Duration, Utc};

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, On, Result};

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub guild_id: i64,
    pub reporter_id: i64,
    pub pair_id: Option<i64>,
    pub what: String,
    pub contact: bool,
    pub created_at: DateTime<Utc>,
    pub channel_id: Option<i64>,
    pub message_id: Option<i64>,
    pub acknowledged_by: Option<i64>,
    pub acknowledged_at: Option<DateTime<Utc>>,
}

impl ReportRow {
    pub fn reporter(&self) -> u64 {
        from_db(self.reporter_id)
    }
}

/// What became of a report someone sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    Stored(i64),
    /// The reporter sent these same words within the hour (a double submit): not again.
    Duplicate,
    /// The reporter sent `limit` reports in the last 24 hours already.
    Limited,
}

macro_rules! select_reports {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, reporter_id, pair_id, what, contact, created_at, channel_id, ",
            "message_id, acknowledged_by, acknowledged_at FROM reports ",
            $rest
        )
    };
}

/// A new report, before it is stored.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    pub guild_id: u64,
    pub reporter: u64,
    pub pair_id: Option<i64>,
    pub what: &'a str,
    pub contact: bool,
    pub at: DateTime<Utc>,
}

impl Db {
    /// Stores the report and its audit entry (without the text) together, unless the
    /// reporter already sent `per_day` in the last 24 hours.
    #[tracing::instrument(skip_all, fields(guild = r.guild_id))]
    pub async fn file_report(&self, r: &NewReport<'_>, per_day: u32) -> Result<Filed> {
        let mut tx = self.write().await?;
        if self.sent_already((&mut tx).into(), r).await? {
            return Ok(Filed::Duplicate);
        }
        let recent: i64 = sql(
            "SELECT COUNT(*) FROM reports WHERE guild_id = ? AND reporter_id = ? AND created_at > ?",
        )
        .bind(to_db(r.guild_id))
        .bind(to_db(r.reporter))
        .bind(r.at - Duration::hours(24))
        .scalar(&mut tx)
        .await?;
        if recent >= i64::from(per_day) {
            return Ok(Filed::Limited);
        }
        let id: i64 = sql(
            "INSERT INTO reports (guild_id, reporter_id, pair_id, what, contact, created_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(to_db(r.guild_id))
        .bind(to_db(r.reporter))
        .bind(r.pair_id)
        .bind(r.what)
        .bind(r.contact)
        .bind(r.at)
        .scalar(&mut tx)
        .await?;
        let entry = AuditEntry {
            guild_id: r.guild_id,
            actor_id: Some(r.reporter),
            action: "report.file".into(),
            target_id: None,
            detail: Some(format!("report {id}")),
            at: r.at,
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Filed::Stored(id))
    }

    /// Whether the reporter sent these same words within the hour.
    pub async fn report_sent_already(&self, r: &NewReport<'_>) -> Result<bool> {
        self.sent_already(self.into(), r).await
    }

    async fn sent_already(&self, on: On<'_>, r: &NewReport<'_>) -> Result<bool> {
        let n: i64 = sql("SELECT COUNT(*) FROM reports
             WHERE guild_id = ? AND reporter_id = ? AND what = ? AND created_at > ?")
        .bind(to_db(r.guild_id))
        .bind(to_db(r.reporter))
        .bind(r.what)
        .bind(r.at - Duration::hours(1))
        .scalar(on)
        .await?;
        Ok(n > 0)
    }

    /// Where the moderators' copy of the report is (so erasure can delete it).
    pub async fn set_report_message(&self, id: i64, channel: u64, message: u64) -> Result<()> {
        let mut tx = self.write().await?;
        sql("UPDATE reports SET channel_id = ?, message_id = ? WHERE id = ?")
            .bind(to_db(channel))
            .bind(to_db(message))
            .bind(id)
            .execute(&mut tx)
            .await?;
        tx.commit().await
    }

    pub async fn report(&self, id: i64) -> Result<Option<ReportRow>> {
        sql(select_reports!("WHERE id = ?"))
            .bind(id)
            .fetch_optional(self)
            .await
    }

    /// Marks the report read by `entry.actor_id`, once: `None` if it was already (or is gone).
    pub async fn acknowledge_report(
        &self,
        id: i64,
        entry: &AuditEntry,
    ) -> Result<Option<ReportRow>> {
        let mut tx = self.write().await?;
        let changed = sql("UPDATE reports SET acknowledged_by = ?, acknowledged_at = ?
             WHERE id = ? AND guild_id = ? AND acknowledged_at IS NULL")
        .bind(entry.actor_id.map(to_db))
        .bind(entry.at)
        .bind(id)
        .bind(to_db(entry.guild_id))
        .execute(&mut tx)
        .await?;
        if changed.rows_affected() == 0 {
            return Ok(None);
        }
        record(&mut tx, entry).await?;
        let row = sql(select_reports!("WHERE id = ?"))
            .bind(id)
            .fetch_optional(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Reports no moderator has read yet (the digest counts them).
    pub async fn open_reports(&self, guild_id: u64) -> Result<u32> {
        let n: i64 =
            sql("SELECT COUNT(*) FROM reports WHERE guild_id = ? AND acknowledged_at IS NULL")
                .bind(to_db(guild_id))
                .scalar(self)
                .await?;
        Ok(n as u32)
    }

    /// The moderators' copies of the person's reports: (channel, message).
    pub async fn report_messages_of(&self, guild_id: u64, user_id: u64) -> Result<Vec<(u64, u64)>> {
        let rows: Vec<(i64, i64)> = sql("SELECT channel_id, message_id FROM reports
             WHERE guild_id = ? AND reporter_id = ? AND message_id IS NOT NULL")
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(c, m)| (from_db(c), from_db(m)))
            .collect())
    }
}
