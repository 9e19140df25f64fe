//! The bot's one request budget, shared by every process that uses this database: Discord's
//! global limit counts the bot's requests, whichever process sends them. Turns are booked on
//! one row (`rate_budget.tat_us`, the earliest free turn) by the database's clock, so
//! processes on machines whose clocks differ still space their requests correctly.

use super::{dialect, sql, Db, Result};

/// Far enough ahead to mean "no horizon".
const NO_HORIZON_US: i64 = 1_000_000_000_000_000;

impl Db {
    /// Books `turns` consecutive turns of `spacing_us` each, from the earliest free one. With
    /// `horizon_us`, books only if that turn is less than this far ahead (else `None`). The
    /// answer is how far ahead of now, in microseconds, the last booked turn ends.
    #[tracing::instrument(skip(self), level = "trace")]
    pub async fn book_turns(
        &self,
        turns: u32,
        spacing_us: i64,
        horizon_us: Option<i64>,
    ) -> Result<Option<i64>> {
        let now = dialect::now_micros(self.engine());
        let text = format!(
            "INSERT INTO rate_budget (id, tat_us) VALUES (1, {now} + ?1)
             ON CONFLICT (id) DO UPDATE
             SET tat_us = CASE WHEN rate_budget.tat_us > {now} THEN rate_budget.tat_us
                               ELSE {now} END + ?1
             WHERE rate_budget.tat_us < {now} + ?2
             RETURNING tat_us - {now}"
        );
        sql(sqlx::AssertSqlSafe(text))
            .bind(i64::from(turns) * spacing_us)
            .bind(horizon_us.unwrap_or(NO_HORIZON_US))
            .scalar_optional(self)
            .await
    }

    /// Microseconds until the earliest free turn (0 when one is free now).
    pub async fn next_turn_in(&self) -> Result<i64> {
        let now = dialect::now_micros(self.engine());
        let text = format!(
            "SELECT CASE WHEN tat_us > {now} THEN tat_us - {now} ELSE 0 END
             FROM rate_budget WHERE id = 1"
        );
        Ok(sql(sqlx::AssertSqlSafe(text))
            .scalar_optional(self)
            .await?
            .unwrap_or(0))
    }

    /// No turn is free for `pause_us` from now (Discord said the bot was over its limit).
    pub async fn hold_turns(&self, pause_us: i64) -> Result<()> {
        let now = dialect::now_micros(self.engine());
        let text = format!(
            "INSERT INTO rate_budget (id, tat_us) VALUES (1, {now} + ?1)
             ON CONFLICT (id) DO UPDATE
             SET tat_us = CASE WHEN rate_budget.tat_us > {now} + ?1 THEN rate_budget.tat_us
                               ELSE {now} + ?1 END"
        );
        sql(sqlx::AssertSqlSafe(text))
            .bind(pause_us)
            .execute(self)
            .await?;
        Ok(())
    }
}
