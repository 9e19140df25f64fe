//! The resources moderators keep for the programme guide (`/resources`, shown by `/guide`).

use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::audit::{record, AuditEntry};
use super::{from_db, sql, to_db, Db, Result, StoreError};
use crate::domain::guide::{Resource, ResourceAudience, MAX_RESOURCES};

/// A `resources` row as `select_resources!` reads it.
#[derive(sqlx::FromRow)]
struct ResourceRow {
    id: i64,
    guild_id: i64,
    title: String,
    url: String,
    audience: String,
    added_by: Option<i64>,
    added_at: DateTime<Utc>,
}

macro_rules! select_resources {
    ($rest:literal) => {
        concat!(
            "SELECT id, guild_id, title, url, audience, added_by, added_at FROM resources ",
            $rest
        )
    };
}

fn to_resource(row: ResourceRow) -> Result<Resource> {
    Ok(Resource {
        id: row.id,
        guild_id: from_db(row.guild_id),
        title: row.title,
        url: row.url,
        audience: ResourceAudience::from_str(&row.audience)
            .map_err(|_| StoreError::Corrupt(format!("resource audience {:?}", row.audience)))?,
        added_by: row.added_by.map(from_db),
        added_at: row.added_at,
    })
}

/// What adding a resource did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceAdded {
    Added(Resource),
    /// The server already keeps [`MAX_RESOURCES`]; nothing was written.
    Full,
}

impl Db {
    /// Adds a resource unless the server already keeps [`MAX_RESOURCES`] (counted and written
    /// in one transaction, so two moderators at once cannot pass the limit), with its audit
    /// entry. The title and link are already parsed (`domain::guide`).
    pub async fn add_resource(
        &self,
        guild_id: u64,
        title: &str,
        url: &str,
        audience: ResourceAudience,
        audit: &AuditEntry,
    ) -> Result<ResourceAdded> {
        let mut tx = self.write().await?;
        let kept: i64 = sql("SELECT COUNT(*) FROM resources WHERE guild_id = ?")
            .bind(to_db(guild_id))
            .scalar(&mut tx)
            .await?;
        if kept >= MAX_RESOURCES as i64 {
            return Ok(ResourceAdded::Full);
        }
        let id: i64 = sql(
            "INSERT INTO resources (guild_id, title, url, audience, added_by, added_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(to_db(guild_id))
        .bind(title)
        .bind(url)
        .bind(audience.as_str())
        .bind(audit.actor_id.map(to_db))
        .bind(audit.at)
        .scalar(&mut tx)
        .await?;
        let entry = AuditEntry {
            detail: Some(format!("resource {id} for {}", audience.as_str())),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(ResourceAdded::Added(Resource {
            id,
            guild_id,
            title: title.to_string(),
            url: url.to_string(),
            audience,
            added_by: audit.actor_id,
            added_at: audit.at,
        }))
    }

    /// Removes the server's resource `id`, with its audit entry; `None` if it has none by
    /// that number (nothing is written).
    pub async fn remove_resource(
        &self,
        guild_id: u64,
        id: i64,
        audit: &AuditEntry,
    ) -> Result<Option<Resource>> {
        let mut tx = self.write().await?;
        let row: Option<ResourceRow> = sql(select_resources!("WHERE guild_id = ? AND id = ?"))
            .bind(to_db(guild_id))
            .bind(id)
            .fetch_optional(&mut tx)
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let resource = to_resource(row)?;
        sql("DELETE FROM resources WHERE guild_id = ? AND id = ?")
            .bind(to_db(guild_id))
            .bind(id)
            .execute(&mut tx)
            .await?;
        let entry = AuditEntry {
            detail: Some(format!("resource {id}")),
            ..audit.clone()
        };
        record(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(Some(resource))
    }

    /// The server's resources, oldest first.
    pub async fn resources(&self, guild_id: u64) -> Result<Vec<Resource>> {
        let rows: Vec<ResourceRow> = sql(select_resources!("WHERE guild_id = ? ORDER BY id"))
            .bind(to_db(guild_id))
            .fetch_all(self)
            .await?;
        rows.into_iter().map(to_resource).collect()
    }
}
