//! The scheduler's table: planned occurrences and their states.
//! pending → claimed → sent | skipped | failed; a crash leaves rows claimed, and start-up puts
//! them back to pending (their sends carry a nonce, so a second try cannot post twice).

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::{dialect, from_db, sql, to_db, Db, Result, StoreError, Tx};
use crate::domain::schedule::{catch_up, Kind, NewOccurrence, Occurrence};
use crate::domain::shard::ShardPlan;

/// An `occurrences` row as stored.
#[derive(sqlx::FromRow)]
struct OccurrenceRow {
    id: i64,
    guild_id: i64,
    kind: String,
    target: i64,
    scheduled_for: DateTime<Utc>,
    attempts: i64,
    parent_id: Option<i64>,
    channel_id: Option<i64>,
    message_id: Option<i64>,
}

macro_rules! select_occurrences {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, kind, target, scheduled_for, attempts, parent_id, channel_id, ",
            "message_id FROM occurrences ",
            $rest
        )
    };
}

fn to_occurrence(row: OccurrenceRow) -> Result<Occurrence> {
    Ok(Occurrence {
        id: row.id,
        guild_id: from_db(row.guild_id),
        kind: Kind::from_str(&row.kind)
            .map_err(|_| StoreError::Corrupt(format!("occurrence kind {:?}", row.kind)))?,
        target: from_db(row.target),
        scheduled_for: row.scheduled_for,
        attempts: row.attempts as u32,
        parent_id: row.parent_id,
        channel_id: row.channel_id.map(from_db),
        message_id: row.message_id.map(from_db),
    })
}

/// An open pair as the planner sees it: where and for whom its check-ins happen.
#[derive(Debug, Clone)]
pub struct CheckinTarget {
    pub pair_id: i64,
    pub guild_id: u64,
    pub timezones: Vec<Tz>,
}

/// Who holds a claim and for how long: the holder's name is stable across restarts of the
/// same process (its shards), so a restart takes its own claims back at once.
#[derive(Debug, Clone)]
pub struct Lease {
    pub holder: String,
    pub length: Duration,
}

/// Which claim an outcome belongs to: who holds it and which attempt it is (every claim
/// counts one more). An outcome is recorded only while the row is still under that claim, so
/// one from a claim taken back (a restart with the same shards) or taken over (a lease that
/// ran out) changes nothing.
#[derive(Debug, Clone, Copy)]
pub struct Ticket<'a> {
    pub holder: &'a str,
    pub attempts: u32,
}

/// What one claim did.
#[derive(Debug, Default)]
pub struct Claimed {
    pub due: Vec<Occurrence>,
    pub skipped: usize,
    /// Rows that could not be read and were marked failed.
    pub failed: usize,
}

async fn insert(tx: &mut Tx, new: &[NewOccurrence]) -> Result<u64> {
    let mut added = 0;
    for o in new {
        let user = o.kind.targets_a_person().then_some(to_db(o.target));
        added += sql(
            "INSERT INTO occurrences (guild_id, kind, target, user_id, scheduled_for, parent_id)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id, kind, target, scheduled_for) DO NOTHING",
        )
        .bind(to_db(o.guild_id))
        .bind(o.kind.as_str())
        .bind(to_db(o.target))
        .bind(user)
        .bind(o.scheduled_for)
        .bind(o.parent_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    Ok(added)
}

/// Rows of the servers on shards `first..=last` of `count` (binds: count, first, last), as
/// Discord assigns them: `(guild_id >> 22) % count`.
macro_rules! in_shards {
    () => {
        "((guild_id >> 22) % ?) BETWEEN ? AND ?"
    };
}

impl Db {
    /// Adds occurrences that are not planned yet; returns how many were new.
    pub async fn plan(&self, new: &[NewOccurrence]) -> Result<u64> {
        if new.is_empty() {
            return Ok(0);
        }
        let mut tx = self.write().await?;
        let added = insert(&mut tx, new).await?;
        tx.commit().await?;
        Ok(added)
    }

    /// Drops a guild's pending occurrences of `kind` after `now` (its schedule changed).
    pub async fn unplan(&self, guild_id: u64, kind: Kind, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.write().await?;
        let n = sql(
            "DELETE FROM occurrences WHERE guild_id = ? AND kind = ? AND state = 'pending'
               AND scheduled_for > ?",
        )
        .bind(to_db(guild_id))
        .bind(kind.as_str())
        .bind(now)
        .execute(&mut tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// The latest planned time per (guild, target) for `kind`, whatever its state.
    pub async fn last_planned(&self, kind: Kind) -> Result<HashMap<(u64, u64), DateTime<Utc>>> {
        let rows: Vec<(i64, i64, DateTime<Utc>)> = sql(
            "SELECT guild_id, target, MAX(scheduled_for) FROM occurrences
             WHERE kind = ? GROUP BY guild_id, target",
        )
        .bind(kind.as_str())
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(g, t, at)| ((from_db(g), from_db(t)), at))
            .collect())
    }

    /// The start of the latest mentors' circle meeting planned in each server (a circle
    /// occurrence's target is its meeting's start, in Unix seconds).
    pub async fn latest_circle_meetings(&self) -> Result<HashMap<u64, DateTime<Utc>>> {
        let rows: Vec<(i64, i64)> =
            sql("SELECT guild_id, MAX(target) FROM occurrences WHERE kind = ? GROUP BY guild_id")
                .bind(Kind::Circle.as_str())
                .fetch_all(self)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(g, t)| Some((from_db(g), DateTime::from_timestamp(t, 0)?)))
            .collect())
    }

    /// Drops every pending occurrence of `kind` in a guild, due or not (its schedule was
    /// turned off or changed). Claimed ones finish.
    pub async fn unplan_pending(&self, guild_id: u64, kind: Kind) -> Result<u64> {
        let mut tx = self.write().await?;
        let n =
            sql("DELETE FROM occurrences WHERE guild_id = ? AND kind = ? AND state = 'pending'")
                .bind(to_db(guild_id))
                .bind(kind.as_str())
                .execute(&mut tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Every open pair with a channel, with its members' time zones.
    pub async fn checkin_targets(&self) -> Result<Vec<CheckinTarget>> {
        let rows: Vec<(i64, i64, Option<String>, Option<String>)> = sql(
            "SELECT p.id, p.guild_id, mt.timezone, me.timezone FROM pairs p
             LEFT JOIN members mt ON mt.guild_id = p.guild_id AND mt.user_id = p.mentor_id
                                 AND mt.role = 'mentor'
             LEFT JOIN members me ON me.guild_id = p.guild_id AND me.user_id = p.mentee_id
                                 AND me.role = 'mentee'
             WHERE p.status IN ('active', 'paused') AND p.channel_id IS NOT NULL",
        )
        .fetch_all(self)
        .await?;
        // The members of groups and circles beyond the mentor (any of their profiles).
        let more: Vec<(i64, String)> = sql("SELECT pm.pair_id, m.timezone FROM pair_members pm
             JOIN pairs p ON p.id = pm.pair_id
             JOIN members m ON m.guild_id = pm.guild_id AND m.user_id = pm.user_id
             WHERE p.status IN ('active', 'paused') AND p.channel_id IS NOT NULL
               AND pm.left_at IS NULL
             ORDER BY pm.id, m.role")
        .fetch_all(self)
        .await?;
        let mut others: std::collections::HashMap<i64, Vec<String>> = Default::default();
        for (pair, tz) in more {
            others.entry(pair).or_default().push(tz);
        }
        Ok(rows
            .into_iter()
            .map(|(pair, guild, a, b)| CheckinTarget {
                pair_id: pair,
                guild_id: from_db(guild),
                timezones: [a, b]
                    .into_iter()
                    .flatten()
                    .chain(others.remove(&pair).unwrap_or_default())
                    .filter_map(|t| Tz::from_str(&t).ok())
                    .collect(),
            })
            .collect())
    }

    /// Takes back, as pending, the claims this holder left when it stopped or crashed (and
    /// claims from before leases, of its own servers). Another process's claims are its own
    /// until their lease runs out.
    pub async fn reset_claimed(&self, lease: &Lease, shards: ShardPlan) -> Result<u64> {
        let mut tx = self.write().await?;
        let n = sql(concat!(
            "UPDATE occurrences SET state = 'pending', claimed_by = NULL, lease_until = NULL ",
            "WHERE state = 'claimed' AND (claimed_by = ? OR (claimed_by IS NULL AND ",
            in_shards!(),
            "))"
        ))
        .bind(&lease.holder)
        .bind(i64::from(shards.count))
        .bind(i64::from(shards.first))
        .bind(i64::from(shards.last))
        .execute(&mut tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Extends the lease of everything this holder has claimed and not finished.
    pub async fn renew_leases(&self, lease: &Lease, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.write().await?;
        let n = sql(
            "UPDATE occurrences SET lease_until = ? WHERE state = 'claimed' AND claimed_by = ?",
        )
        .bind(now + lease.length)
        .bind(&lease.holder)
        .execute(&mut tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Puts claimed occurrences that were never attempted back to pending, as they were (a
    /// stop came before their turn). Only `holder`'s claims: one another process has taken
    /// over meanwhile is that process's.
    pub async fn release(&self, ids: &[i64], holder: &str) -> Result<()> {
        let mut tx = self.write().await?;
        for id in ids {
            sql(
                "UPDATE occurrences SET state = 'pending', claimed_by = NULL, lease_until = NULL,
                   attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
                 WHERE id = ? AND state = 'claimed' AND claimed_by = ?",
            )
            .bind(id)
            .bind(holder)
            .execute(&mut tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Claims up to `limit` due occurrences in one transaction, for `lease`: pending ones of
    /// this process's servers, any a lease overdue, and any whose claim's lease ran out (its
    /// process died). Of
    /// several due for the same target only the latest is claimed, and only within `grace`;
    /// the others are skipped. On PostgreSQL the rows are locked with `SKIP LOCKED`, so
    /// processes claiming at once never take the same row and never wait for each other.
    pub async fn claim_due(
        &self,
        now: DateTime<Utc>,
        grace: Duration,
        limit: u32,
        shards: ShardPlan,
        lease: &Lease,
    ) -> Result<Claimed> {
        let mut tx = self.begin().await?;
        // Raw rows, decoded one by one: one that cannot be read must not block the rest.
        // Pending rows of this process's servers (their channels and members are in its
        // cache), and of any server once they are a whole lease overdue (the process of
        // their shard is gone or far behind); a lapsed claim is anyone's. So when a process
        // dies mid-round, another finishes it.
        let text = format!(
            "{} {}",
            select_occurrences!(
                "WHERE ((state = 'pending' AND (not_before IS NULL OR not_before <= ?)
                         AND (scheduled_for <= ? AND ((guild_id >> 22) % ?) BETWEEN ? AND ?
                              OR scheduled_for <= ?))
                     OR (state = 'claimed' AND lease_until <= ?))
                 ORDER BY scheduled_for, id LIMIT ?"
            ),
            dialect::skip_locked(tx.engine())
        );
        let rows = sql(sqlx::AssertSqlSafe(text))
            .bind(now)
            .bind(now)
            .bind(i64::from(shards.count))
            .bind(i64::from(shards.first))
            .bind(i64::from(shards.last))
            .bind(now - lease.length)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_each::<OccurrenceRow>(&mut tx)
            .await?;
        let departed: Vec<i64> = sql("SELECT guild_id FROM departed_guilds")
            .scalars(&mut tx)
            .await?;
        // A row that cannot be read is marked failed with why; the others go ahead.
        let mut due = Vec::with_capacity(rows.len());
        let mut out = Claimed::default();
        for (id, row) in rows {
            let read = row.and_then(to_occurrence);
            match read {
                // Planned before the bot was removed from that server (a reminder, say).
                Ok(o) if departed.contains(&to_db(o.guild_id)) => {
                    set_state(
                        &mut tx,
                        id,
                        "skipped",
                        Some("the bot was removed from the server"),
                        now,
                    )
                    .await?;
                    out.skipped += 1;
                }
                Ok(o) => due.push(o),
                Err(e) => {
                    tracing::error!(id, error = %e, "occurrence cannot be read; marked failed");
                    set_state(&mut tx, id, "failed", Some(&e.to_string()), now).await?;
                    out.failed += 1;
                }
            }
        }
        let mut by_target: HashMap<(u64, Kind, u64), Vec<usize>> = HashMap::new();
        for (i, o) in due.iter().enumerate() {
            by_target
                .entry((o.guild_id, o.kind, o.target))
                .or_default()
                .push(i);
        }
        let mut keep = vec![false; due.len()];
        for ((_, kind, _), indexes) in &by_target {
            let times: Vec<_> = indexes.iter().map(|i| due[*i].scheduled_for).collect();
            let grace = kind.grace(grace);
            for (i, verdict) in indexes.iter().zip(catch_up(&times, now, grace)) {
                match verdict {
                    None => keep[*i] = true,
                    Some(missed) => {
                        set_state(&mut tx, due[*i].id, "skipped", Some(missed.reason()), now)
                            .await?;
                        out.skipped += 1;
                    }
                }
            }
        }
        for (o, keep) in due.into_iter().zip(keep) {
            if keep {
                sql(
                    "UPDATE occurrences SET state = 'claimed', attempts = attempts + 1,
                       claimed_by = ?, lease_until = ?
                     WHERE id = ?",
                )
                .bind(&lease.holder)
                .bind(now + lease.length)
                .bind(o.id)
                .execute(&mut tx)
                .await?;
                out.due.push(Occurrence {
                    attempts: o.attempts + 1,
                    ..o
                });
            }
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Occurrences due by `now` that are not done yet (waiting or being sent).
    pub async fn outstanding(&self, now: DateTime<Utc>) -> Result<u32> {
        Ok(self.due_backlog(now).await?.0)
    }

    /// The scheduler's backlog at `now`: how many occurrences are due and not done (as
    /// [`Db::outstanding`]), and when the oldest of them became due.
    pub async fn due_backlog(&self, now: DateTime<Utc>) -> Result<(u32, Option<DateTime<Utc>>)> {
        let (n, oldest): (i64, Option<DateTime<Utc>>) = sql(
            "SELECT COUNT(*), MIN(CASE WHEN not_before > scheduled_for THEN not_before ELSE scheduled_for END)
             FROM occurrences
             WHERE state = 'claimed'
                OR (state = 'pending'
                    AND CASE WHEN not_before > scheduled_for THEN not_before ELSE scheduled_for END <= ?)",
        )
        .bind(now)
        .fetch_one(self)
        .await?;
        Ok((n as u32, oldest))
    }

    /// When this process has something to claim next: a pending occurrence of its shards
    /// falls due, one of another shard becomes a lease overdue, or a claim's lease runs out
    /// (another process may have died). `None` when nothing is pending or claimed.
    pub async fn next_due(
        &self,
        shards: ShardPlan,
        lease: &Lease,
    ) -> Result<Option<DateTime<Utc>>> {
        type Times = (
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
        );
        let (own, others, lapse): Times = sql(concat!(
            "SELECT ",
            "(SELECT MIN(CASE WHEN not_before > scheduled_for THEN not_before ",
            "ELSE scheduled_for END) FROM occurrences WHERE state = 'pending' AND ",
            in_shards!(),
            "), (SELECT MIN(CASE WHEN not_before > scheduled_for THEN not_before ",
            "ELSE scheduled_for END) FROM occurrences WHERE state = 'pending' AND NOT ",
            in_shards!(),
            "), (SELECT MIN(lease_until) FROM occurrences WHERE state = 'claimed')"
        ))
        .bind(i64::from(shards.count))
        .bind(i64::from(shards.first))
        .bind(i64::from(shards.last))
        .bind(i64::from(shards.count))
        .bind(i64::from(shards.first))
        .bind(i64::from(shards.last))
        .fetch_one(self)
        .await?;
        Ok([own, others.map(|t| t + lease.length), lapse]
            .into_iter()
            .flatten()
            .min())
    }

    /// Records a send (and the message it made) and plans what follows from it, together.
    /// Like every outcome below, only while the row is under `ticket`'s claim: if the lease
    /// ran out and another process took the occurrence over, that process's outcome stands
    /// (it looks on Discord before sending, so the post is not doubled either way).
    pub async fn mark_sent(
        &self,
        id: i64,
        ticket: Ticket<'_>,
        at: DateTime<Utc>,
        message: Option<(u64, u64)>,
        then: &[NewOccurrence],
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sql(
            "UPDATE occurrences SET state = 'sent', done_at = ?, last_error = NULL,
               channel_id = ?, message_id = ?
             WHERE id = ? AND state = 'claimed' AND claimed_by = ? AND attempts = ?",
        )
        .bind(at)
        .bind(message.map(|m| to_db(m.0)))
        .bind(message.map(|m| to_db(m.1)))
        .bind(id)
        .bind(ticket.holder)
        .bind(ticket.attempts)
        .execute(&mut tx)
        .await?;
        if still_held(id, done.rows_affected()) {
            insert(&mut tx, then).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn mark_skipped(
        &self,
        id: i64,
        ticket: Ticket<'_>,
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        finish(&mut tx, id, ticket, "skipped", Some(reason), at).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn mark_failed(
        &self,
        id: i64,
        ticket: Ticket<'_>,
        at: DateTime<Utc>,
        error: &str,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        finish(&mut tx, id, ticket, "failed", Some(error), at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Back to pending, not before `not_before` (a transient failure).
    pub async fn retry_later(
        &self,
        id: i64,
        ticket: Ticket<'_>,
        not_before: DateTime<Utc>,
        error: &str,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sql(
            "UPDATE occurrences SET state = 'pending', not_before = ?, last_error = ?
             WHERE id = ? AND state = 'claimed' AND claimed_by = ? AND attempts = ?",
        )
        .bind(not_before)
        .bind(error)
        .bind(id)
        .bind(ticket.holder)
        .bind(ticket.attempts)
        .execute(&mut tx)
        .await?;
        still_held(id, done.rows_affected());
        tx.commit().await?;
        Ok(())
    }

    pub async fn occurrence(&self, id: i64) -> Result<Option<Occurrence>> {
        let row: Option<OccurrenceRow> = sql(select_occurrences!("WHERE id = ?"))
            .bind(id)
            .fetch_optional(self)
            .await?;
        row.map(to_occurrence).transpose()
    }

    /// How many occurrences of `kind` are in each state (for tests and the bench).
    pub async fn occurrence_states(&self, kind: Kind) -> Result<HashMap<String, i64>> {
        let rows: Vec<(String, i64)> =
            sql("SELECT state, COUNT(*) FROM occurrences WHERE kind = ? GROUP BY state")
                .bind(kind.as_str())
                .fetch_all(self)
                .await?;
        Ok(rows.into_iter().collect())
    }
}

/// Sets a row's final state, unconditionally (inside a claim, which holds the rows).
async fn set_state(
    tx: &mut Tx,
    id: i64,
    state: &str,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<()> {
    sql("UPDATE occurrences SET state = ?, last_error = ?, done_at = ? WHERE id = ?")
        .bind(state)
        .bind(reason)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Sets a claimed row's final state if it is still under `ticket`'s claim.
async fn finish(
    tx: &mut Tx,
    id: i64,
    ticket: Ticket<'_>,
    state: &str,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<()> {
    let done = sql(
        "UPDATE occurrences SET state = ?, last_error = ?, done_at = ?
         WHERE id = ? AND state = 'claimed' AND claimed_by = ? AND attempts = ?",
    )
    .bind(state)
    .bind(reason)
    .bind(at)
    .bind(id)
    .bind(ticket.holder)
    .bind(ticket.attempts)
    .execute(&mut *tx)
    .await?;
    still_held(id, done.rows_affected());
    Ok(())
}

/// Whether an outcome was recorded (the claim was still this process's); says so if not.
fn still_held(id: i64, rows: u64) -> bool {
    if rows == 0 {
        tracing::info!(
            id,
            "the claim had passed to another process; its outcome stands"
        );
    }
    rows > 0
}
