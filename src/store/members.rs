//! Mentor and mentee profiles.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::audit::{commit_if_changed, record, AuditEntry};
use super::{from_db, sql, sql::Query, to_db, Db, Result, StoreError, Tx};
use crate::domain::member::{Profile, ProfileInput, Role, Status};
use crate::domain::metrics::MemberFact;

/// A `members` row as `select_profiles!` reads it.
#[derive(sqlx::FromRow)]
struct ProfileRow {
    guild_id: i64,
    user_id: i64,
    role: String,
    status: String,
    /// JSON array of strings.
    topics: String,
    timezone: String,
    /// JSON array of strings.
    languages: String,
    capacity: Option<i64>,
    goals: Option<String>,
    about: Option<String>,
    enrolled_at: DateTime<Utc>,
}

/// A `members` row as [`Db::member_facts`] reads it.
#[derive(sqlx::FromRow)]
struct FactRow {
    user_id: i64,
    role: String,
    status: String,
    enrolled_at: DateTime<Utc>,
    capacity: Option<i64>,
}

/// `SELECT <profile columns> FROM members <rest>`, as one literal.
macro_rules! select_profiles {
    ($rest:literal) => {
        concat!(
            "SELECT guild_id, user_id, role, status, topics, timezone, languages, capacity, ",
            "goals, about, enrolled_at FROM members ",
            $rest
        )
    };
}

/// Inserts a whole profile or replaces the stored one, where the condition `$guard` allows.
macro_rules! upsert_profile {
    ($guard:literal) => {
        concat!(
            "INSERT INTO members (guild_id, user_id, role, status, topics, timezone, languages, ",
            "capacity, goals, about, enrolled_at, updated_at) ",
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ",
            "ON CONFLICT (guild_id, user_id, role) DO UPDATE SET ",
            "status = excluded.status, topics = excluded.topics, ",
            "timezone = excluded.timezone, languages = excluded.languages, ",
            "capacity = excluded.capacity, goals = excluded.goals, about = excluded.about, ",
            "enrolled_at = excluded.enrolled_at, updated_at = excluded.updated_at",
            $guard
        )
    };
}

/// [`upsert_profile!`] with the profile's values bound.
fn upsert(p: &Profile, at: DateTime<Utc>, text: &'static str) -> Query {
    sql(text)
        .bind(to_db(p.guild_id))
        .bind(to_db(p.user_id))
        .bind(p.role.as_str())
        .bind(p.status.as_str())
        .bind(serde_json::to_string(&p.topics).expect("strings serialise"))
        .bind(p.timezone.name())
        .bind(serde_json::to_string(&p.languages).expect("strings serialise"))
        .bind(p.capacity.map(i64::from))
        .bind(&p.goals)
        .bind(&p.about)
        .bind(p.enrolled_at)
        .bind(at)
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn to_profile(row: ProfileRow) -> Result<Profile> {
    Ok(Profile {
        guild_id: from_db(row.guild_id),
        user_id: from_db(row.user_id),
        role: Role::from_str(&row.role).map_err(|_| corrupt("role", &row.role))?,
        status: Status::from_str(&row.status).map_err(|_| corrupt("status", &row.status))?,
        topics: serde_json::from_str(&row.topics).map_err(|_| corrupt("topics", &row.topics))?,
        timezone: Tz::from_str(&row.timezone).map_err(|_| corrupt("time zone", &row.timezone))?,
        languages: serde_json::from_str(&row.languages)
            .map_err(|_| corrupt("languages", &row.languages))?,
        capacity: row.capacity.map(|c| c as u8),
        goals: row.goals,
        about: row.about,
        enrolled_at: row.enrolled_at,
    })
}

/// From now on the mentor owes the programme guide, unless they read it before (a mentor who
/// left and came back) or already owed it (the first time counts for the digest's order).
async fn owe(tx: &mut Tx, guild_id: u64, user_id: u64, at: DateTime<Utc>) -> Result<()> {
    sql(
        "UPDATE members SET orientation_owed_at = COALESCE(orientation_owed_at, ?)
         WHERE guild_id = ? AND user_id = ? AND role = 'mentor' AND oriented_at IS NULL",
    )
    .bind(at)
    .bind(to_db(guild_id))
    .bind(to_db(user_id))
    .execute(tx)
    .await?;
    Ok(())
}

/// What "I've read it" found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oriented {
    /// Recorded now.
    Recorded,
    /// Read before, at `at`; nothing changed.
    Already { at: DateTime<Utc> },
    /// No mentor profile here (never enrolled, or erased since).
    NotAMentor,
}

/// What happened to a status change that only applies from certain states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    Changed {
        from: Status,
    },
    /// The profile was not in one of the expected states; nothing was written.
    Refused {
        current: Status,
    },
    Missing,
}

impl Db {
    pub async fn profile(
        &self,
        guild_id: u64,
        user_id: u64,
        role: Role,
    ) -> Result<Option<Profile>> {
        let row: Option<ProfileRow> = sql(select_profiles!(
            "WHERE guild_id = ? AND user_id = ? AND role = ?"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(role.as_str())
        .fetch_optional(self)
        .await?;
        row.map(to_profile).transpose()
    }

    /// The person's profiles in this server (mentor first).
    pub async fn profiles_of(&self, guild_id: u64, user_id: u64) -> Result<Vec<Profile>> {
        let rows: Vec<ProfileRow> = sql(select_profiles!(
            "WHERE guild_id = ? AND user_id = ? ORDER BY role = 'mentee'"
        ))
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_profile).collect()
    }

    /// Inserts or replaces the profile, with its audit entry, in one transaction.
    /// Returns the status the profile had before, if it existed.
    pub async fn save_profile(&self, p: &Profile, audit: &AuditEntry) -> Result<Option<Status>> {
        let mut tx = self.write().await?;
        let before: Option<String> =
            sql("SELECT status FROM members WHERE guild_id = ? AND user_id = ? AND role = ?")
                .bind(to_db(p.guild_id))
                .bind(to_db(p.user_id))
                .bind(p.role.as_str())
                .scalar_optional(&mut tx)
                .await?;
        upsert(p, audit.at, upsert_profile!(""))
            .execute(&mut tx)
            .await?;
        record(&mut tx, audit).await?;
        tx.commit().await?;
        before
            .map(|s| Status::from_str(&s).map_err(|_| corrupt("status", &s)))
            .transpose()
    }

    /// Writes only the profile fields `input` names, and only while the profile is current
    /// (pending, active or paused): the status is never written here, so a moderator's
    /// decision made meanwhile stands. False if the profile is no longer current.
    pub async fn update_profile(
        &self,
        p: &Profile,
        input: &ProfileInput,
        audit: &AuditEntry,
    ) -> Result<bool> {
        let mut q = sql("UPDATE members SET updated_at = ?").bind(audit.at);
        if input.topics.is_some() {
            q = q
                .push(", topics = ?")
                .bind(serde_json::to_string(&p.topics).expect("strings serialise"));
        }
        if input.timezone.is_some() {
            q = q.push(", timezone = ?").bind(p.timezone.name());
        }
        if input.languages.is_some() {
            q = q
                .push(", languages = ?")
                .bind(serde_json::to_string(&p.languages).expect("strings serialise"));
        }
        if input.capacity.is_some() {
            q = q.push(", capacity = ?").bind(p.capacity.map(i64::from));
        }
        if input.goals.is_some() {
            q = q.push(", goals = ?").bind(p.goals.clone());
        }
        if input.about.is_some() {
            q = q.push(", about = ?").bind(p.about.clone());
        }
        let q = q
            .push(
                " WHERE guild_id = ? AND user_id = ? AND role = ?
                   AND status IN ('pending', 'active', 'paused')",
            )
            .bind(to_db(p.guild_id))
            .bind(to_db(p.user_id))
            .bind(p.role.as_str());
        let mut tx = self.write().await?;
        let n = q.execute(&mut tx).await?.rows_affected();
        commit_if_changed(tx, n, audit).await
    }

    /// Enrols anew: inserts the profile, or replaces one that is no longer current (left or
    /// declined). False if a current profile exists (another enrolment or a decision got there
    /// first); nothing is written then.
    pub async fn enrol_profile(&self, p: &Profile, audit: &AuditEntry) -> Result<bool> {
        self.enrol_profile_owing(p, false, audit).await
    }

    /// Moves a profile to `to` only if it is currently in one of `from`, atomically, so a
    /// button pressed twice or a race with `/withdraw` cannot apply twice.
    pub async fn change_status(
        &self,
        guild_id: u64,
        user_id: u64,
        role: Role,
        from: &[Status],
        to: Status,
        audit: &AuditEntry,
    ) -> Result<StatusChange> {
        self.change_status_owing(guild_id, user_id, role, from, to, false, audit)
            .await
    }

    /// A moderator's Approve: the pending mentor becomes active, and with `owe_orientation`
    /// (the server requires it) owes the programme guide from now on, unless they read it
    /// before; both in the one transaction of the change.
    pub async fn approve_mentor(
        &self,
        guild_id: u64,
        user_id: u64,
        owe_orientation: bool,
        audit: &AuditEntry,
    ) -> Result<StatusChange> {
        self.change_status_owing(
            guild_id,
            user_id,
            Role::Mentor,
            &[Status::Pending],
            Status::Active,
            owe_orientation,
            audit,
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn change_status_owing(
        &self,
        guild_id: u64,
        user_id: u64,
        role: Role,
        from: &[Status],
        to: Status,
        owe_orientation: bool,
        audit: &AuditEntry,
    ) -> Result<StatusChange> {
        let mut tx = self.write().await?;
        let current: Option<String> =
            sql("SELECT status FROM members WHERE guild_id = ? AND user_id = ? AND role = ?")
                .bind(to_db(guild_id))
                .bind(to_db(user_id))
                .bind(role.as_str())
                .scalar_optional(&mut tx)
                .await?;
        let Some(current) = current else {
            return Ok(StatusChange::Missing);
        };
        let current = Status::from_str(&current).map_err(|_| corrupt("status", &current))?;
        if !from.contains(&current) {
            return Ok(StatusChange::Refused { current });
        }
        // A pause's why and until go with it (only the availability question pauses).
        sql(
            "UPDATE members SET status = ?, updated_at = ?, paused_reason = NULL,
               paused_at = NULL, paused_until = NULL
             WHERE guild_id = ? AND user_id = ? AND role = ?",
        )
        .bind(to.as_str())
        .bind(audit.at)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(role.as_str())
        .execute(&mut tx)
        .await?;
        if owe_orientation && role == Role::Mentor {
            owe(&mut tx, guild_id, user_id, audit.at).await?;
        }
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(StatusChange::Changed { from: current })
    }

    /// [`Db::enrol_profile`] for a mentor who is active at once (approval is off) in a server
    /// that requires orientation: they owe the guide from now on, unless they read it before.
    pub async fn enrol_profile_owing(
        &self,
        p: &Profile,
        owe_orientation: bool,
        audit: &AuditEntry,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = upsert(
            p,
            audit.at,
            upsert_profile!(" WHERE members.status NOT IN ('pending', 'active', 'paused')"),
        )
        .execute(&mut tx)
        .await?
        .rows_affected();
        if n > 0 && owe_orientation && p.role == Role::Mentor {
            owe(&mut tx, p.guild_id, p.user_id, audit.at).await?;
        }
        commit_if_changed(tx, n, audit).await
    }

    /// Whether the person's mentor profile still owes the programme guide.
    pub async fn owes_orientation(&self, guild_id: u64, user_id: u64) -> Result<bool> {
        let owes: bool = sql(
            "SELECT EXISTS (SELECT 1 FROM members WHERE guild_id = ? AND user_id = ?
               AND role = 'mentor' AND orientation_owed_at IS NOT NULL AND oriented_at IS NULL)",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .scalar(self)
        .await?;
        Ok(owes)
    }

    /// "I've read it": records when the mentor read the guide, once. A second press changes
    /// nothing (and records nothing).
    pub async fn mark_oriented(
        &self,
        guild_id: u64,
        user_id: u64,
        audit: &AuditEntry,
    ) -> Result<Oriented> {
        let mut tx = self.write().await?;
        let n = sql("UPDATE members SET oriented_at = ?
             WHERE guild_id = ? AND user_id = ? AND role = 'mentor' AND oriented_at IS NULL")
        .bind(audit.at)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .execute(&mut tx)
        .await?
        .rows_affected();
        if n > 0 {
            record(&mut tx, audit).await?;
            tx.commit().await?;
            return Ok(Oriented::Recorded);
        }
        let at: Option<Option<DateTime<Utc>>> = sql(
            "SELECT oriented_at FROM members WHERE guild_id = ? AND user_id = ? AND role = 'mentor'",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .scalar_optional(&mut tx)
        .await?;
        Ok(match at {
            Some(Some(at)) => Oriented::Already { at },
            _ => Oriented::NotAMentor,
        })
    }

    /// Active (or paused) mentors who still owe the programme guide, longest-owing first.
    pub async fn mentors_awaiting_orientation(&self, guild_id: u64) -> Result<Vec<u64>> {
        let rows: Vec<i64> = sql(
            "SELECT user_id FROM members WHERE guild_id = ? AND role = 'mentor'
               AND status IN ('active', 'paused')
               AND orientation_owed_at IS NOT NULL AND oriented_at IS NULL
             ORDER BY orientation_owed_at, user_id",
        )
        .bind(to_db(guild_id))
        .scalars(self)
        .await?;
        Ok(rows.into_iter().map(from_db).collect())
    }

    /// How many profiles of each role are in each status.
    pub async fn member_counts(&self, guild_id: u64) -> Result<Vec<(Role, Status, u32)>> {
        let rows: Vec<(String, String, i64)> = sql(
            "SELECT role, status, COUNT(*) FROM members WHERE guild_id = ?
             GROUP BY role, status ORDER BY role, status",
        )
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter()
            .map(|(role, status, n)| {
                Ok((
                    Role::from_str(&role).map_err(|_| corrupt("role", &role))?,
                    Status::from_str(&status).map_err(|_| corrupt("status", &status))?,
                    n as u32,
                ))
            })
            .collect()
    }

    /// Every profile of the server (any status), oldest enrolment first, for exports.
    pub async fn all_profiles(&self, guild_id: u64) -> Result<Vec<Profile>> {
        let rows: Vec<ProfileRow> = sql(select_profiles!(
            "WHERE guild_id = ? ORDER BY enrolled_at, user_id, role"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_profile).collect()
    }

    /// Every enrolment of the server, with what the digest needs of it.
    pub async fn member_facts(&self, guild_id: u64) -> Result<Vec<MemberFact>> {
        let rows: Vec<FactRow> = sql(
            "SELECT user_id, role, status, enrolled_at, capacity FROM members
             WHERE guild_id = ? ORDER BY enrolled_at, user_id",
        )
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(MemberFact {
                    user_id: from_db(row.user_id),
                    role: Role::from_str(&row.role).map_err(|_| corrupt("role", &row.role))?,
                    status: Status::from_str(&row.status)
                        .map_err(|_| corrupt("status", &row.status))?,
                    enrolled_at: row.enrolled_at,
                    capacity: row.capacity.map(|c| c as u32),
                })
            })
            .collect()
    }

    /// Active mentees without an open pair, group or circle: the queue for a mentor,
    /// longest-waiting first.
    pub async fn waiting_mentees(&self, guild_id: u64) -> Result<Vec<Profile>> {
        let rows: Vec<ProfileRow> = sql(select_profiles!(
            "WHERE guild_id = ? AND role = 'mentee' AND status = 'active'
               AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.guild_id = members.guild_id
                   AND p.mentee_id = members.user_id AND p.status IN ('pending', 'active', 'paused'))
               AND NOT EXISTS (SELECT 1 FROM pair_members pm JOIN pairs p ON p.id = pm.pair_id
                   WHERE pm.guild_id = members.guild_id AND pm.user_id = members.user_id
                     AND pm.left_at IS NULL AND p.status IN ('pending', 'active', 'paused'))
             ORDER BY enrolled_at, user_id"
        ))
        .bind(to_db(guild_id))
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_profile).collect()
    }

    /// Profiles of one role in one status, longest-waiting first.
    pub async fn members_with_status(
        &self,
        guild_id: u64,
        role: Role,
        status: Status,
    ) -> Result<Vec<Profile>> {
        let rows: Vec<ProfileRow> = sql(select_profiles!(
            "WHERE guild_id = ? AND role = ? AND status = ?
             ORDER BY enrolled_at, user_id"
        ))
        .bind(to_db(guild_id))
        .bind(role.as_str())
        .bind(status.as_str())
        .fetch_all(self)
        .await?;
        rows.into_iter().map(to_profile).collect()
    }
}
