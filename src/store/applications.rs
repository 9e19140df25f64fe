//! Mentor selection: the server's application questions and each applicant's answers.

use chrono::{DateTime, Utc};

use super::audit::{record, AuditEntry};
use super::{sql, to_db, Db, Result};

impl Db {
    /// Replaces the server's application questions (an empty list asks none), with its audit
    /// entry. The server must have run `/setup`.
    pub async fn set_application_questions(
        &self,
        guild_id: u64,
        questions: &[String],
        entry: &AuditEntry,
    ) -> Result<()> {
        let json = (!questions.is_empty())
            .then(|| serde_json::to_string(questions).expect("a list of texts is JSON"));
        let mut tx = self.write().await?;
        sql("UPDATE guild_settings SET application_questions = ?, updated_at = ? WHERE guild_id = ?")
            .bind(json)
            .bind(entry.at)
            .bind(to_db(guild_id))
            .execute(&mut tx)
            .await?;
        record(&mut tx, entry).await?;
        tx.commit().await
    }

    /// Stores an applicant's answers, once: `false` if they had answered already.
    pub async fn save_application_answers(
        &self,
        guild_id: u64,
        user_id: u64,
        answers: &[(String, String)],
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let before: i64 =
            sql("SELECT COUNT(*) FROM application_answers WHERE guild_id = ? AND user_id = ?")
                .bind(to_db(guild_id))
                .bind(to_db(user_id))
                .scalar(&mut tx)
                .await?;
        if before > 0 {
            return Ok(false);
        }
        for (position, (question, answer)) in answers.iter().enumerate() {
            sql("INSERT INTO application_answers
                   (guild_id, user_id, position, question, answer, answered_at)
                 VALUES (?, ?, ?, ?, ?, ?)")
            .bind(to_db(guild_id))
            .bind(to_db(user_id))
            .bind(position as i64)
            .bind(question)
            .bind(answer)
            .bind(at)
            .execute(&mut tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// An applicant's answers, in the order asked: (question, answer).
    pub async fn application_answers(
        &self,
        guild_id: u64,
        user_id: u64,
    ) -> Result<Vec<(String, String)>> {
        sql("SELECT question, answer FROM application_answers
             WHERE guild_id = ? AND user_id = ? ORDER BY position")
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .fetch_all(self)
        .await
    }

    /// Forgets an applicant's answers, so applying again asks the questions again.
    pub async fn clear_application_answers(&self, guild_id: u64, user_id: u64) -> Result<()> {
        let mut tx = self.write().await?;
        sql("DELETE FROM application_answers WHERE guild_id = ? AND user_id = ?")
            .bind(to_db(guild_id))
            .bind(to_db(user_id))
            .execute(&mut tx)
            .await?;
        tx.commit().await
    }
}
