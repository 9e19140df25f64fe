//! Groups (a mentor with several mentees) and circles (peers): the members beyond a pair's
//! two, kept in `pair_members`, and the rules for making one and for leaving it.

use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{record, AuditEntry};
use super::pairs::{
    fill_members_tx, has_open_place, kept_apart, mentor_has_no_room, to_pair, PairRefusal, PairRow,
};
use super::{sql, to_db, Db, Result};
use crate::domain::member::Status;
use crate::domain::pair::{Pair, PairKind, PairStatus};

/// What a member leaving a group or circle did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Left {
    /// They left; the others carry on (the space as it is now).
    Left(Pair),
    /// They left and too few remain: the space should end (the caller ends it, with its
    /// exit surveys and archiving).
    LastFew(Pair),
    /// They were not a member (any more): nothing was written.
    NotMember,
}

impl Db {
    /// Creates a pending group (a mentor and 2–5 mentees) or circle (3–6 peers, `mentor`
    /// `None`), all checked in one transaction as for a pair: everyone active (a peer in
    /// either role), nobody kept apart from another, the mentor oriented and with room for
    /// every mentee, nobody already in an open pair, group or circle. The size is the
    /// caller's to check (`domain::pair::check_size`).
    pub async fn create_space(
        &self,
        guild_id: u64,
        mentor: Option<u64>,
        members: &[u64],
        audit: &AuditEntry,
    ) -> Result<Result<Pair, PairRefusal>> {
        let kind = if mentor.is_some() {
            PairKind::Group
        } else {
            PairKind::Circle
        };
        let everyone: Vec<u64> = mentor.into_iter().chain(members.iter().copied()).collect();
        let mut seen = everyone.clone();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() != everyone.len() {
            return Ok(Err(PairRefusal::SamePerson));
        }
        let g = to_db(guild_id);
        let mut tx = self.write().await?;
        if let Some(mentor) = mentor {
            let status: Option<String> = sql(
                "SELECT status FROM members WHERE guild_id = ? AND user_id = ? AND role = 'mentor'",
            )
            .bind(g)
            .bind(to_db(mentor))
            .scalar_optional(&mut tx)
            .await?;
            match status.as_deref().map(Status::from_str) {
                Some(Ok(Status::Active)) => {}
                Some(Ok(Status::Paused)) => return Ok(Err(PairRefusal::MentorPaused)),
                _ => return Ok(Err(PairRefusal::PersonNotActive(mentor))),
            }
        }
        for user in members {
            // A group's mentees enrolled as mentees; a circle's peers in either role.
            let active: bool = sql(
                "SELECT EXISTS (SELECT 1 FROM members WHERE guild_id = ? AND user_id = ?
                   AND status = 'active' AND (role = 'mentee' OR ?))",
            )
            .bind(g)
            .bind(to_db(*user))
            .bind(kind == PairKind::Circle)
            .scalar(&mut tx)
            .await?;
            if !active {
                return Ok(Err(PairRefusal::PersonNotActive(*user)));
            }
        }
        for (i, a) in everyone.iter().enumerate() {
            for b in &everyone[i + 1..] {
                if kept_apart(&mut tx, guild_id, *a, *b).await? {
                    return Ok(Err(PairRefusal::KeptApart));
                }
            }
        }
        if let Some(mentor) = mentor {
            let taking = members.len() as i64;
            if let Some(refusal) = mentor_has_no_room(&mut tx, guild_id, mentor, taking).await? {
                return Ok(Err(refusal));
            }
        }
        for user in members {
            if has_open_place(&mut tx, guild_id, *user).await? {
                return Ok(Err(PairRefusal::PersonTaken(*user)));
            }
        }
        let id: i64 = sql(
            // Made while a cycle runs, it belongs to it.
            "INSERT INTO pairs (guild_id, mentor_id, mentee_id, status, started_at, cycle_id, kind)
             VALUES (?, ?, NULL, 'pending', ?,
                     (SELECT id FROM cycles WHERE guild_id = ? AND ended_at IS NULL), ?)
             RETURNING id",
        )
        .bind(g)
        .bind(mentor.map(to_db))
        .bind(audit.at)
        .bind(g)
        .bind(kind.as_str())
        .scalar(&mut tx)
        .await?;
        let role = if kind == PairKind::Group {
            "mentee"
        } else {
            "peer"
        };
        for user in members {
            sql(
                "INSERT INTO pair_members (pair_id, guild_id, user_id, role, joined_at)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(g)
            .bind(to_db(*user))
            .bind(role)
            .bind(audit.at)
            .execute(&mut tx)
            .await?;
        }
        let entry = AuditEntry {
            detail: Some(format!("{kind} {id}: {} members", everyone.len())),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Ok(Pair {
            id,
            guild_id,
            mentor_id: mentor,
            mentee_id: None,
            status: PairStatus::Pending,
            channel_id: None,
            started_at: audit.at,
            paused_until: None,
            ended_at: None,
            end_reason: None,
            in_thread: false,
            kind,
            others: members.to_vec(),
        }))
    }

    /// `user` leaves the open group or circle `pair_id` while the others carry on: a
    /// group's mentee, or a circle's peer (a group's mentor leaving ends it: the caller ends
    /// it instead). When fewer than two would remain, they still leave and the caller ends
    /// the space.
    pub async fn leave_space(
        &self,
        pair_id: i64,
        user: u64,
        at: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<Left> {
        let mut tx = self.write().await?;
        let n = sql("UPDATE pair_members SET left_at = ?
             WHERE pair_id = ? AND user_id = ? AND left_at IS NULL
               AND pair_id IN (SELECT id FROM pairs WHERE status IN ('active', 'paused'))")
        .bind(at)
        .bind(pair_id)
        .bind(to_db(user))
        .execute(&mut tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(Left::NotMember);
        }
        record(&mut tx, audit).await?;
        let row: PairRow = sql(super::pairs::select_pairs!("WHERE id = ?"))
            .bind(pair_id)
            .fetch_one(&mut tx)
            .await?;
        let mut pair = to_pair(row)?;
        fill_members_tx(&mut tx, &mut pair).await?;
        tx.commit().await?;
        let remaining = pair.members().count();
        Ok(if remaining < 2 {
            Left::LastFew(pair)
        } else {
            Left::Left(pair)
        })
    }

    /// Whether `user` is or was in the pair, group or circle (a leaver still answers its exit
    /// survey).
    pub async fn was_in_pair(&self, pair_id: i64, user: u64) -> Result<bool> {
        sql(
            "SELECT EXISTS (SELECT 1 FROM pairs WHERE id = ? AND (mentor_id = ? OR mentee_id = ?))
               OR EXISTS (SELECT 1 FROM pair_members WHERE pair_id = ? AND user_id = ?)",
        )
        .bind(pair_id)
        .bind(to_db(user))
        .bind(to_db(user))
        .bind(pair_id)
        .bind(to_db(user))
        .scalar(self)
        .await
    }

    /// How many check-ins a pair has had sent: a circle's facilitator turns with each.
    pub async fn checkins_sent(&self, pair_id: i64) -> Result<u64> {
        let n: i64 = sql(
            "SELECT COUNT(*) FROM occurrences WHERE kind = 'checkin' AND target = ?
               AND state = 'sent'",
        )
        .bind(pair_id)
        .scalar(self)
        .await?;
        Ok(n as u64)
    }
}
