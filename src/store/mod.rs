//! Storage on SQLite (the default) or PostgreSQL. All SQL lives in this module: one file per
//! aggregate, functions that take and return domain types, one body of SQL for both engines
//! (see `sql.rs`; the few statements that differ ask [`Db::engine`]).

mod activity;
mod applications;
mod audit;
mod availability;
mod budget;
mod checkins;
mod circles;
mod cycles;
mod departures;
mod dialect;
mod digest;
mod goals;
mod guilds;
mod locales;
mod members;
mod occurrences;
mod pairs;
mod preferences;
pub mod privacy;
mod reports;
mod resources;
mod sql;
mod surveys;
mod transfer;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub use sql::Engine;
pub(crate) use sql::{sql, On, Tx};

pub use activity::KudosOutcome;
pub use audit::AuditEntry;
pub use availability::Answered;
pub use checkins::StoredAnswer;
pub use circles::Left;
pub use cycles::{Chose, Started};
pub use digest::{CheckinRow, WeeklyActivity};
pub use goals::GoalDone;
pub use members::{Oriented, StatusChange};
pub use occurrences::{CheckinTarget, Claimed, Lease, Ticket};
pub use pairs::{Load, PairRefusal, Unreachable};
pub use preferences::Avoided;
pub use reports::{Filed, NewReport, ReportRow};
pub use resources::ResourceAdded;
pub use surveys::PulseAnswer;
pub use transfer::{Moved, TableCount};

/// The SQLite migrations in `migrations/sqlite/`, built into the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
/// The same steps for PostgreSQL (`migrations/postgres/`, the same version numbers).
pub static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Whether a database URL names a PostgreSQL server (anything else is a SQLite file).
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The file a SQLite database URL names (`None` for a PostgreSQL URL, an in-memory database
/// or a URL that does not parse).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    if is_postgres_url(url) {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url).ok()?;
    let file = options.get_filename();
    (!file.as_os_str().is_empty() && file != Path::new(":memory:")).then(|| file.to_path_buf())
}

/// The PostgreSQL advisory lock every writer takes (any key will do, as long as every writer
/// uses the same one; other programs may take it to pause tandem's writes).
pub const WRITE_LOCK: i64 = 0x74616e64656d; // "tandem"

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
    #[error("{0}")]
    Transfer(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Handle to the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    /// Opens the database at `url`: a PostgreSQL server (`postgres://…`), or a SQLite file
    /// (created if missing).
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db> {
        if is_postgres_url(url) {
            return Db::connect_postgres(PgConnectOptions::from_str(url)?, max_connections).await;
        }
        Db::connect_sqlite(url, max_connections).await
    }

    /// A PostgreSQL pool. Connections are made as needed; one that a failed COMMIT left inside
    /// a transaction is replaced, as on SQLite.
    pub async fn connect_postgres(options: PgConnectOptions, max_connections: u32) -> Result<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .before_acquire(|conn, _| {
                Box::pin(async move { Ok(!sqlx::Connection::is_in_transaction(conn)) })
            })
            .connect_with(options.application_name("tandem"))
            .await?;
        Ok(Db {
            pool: Pool::Postgres(pool),
        })
    }

    /// Opens (creating if missing) the SQLite file at `url` with WAL, foreign keys and a busy
    /// timeout, so concurrent writers wait instead of failing.
    async fn connect_sqlite(url: &str, max_connections: u32) -> Result<Db> {
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
        Ok(Db {
            pool: Pool::Sqlite(pool),
        })
    }

    /// Wraps an existing SQLite pool (used by `#[sqlx::test]`).
    pub fn from_pool(pool: SqlitePool) -> Db {
        Db {
            pool: Pool::Sqlite(pool),
        }
    }

    /// Which engine this is.
    pub fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies pending migrations; returns how many were applied. Several processes may start
    /// at once: sqlx's migrator takes a lock on PostgreSQL, and SQLite has one writer.
    pub async fn migrate(&self) -> Result<usize> {
        let before = self.applied_migrations().await.unwrap_or(0);
        match &self.pool {
            Pool::Sqlite(p) => MIGRATOR.run(p).await?,
            Pool::Postgres(p) => PG_MIGRATOR.run(p).await?,
        }
        Ok(self.applied_migrations().await? - before)
    }

    async fn applied_migrations(&self) -> Result<usize> {
        let n: i64 = sql("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
            .scalar(self)
            .await?;
        Ok(n as usize)
    }

    /// A write transaction that holds the write lock from its first statement, so writers
    /// never interleave: SQLite's `BEGIN IMMEDIATE` (it cannot then fail half-way with
    /// SQLITE_BUSY), and on PostgreSQL one transaction-level advisory lock that every writer
    /// of every process takes, the same guarantee across processes. The scheduler's claims
    /// use row locks instead (see `occurrences.rs`).
    pub(crate) async fn write(&self) -> Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => {
                let mut tx = Tx::Postgres(p.begin().await?);
                sql("SELECT pg_advisory_xact_lock(?)")
                    .bind(WRITE_LOCK)
                    .execute(&mut tx)
                    .await?;
                tx
            }
        })
    }

    /// A transaction without the write lock (row locks only; PostgreSQL's claims).
    pub(crate) async fn begin(&self) -> Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
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
        if self.engine() == Engine::Postgres {
            return Err(StoreError::Backup(
                "tandem backup copies SQLite files; back up PostgreSQL with pg_dump".into(),
            ));
        }
        sql("VACUUM INTO ?")
            .bind(path.to_string_lossy().into_owned())
            .execute(self)
            .await?;
        Ok(())
    }

    /// Reads the schema, a trivial query that still needs the database (the health check).
    pub async fn ping(&self) -> Result<()> {
        let probe = match self.engine() {
            Engine::Sqlite => "SELECT COUNT(*) FROM sqlite_master",
            Engine::Postgres => "SELECT COUNT(*) FROM pg_catalog.pg_tables",
        };
        let _: i64 = sql(probe).scalar(self).await?;
        Ok(())
    }

    /// Waits for queries in flight and closes every connection (checkpointing the WAL).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}

/// Snowflakes are u64; SQLite integers are i64. Discord ids stay below 2^63.
pub(crate) fn to_db(id: u64) -> i64 {
    id as i64
}

pub(crate) fn from_db(id: i64) -> u64 {
    id as u64
}
