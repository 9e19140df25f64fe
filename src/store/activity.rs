//! Activity: messages counted per pair channel per member per day, meetings and kudos.
//! Counts and short notes only; the bot never stores what people wrote in their channel.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::{sql, to_db, Db, Result};
use crate::domain::pair::Pair;

/// What became of a `/kudos`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KudosOutcome {
    /// Stored; `received` is how many kudos the receiver has had in this server.
    Given { received: u32 },
    /// The giver reached the daily limit; they can give again at `again_at`.
    Limited { again_at: DateTime<Utc> },
}

impl Db {
    /// Counts one message by `user_id` in `channel_id` on `day`, if that channel belongs to an
    /// open pair, group or circle the user is in. Returns whether it counted.
    pub async fn count_message(
        &self,
        channel_id: u64,
        user_id: u64,
        day: NaiveDate,
    ) -> Result<bool> {
        // A read first: most messages are outside pair channels and need no write lock.
        let pair: Option<(i64, i64)> = sql(
            "SELECT id, guild_id FROM pairs
             WHERE channel_id = ? AND status IN ('active', 'paused')
               AND (mentor_id = ? OR mentee_id = ? OR id IN (SELECT pair_id FROM pair_members
                                                           WHERE user_id = ? AND left_at IS NULL))",
        )
        .bind(to_db(channel_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .fetch_optional(self)
        .await?;
        let Some((pair_id, guild_id)) = pair else {
            return Ok(false);
        };
        // The day's and the week's counts move together, so the digest's weekly roll-up
        // never disagrees with the days it sums.
        let week = day - Duration::days(day.weekday().num_days_from_monday().into());
        let mut tx = self.write().await?;
        for (text, bucket) in [
            (
                "INSERT INTO activity_daily (pair_id, day, user_id, guild_id, messages)
                 VALUES (?, ?, ?, ?, 1)
                 ON CONFLICT (pair_id, day, user_id)
                 DO UPDATE SET messages = activity_daily.messages + 1",
                day,
            ),
            (
                "INSERT INTO activity_weekly (pair_id, week, user_id, guild_id, messages)
                 VALUES (?, ?, ?, ?, 1)
                 ON CONFLICT (pair_id, week, user_id)
                 DO UPDATE SET messages = activity_weekly.messages + 1",
                week,
            ),
        ] {
            sql(text)
                .bind(pair_id)
                .bind(bucket)
                .bind(to_db(user_id))
                .bind(guild_id)
                .execute(&mut tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// All messages counted in a server.
    pub async fn message_total(&self, guild_id: u64) -> Result<u64> {
        let n: i64 = sql(
            "SELECT CAST(COALESCE(SUM(messages), 0) AS BIGINT) FROM activity_daily WHERE guild_id = ?",
        )
        .bind(to_db(guild_id))
        .scalar(self)
        .await?;
        Ok(n as u64)
    }

    /// Messages counted for a pair, per (day, member), oldest first.
    pub async fn message_counts(&self, pair_id: i64) -> Result<Vec<(NaiveDate, u64, u32)>> {
        let rows: Vec<(NaiveDate, i64, i64)> = sql(
            "SELECT day, user_id, messages FROM activity_daily WHERE pair_id = ?
             ORDER BY day, user_id",
        )
        .bind(pair_id)
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(d, u, n)| (d, u as u64, n as u32))
            .collect())
    }

    /// Records a meeting of `pair`, told by `user_id`.
    pub async fn record_meeting(
        &self,
        pair: &Pair,
        user_id: u64,
        minutes: u32,
        note: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        let id = sql(
            "INSERT INTO meetings (pair_id, guild_id, user_id, minutes, note, held_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(pair.id)
        .bind(to_db(pair.guild_id))
        .bind(to_db(user_id))
        .bind(minutes)
        .bind(note)
        .bind(at)
        .scalar(self)
        .await?;
        Ok(id)
    }

    /// (meetings, minutes) a pair has recorded.
    pub async fn meeting_totals(&self, pair_id: i64) -> Result<(u32, u32)> {
        let (n, minutes): (i64, i64) = sql(
            "SELECT COUNT(*), CAST(COALESCE(SUM(minutes), 0) AS BIGINT) FROM meetings WHERE pair_id = ?",
        )
        .bind(pair_id)
        .fetch_one(self)
        .await?;
        Ok((n as u32, minutes as u32))
    }

    /// Stores kudos unless the giver already gave `per_day` in the last 24 hours. The check and
    /// the insert share one write transaction, so two quick commands cannot both slip through.
    #[allow(clippy::too_many_arguments)]
    pub async fn give_kudos(
        &self,
        guild_id: u64,
        giver_id: u64,
        receiver_id: u64,
        reason: &str,
        channel_id: u64,
        at: DateTime<Utc>,
        per_day: u32,
    ) -> Result<KudosOutcome> {
        let mut tx = self.write().await?;
        let since = at - Duration::hours(24);
        let recent: Vec<DateTime<Utc>> = sql(
            "SELECT given_at FROM kudos WHERE guild_id = ? AND giver_id = ? AND given_at > ?
             ORDER BY given_at",
        )
        .bind(to_db(guild_id))
        .bind(to_db(giver_id))
        .bind(since)
        .scalars(&mut tx)
        .await?;
        if recent.len() as u32 >= per_day {
            let oldest = recent[recent.len() - per_day as usize];
            return Ok(KudosOutcome::Limited {
                again_at: oldest + Duration::hours(24),
            });
        }
        sql(
            "INSERT INTO kudos (guild_id, giver_id, receiver_id, reason, channel_id, given_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(to_db(guild_id))
        .bind(to_db(giver_id))
        .bind(to_db(receiver_id))
        .bind(reason)
        .bind(to_db(channel_id))
        .bind(at)
        .execute(&mut tx)
        .await?;
        let received: i64 =
            sql("SELECT COUNT(*) FROM kudos WHERE guild_id = ? AND receiver_id = ?")
                .bind(to_db(guild_id))
                .bind(to_db(receiver_id))
                .scalar(&mut tx)
                .await?;
        tx.commit().await?;
        Ok(KudosOutcome::Given {
            received: received as u32,
        })
    }
}
