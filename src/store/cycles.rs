//! Programme cycles (`/programme start`, `/programme status`) and each pair's choice for the
//! end of one. The pairs of a cycle are in `pairs.rs` (`open_pairs_in_cycle`).

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result, StoreError};
use crate::domain::cycle::{Choice, Cycle};
use crate::domain::impact::{ExitFact, GoalFact};

/// A `cycles` row as `select_cycles!` reads it.
#[derive(sqlx::FromRow)]
struct CycleRow {
    id: i64,
    guild_id: i64,
    name: String,
    started_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
}

macro_rules! select_cycles {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, name, started_at, ends_at, ended_at FROM cycles ",
            $rest
        )
    };
}

fn to_cycle(row: CycleRow) -> Cycle {
    Cycle {
        id: row.id,
        guild_id: from_db(row.guild_id),
        name: row.name,
        started_at: row.started_at,
        ends_at: row.ends_at,
        ended_at: row.ended_at,
    }
}

/// An exit survey of a cycle's pair, as [`Db::cycle_exit_surveys`] reads it.
#[derive(sqlx::FromRow)]
struct ExitRow {
    pair_id: i64,
    rating: i64,
    worked: Option<String>,
    change: Option<String>,
}

/// What a pair's answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chose {
    Saved,
    /// That was the pair's choice already; nothing was written.
    Same,
    /// The cycle has ended, or the pair is not in it (any more): nothing was written.
    Closed,
}

/// What starting a cycle did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// Started; the open pairs joined it (how many).
    Started { cycle: Cycle, pairs: u64 },
    /// Another one runs; nothing was written.
    Running(Cycle),
}

impl Db {
    /// Starts a cycle unless one runs (checked, and kept by a unique index, in the same
    /// transaction); every open pair of the server joins it.
    pub async fn start_cycle(
        &self,
        guild_id: u64,
        name: &str,
        ends_at: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<Started> {
        let mut tx = self.write().await?;
        let running: Option<CycleRow> =
            sql(select_cycles!("WHERE guild_id = ? AND ended_at IS NULL"))
                .bind(to_db(guild_id))
                .fetch_optional(&mut tx)
                .await?;
        if let Some(running) = running {
            return Ok(Started::Running(to_cycle(running)));
        }
        let id: i64 = sql(
            "INSERT INTO cycles (guild_id, name, started_at, ends_at, started_by_user_id)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(to_db(guild_id))
        .bind(name)
        .bind(audit.at)
        .bind(ends_at)
        .bind(audit.actor_id.map(to_db))
        .scalar(&mut tx)
        .await?;
        let pairs = sql("UPDATE pairs SET cycle_id = ? WHERE guild_id = ?
               AND status IN ('pending', 'active', 'paused')")
        .bind(id)
        .bind(to_db(guild_id))
        .execute(&mut tx)
        .await?
        .rows_affected();
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(Started::Started {
            cycle: Cycle {
                id,
                guild_id,
                name: name.to_string(),
                started_at: audit.at,
                ends_at,
                ended_at: None,
            },
            pairs,
        })
    }

    /// The server's running cycle, if any.
    pub async fn running_cycle(&self, guild_id: u64) -> Result<Option<Cycle>> {
        let row: Option<CycleRow> = sql(select_cycles!("WHERE guild_id = ? AND ended_at IS NULL"))
            .bind(to_db(guild_id))
            .fetch_optional(self)
            .await?;
        Ok(row.map(to_cycle))
    }

    /// Every running cycle, for the scheduler.
    pub async fn running_cycles(&self) -> Result<Vec<Cycle>> {
        let rows: Vec<CycleRow> = sql(select_cycles!("WHERE ended_at IS NULL ORDER BY id"))
            .fetch_all(self)
            .await?;
        Ok(rows.into_iter().map(to_cycle).collect())
    }

    pub async fn cycle(&self, id: i64) -> Result<Option<Cycle>> {
        let row: Option<CycleRow> = sql(select_cycles!("WHERE id = ?"))
            .bind(id)
            .fetch_optional(self)
            .await?;
        Ok(row.map(to_cycle))
    }

    /// The pair of `cycle` chooses; a later choice (by either member) replaces an earlier one.
    /// Only before the cycle's end: the end reads the choices as they are then.
    pub async fn choose(
        &self,
        cycle_id: i64,
        pair_id: i64,
        choice: Choice,
        by: u64,
        at: DateTime<Utc>,
    ) -> Result<Chose> {
        let mut tx = self.write().await?;
        let guild: Option<i64> = sql(
            "SELECT p.guild_id FROM pairs p JOIN cycles c ON c.id = p.cycle_id
             WHERE p.id = ? AND c.id = ? AND c.ended_at IS NULL AND c.ends_at > ?
               AND p.status IN ('active', 'paused')",
        )
        .bind(pair_id)
        .bind(cycle_id)
        .bind(at)
        .scalar_optional(&mut tx)
        .await?;
        let Some(guild) = guild else {
            return Ok(Chose::Closed);
        };
        let before: Option<String> =
            sql("SELECT choice FROM cycle_choices WHERE cycle_id = ? AND pair_id = ?")
                .bind(cycle_id)
                .bind(pair_id)
                .scalar_optional(&mut tx)
                .await?;
        if before.as_deref() == Some(choice.as_str()) {
            return Ok(Chose::Same);
        }
        sql(
            "INSERT INTO cycle_choices (cycle_id, pair_id, guild_id, choice, chosen_by_user_id,
                                        chosen_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (cycle_id, pair_id) DO UPDATE SET choice = excluded.choice,
               chosen_by_user_id = excluded.chosen_by_user_id, chosen_at = excluded.chosen_at",
        )
        .bind(cycle_id)
        .bind(pair_id)
        .bind(guild)
        .bind(choice.as_str())
        .bind(to_db(by))
        .bind(at)
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Chose::Saved)
    }

    /// Each pair's choice in a cycle, by pair id (pairs that did not answer are absent).
    pub async fn cycle_choices(&self, cycle_id: i64) -> Result<HashMap<i64, Choice>> {
        let rows: Vec<(i64, String)> =
            sql("SELECT pair_id, choice FROM cycle_choices WHERE cycle_id = ?")
                .bind(cycle_id)
                .fetch_all(self)
                .await?;
        rows.into_iter()
            .map(|(pair, choice)| {
                Choice::from_str(&choice)
                    .map(|c| (pair, c))
                    .map_err(|_| StoreError::Corrupt(format!("cycle choice {choice:?}")))
            })
            .collect()
    }

    /// Closes a cycle (once); whether this call closed it.
    pub async fn end_cycle(&self, cycle_id: i64, audit: &AuditEntry) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sql("UPDATE cycles SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
            .bind(audit.at)
            .bind(cycle_id)
            .execute(&mut tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The server's cycles, newest first (at most `limit`).
    pub async fn cycles(&self, guild_id: u64, limit: u32) -> Result<Vec<Cycle>> {
        let rows: Vec<CycleRow> = sql(select_cycles!(
            "WHERE guild_id = ? ORDER BY id DESC LIMIT ?"
        ))
        .bind(to_db(guild_id))
        .bind(i64::from(limit))
        .fetch_all(self)
        .await?;
        Ok(rows.into_iter().map(to_cycle).collect())
    }

    /// Goals of the pairs of a cycle, for its impact report.
    pub async fn cycle_goals(&self, cycle_id: i64) -> Result<Vec<GoalFact>> {
        let rows: Vec<(i64, DateTime<Utc>, Option<DateTime<Utc>>)> =
            sql("SELECT g.pair_id, g.created_at, g.done_at
             FROM goals g JOIN pairs p ON p.id = g.pair_id
             WHERE p.cycle_id = ? ORDER BY g.pair_id, g.number")
            .bind(cycle_id)
            .fetch_all(self)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(pair_id, created_at, done_at)| GoalFact {
                pair_id,
                created_at,
                done_at,
            })
            .collect())
    }

    /// Exit surveys of the pairs of a cycle that ended by `until` (answered at any time: they
    /// come in after the ending), for its impact report.
    pub async fn cycle_exit_surveys(
        &self,
        cycle_id: i64,
        until: DateTime<Utc>,
    ) -> Result<Vec<ExitFact>> {
        let rows: Vec<ExitRow> = sql("SELECT e.pair_id, e.rating, e.worked, e.change
             FROM exit_surveys e JOIN pairs p ON p.id = e.pair_id
             WHERE p.cycle_id = ? AND p.ended_at <= ?
             ORDER BY e.pair_id, e.user_id")
        .bind(cycle_id)
        .bind(until)
        .fetch_all(self)
        .await?;
        rows.into_iter()
            .map(|r| {
                let rating = u8::try_from(r.rating)
                    .ok()
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(|| StoreError::Corrupt(format!("exit rating {}", r.rating)))?;
                Ok(ExitFact {
                    pair_id: r.pair_id,
                    rating,
                    worked: r.worked,
                    change: r.change,
                })
            })
            .collect()
    }
}
