//! Pulse rounds and their answers.

use chrono::{DateTime, Duration, Utc};

use super::{from_db, sql, to_db, Db, Result};

/// What became of a pulse answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PulseAnswer {
    Saved,
    /// The round closed (the next one started, or its window passed): nothing was stored.
    Closed,
    /// A comment without a score first.
    NoScore,
}
use crate::domain::survey::PulseResults;

impl Db {
    /// Starts a round for the pulse occurrence `round_id` (idempotent) and returns its
    /// question: the next of `questions` after the guild's previous round. The round takes
    /// answers for `window`; a round of the guild still open closes now.
    pub async fn start_pulse_round(
        &self,
        round_id: i64,
        guild_id: u64,
        questions: &[String],
        at: DateTime<Utc>,
        window: Duration,
    ) -> Result<String> {
        let mut tx = self.write().await?;
        let existing: Option<String> =
            sql("SELECT question FROM pulse_rounds WHERE occurrence_id = ?")
                .bind(round_id)
                .scalar_optional(&mut tx)
                .await?;
        if let Some(q) = existing {
            return Ok(q);
        }
        let before: i64 = sql("SELECT COUNT(*) FROM pulse_rounds WHERE guild_id = ?")
            .bind(to_db(guild_id))
            .scalar(&mut tx)
            .await?;
        let question = questions
            .get(before as usize % questions.len().max(1))
            .cloned()
            .unwrap_or_default();
        sql("UPDATE pulse_rounds SET closes_at = ? WHERE guild_id = ? AND closes_at > ?")
            .bind(at)
            .bind(to_db(guild_id))
            .bind(at)
            .execute(&mut tx)
            .await?;
        sql(
            "INSERT INTO pulse_rounds (occurrence_id, guild_id, question, started_at, closes_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(round_id)
        .bind(to_db(guild_id))
        .bind(&question)
        .bind(at)
        .bind(at + window)
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(question)
    }

    /// The round's guild and question.
    pub async fn pulse_round(&self, round_id: i64) -> Result<Option<(u64, String)>> {
        let row: Option<(i64, String)> =
            sql("SELECT guild_id, question FROM pulse_rounds WHERE occurrence_id = ?")
                .bind(round_id)
                .fetch_optional(self)
                .await?;
        Ok(row.map(|(g, q)| (from_db(g), q)))
    }

    /// Everyone active in the programme in this server, in either role.
    pub async fn active_member_ids(&self, guild_id: u64) -> Result<Vec<u64>> {
        let rows: Vec<i64> = sql(
            "SELECT DISTINCT user_id FROM members WHERE guild_id = ? AND status = 'active'
             ORDER BY user_id",
        )
        .bind(to_db(guild_id))
        .scalars(self)
        .await?;
        Ok(rows.into_iter().map(from_db).collect())
    }

    /// Whether the person was asked in this round.
    pub async fn was_asked(&self, round_id: i64, user_id: u64) -> Result<bool> {
        let n: i64 = sql(
            "SELECT COUNT(*) FROM occurrences WHERE parent_id = ? AND kind = 'pulse_dm'
               AND user_id = ?",
        )
        .bind(round_id)
        .bind(to_db(user_id))
        .scalar(self)
        .await?;
        Ok(n > 0)
    }

    /// The person's score in a round still open at `now` (none once it closed).
    pub async fn pulse_score(
        &self,
        round_id: i64,
        user_id: u64,
        now: DateTime<Utc>,
    ) -> Result<Option<u8>> {
        let score: Option<i64> = sql("SELECT a.score FROM pulse_answers a
             JOIN pulse_rounds r ON r.occurrence_id = a.round_id
             WHERE a.round_id = ? AND a.user_id = ? AND r.closes_at > ?")
        .bind(round_id)
        .bind(to_db(user_id))
        .bind(now)
        .scalar_optional(self)
        .await?;
        Ok(score.and_then(|s| u8::try_from(s).ok()))
    }

    /// Stores a score while the round is open; answering again replaces it.
    pub async fn save_pulse_score(
        &self,
        round_id: i64,
        guild_id: u64,
        user_id: u64,
        score: u8,
        at: DateTime<Utc>,
    ) -> Result<PulseAnswer> {
        let mut tx = self.write().await?;
        let n = sql(
            "INSERT INTO pulse_answers (round_id, guild_id, user_id, score, answered_at)
             SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pulse_rounds
               WHERE occurrence_id = ? AND closes_at > ?)
             ON CONFLICT (round_id, user_id) DO UPDATE SET
               score = excluded.score, answered_at = excluded.answered_at",
        )
        .bind(round_id)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(i64::from(score))
        .bind(at)
        .bind(round_id)
        .bind(at)
        .execute(&mut tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(if n > 0 {
            PulseAnswer::Saved
        } else {
            PulseAnswer::Closed
        })
    }

    /// Adds a comment to the person's answer while the round is open.
    pub async fn save_pulse_comment(
        &self,
        round_id: i64,
        user_id: u64,
        comment: &str,
        at: DateTime<Utc>,
    ) -> Result<PulseAnswer> {
        let mut tx = self.write().await?;
        let open: bool =
            sql("SELECT COUNT(*) > 0 FROM pulse_rounds WHERE occurrence_id = ? AND closes_at > ?")
                .bind(round_id)
                .bind(at)
                .scalar(&mut tx)
                .await?;
        if !open {
            return Ok(PulseAnswer::Closed);
        }
        let n = sql("UPDATE pulse_answers SET comment = ? WHERE round_id = ? AND user_id = ?")
            .bind(comment)
            .bind(round_id)
            .bind(to_db(user_id))
            .execute(&mut tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(if n > 0 {
            PulseAnswer::Saved
        } else {
            PulseAnswer::NoScore
        })
    }

    /// The round still taking answers at `now`, if any: (round, when it closes, answers so
    /// far). Only the count: scores stay hidden until it closes.
    pub async fn open_pulse_round(
        &self,
        guild_id: u64,
        now: DateTime<Utc>,
    ) -> Result<Option<(i64, DateTime<Utc>, u32)>> {
        let row: Option<(i64, DateTime<Utc>, i64)> = sql("SELECT r.occurrence_id, r.closes_at,
                    (SELECT COUNT(*) FROM pulse_answers a WHERE a.round_id = r.occurrence_id)
             FROM pulse_rounds r WHERE r.guild_id = ? AND r.closes_at > ?
             ORDER BY r.started_at DESC LIMIT 1")
        .bind(to_db(guild_id))
        .bind(now)
        .fetch_optional(self)
        .await?;
        Ok(row.map(|(id, closes, n)| (id, closes, n as u32)))
    }

    /// The latest round in the server that closed by `now`, with its answers (names never
    /// leave this function). Open rounds are never shown: their totals would change with each
    /// answer, and two looks would reveal it.
    pub async fn latest_pulse_results(
        &self,
        guild_id: u64,
        now: DateTime<Utc>,
    ) -> Result<Option<PulseResults>> {
        let round: Option<(i64, String, DateTime<Utc>)> = sql(
            "SELECT occurrence_id, question, started_at FROM pulse_rounds
             WHERE guild_id = ? AND closes_at <= ?
             ORDER BY started_at DESC, occurrence_id DESC LIMIT 1",
        )
        .bind(to_db(guild_id))
        .bind(now)
        .fetch_optional(self)
        .await?;
        let Some((round_id, question, started_at)) = round else {
            return Ok(None);
        };
        let asked: i64 = sql(
            "SELECT COUNT(*) FROM occurrences WHERE parent_id = ? AND kind = 'pulse_dm'
               AND state = 'sent'",
        )
        .bind(round_id)
        .scalar(self)
        .await?;
        let answers: Vec<(i64, Option<String>)> =
            sql("SELECT score, comment FROM pulse_answers WHERE round_id = ?")
                .bind(round_id)
                .fetch_all(self)
                .await?;
        let mut scores = [0u32; 5];
        let mut comments = Vec::new();
        for (score, comment) in answers {
            if let Some(slot) = scores.get_mut((score - 1) as usize) {
                *slot += 1;
            }
            comments.extend(comment.filter(|c| !c.trim().is_empty()));
        }
        Ok(Some(PulseResults {
            round_id,
            question,
            started_at,
            asked: asked as u32,
            scores,
            comments,
        }))
    }
}
