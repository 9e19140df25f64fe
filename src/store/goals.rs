//! A pair's goals, numbered within the pair.

use chrono::{DateTime, NaiveDate, Utc};

use super::audit::{record, AuditEntry};
use super::{sql, to_db, Db, Result};
use crate::domain::pair::{Goal, Pair};

/// A `goals` row as `select_goals!` reads it.
#[derive(sqlx::FromRow)]
struct GoalRow {
    pair_id: i64,
    number: i64,
    title: String,
    due: Option<NaiveDate>,
    done_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

/// `SELECT <goal columns> FROM goals <rest>`, as one literal.
macro_rules! select_goals {
    ($rest:literal) => {
        concat!(
            "SELECT pair_id, number, title, due, done_at, created_at FROM goals ",
            $rest
        )
    };
}

fn to_goal(row: GoalRow) -> Goal {
    Goal {
        pair_id: row.pair_id,
        number: row.number,
        title: row.title,
        due: row.due,
        done_at: row.done_at,
        created_at: row.created_at,
    }
}

/// What happened to `/goal done`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalDone {
    Done(Goal),
    AlreadyDone(Goal),
    Missing,
}

impl Db {
    /// Adds a goal with the next number in the pair.
    pub async fn add_goal(
        &self,
        pair: &Pair,
        title: &str,
        due: Option<NaiveDate>,
        audit: &AuditEntry,
    ) -> Result<Goal> {
        let mut tx = self.write().await?;
        let number: i64 = sql(
            "INSERT INTO goals (pair_id, number, guild_id, title, due, created_by_user_id, created_at)
             VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM goals WHERE pair_id = ?),
                     ?, ?, ?, ?, ?)
             RETURNING number",
        )
        .bind(pair.id)
        .bind(pair.id)
        .bind(to_db(pair.guild_id))
        .bind(title)
        .bind(due)
        .bind(audit.actor_id.map(to_db))
        .bind(audit.at)
        .scalar(&mut tx)
        .await?;
        let entry = AuditEntry {
            detail: Some(format!("pair {} goal {number}", pair.id)),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Goal {
            pair_id: pair.id,
            number,
            title: title.to_string(),
            due,
            done_at: None,
            created_at: audit.at,
        })
    }

    /// The pair's goals: open ones first (by due date), then done ones.
    pub async fn goals(&self, pair_id: i64) -> Result<Vec<Goal>> {
        let rows: Vec<GoalRow> = sql(select_goals!(
            "WHERE pair_id = ? ORDER BY done_at IS NOT NULL, due IS NULL, due, number"
        ))
        .bind(pair_id)
        .fetch_all(self)
        .await?;
        Ok(rows.into_iter().map(to_goal).collect())
    }

    /// Marks goal `number` done, once.
    pub async fn finish_goal(
        &self,
        pair: &Pair,
        number: i64,
        audit: &AuditEntry,
    ) -> Result<GoalDone> {
        let mut tx = self.write().await?;
        let row: Option<GoalRow> = sql(select_goals!("WHERE pair_id = ? AND number = ?"))
            .bind(pair.id)
            .bind(number)
            .fetch_optional(&mut tx)
            .await?;
        let Some(row) = row else {
            return Ok(GoalDone::Missing);
        };
        let mut goal = to_goal(row);
        if goal.done_at.is_some() {
            return Ok(GoalDone::AlreadyDone(goal));
        }
        sql("UPDATE goals SET done_at = ? WHERE pair_id = ? AND number = ?")
            .bind(audit.at)
            .bind(pair.id)
            .bind(number)
            .execute(&mut tx)
            .await?;
        let entry = AuditEntry {
            detail: Some(format!("pair {} goal {number}", pair.id)),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        goal.done_at = Some(audit.at);
        Ok(GoalDone::Done(goal))
    }
}
