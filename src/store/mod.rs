//! SQLite storage. All SQL lives in this module: one file per aggregate, functions that take and
//! return domain types.

mod activity;
mod audit;
mod checkins;
mod departures;
mod digest;
mod goals;
mod guilds;
mod members;
mod occurrences;
mod pairs;
pub mod privacy;
mod surveys;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use activity::KudosOutcome;
pub use audit::AuditEntry;
pub use checkins::StoredAnswer;
pub use digest::{CheckinRow, WeeklyActivity};
pub use goals::GoalDone;
pub use members::StatusChange;
pub use occurrences::{CheckinTarget, Claimed};
pub use pairs::{Load, PairRefusal, Unreachable};
pub use surveys::PulseAnswer;

/// The migrations in `migrations/`, built into the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored value is invalid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Backup(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Handle to the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens (creating if missing) the SQLite file at `url` with WAL, foreign keys and a busy
    /// timeout, so concurrent writers wait instead of failing.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        Db::connect_with(options, max_connections).await
    }

    /// As [`Db::connect`], with the connection options given (tests add pragmas).
    pub async fn connect_with(options: SqliteConnectOptions, max_connections: u32) -> Result<Db> {
        if let Some(folder) = Path::new(options.get_filename()).parent() {
            if !folder.as_os_str().is_empty() {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                    path: folder.display().to_string(),
                    source,
                })?;
            }
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections)
            // A COMMIT that failed (a full disk) can leave a connection inside its transaction,
            // and every later transaction on it would fail: such a connection is closed and
            // replaced, so the bot recovers by itself once the disk has room again.
            .before_acquire(|conn, _| {
                Box::pin(async move {
                    let clean = !sqlx::Connection::is_in_transaction(conn);
                    if !clean {
                        tracing::warn!("closing a database connection left inside a transaction");
                    }
                    Ok(clean)
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db { pool })
    }

    /// Wraps an existing pool (used by `#[sqlx::test]`).
    pub fn from_pool(pool: SqlitePool) -> Db {
        Db { pool }
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize> {
        let before = self.applied_migrations().await.unwrap_or(0);
        MIGRATOR.run(&self.pool).await?;
        Ok(self.applied_migrations().await? - before)
    }

    async fn applied_migrations(&self) -> Result<usize> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as usize)
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so it cannot
    /// fail half-way with SQLITE_BUSY when another writer started first.
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Writes a consistent copy of the whole database to `path` (SQLite's `VACUUM INTO`), safe
    /// while the bot is running. Refuses to overwrite an existing file.
    pub async fn backup_to(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(StoreError::Backup(format!(
                "{} already exists; choose a new file name",
                path.display()
            )));
        }
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                path: folder.display().to_string(),
                source,
            })?;
        }
        sqlx::query("VACUUM INTO ?")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Reads the schema, a trivial query that still needs the file (the health check).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sqlite_master")
            .fetch_one(&self.pool)
            .await?;
        Ok(())
    }

    /// Waits for queries in flight and closes every connection (checkpointing the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Snowflakes are u64; SQLite integers are i64. Discord ids stay below 2^63.
pub(crate) fn to_db(id: u64) -> i64 {
    id as i64
}

pub(crate) fn from_db(id: i64) -> u64 {
    id as u64
}
