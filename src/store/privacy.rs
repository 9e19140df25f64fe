//! A member's own data: every table that holds a user id is listed here once, and both
//! `/mydata export` and `/mydata delete` work from this list. A store test checks the list
//! against the schema, so a new table with a user column cannot be forgotten.

use serde_json::{Map, Value};

use super::audit::{record, AuditEntry};
use super::{dialect, sql, to_db, Db, Result};
use crate::domain::member::ERASED_MENTION;

/// What erasure does to a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// The rows are the person's own (profiles, answers): delete them.
    Delete,
    /// The rows must stay for others or for aggregates (audit log, pulse answers): keep them
    /// but remove the link to the person.
    Detach,
    /// The rows are someone else's private wish about the person (who asked not to be paired
    /// with them): they stay as they are, so the wish holds if the person comes back, and
    /// are never shown to the person, exported, or counted as theirs.
    Keep,
}

#[derive(Debug, Clone, Copy)]
pub struct UserColumn {
    pub table: &'static str,
    pub column: &'static str,
    pub erase: Erase,
    /// Columns of a detached row that hold the person's own words: emptied with the link.
    pub clear: &'static [&'static str],
}

/// Every column that names a Discord user. Order matters for deletion: children first.
pub const USER_DATA: &[UserColumn] = &[
    UserColumn {
        table: "checkin_answers",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // Scores stay in the round's aggregate; the link to the person and their comment go.
    UserColumn {
        table: "pulse_answers",
        column: "user_id",
        erase: Erase::Detach,
        clear: &["comment"],
    },
    // The monthly availability questions the person was asked, and their answers.
    UserColumn {
        table: "availability_asks",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // The person's pulse and availability questions (which were sent to whom).
    UserColumn {
        table: "occurrences",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // Message counts are about the person's own activity.
    UserColumn {
        table: "activity_daily",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    UserColumn {
        table: "activity_weekly",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // A meeting belongs to the pair; only the link to who recorded it goes.
    UserColumn {
        table: "meetings",
        column: "user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    // Thanks the person gave stay counted; thanks they received are about them and go.
    UserColumn {
        table: "kudos",
        column: "giver_id",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "kudos",
        column: "receiver_id",
        erase: Erase::Delete,
        clear: &[],
    },
    UserColumn {
        table: "exit_surveys",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // A group or circle keeps its size in past figures; only the link to the person goes.
    UserColumn {
        table: "pair_members",
        column: "user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    // Pairs stay (the partner's history, retention figures) without the person.
    UserColumn {
        table: "pairs",
        column: "mentor_id",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "pairs",
        column: "mentee_id",
        erase: Erase::Detach,
        clear: &[],
    },
    // Goals belong to the pair; only the link to who wrote them goes.
    UserColumn {
        table: "goals",
        column: "created_by_user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "pair_suggestions",
        column: "created_by_user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    // A resource the person added for the guide stays for everyone; only who added it goes.
    UserColumn {
        table: "resources",
        column: "added_by",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "members",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // Their answers to the server's mentor application questions.
    UserColumn {
        table: "application_answers",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    // What the person reported goes with them; a moderator who read reports only stops
    // being named.
    UserColumn {
        table: "reports",
        column: "reporter_id",
        erase: Erase::Delete,
        clear: &[],
    },
    UserColumn {
        table: "reports",
        column: "acknowledged_by",
        erase: Erase::Detach,
        clear: &[],
    },
    // Whom the person asked not to be paired with (theirs, erased with them), and wishes
    // others made about them (the others' own: kept, never shown to them).
    UserColumn {
        table: "avoidances",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    UserColumn {
        table: "avoidances",
        column: "avoided_user_id",
        erase: Erase::Keep,
        clear: &[],
    },
    // Who started a cycle, and who answered a pair's continue-or-finish question: the cycle
    // and the pair's choice stay, the link to the person goes.
    UserColumn {
        table: "cycles",
        column: "started_by_user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "cycle_choices",
        column: "chosen_by_user_id",
        erase: Erase::Detach,
        clear: &[],
    },
    // The language the person's Discord was set to.
    UserColumn {
        table: "member_locales",
        column: "user_id",
        erase: Erase::Delete,
        clear: &[],
    },
    UserColumn {
        table: "audit_log",
        column: "actor_id",
        erase: Erase::Detach,
        clear: &[],
    },
    UserColumn {
        table: "audit_log",
        column: "target_id",
        erase: Erase::Detach,
        clear: &[],
    },
];

/// Whether a column name, by the schema's naming convention, holds a user id.
pub fn is_user_column(name: &str) -> bool {
    name == "user_id"
        || name.ends_with("_user_id")
        || [
            "actor_id",
            "target_id",
            "mentor_id",
            "mentee_id",
            "giver_id",
            "receiver_id",
            "added_by",
        ]
        .contains(&name)
}

/// How a message mentions the person: `<@id>`, and the older nickname form `<@!id>`.
fn mentions(user_id: u64) -> [String; 2] {
    [format!("<@{user_id}>"), format!("<@!{user_id}>")]
}

/// Whether `column` holds either of [`mentions`] (two binds, in that order).
fn mentioning(column: &str) -> String {
    format!("({column} LIKE '%' || ? || '%' OR {column} LIKE '%' || ? || '%')")
}

/// Rows erased or detached, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErasedCounts {
    pub deleted: u64,
    pub detached: u64,
}

impl Db {
    /// Everything stored about the person in this server, by table.
    pub async fn export_user(&self, guild_id: u64, user_id: u64) -> Result<Value> {
        let mut out = Map::new();
        for uc in USER_DATA.iter().filter(|uc| uc.erase != Erase::Keep) {
            // Table and column names come from the constant list above, never from input.
            let rows = sql(sqlx::AssertSqlSafe(format!(
                "SELECT * FROM {} WHERE guild_id = ? AND {} = ?",
                uc.table, uc.column
            )))
            .bind(to_db(guild_id))
            .bind(to_db(user_id))
            .fetch_json(self)
            .await?;
            let entry = out
                .entry(uc.table.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            let list = entry.as_array_mut().expect("tables map to arrays");
            for v in rows {
                if !list.contains(&v) {
                    list.push(v);
                }
            }
        }
        // The goals of the person's pairs are theirs too, whoever wrote them down.
        let rows = sql("SELECT g.* FROM goals g JOIN pairs p ON p.id = g.pair_id
             WHERE p.guild_id = ? AND (p.mentor_id = ? OR p.mentee_id = ?)
             ORDER BY g.pair_id, g.number")
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(to_db(user_id))
        .fetch_json(self)
        .await?;
        out.insert("goals".to_string(), Value::Array(rows));
        Ok(Value::Object(out))
    }

    /// Erases the person's data in this server in one transaction and records that it
    /// happened, without saying whose.
    pub async fn erase_user(
        &self,
        guild_id: u64,
        user_id: u64,
        audit: &AuditEntry,
    ) -> Result<ErasedCounts> {
        let mut tx = self.write().await?;
        let mut counts = ErasedCounts::default();
        // Matching previews, open or closed, list people inside JSON: those that name the
        // person go (a moderator simply runs `/pair suggest` again).
        let text = format!(
            "DELETE FROM pair_suggestions WHERE {}",
            dialect::naming_previews(tx.engine())
        );
        sql(sqlx::AssertSqlSafe(text))
            .bind(to_db(guild_id))
            .bind(to_db(user_id))
            .bind(to_db(user_id))
            .bind(to_db(user_id))
            .execute(&mut tx)
            .await?;
        for uc in USER_DATA.iter().filter(|uc| uc.erase != Erase::Keep) {
            let text = match uc.erase {
                Erase::Delete => format!(
                    "DELETE FROM {} WHERE guild_id = ? AND {} = ?",
                    uc.table, uc.column
                ),
                Erase::Detach => format!(
                    "UPDATE {} SET {col} = NULL{clear} WHERE guild_id = ? AND {col} = ?",
                    uc.table,
                    col = uc.column,
                    clear = uc
                        .clear
                        .iter()
                        .map(|c| format!(", {c} = NULL"))
                        .collect::<String>()
                ),
                Erase::Keep => continue,
            };
            let n = sql(sqlx::AssertSqlSafe(text))
                .bind(to_db(guild_id))
                .bind(to_db(user_id))
                .execute(&mut tx)
                .await?
                .rows_affected();
            match uc.erase {
                Erase::Delete => counts.deleted += n,
                Erase::Detach | Erase::Keep => counts.detached += n,
            }
        }
        // What others wrote may mention the person (`<@id>` in a goal, a note, thanks): every
        // text column of the server's rows, found in the schema so none is forgotten, keeps
        // the words and loses the id.
        let text_columns: Vec<(String, String)> = sql(dialect::server_text_columns(tx.engine()))
            .fetch_all(&mut tx)
            .await?;
        let [plain, nick] = mentions(user_id);
        for (table, column) in &text_columns {
            // Names come from the schema itself, never from input.
            // Only rows holding a mention count: the bare id also turns up in timestamps
            // and numbers ("10" in "19:10"), which are not the person.
            let text = format!(
                "UPDATE {table} SET {column} = replace(replace({column}, ?, ?), ?, ?)
                 WHERE guild_id = ? AND {}",
                mentioning(column)
            );
            counts.detached += sql(sqlx::AssertSqlSafe(text))
                .bind(&plain)
                .bind(ERASED_MENTION)
                .bind(&nick)
                .bind(ERASED_MENTION)
                .bind(to_db(guild_id))
                .bind(&plain)
                .bind(&nick)
                .execute(&mut tx)
                .await?
                .rows_affected();
        }
        record(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(counts)
    }

    /// Whether erasing the person here would change anything: a row of theirs, a preview that
    /// names them, a mention of them in what others wrote. Once erased, nothing: "Erase my
    /// data" pressed again has nothing to do.
    pub async fn holds_user_data(&self, guild_id: u64, user_id: u64) -> Result<bool> {
        for uc in USER_DATA.iter().filter(|uc| uc.erase != Erase::Keep) {
            // Table and column names come from the constant list above.
            let text = format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE guild_id = ? AND {} = ?)",
                uc.table, uc.column
            );
            let found: bool = sql(sqlx::AssertSqlSafe(text))
                .bind(to_db(guild_id))
                .bind(to_db(user_id))
                .scalar(self)
                .await?;
            if found {
                return Ok(true);
            }
        }
        let text = format!(
            "SELECT EXISTS (SELECT 1 FROM pair_suggestions WHERE {})",
            dialect::naming_previews(self.engine())
        );
        let named: bool = sql(sqlx::AssertSqlSafe(text))
            .bind(to_db(guild_id))
            .bind(to_db(user_id))
            .bind(to_db(user_id))
            .bind(to_db(user_id))
            .scalar(self)
            .await?;
        if named {
            return Ok(true);
        }
        let text_columns: Vec<(String, String)> = sql(dialect::server_text_columns(self.engine()))
            .fetch_all(self)
            .await?;
        let [plain, nick] = mentions(user_id);
        for (table, column) in &text_columns {
            // Names come from the schema itself, never from input.
            let text = format!(
                "SELECT EXISTS (SELECT 1 FROM {table} WHERE guild_id = ? AND {})",
                mentioning(column)
            );
            let found: bool = sql(sqlx::AssertSqlSafe(text))
                .bind(to_db(guild_id))
                .bind(&plain)
                .bind(&nick)
                .scalar(self)
                .await?;
            if found {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Rows of `table` in this server whose `column` is the person (for checking erasure).
    /// The names must be plain identifiers from [`Db::schema_columns`].
    pub async fn count_rows_with(
        &self,
        table: &str,
        column: &str,
        guild_id: u64,
        user_id: u64,
    ) -> Result<i64> {
        let plain =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !plain(table) || !plain(column) {
            return Err(super::StoreError::Corrupt(format!(
                "not a column name: {table}.{column}"
            )));
        }
        let n = sql(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {table} WHERE guild_id = ? AND {column} = ?"
        )))
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .scalar(self)
        .await?;
        Ok(n)
    }

    /// Tables and their columns as they are in the database (for the schema check).
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let rows: Vec<(String, String)> = sql(dialect::schema_columns(self.engine()))
            .fetch_all(self)
            .await?;
        Ok(rows)
    }
}
