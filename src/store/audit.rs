//! The audit log: who did what to whom, and when.

use chrono::{DateTime, Utc};

use super::{from_db, sql, to_db, Db, On, Result, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub guild_id: u64,
    pub actor_id: Option<u64>,
    pub action: String,
    pub target_id: Option<u64>,
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}

/// Ends a write whose statement changed `n` rows: recorded and committed if it changed any,
/// rolled back (nothing happened, nothing to record) if not. Returns whether it did.
pub(crate) async fn commit_if_changed(mut tx: Tx, n: u64, e: &AuditEntry) -> Result<bool> {
    if n == 0 {
        return Ok(false);
    }
    record(&mut tx, e).await?;
    tx.commit().await?;
    Ok(true)
}

/// Appends an entry inside the caller's transaction, so the change and its record land together.
pub(crate) async fn record(conn: &mut Tx, e: &AuditEntry) -> Result<()> {
    sql(
        "INSERT INTO audit_log (guild_id, actor_id, action, target_id, detail, at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(to_db(e.guild_id))
    .bind(e.actor_id.map(to_db))
    .bind(&e.action)
    .bind(e.target_id.map(to_db))
    .bind(&e.detail)
    .bind(e.at)
    .execute(conn)
    .await?;
    Ok(())
}

/// An `audit_log` row as [`Db::audit_entries`] reads it.
#[derive(sqlx::FromRow)]
struct AuditRow {
    guild_id: i64,
    actor_id: Option<i64>,
    action: String,
    target_id: Option<i64>,
    detail: Option<String>,
    at: DateTime<Utc>,
}

impl Db {
    /// Records the entry unless its actor already did the same action `limit` times since
    /// `since` in this server (counted and written in one transaction); false when at the limit.
    pub async fn record_within_limit(
        &self,
        entry: &AuditEntry,
        limit: u32,
        since: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = self.count_actions((&mut tx).into(), entry, since).await?;
        if done >= limit {
            return Ok(false);
        }
        record(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// How often the entry's actor did its action (with the same detail) since `since`.
    pub async fn recent_actions(&self, entry: &AuditEntry, since: DateTime<Utc>) -> Result<u32> {
        self.count_actions(self.into(), entry, since).await
    }

    async fn count_actions(
        &self,
        conn: On<'_>,
        entry: &AuditEntry,
        since: DateTime<Utc>,
    ) -> Result<u32> {
        let n: i64 = sql(
            "SELECT COUNT(*) FROM audit_log WHERE guild_id = ? AND actor_id = ? AND action = ?
               AND detail IS NOT DISTINCT FROM ? AND at >= ?",
        )
        .bind(to_db(entry.guild_id))
        .bind(entry.actor_id.map(to_db))
        .bind(&entry.action)
        .bind(&entry.detail)
        .bind(since)
        .scalar(conn)
        .await?;
        Ok(n as u32)
    }

    /// Records an action that changes nothing else (e.g. an export).
    pub async fn record_audit(&self, entry: &AuditEntry) -> Result<()> {
        let mut tx = self.write().await?;
        record(&mut tx, entry).await?;
        tx.commit().await
    }

    /// The newest `limit` entries of a guild, newest first.
    pub async fn audit_entries(&self, guild_id: u64, limit: u32) -> Result<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = sql(
            "SELECT guild_id, actor_id, action, target_id, detail, at FROM audit_log
             WHERE guild_id = ? ORDER BY at DESC, id DESC LIMIT ?",
        )
        .bind(to_db(guild_id))
        .bind(limit)
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| AuditEntry {
                guild_id: from_db(row.guild_id),
                actor_id: row.actor_id.map(from_db),
                action: row.action,
                target_id: row.target_id.map(from_db),
                detail: row.detail,
                at: row.at,
            })
            .collect())
    }
}
