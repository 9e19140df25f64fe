//! Check-in answers, one row per member per check-in.

use chrono::{DateTime, Utc};

use super::{from_db, sql, to_db, Db, Result};
use crate::domain::pair::Pair;
use crate::domain::survey::CheckinAnswer;

impl Db {
    /// Stores a member's answer; a second answer to the same check-in updates the first
    /// (a mood keeps the words and the words keep the mood).
    pub async fn save_checkin_answer(
        &self,
        occurrence_id: i64,
        pair: &Pair,
        user_id: u64,
        answer: &CheckinAnswer,
        at: DateTime<Utc>,
        late: bool,
    ) -> Result<()> {
        let (mood, progress, blockers, next_step) = match answer {
            CheckinAnswer::Mood(m) => (Some(i64::from(*m)), None, None, None),
            CheckinAnswer::Words {
                progress,
                blockers,
                next_step,
            } => (
                None,
                Some(progress.as_str()),
                blockers.as_deref(),
                next_step.as_deref(),
            ),
        };
        let mut tx = self.write().await?;
        sql("INSERT INTO checkin_answers
               (occurrence_id, guild_id, pair_id, user_id, mood, progress, blockers, next_step,
                answered_at, late)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (occurrence_id, user_id) DO UPDATE SET
               mood = COALESCE(excluded.mood, checkin_answers.mood),
               progress = COALESCE(excluded.progress, checkin_answers.progress),
               blockers = CASE WHEN excluded.progress IS NULL THEN checkin_answers.blockers
                               ELSE excluded.blockers END,
               next_step = CASE WHEN excluded.progress IS NULL THEN checkin_answers.next_step
                                ELSE excluded.next_step END,
               answered_at = excluded.answered_at,
               late = excluded.late")
        .bind(occurrence_id)
        .bind(to_db(pair.guild_id))
        .bind(pair.id)
        .bind(to_db(user_id))
        .bind(mood)
        .bind(progress)
        .bind(blockers)
        .bind(next_step)
        .bind(at)
        .bind(late)
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Who has answered a check-in, in the order they first did.
    pub async fn checkin_answered(&self, occurrence_id: i64) -> Result<Vec<u64>> {
        let rows: Vec<i64> = sql(
            "SELECT user_id FROM checkin_answers WHERE occurrence_id = ? ORDER BY answered_at, user_id",
        )
        .bind(occurrence_id)
        .scalars(self)
        .await?;
        Ok(rows.into_iter().map(from_db).collect())
    }

    /// A member's stored answer.
    pub async fn checkin_answer(
        &self,
        occurrence_id: i64,
        user_id: u64,
    ) -> Result<Option<StoredAnswer>> {
        let row: Option<StoredAnswer> = sql(
            "SELECT mood, progress, blockers, next_step, late FROM checkin_answers
             WHERE occurrence_id = ? AND user_id = ?",
        )
        .bind(occurrence_id)
        .bind(to_db(user_id))
        .fetch_optional(self)
        .await?;
        Ok(row)
    }
}

/// A member's answer to one check-in, as `checkin_answers` stores it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredAnswer {
    /// `None` until the member taps a mood.
    pub mood: Option<i64>,
    /// `None` until the member fills in the form.
    pub progress: Option<String>,
    pub blockers: Option<String>,
    pub next_step: Option<String>,
    pub late: bool,
}
