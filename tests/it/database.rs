//! The database a test runs on: a SQLite file in a temporary folder, or, when
//! `TANDEM_TEST_DATABASE_URL` names a PostgreSQL server, a fresh database of its own there
//! (dropped when the test ends). The same tests then run on either engine.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{Connection as _, Executor as _, PgConnection};
use tandem::store::Db;

pub const POSTGRES_ENV: &str = "TANDEM_TEST_DATABASE_URL";

/// The PostgreSQL server the tests use, if one is configured.
pub fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty())
}

pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// (server URL, database name) to drop at the end.
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    /// A new empty database (no tables yet) on the configured engine.
    pub async fn new() -> TestDatabase {
        match postgres_server() {
            Some(server) => TestDatabase::postgres(&server).await,
            None => TestDatabase::sqlite(),
        }
    }

    /// A SQLite file, whatever the configured engine (for what only SQLite has: files,
    /// backups, upgrades from old SQLite schemas).
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().unwrap();
        TestDatabase {
            url: format!("sqlite://{}/tandem.db", dir.path().display()),
            _dir: Some(dir),
            postgres: None,
        }
    }

    /// A fresh database on the PostgreSQL server at `server`.
    pub async fn postgres(server: &str) -> TestDatabase {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "tandem_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::connect(server)
            .await
            .unwrap_or_else(|e| panic!("{POSTGRES_ENV} cannot be reached: {e}"));
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        admin.close().await.unwrap();
        let mut url = url_with_database(server, &name);
        // Each test's bot keeps a small pool; many tests run at once.
        url.push_str(if url.contains('?') { "&" } else { "?" });
        url.push_str("application_name=tandem-test");
        TestDatabase {
            url,
            _dir: None,
            postgres: Some((server.to_string(), name)),
        }
    }

    /// The database opened and migrated, as the bot would.
    pub async fn open(&self) -> Db {
        let db = Db::connect(&self.url, 4).await.unwrap();
        db.migrate().await.unwrap();
        db
    }
}

/// `server` with its database path replaced by `name`.
fn url_with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    let mut url = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((server, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside any runtime that could still be polled: a thread of its own.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut admin) = PgConnection::connect(&server).await {
                    let _ = admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                }
            });
        })
        .join();
    }
}

/// A migrated database for store tests; derefs to the [`Db`].
pub struct TestDb {
    db: Db,
    _database: TestDatabase,
}

impl TestDb {
    /// A plain connection pool for raw statements in tests, on either engine (write them
    /// with `$1` placeholders, which both accept).
    pub async fn raw(&self) -> sqlx::AnyPool {
        raw_pool(&self._database.url).await
    }
}

/// A pool of sqlx's Any driver on `url`.
pub async fn raw_pool(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::any::AnyPoolOptions::new()
        .max_connections(2)
        .connect(url)
        .await
        .unwrap()
}

impl std::ops::Deref for TestDb {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

/// A fresh migrated database on the configured engine.
pub async fn fresh_db() -> TestDb {
    let database = TestDatabase::new().await;
    TestDb {
        db: database.open().await,
        _database: database,
    }
}

/// Runs `round` once per engine: on SQLite, then on PostgreSQL when the variable names a
/// server (one line says it is skipped otherwise). The benches print both; the suite instead
/// runs once on whichever engine the variable picks.
#[allow(dead_code)]
pub async fn on_each_engine<Fut>(round: impl Fn(&'static str) -> Fut)
where
    Fut: std::future::Future<Output = ()>,
{
    let server = postgres_server();
    // The test databases follow the variable: off for the SQLite round, back for the other.
    std::env::remove_var(POSTGRES_ENV);
    round("SQLite").await;
    match server {
        Some(url) => {
            std::env::set_var(POSTGRES_ENV, url);
            round("PostgreSQL").await
        }
        None => println!("PostgreSQL: skipped ({POSTGRES_ENV} is not set)"),
    }
}
