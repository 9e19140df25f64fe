//! Private matching preferences: whom a member asked not to be paired with (`/profile
//! avoid`). Read by `/pair suggest` and checked by `/pair create` (in `pairs.rs`); nobody else
//! is ever shown a row.

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result};
use crate::domain::matching::MAX_AVOIDED;

/// What asking to be kept apart did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Avoided {
    Added,
    /// They were on the list already; nothing was written.
    Already,
    /// The list holds [`MAX_AVOIDED`] people already; nothing was written.
    Full,
}

impl Db {
    /// Adds `other` to the people `user` is kept apart from (counted and written in one
    /// transaction), with an audit entry that names only `user`.
    pub async fn avoid(
        &self,
        guild_id: u64,
        user: u64,
        other: u64,
        audit: &AuditEntry,
    ) -> Result<Avoided> {
        let mut tx = self.write().await?;
        let listed: Vec<i64> =
            sql("SELECT avoided_user_id FROM avoidances WHERE guild_id = ? AND user_id = ?")
                .bind(to_db(guild_id))
                .bind(to_db(user))
                .scalars(&mut tx)
                .await?;
        if listed.contains(&to_db(other)) {
            return Ok(Avoided::Already);
        }
        if listed.len() >= MAX_AVOIDED {
            return Ok(Avoided::Full);
        }
        sql(
            "INSERT INTO avoidances (guild_id, user_id, avoided_user_id, created_at)
             VALUES (?, ?, ?, ?)",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user))
        .bind(to_db(other))
        .bind(audit.at)
        .execute(&mut tx)
        .await?;
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(Avoided::Added)
    }

    /// Takes `other` off `user`'s list; whether they were on it.
    pub async fn unavoid(
        &self,
        guild_id: u64,
        user: u64,
        other: u64,
        audit: &AuditEntry,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sql(
            "DELETE FROM avoidances WHERE guild_id = ? AND user_id = ? AND avoided_user_id = ?",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user))
        .bind(to_db(other))
        .execute(&mut tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The people `user` asked not to be paired with, in the order they asked.
    pub async fn avoided_by(&self, guild_id: u64, user: u64) -> Result<Vec<u64>> {
        let rows: Vec<i64> = sql(
            "SELECT avoided_user_id FROM avoidances WHERE guild_id = ? AND user_id = ?
             ORDER BY created_at, avoided_user_id",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user))
        .scalars(self)
        .await?;
        Ok(rows.into_iter().map(from_db).collect())
    }

    /// Every (member, person they avoid) of a server, for matching.
    pub async fn avoidances(&self, guild_id: u64) -> Result<Vec<(u64, u64)>> {
        let rows: Vec<(i64, i64)> =
            sql("SELECT user_id, avoided_user_id FROM avoidances WHERE guild_id = ?")
                .bind(to_db(guild_id))
                .fetch_all(self)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(a, b)| (from_db(a), from_db(b)))
            .collect())
    }
}
