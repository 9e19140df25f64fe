//! Pairs, the categories their channels live in, matching previews and exit surveys.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{commit_if_changed, record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result, StoreError, Tx};
use crate::domain::member::{Role, Status};
use crate::domain::pair::{EndReason, Pair, PairKind, PairStatus};

/// A `pairs` row as `select_pairs!` reads it.
#[derive(sqlx::FromRow)]
pub(super) struct PairRow {
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
    kind: String,
}

/// The statuses that hold a place: a mentor's capacity and a mentee's one open pair.
macro_rules! open_statuses {
    () => {
        "status IN ('pending', 'active', 'paused')"
    };
}

/// How many mentees the mentor `m` has: one per open pair, and each current mentee of their
/// open groups (a capacity of 3 is three mentees, however they are grouped).
macro_rules! mentor_load {
    () => {
        concat!(
            "((SELECT COUNT(*) FROM pairs p WHERE p.guild_id = m.guild_id ",
            "AND p.mentor_id = m.user_id AND p.kind = 'pair' AND p.",
            open_statuses!(),
            ") + (SELECT COUNT(*) FROM pair_members pm JOIN pairs p ON p.id = pm.pair_id ",
            "WHERE p.guild_id = m.guild_id AND p.mentor_id = m.user_id AND p.kind = 'group' ",
            "AND pm.left_at IS NULL AND p.",
            open_statuses!(),
            "))"
        )
    };
}

macro_rules! select_pairs {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, mentor_id, mentee_id, status, channel_id, started_at, ",
            "paused_until, ended_at, end_reason, in_thread, kind FROM pairs ",
            $rest
        )
    };
}
pub(super) use select_pairs;

pub(super) fn to_pair(row: PairRow) -> Result<Pair> {
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
        kind: PairKind::from_str(&row.kind)
            .map_err(|_| StoreError::Corrupt(format!("pair kind {:?}", row.kind)))?,
        // Filled in by `Db::load` for groups and circles.
        others: Vec::new(),
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
    /// In a group or circle: this person is not active in the programme (in the role asked).
    PersonNotActive(u64),
    /// In a group or circle: this person already has an open pair, group or circle.
    PersonTaken(u64),
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
        self.load(self.cycle_rows(cycle_id).await?).await
    }

    async fn cycle_rows(&self, cycle_id: i64) -> Result<Vec<PairRow>> {
        sql(select_pairs!("WHERE cycle_id = ? ORDER BY id"))
            .bind(cycle_id)
            .fetch_all(self)
            .await
    }

    /// Every pair of a cycle, with everyone who was ever in a group or circle as a member
    /// (those who left took part too): for the impact report, never for sending.
    pub async fn pairs_in_cycle_with_everyone(&self, cycle_id: i64) -> Result<Vec<Pair>> {
        self.load_with(self.cycle_rows(cycle_id).await?, true).await
    }

    /// The open pairs of a cycle (pending ones are not made yet).
    pub async fn open_pairs_in_cycle(&self, cycle_id: i64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE cycle_id = ? AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(cycle_id)
        .fetch_all(self)
        .await?;
        self.load(rows).await
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
        if kept_apart(&mut tx, guild_id, mentor, mentee).await? {
            return Ok(Err(PairRefusal::KeptApart));
        }
        if let Some(refusal) = mentor_has_no_room(&mut tx, guild_id, mentor, 1).await? {
            return Ok(Err(refusal));
        }
        let already: bool = sql(concat!(
            "SELECT EXISTS (SELECT 1 FROM pairs WHERE guild_id = ? AND mentor_id = ? ",
            "AND mentee_id = ? AND ",
            open_statuses!(),
            ")"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(mentor))
        .bind(to_db(mentee))
        .scalar(&mut tx)
        .await?;
        if already {
            return Ok(Err(PairRefusal::AlreadyPaired));
        }
        if has_open_place(&mut tx, guild_id, mentee).await? {
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
            kind: PairKind::Pair,
            others: Vec::new(),
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
        self.load(rows).await
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
        self.load_one(row).await
    }

    /// The pair whose private channel this is (any status).
    pub async fn pair_by_channel(&self, channel_id: u64) -> Result<Option<Pair>> {
        let row: Option<PairRow> = sql(select_pairs!("WHERE channel_id = ?"))
            .bind(to_db(channel_id))
            .fetch_optional(self)
            .await?;
        self.load_one(row).await
    }

    /// Active and paused pairs, groups and circles the person is in, oldest first.
    pub async fn open_pairs_of(&self, guild_id: u64, user_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND (mentor_id = ? OR mentee_id = ? OR id IN
                 (SELECT pair_id FROM pair_members WHERE user_id = ? AND left_at IS NULL))
               AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .fetch_all(self)
        .await?;
        self.load(rows).await
    }

    /// Every active and paused pair of the server, oldest first.
    pub async fn open_pairs(&self, guild_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND status IN ('active', 'paused') ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        self.load(rows).await
    }

    /// Every pair the server ever had, oldest first (for the digest and exports).
    pub async fn all_pairs(&self, guild_id: u64) -> Result<Vec<Pair>> {
        let rows: Vec<PairRow> = sql(select_pairs!(
            "WHERE guild_id = ? AND status <> 'pending' ORDER BY id"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        self.load(rows).await
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
            "SELECT m.user_id, m.capacity, ",
            mentor_load!(),
            " FROM members m WHERE m.guild_id = ? AND m.role = 'mentor' AND m.status = 'active'"
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
        let mut pair = to_pair(row)?;
        fill_members_tx(&mut tx, &mut pair).await?;
        tx.commit().await?;
        Ok(Some(pair))
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
        fill_members_tx(&mut tx, &mut pair).await?;
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
        let mut pair = to_pair(row)?;
        fill_members_tx(&mut tx, &mut pair).await?;
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
        let mut pair = to_pair(row)?;
        fill_members_tx(&mut tx, &mut pair).await?;
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

/// Whether either person asked never to be paired with the other.
pub(super) async fn kept_apart(tx: &mut Tx, guild_id: u64, a: u64, b: u64) -> Result<bool> {
    sql("SELECT EXISTS (SELECT 1 FROM avoidances WHERE guild_id = ?
           AND ((user_id = ? AND avoided_user_id = ?) OR (user_id = ? AND avoided_user_id = ?)))")
    .bind(to_db(guild_id))
    .bind(to_db(a))
    .bind(to_db(b))
    .bind(to_db(b))
    .bind(to_db(a))
    .scalar(tx)
    .await
}

/// Why a mentor cannot take `taking` more mentees, if they cannot: read in the transaction
/// that makes the pair or group. A mentor who owes the guide is not paired while the server
/// requires it (turning the setting off lets them be).
pub(super) async fn mentor_has_no_room(
    tx: &mut Tx,
    guild_id: u64,
    mentor: u64,
    taking: i64,
) -> Result<Option<PairRefusal>> {
    let owes_guide: bool = sql(
        "SELECT EXISTS (SELECT 1 FROM members m JOIN guild_settings g ON g.guild_id = m.guild_id
           WHERE m.guild_id = ? AND m.user_id = ? AND m.role = 'mentor' AND g.require_orientation
             AND m.orientation_owed_at IS NOT NULL AND m.oriented_at IS NULL)",
    )
    .bind(to_db(guild_id))
    .bind(to_db(mentor))
    .scalar(&mut *tx)
    .await?;
    if owes_guide {
        return Ok(Some(PairRefusal::NotOriented));
    }
    let (capacity, open): (Option<i64>, i64) = sql(concat!(
        "SELECT m.capacity, ",
        mentor_load!(),
        " FROM members m WHERE m.guild_id = ? AND m.user_id = ? AND m.role = 'mentor'"
    ))
    .bind(to_db(guild_id))
    .bind(to_db(mentor))
    .fetch_one(&mut *tx)
    .await?;
    let capacity = capacity.unwrap_or(1);
    Ok(
        (open + taking > capacity).then_some(PairRefusal::MentorFull {
            capacity: capacity as u8,
        }),
    )
}

/// At most this many pairs' members are read in one query.
const CHUNK: usize = 500;

/// Whether `user` already holds a place that allows no other: the mentee of an open pair, or
/// a mentee or peer of an open group or circle of the server.
pub(super) async fn has_open_place(tx: &mut Tx, guild_id: u64, user: u64) -> Result<bool> {
    sql(concat!(
        "SELECT EXISTS (SELECT 1 FROM pairs WHERE guild_id = ? AND mentee_id = ? AND ",
        open_statuses!(),
        ") OR EXISTS (SELECT 1 FROM pair_members pm JOIN pairs p ON p.id = pm.pair_id ",
        "WHERE pm.guild_id = ? AND pm.user_id = ? AND pm.left_at IS NULL AND p.",
        open_statuses!(),
        ")"
    ))
    .bind(to_db(guild_id))
    .bind(to_db(user))
    .bind(to_db(guild_id))
    .bind(to_db(user))
    .scalar(tx)
    .await
}

/// Fills in the current members of a group or circle read inside a transaction.
pub(super) async fn fill_members_tx(tx: &mut Tx, pair: &mut Pair) -> Result<()> {
    if pair.kind == PairKind::Pair {
        return Ok(());
    }
    let ids: Vec<i64> = sql("SELECT user_id FROM pair_members
         WHERE pair_id = ? AND left_at IS NULL AND user_id IS NOT NULL ORDER BY id")
    .bind(pair.id)
    .scalars(tx)
    .await?;
    pair.others = ids.into_iter().map(from_db).collect();
    Ok(())
}

impl Db {
    /// Pairs from their rows, with the members of groups and circles filled in.
    pub(super) async fn load(&self, rows: Vec<PairRow>) -> Result<Vec<Pair>> {
        self.load_with(rows, false).await
    }

    /// [`Db::load`], with the members who left too when `past`.
    async fn load_with(&self, rows: Vec<PairRow>, past: bool) -> Result<Vec<Pair>> {
        let mut pairs = rows.into_iter().map(to_pair).collect::<Result<Vec<_>>>()?;
        let spaces: Vec<i64> = pairs
            .iter()
            .filter(|p| p.kind != PairKind::Pair)
            .map(|p| p.id)
            .collect();
        if spaces.is_empty() {
            return Ok(pairs);
        }
        let mut members: HashMap<i64, Vec<u64>> = HashMap::new();
        for chunk in spaces.chunks(CHUNK) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let current = if past { "" } else { "left_at IS NULL AND " };
            // Only question marks and a fixed condition are added to the text; the ids are bound.
            let text = format!(
                "SELECT pair_id, user_id FROM pair_members
                 WHERE {current}user_id IS NOT NULL AND pair_id IN ({marks})
                 ORDER BY id"
            );
            let mut q = sql(sqlx::AssertSqlSafe(text));
            for id in chunk {
                q = q.bind(*id);
            }
            let rows: Vec<(i64, i64)> = q.fetch_all(self).await?;
            for (pair, user) in rows {
                members.entry(pair).or_default().push(from_db(user));
            }
        }
        for p in &mut pairs {
            if let Some(m) = members.remove(&p.id) {
                p.others = m;
            }
        }
        Ok(pairs)
    }

    /// [`Db::load`] for one row.
    pub(super) async fn load_one(&self, row: Option<PairRow>) -> Result<Option<Pair>> {
        match row {
            Some(row) => Ok(self.load(vec![row]).await?.pop()),
            None => Ok(None),
        }
    }
}
