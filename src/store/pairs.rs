//! Pairs, the categories their channels live in, matching previews and exit surveys.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{commit_if_changed, record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result, StoreError, Tx};
use crate::domain::member::{Role, Status};
use crate::domain::pair::{EndReason, Pair, PairStatus};

/// A `pairs` row as `select_pairs!` reads it.
#[derive(sqlx::FromRow)]
struct PairRow {
    id: i64,
    guild_id: i64,
    mentor_id: Option<i64>,
    mentee_id: Option<i64>,
    status: String,
    channel_id: Option<i64>,
    started_at: DateTime<Utc>,
    paused_until: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
    end_reason: Option<String>,
    in_thread: bool,
}

/// The statuses that hold a place: a mentor's capacity and a mentee's one open pair.
macro_rules! open_statuses {
    () => {
        "status IN ('pending', 'active', 'paused')"
    };
}

macro_rules! select_pairs {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, mentor_id, mentee_id, status, channel_id, started_at, ",
            "paused_until, ended_at, end_reason, in_thread FROM pairs ",
            $rest
        )
    };
}

fn to_pair(row: PairRow) -> Result<Pair> {
    Ok(Pair {
        id: row.id,
        guild_id: from_db(row.guild_id),
        mentor_id: row.mentor_id.map(from_db),
        mentee_id: row.mentee_id.map(from_db),
        status: PairStatus::from_str(&row.status)
            .map_err(|_| StoreError::Corrupt(format!("pair status {:?}", row.status)))?,
        channel_id: row.channel_id.map(from_db),
        started_at: row.started_at,
        paused_until: row.paused_until,
        ended_at: row.ended_at,
        end_reason: row
            .end_reason
            .map(|r| {
                EndReason::from_str(&r)
                    .map_err(|_| StoreError::Corrupt(format!("end reason {r:?}")))
            })
            .transpose()?,
        in_thread: row.in_thread,
    })
}

/// Audits something the bot itself noticed about a pair (no person acted).
async fn record_by_bot(tx: &mut Tx, pair: &Pair, action: &str, at: DateTime<Utc>) -> Result<()> {
    let entry = AuditEntry {
        guild_id: pair.guild_id,
        actor_id: None,
        action: action.into(),
        target_id: None,
        detail: Some(format!("pair {}", pair.id)),
        at,
    };
    record(tx, &entry).await
}

/// Why a pair could not be created; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairRefusal {
    SamePerson,
    NotActive(Role),
    /// The mentor paused mentoring (their answer to the monthly question, or none): no new
    /// mentees until they are back.
    MentorPaused,
    /// The server requires orientation and the mentor has not read the guide yet.
    NotOriented,
    MentorFull {
        capacity: u8,
    },
    AlreadyPaired,
    /// The mentee already has an open pair (with anyone).
    MenteeTaken,
    /// One of them asked not to be paired with the other (who asked is never said).
    KeptApart,
}

/// A pair whose channel the bot could not post in.
#[derive(Debug, Clone)]
pub struct Unreachable {
    pub pair: Pair,
    /// The first failed round since it was last reachable (moderators are told once).
    pub first: bool,
    /// Check-in rounds in a row that could not be posted.
    pub rounds: u32,
}

/// A mentor's capacity and how many open pairs they have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Load {
    pub capacity: u8,
    pub open: u8,
}

impl Db {
    /// Every pair of a cycle, whatever its status.
    pub async fn pairs_in_cycle(&self, cycle_id: i64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!("WHERE cycle_id = ? ORDER BY id"))
            .bind(cycle_id)
            .fetch_all(self)
            .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// The open pairs of a cycle (pending ones are not made yet).
    pub async fn open_pairs_in_cycle(&self, cycle_id: i64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE cycle_id = ? AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(cycle_id)
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// Creates a pending pair (no channel yet) if both people are active in their roles, the
    /// mentor has read the programme guide where the server requires it, the mentor has room
    /// and the mentee has no open pair; all checked in one transaction, and
    /// "one open pair per mentee" is also a unique index, so no race can break it. The pair
    /// becomes active with [`Db::activate_pair`] once its channel exists.
    pub async fn create_pair(
        &self,
        guild_id: u64,
        mentor: u64,
        mentee: u64,
        audit: &AuditEntry,
    ) -> Result<Result<Pair, PairRefusal>> {
        if mentor == mentee {
            return Ok(Err(PairRefusal::SamePerson));
        }
        let mut tx = self.write().await?;
        for (user, role) in [(mentor, Role::Mentor), (mentee, Role::Mentee)] {
            let status: Option<String> =
                sql("SELECT status FROM members WHERE guild_id = ? AND user_id = ? AND role = ?")
                    .bind(to_db(guild_id))
                    .bind(to_db(user))
                    .bind(role.as_str())
                    .scalar_optional(&mut tx)
                    .await?;
            if role == Role::Mentor && status.as_deref() == Some(Status::Paused.as_str()) {
                return Ok(Err(PairRefusal::MentorPaused));
            }
            if status.as_deref() != Some(Status::Active.as_str()) {
                return Ok(Err(PairRefusal::NotActive(role)));
            }
        }
        let apart: bool = sql(
            "SELECT EXISTS (SELECT 1 FROM avoidances WHERE guild_id = ?
               AND ((user_id = ? AND avoided_user_id = ?) OR (user_id = ? AND avoided_user_id = ?)))",
        )
        .bind(to_db(guild_id))
        .bind(to_db(mentor))
        .bind(to_db(mentee))
        .bind(to_db(mentee))
        .bind(to_db(mentor))
        .scalar(&mut tx)
        .await?;
        if apart {
            return Ok(Err(PairRefusal::KeptApart));
        }
        // Read in the same transaction as the pair is made: a mentor who owes the guide is
        // not paired while the server requires it (turning the setting off lets them be).
        let owes_guide: bool = sql(
            "SELECT EXISTS (SELECT 1 FROM members m JOIN guild_settings g ON g.guild_id = m.guild_id
               WHERE m.guild_id = ? AND m.user_id = ? AND m.role = 'mentor' AND g.require_orientation
                 AND m.orientation_owed_at IS NOT NULL AND m.oriented_at IS NULL)",
        )
        .bind(to_db(guild_id))
        .bind(to_db(mentor))
        .scalar(&mut tx)
        .await?;
        if owes_guide {
            return Ok(Err(PairRefusal::NotOriented));
        }
        let (capacity, open): (Option<i64>, i64) = sql(concat!(
            "SELECT m.capacity, (SELECT COUNT(*) FROM pairs p WHERE p.guild_id = m.guild_id ",
            "AND p.mentor_id = m.user_id AND p.",
            open_statuses!(),
            ") FROM members m WHERE m.guild_id = ? AND m.user_id = ? AND m.role = 'mentor'"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(mentor))
        .fetch_one(&mut tx)
        .await?;
        let capacity = capacity.unwrap_or(1);
        if open >= capacity {
            return Ok(Err(PairRefusal::MentorFull {
                capacity: capacity as u8,
            }));
        }
        let (mentor_open, mentee_open): (i64, i64) = sql(concat!(
            "SELECT COUNT(CASE WHEN mentor_id = ? AND mentee_id = ? THEN 1 END), ",
            "COUNT(CASE WHEN mentee_id = ? THEN 1 END) FROM pairs WHERE guild_id = ? AND ",
            open_statuses!()
        ))
        .bind(to_db(mentor))
        .bind(to_db(mentee))
        .bind(to_db(mentee))
        .bind(to_db(guild_id))
        .fetch_one(&mut tx)
        .await?;
        if mentor_open > 0 {
            return Ok(Err(PairRefusal::AlreadyPaired));
        }
        if mentee_open > 0 {
            return Ok(Err(PairRefusal::MenteeTaken));
        }
        let inserted: Result<i64> = sql(
            // A pair made while a cycle runs belongs to it.
            "INSERT INTO pairs (guild_id, mentor_id, mentee_id, status, started_at, cycle_id)
             VALUES (?, ?, ?, 'pending', ?,
                     (SELECT id FROM cycles WHERE guild_id = ? AND ended_at IS NULL))
             RETURNING id",
        )
        .bind(to_db(guild_id))
        .bind(to_db(mentor))
        .bind(to_db(mentee))
        .bind(audit.at)
        .bind(to_db(guild_id))
        .scalar(&mut tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            // The index is the last word if the checks above ever miss a case.
            Err(StoreError::Sqlx(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                return Ok(Err(PairRefusal::MenteeTaken))
            }
            Err(e) => return Err(e),
        };
        let entry = AuditEntry {
            detail: Some(format!("pair {id}")),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Ok(Pair {
            id,
            guild_id,
            mentor_id: Some(mentor),
            mentee_id: Some(mentee),
            status: PairStatus::Pending,
            channel_id: None,
            started_at: audit.at,
            paused_until: None,
            ended_at: None,
            end_reason: None,
            in_thread: false,
        }))
    }

    /// A pending pair gets its channel and becomes active, in one update; false if it is no
    /// longer pending (rolled back meanwhile), and then the channel belongs to no pair.
    pub async fn activate_pair(&self, pair_id: i64, channel_id: u64) -> Result<bool> {
        self.activate_pair_in(pair_id, channel_id, false).await
    }

    /// [`Db::activate_pair`] for a pair whose space is a private thread (`in_thread`) or a
    /// channel.
    pub async fn activate_pair_in(
        &self,
        pair_id: i64,
        channel_id: u64,
        in_thread: bool,
    ) -> Result<bool> {
        let n = sql(
            "UPDATE pairs SET status = 'active', channel_id = ?, in_thread = ?
             WHERE id = ? AND status = 'pending'",
        )
        .bind(to_db(channel_id))
        .bind(in_thread)
        .bind(pair_id)
        .execute(self)
        .await?
        .rows_affected();
        Ok(n > 0)
    }

    /// Removes a pending pair whose channel could not be made, so it does not linger
    /// half-made; false if it was not pending.
    pub async fn discard_new_pair(&self, pair_id: i64, audit: &AuditEntry) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sql("DELETE FROM pairs WHERE id = ? AND status = 'pending'")
            .bind(pair_id)
            .execute(&mut tx)
            .await?
            .rows_affected();
        commit_if_changed(tx, n, audit).await
    }

    /// Pending pairs started by `until`: left half-made by a process that stopped.
    pub async fn pending_pairs(&self, until: DateTime<Utc>) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE status = 'pending' AND started_at <= ? ORDER BY id"
        ))
        .bind(until)
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// Whether any pair (in any state) has this channel.
    pub async fn is_pair_channel(&self, channel_id: u64) -> Result<bool> {
        let n: i64 = sql("SELECT COUNT(*) FROM pairs WHERE channel_id = ?")
            .bind(to_db(channel_id))
            .scalar(self)
            .await?;
        Ok(n > 0)
    }

    pub async fn pair(&self, pair_id: i64) -> Result<Option<Pair>> {
        let row: Option<PairRow> = sql(select_pairs!("WHERE id = ?"))
            .bind(pair_id)
            .fetch_optional(self)
            .await?;
        row.map(to_pair).transpose()
    }

    /// The pair whose private channel this is (any status).
    pub async fn pair_by_channel(&self, channel_id: u64) -> Result<Option<Pair>> {
        let row: Option<PairRow> = sql(select_pairs!("WHERE channel_id = ?"))
            .bind(to_db(channel_id))
            .fetch_optional(self)
            .await?;
        row.map(to_pair).transpose()
    }

    /// Active and paused pairs the person is in, oldest first.
    pub async fn open_pairs_of(&self, guild_id: u64, user_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND (mentor_id = ? OR mentee_id = ?)
               AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// Every active and paused pair of the server, oldest first.
    pub async fn open_pairs(&self, guild_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// Every pair the server ever had, oldest first (for the digest and exports).
    pub async fn all_pairs(&self, guild_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND status <> 'pending' ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_pair).collect()
    }

    /// (mentor, mentee) of every pair the server ever had, to avoid repeats.
    pub async fn previous_pairs(&self, guild_id: u64) -> Result<HashSet<(u64, u64)>> {
        let rows: Vec<(i64, i64)> = sql("SELECT mentor_id, mentee_id FROM pairs
             WHERE guild_id = ? AND mentor_id IS NOT NULL AND mentee_id IS NOT NULL
               AND status <> 'pending'")
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(a, b)| (from_db(a), from_db(b)))
            .collect())
    }

    /// Capacity and open pairs of every active mentor.
    pub async fn mentor_loads(&self, guild_id: u64) -> Result<HashMap<u64, Load>> {
        let rows: Vec<(i64, Option<i64>, i64)> = sql(concat!(
            "SELECT m.user_id, m.capacity, (SELECT COUNT(*) FROM pairs p ",
            "WHERE p.guild_id = m.guild_id AND p.mentor_id = m.user_id AND p.",
            open_statuses!(),
            ") FROM members m WHERE m.guild_id = ? AND m.role = 'mentor' AND m.status = 'active'"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(user, capacity, open)| {
                (
                    from_db(user),
                    Load {
                        capacity: capacity.unwrap_or(1) as u8,
                        open: open as u8,
                    },
                )
            })
            .collect())
    }

    /// Pauses an open pair until `until`.
    pub async fn pause_pair(
        &self,
        pair_id: i64,
        until: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sql("UPDATE pairs SET status = 'paused', paused_until = ?
             WHERE id = ? AND status IN ('active', 'paused')")
        .bind(until)
        .bind(pair_id)
        .execute(&mut tx)
        .await?
        .rows_affected();
        commit_if_changed(tx, n, audit).await
    }

    /// Ends an open pair; `None` if it was not open any more (ended twice, or broken).
    pub async fn end_pair(
        &self,
        pair_id: i64,
        reason: EndReason,
        audit: &AuditEntry,
    ) -> Result<Option<Pair>> {
        let mut tx = self.write().await?;
        let n = sql(
            "UPDATE pairs SET status = 'ended', end_reason = ?, ended_at = ?, paused_until = NULL
             WHERE id = ? AND status IN ('active', 'paused')",
        )
        .bind(reason.as_str())
        .bind(audit.at)
        .bind(pair_id)
        .execute(&mut tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(None);
        }
        record(&mut tx, audit).await?;
        let row: PairRow = sql(select_pairs!("WHERE id = ?"))
            .bind(pair_id)
            .fetch_one(&mut tx)
            .await?;
        tx.commit().await?;
        to_pair(row).map(Some)
    }

    /// Marks the open pair using this channel as broken, once: returns the pair only the first
    /// time, so moderators are told once.
    pub async fn mark_broken(&self, channel_id: u64, at: DateTime<Utc>) -> Result<Option<Pair>> {
        let mut tx = self.write().await?;
        let row: Option<PairRow> = sql(select_pairs!(
            "WHERE channel_id = ? AND status IN ('active', 'paused') AND broken_notified = FALSE"
        ))
        .bind(to_db(channel_id))
        .fetch_optional(&mut tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let mut pair = to_pair(row)?;
        sql("UPDATE pairs SET status = 'broken', broken_notified = TRUE WHERE id = ?")
            .bind(pair.id)
            .execute(&mut tx)
            .await?;
        record_by_bot(&mut tx, &pair, "pair.broken", at).await?;
        tx.commit().await?;
        pair.status = PairStatus::Broken;
        Ok(Some(pair))
    }

    /// A round could not post in this pair's channel for lack of permission: notes since when,
    /// and counts the round if it was a check-in. `None` if no open pair has that channel.
    pub async fn mark_unreachable(
        &self,
        channel_id: u64,
        at: DateTime<Utc>,
        check_in: bool,
    ) -> Result<Option<Unreachable>> {
        let mut tx = self.write().await?;
        let row: Option<(i64, Option<DateTime<Utc>>)> =
            sql("SELECT id, unreachable_since FROM pairs
             WHERE channel_id = ? AND status IN ('active', 'paused')")
            .bind(to_db(channel_id))
            .fetch_optional(&mut tx)
            .await?;
        let Some((id, since)) = row else {
            return Ok(None);
        };
        let rounds: i64 = sql(
            "UPDATE pairs SET unreachable_since = COALESCE(unreachable_since, ?),
               unreachable_rounds = unreachable_rounds + ? WHERE id = ?
             RETURNING unreachable_rounds",
        )
        .bind(at)
        .bind(i64::from(check_in))
        .bind(id)
        .scalar(&mut tx)
        .await?;
        let row: PairRow = sql(select_pairs!("WHERE id = ?"))
            .bind(id)
            .fetch_one(&mut tx)
            .await?;
        let pair = to_pair(row)?;
        if since.is_none() {
            record_by_bot(&mut tx, &pair, "pair.unreachable", at).await?;
        }
        tx.commit().await?;
        Ok(Some(Unreachable {
            pair,
            first: since.is_none(),
            rounds: rounds as u32,
        }))
    }

    /// Whether the open pair with this channel is marked unreachable (a read, for every post).
    pub async fn is_unreachable(&self, channel_id: u64) -> Result<bool> {
        let n: i64 = sql(
            "SELECT COUNT(*) FROM pairs WHERE channel_id = ? AND unreachable_since IS NOT NULL",
        )
        .bind(to_db(channel_id))
        .scalar(self)
        .await?;
        Ok(n > 0)
    }

    /// Posting in the channel works again: the pair is reachable. Returns it if it was not.
    pub async fn mark_reachable(&self, channel_id: u64, at: DateTime<Utc>) -> Result<Option<Pair>> {
        let mut tx = self.write().await?;
        let row: Option<PairRow> = sql(select_pairs!(
            "WHERE channel_id = ? AND unreachable_since IS NOT NULL"
        ))
        .bind(to_db(channel_id))
        .fetch_optional(&mut tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let pair = to_pair(row)?;
        sql("UPDATE pairs SET unreachable_since = NULL, unreachable_rounds = 0 WHERE id = ?")
            .bind(pair.id)
            .execute(&mut tx)
            .await?;
        record_by_bot(&mut tx, &pair, "pair.reachable", at).await?;
        tx.commit().await?;
        Ok(Some(pair))
    }

    /// Categories the bot created for overflowing pair channels, by number.
    pub async fn pair_categories(&self, guild_id: u64) -> Result<Vec<(u64, u32)>> {
        let rows: Vec<(i64, i64)> = sql(
            "SELECT category_id, number FROM pair_categories WHERE guild_id = ? ORDER BY number",
        )
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(c, n)| (from_db(c), n as u32))
            .collect())
    }

    pub async fn add_pair_category(&self, guild_id: u64, category: u64, number: u32) -> Result<()> {
        sql("INSERT INTO pair_categories (guild_id, category_id, number) VALUES (?, ?, ?)")
            .bind(to_db(guild_id))
            .bind(to_db(category))
            .bind(number as i64)
            .execute(self)
            .await?;
        Ok(())
    }

    /// Stores a matching preview; its buttons refer to the returned id.
    pub async fn save_suggestion(
        &self,
        guild_id: u64,
        by: u64,
        proposals: &serde_json::Value,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        let id = sql(
            "INSERT INTO pair_suggestions (guild_id, created_by_user_id, proposals, state, created_at)
             VALUES (?, ?, ?, 'open', ?) RETURNING id",
        )
        .bind(to_db(guild_id))
        .bind(to_db(by))
        .bind(proposals.to_string())
        .bind(at)
        .scalar(self)
        .await?;
        Ok(id)
    }

    /// The preview's guild and proposals while it is still open.
    pub async fn open_suggestion(&self, id: i64) -> Result<Option<(u64, serde_json::Value)>> {
        let row: Option<(i64, String)> =
            sql("SELECT guild_id, proposals FROM pair_suggestions WHERE id = ? AND state = 'open'")
                .bind(id)
                .fetch_optional(self)
                .await?;
        row.map(|(g, text)| {
            serde_json::from_str(&text)
                .map(|v| (from_db(g), v))
                .map_err(|_| StoreError::Corrupt(format!("suggestion {id}")))
        })
        .transpose()
    }

    /// Closes an open preview (approved or discarded); false if someone else closed it first.
    pub async fn close_suggestion(&self, id: i64, approved: bool) -> Result<bool> {
        let n = sql("UPDATE pair_suggestions SET state = ? WHERE id = ? AND state = 'open'")
            .bind(if approved { "approved" } else { "discarded" })
            .bind(id)
            .execute(self)
            .await?
            .rows_affected();
        Ok(n > 0)
    }

    /// Stores (or replaces) a member's exit survey for an ended pair.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_exit_survey(
        &self,
        pair: &Pair,
        user_id: u64,
        rating: u8,
        worked: Option<&str>,
        change: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sql(
            "INSERT INTO exit_surveys (pair_id, guild_id, user_id, rating, worked, change, answered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (pair_id, user_id) DO UPDATE SET rating = excluded.rating,
               worked = excluded.worked, change = excluded.change,
               answered_at = excluded.answered_at",
        )
        .bind(pair.id)
        .bind(to_db(pair.guild_id))
        .bind(to_db(user_id))
        .bind(rating as i64)
        .bind(worked)
        .bind(change)
        .bind(at)
        .execute(self)
        .await?;
        Ok(())
    }
}
