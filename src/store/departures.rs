//! Servers that removed the bot: nothing is scheduled for them, and after the retention period
//! everything stored about them is deleted.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{dialect, from_db, sql, to_db, Db, Result};

impl Db {
    /// The bot was removed from `guild_id`: stop its schedules. Returns whether this is news.
    pub async fn guild_departed(&self, guild_id: u64, at: DateTime<Utc>) -> Result<bool> {
        let mut tx = self.write().await?;
        let added = sql(
            "INSERT INTO departed_guilds (guild_id, left_at) VALUES (?, ?)
             ON CONFLICT (guild_id) DO NOTHING",
        )
        .bind(to_db(guild_id))
        .bind(at)
        .execute(&mut tx)
        .await?
        .rows_affected();
        sql(
            "UPDATE occurrences SET state = 'skipped', last_error = 'the bot was removed from the server',
               done_at = ? WHERE guild_id = ? AND state = 'pending'",
        )
        .bind(at)
        .bind(to_db(guild_id))
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(added > 0)
    }

    /// The bot is in `guild_id` (again): its data stays. Returns whether it had been removed.
    pub async fn guild_returned(&self, guild_id: u64) -> Result<bool> {
        // Every connection announces every server: a read first keeps that free of writes.
        let departed: bool =
            sql("SELECT EXISTS (SELECT 1 FROM departed_guilds WHERE guild_id = ?)")
                .bind(to_db(guild_id))
                .scalar(self)
                .await?;
        if !departed {
            return Ok(false);
        }
        let mut tx = self.write().await?;
        let n = sql("DELETE FROM departed_guilds WHERE guild_id = ?")
            .bind(to_db(guild_id))
            .execute(&mut tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n > 0)
    }

    pub async fn departed_guilds(&self) -> Result<HashSet<u64>> {
        let ids: Vec<i64> = sql("SELECT guild_id FROM departed_guilds")
            .scalars(self)
            .await?;
        Ok(ids.into_iter().map(from_db).collect())
    }

    /// Servers anything is stored about (settings or members).
    pub async fn guilds_with_data(&self) -> Result<HashSet<u64>> {
        let ids: Vec<i64> =
            sql("SELECT guild_id FROM guild_settings UNION SELECT guild_id FROM members")
                .scalars(self)
                .await?;
        Ok(ids.into_iter().map(from_db).collect())
    }

    /// Deletes every row of the servers that removed the bot at or before `cutoff`, from every
    /// table with a `guild_id` column (found from the schema, so a new table is never missed).
    /// Returns the servers purged.
    pub async fn purge_departed(&self, cutoff: DateTime<Utc>) -> Result<Vec<u64>> {
        let due: Vec<i64> = sql("SELECT guild_id FROM departed_guilds WHERE left_at <= ?")
            .bind(cutoff)
            .scalars(self)
            .await?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let mut tables: Vec<String> = sql(dialect::server_tables(self.engine()))
            .scalars(self)
            .await?;
        tables.retain(|t| t != "departed_guilds");
        let mut tx = self.write().await?;
        // Tables refer to each other (answers to occurrences, goals to pairs): checked at the
        // end, when every row of the server is gone.
        sql(dialect::defer_foreign_keys(tx.engine()))
            .execute(&mut tx)
            .await?;
        for guild in &due {
            for table in &tables {
                // Table names come from the schema itself, not from input.
                let text = format!("DELETE FROM \"{table}\" WHERE guild_id = ?");
                sql(sqlx::AssertSqlSafe(text))
                    .bind(guild)
                    .execute(&mut tx)
                    .await?;
            }
            sql("DELETE FROM departed_guilds WHERE guild_id = ?")
                .bind(guild)
                .execute(&mut tx)
                .await?;
        }
        tx.commit().await?;
        Ok(due.into_iter().map(from_db).collect())
    }
}
