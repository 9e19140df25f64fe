//! Living mentor availability: the monthly question to each active mentor, their answers, and
//! the pauses that come of them (a mentor's own status: their pairs carry on).

use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result, StoreError};
use crate::domain::availability::{self, Answer, PauseReason, PausedMentor};
use crate::domain::member::Status;

/// A paused mentor as [`Db::paused_mentors`] reads them.
#[derive(sqlx::FromRow)]
struct PausedRow {
    user_id: i64,
    paused_reason: Option<String>,
    paused_at: Option<DateTime<Utc>>,
    paused_until: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
}

/// What a mentor's answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// Stored; the mentor was paused before (and why), or not.
    Saved { was_paused: Option<PauseReason> },
    /// That question already has this answer and it still holds: nothing was written.
    Same,
    /// They are not an active or paused mentor of that server any more (they withdrew, or
    /// erased their data): nothing was written.
    NotMentor,
}

impl Db {
    /// The active mentors of a server who enrolled before `enrolled_before`: whom the monthly
    /// question goes to.
    pub async fn mentors_to_ask(
        &self,
        guild_id: u64,
        enrolled_before: DateTime<Utc>,
    ) -> Result<Vec<u64>> {
        let ids: Vec<i64> = sql(
            "SELECT user_id FROM members WHERE guild_id = ? AND role = 'mentor'
               AND status = 'active' AND enrolled_at < ? ORDER BY user_id",
        )
        .bind(to_db(guild_id))
        .bind(enrolled_before)
        .scalars(self)
        .await?;
        Ok(ids.into_iter().map(from_db).collect())
    }

    /// Records that `user` was asked by the occurrence `ask` (once, however often retried).
    pub async fn record_availability_ask(
        &self,
        ask: i64,
        guild_id: u64,
        user_id: u64,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sql(
            "INSERT INTO availability_asks (occurrence_id, guild_id, user_id, asked_at)
             VALUES (?, ?, ?, ?) ON CONFLICT (occurrence_id) DO NOTHING",
        )
        .bind(ask)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(at)
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A mentor answers the question `ask`: the answer is stored on it and their status set
    /// as it says (available, or paused with why and until when), in one transaction. Any of
    /// their questions may be answered, and changed, at any time.
    pub async fn answer_availability(
        &self,
        guild_id: u64,
        user_id: u64,
        ask: i64,
        answer: Answer,
        audit: &AuditEntry,
    ) -> Result<Answered> {
        let mut tx = self.write().await?;
        let row: Option<(String, Option<String>)> = sql("SELECT status, paused_reason FROM members
             WHERE guild_id = ? AND user_id = ? AND role = 'mentor'")
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .fetch_optional(&mut tx)
        .await?;
        let Some((status, reason)) = row else {
            return Ok(Answered::NotMentor);
        };
        let status = Status::from_str(&status).map_err(|_| corrupt("status", &status))?;
        if !matches!(status, Status::Active | Status::Paused) {
            return Ok(Answered::NotMentor);
        }
        let before: Option<String> =
            sql("SELECT answer FROM availability_asks WHERE occurrence_id = ? AND user_id = ?")
                .bind(ask)
                .bind(to_db(user_id))
                .scalar_optional(&mut tx)
                .await?
                .flatten();
        let after = availability::after(answer, audit.at);
        let holds = match after {
            None => status == Status::Active,
            Some((wanted, _)) => {
                status == Status::Paused && reason.as_deref() == Some(wanted.as_str())
            }
        };
        if before.as_deref() == Some(answer.as_str()) && holds {
            return Ok(Answered::Same);
        }
        let was_paused = match status {
            Status::Paused => Some(pause_reason(reason)?),
            _ => None,
        };
        sql("UPDATE availability_asks SET answer = ?, answered_at = ?
             WHERE occurrence_id = ? AND guild_id = ? AND user_id = ?")
        .bind(answer.as_str())
        .bind(audit.at)
        .bind(ask)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .execute(&mut tx)
        .await?;
        let (status, reason, until) = match after {
            None => (Status::Active, None, None),
            Some((reason, until)) => (Status::Paused, Some(reason.as_str()), until),
        };
        let paused_at = reason.map(|_| audit.at);
        sql(
            "UPDATE members SET status = ?, paused_reason = ?, paused_until = ?, paused_at = ?,
               updated_at = ?
             WHERE guild_id = ? AND user_id = ? AND role = 'mentor'",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(until)
        .bind(paused_at)
        .bind(audit.at)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .execute(&mut tx)
        .await?;
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(Answered::Saved { was_paused })
    }

    /// The question `ask` went unanswered: its mentor, if still active, is paused (no new
    /// mentees; their pairs carry on). Whether this paused them.
    pub async fn pause_unanswered(&self, ask: i64, audit: &AuditEntry) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sql(
            "UPDATE members SET status = 'paused', paused_reason = ?, paused_at = ?,
               paused_until = NULL, updated_at = ?
             WHERE role = 'mentor' AND status = 'active'
               AND (guild_id, user_id) IN (SELECT guild_id, user_id FROM availability_asks
                                           WHERE occurrence_id = ? AND answer IS NULL)",
        )
        .bind(PauseReason::NoAnswer.as_str())
        .bind(audit.at)
        .bind(audit.at)
        .bind(ask)
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

    /// Mentors whose month's pause ended by `now` are available again; returns them
    /// (server, mentor), each once.
    pub async fn resume_mentors(&self, now: DateTime<Utc>) -> Result<Vec<(u64, u64)>> {
        let mut tx = self.write().await?;
        let due: Vec<(i64, i64)> = sql("SELECT guild_id, user_id FROM members
             WHERE role = 'mentor' AND status = 'paused' AND paused_until <= ?")
        .bind(now)
        .fetch_all(&mut tx)
        .await?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        sql(
            "UPDATE members SET status = 'active', paused_reason = NULL, paused_at = NULL,
               paused_until = NULL, updated_at = ?
             WHERE role = 'mentor' AND status = 'paused' AND paused_until <= ?",
        )
        .bind(now)
        .bind(now)
        .execute(&mut tx)
        .await?;
        for (guild, user) in &due {
            let entry = AuditEntry {
                guild_id: from_db(*guild),
                actor_id: None,
                action: "mentor.resume".into(),
                target_id: Some(from_db(*user)),
                detail: Some("the month's pause ended".into()),
                at: now,
            };
            record(&mut tx, &entry).await?;
        }
        tx.commit().await?;
        Ok(due
            .into_iter()
            .map(|(g, u)| (from_db(g), from_db(u)))
            .collect())
    }

    /// The server's paused mentors, longest paused first.
    pub async fn paused_mentors(&self, guild_id: u64) -> Result<Vec<PausedMentor>> {
        let rows: Vec<PausedRow> = sql(
            "SELECT user_id, paused_reason, paused_at, paused_until, updated_at FROM members
             WHERE guild_id = ? AND role = 'mentor' AND status = 'paused'
             ORDER BY COALESCE(paused_at, updated_at), user_id",
        )
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(PausedMentor {
                    user_id: from_db(r.user_id),
                    reason: pause_reason(r.paused_reason)?,
                    since: r.paused_at.unwrap_or(r.updated_at),
                    until: r.paused_until,
                })
            })
            .collect()
    }
}

/// Why a paused mentor is paused, as stored. Paused before tandem asked (by nothing it did):
/// as good as a choice.
fn pause_reason(stored: Option<String>) -> Result<PauseReason> {
    match stored {
        Some(text) => PauseReason::from_str(&text).map_err(|_| corrupt("pause reason", &text)),
        None => Ok(PauseReason::Chose),
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}
