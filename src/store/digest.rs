//! What the digest and the health check read: a few aggregate queries per server, each
//! grouped in SQL so the row count does not grow with message volume.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{dialect, from_db, sql, to_db, Db, Result};
use crate::domain::health::PairFacts;
use crate::domain::metrics::{CheckinFact, Facts, Period, PulseFact};

/// An open pair with its latest activity, as [`Db::health_facts`] reads it from `pairs`.
#[derive(sqlx::FromRow)]
struct HealthRow {
    id: i64,
    started_at: DateTime<Utc>,
    /// The last day with messages.
    last_message: Option<NaiveDate>,
    last_meeting: Option<DateTime<Utc>>,
    overdue_goals: i64,
}

/// A sent check-in joined with one answer (the answer's columns `None` when nobody
/// answered), as [`Db::export_checkins`] reads it from `occurrences` and `checkin_answers`.
#[derive(sqlx::FromRow)]
struct AnswerRow {
    /// The check-in's occurrence.
    id: i64,
    /// The pair it was sent to.
    target: i64,
    scheduled_for: DateTime<Utc>,
    user_id: Option<i64>,
    mood: Option<i64>,
    answered_at: Option<DateTime<Utc>>,
    late: Option<bool>,
    /// Whether the answer has written words.
    wrote: Option<bool>,
}

/// Check-ins further back than this do not affect health.
const HEALTH_LOOKBACK_WEEKS: i64 = 12;

impl Db {
    /// Messages per (pair, member, week of `period`) of one server, from the weekly roll-up:
    /// at most one row per pair, member and week, however long the history.
    pub async fn weekly_messages(
        &self,
        guild_id: u64,
        period: Period,
    ) -> Result<Vec<(i64, u64, usize, u32)>> {
        let start = period.start();
        // Days from the period's first Monday, in whole weeks.
        let text = format!(
            "SELECT pair_id, user_id, {} / 7, messages
             FROM activity_weekly
             WHERE guild_id = ? AND week >= ? AND week < ?",
            dialect::days_between(self.engine(), "?", "week")
        );
        let rows: Vec<(i64, i64, i64, i64)> = sql(sqlx::AssertSqlSafe(text))
            .bind(start)
            .bind(to_db(guild_id))
            .bind(start)
            .bind(period.end)
            .fetch_all(self)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(p, u, w, n)| (p, from_db(u), w as usize, n as u32))
            .collect())
    }

    /// The times a one-column `sql` (guild, from, to) returns.
    async fn times_between(
        &self,
        text: &'static str,
        guild_id: u64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>> {
        sql(text)
            .bind(to_db(guild_id))
            .bind(from)
            .bind(to)
            .scalars(self)
            .await
    }

    /// Everything the weekly numbers of `period` are computed from.
    pub async fn digest_facts(&self, guild_id: u64, period: Period) -> Result<Facts> {
        let (from, to) = (
            Period::midnight(period.start()),
            Period::midnight(period.end),
        );
        let week = |t: DateTime<Utc>| period.week_of(t.date_naive());
        let g = to_db(guild_id);

        let meetings: Vec<(i64, Option<i64>, DateTime<Utc>)> =
            sql("SELECT pair_id, user_id, held_at FROM meetings
             WHERE guild_id = ? AND held_at >= ? AND held_at < ?")
            .bind(g)
            .bind(from)
            .bind(to)
            .fetch_all(self)
            .await?;

        let answers: Vec<(i64, i64, DateTime<Utc>, Option<i64>)> =
            sql("SELECT o.id, o.target, o.scheduled_for, a.user_id
             FROM occurrences o LEFT JOIN checkin_answers a ON a.occurrence_id = o.id
             WHERE o.guild_id = ? AND o.kind = 'checkin' AND o.state = 'sent'
               AND o.scheduled_for >= ? AND o.scheduled_for < ?
             ORDER BY o.id")
            .bind(g)
            .bind(from)
            .bind(to)
            .fetch_all(self)
            .await?;
        let mut checkins: Vec<(i64, CheckinFact)> = Vec::new();
        for (occurrence, pair_id, at, user) in answers {
            let Some(w) = week(at) else { continue };
            if checkins.last().is_none_or(|(id, _)| *id != occurrence) {
                checkins.push((
                    occurrence,
                    CheckinFact {
                        pair_id,
                        week: w,
                        answered_by: Vec::new(),
                    },
                ));
            }
            if let (Some(u), Some((_, c))) = (user, checkins.last_mut()) {
                c.answered_by.push(from_db(u));
            }
        }

        let rounds: Vec<(DateTime<Utc>, i64, i64)> = sql(
            "SELECT r.started_at, COUNT(a.score), CAST(COALESCE(SUM(a.score), 0) AS BIGINT)
             FROM pulse_rounds r LEFT JOIN pulse_answers a ON a.round_id = r.occurrence_id
             WHERE r.guild_id = ? AND r.started_at >= ? AND r.started_at < ?
               AND r.closes_at <= ?
             GROUP BY r.occurrence_id",
        )
        .bind(g)
        .bind(from)
        .bind(to)
        .bind(to)
        .fetch_all(self)
        .await?;

        let goals = self
            .times_between(
                "SELECT done_at FROM goals WHERE guild_id = ? AND done_at >= ? AND done_at < ?",
                guild_id,
                from,
                to,
            )
            .await?;
        let kudos = self
            .times_between(
                "SELECT given_at FROM kudos WHERE guild_id = ? AND given_at >= ? AND given_at < ?",
                guild_id,
                from,
                to,
            )
            .await?;

        Ok(Facts {
            period,
            members: self.member_facts(guild_id).await?,
            pairs: self.all_pairs(guild_id).await?,
            messages: self.weekly_messages(guild_id, period).await?,
            meetings: meetings
                .into_iter()
                .filter_map(|(p, u, at)| Some((p, u.map(from_db), week(at)?)))
                .collect(),
            checkins: checkins.into_iter().map(|(_, c)| c).collect(),
            pulse: rounds
                .into_iter()
                .filter_map(|(at, n, sum)| {
                    Some(PulseFact {
                        week: week(at)?,
                        answers: n as u32,
                        score_sum: sum as u32,
                    })
                })
                .collect(),
            goals_done: goals.into_iter().filter_map(week).collect(),
            kudos: kudos.into_iter().filter_map(week).collect(),
        })
    }

    /// Health facts of every open pair of the server as of `now`. Check-ins sent within the
    /// last `answer_hours` are still open for answers and do not count as unanswered.
    pub async fn health_facts(
        &self,
        guild_id: u64,
        now: DateTime<Utc>,
        answer_hours: u32,
    ) -> Result<HashMap<i64, PairFacts>> {
        let g = to_db(guild_id);
        let today = now.date_naive();
        // Per pair, an index lookup each (the activity key starts with pair and day).
        let rows: Vec<HealthRow> = sql("SELECT p.id, p.started_at,
                        (SELECT MAX(day) FROM activity_daily a WHERE a.pair_id = p.id)
                          AS last_message,
                        (SELECT MAX(held_at) FROM meetings m WHERE m.pair_id = p.id)
                          AS last_meeting,
                        (SELECT COUNT(*) FROM goals o WHERE o.pair_id = p.id
                           AND o.done_at IS NULL AND o.due < ?) AS overdue_goals
                 FROM pairs p WHERE p.guild_id = ? AND p.status IN ('active', 'paused')")
        .bind(today)
        .bind(g)
        .fetch_all(self)
        .await?;
        let mut out: HashMap<i64, PairFacts> = rows
            .into_iter()
            .map(|row| {
                (
                    row.id,
                    PairFacts {
                        started: row.started_at.date_naive(),
                        last_message: row.last_message,
                        last_meeting: row.last_meeting.map(|m| m.date_naive()),
                        unanswered_in_row: 0,
                        moods: Vec::new(),
                        overdue_goals: row.overdue_goals as u32,
                    },
                )
            })
            .collect();

        let prompts: Vec<(i64, DateTime<Utc>, i64, Option<f64>)> = sql(
            "SELECT o.target, o.scheduled_for, COUNT(a.user_id), CAST(AVG(a.mood) AS DOUBLE PRECISION)
             FROM occurrences o LEFT JOIN checkin_answers a ON a.occurrence_id = o.id
             WHERE o.guild_id = ? AND o.kind = 'checkin' AND o.state = 'sent'
               AND o.scheduled_for >= ?
             GROUP BY o.id ORDER BY o.target, o.scheduled_for",
        )
        .bind(g)
        .bind(now - Duration::weeks(HEALTH_LOOKBACK_WEEKS))
        .fetch_all(self)
        .await?;
        let still_open = now - Duration::hours(answer_hours.into());
        for (pair, at, answers, mood) in prompts {
            let Some(f) = out.get_mut(&pair) else {
                continue;
            };
            if answers > 0 {
                f.unanswered_in_row = 0;
                f.moods.extend(mood);
            } else if at <= still_open {
                f.unanswered_in_row += 1;
            }
        }
        Ok(out)
    }

    /// Every check-in answer of the server: who answered which prompt, with mood and timing
    /// (never the written answers), and prompts nobody answered.
    pub async fn export_checkins(&self, guild_id: u64) -> Result<Vec<CheckinRow>> {
        let rows: Vec<AnswerRow> = sql(
            "SELECT o.id, o.target, o.scheduled_for, a.user_id, a.mood, a.answered_at, a.late,
                        a.progress IS NOT NULL AS wrote
                 FROM occurrences o LEFT JOIN checkin_answers a ON a.occurrence_id = o.id
                 WHERE o.guild_id = ? AND o.kind = 'checkin' AND o.state = 'sent'
                 ORDER BY o.scheduled_for, o.id, a.user_id",
        )
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| CheckinRow {
                occurrence: row.id,
                pair_id: row.target,
                sent_at: row.scheduled_for,
                user_id: row.user_id.map(from_db),
                mood: row.mood.map(|m| m as u8),
                answered_at: row.answered_at,
                late: row.late.unwrap_or(false),
                wrote: row.wrote.unwrap_or(false),
            })
            .collect())
    }

    /// Every pulse round closed by `now`: (round, started, question, answers, sum of scores).
    pub async fn pulse_totals(
        &self,
        guild_id: u64,
        now: DateTime<Utc>,
    ) -> Result<Vec<(i64, DateTime<Utc>, String, u32, u32)>> {
        let rows: Vec<(i64, DateTime<Utc>, String, i64, i64)> = sql(
            "SELECT r.occurrence_id, r.started_at, r.question, COUNT(a.score),
                    CAST(COALESCE(SUM(a.score), 0) AS BIGINT)
             FROM pulse_rounds r LEFT JOIN pulse_answers a ON a.round_id = r.occurrence_id
             WHERE r.guild_id = ? AND r.closes_at <= ?
             GROUP BY r.occurrence_id ORDER BY r.started_at",
        )
        .bind(to_db(guild_id))
        .bind(now)
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, at, q, n, sum)| (id, at, q, n as u32, sum as u32))
            .collect())
    }

    /// Activity per pair per week (weeks start on Monday, UTC), oldest first.
    pub async fn weekly_activity(&self, guild_id: u64) -> Result<Vec<WeeklyActivity>> {
        let text = format!(
            "WITH weekly AS (
                 SELECT week, pair_id, messages, CAST(0 AS BIGINT) AS meetings,
                        CAST(0 AS BIGINT) AS minutes, CAST(0 AS BIGINT) AS answers
                 FROM activity_weekly WHERE guild_id = ?1
                 UNION ALL
                 SELECT {meeting_week}, pair_id, 0, 1, minutes, 0
                 FROM meetings WHERE guild_id = ?1
                 UNION ALL
                 SELECT {answer_week}, pair_id, 0, 0, 0, 1
                 FROM checkin_answers WHERE guild_id = ?1
             )
             SELECT week, pair_id, CAST(SUM(messages) AS BIGINT), CAST(SUM(meetings) AS BIGINT),
                    CAST(SUM(minutes) AS BIGINT), CAST(SUM(answers) AS BIGINT)
             FROM weekly GROUP BY week, pair_id ORDER BY week, pair_id",
            meeting_week = dialect::week_of(self.engine(), "held_at"),
            answer_week = dialect::week_of(self.engine(), "answered_at"),
        );
        let rows: Vec<(NaiveDate, i64, i64, i64, i64, i64)> = sql(sqlx::AssertSqlSafe(text))
            .bind(to_db(guild_id))
            .fetch_all(self)
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(week, pair_id, messages, meetings, minutes, answers)| WeeklyActivity {
                    week,
                    pair_id,
                    messages: messages as u32,
                    meetings: meetings as u32,
                    meeting_minutes: minutes as u32,
                    checkin_answers: answers as u32,
                },
            )
            .collect())
    }
}

/// One line of the check-ins export.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinRow {
    pub occurrence: i64,
    pub pair_id: i64,
    pub sent_at: DateTime<Utc>,
    /// `None` for a prompt nobody answered.
    pub user_id: Option<u64>,
    pub mood: Option<u8>,
    pub answered_at: Option<DateTime<Utc>>,
    pub late: bool,
    /// Whether the member filled in the form (its text is not exported).
    pub wrote: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyActivity {
    pub week: NaiveDate,
    pub pair_id: i64,
    pub messages: u32,
    pub meetings: u32,
    pub meeting_minutes: u32,
    pub checkin_answers: u32,
}
