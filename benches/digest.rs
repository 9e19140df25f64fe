//! Release benchmark: the digest of a server with 2,000 pairs (plus 8 weeks of check-ins and
//! answers) at 1,000,000 and at 10,000,000 daily activity rows (250 and 2,500 days: about
//! seven years of a 2,000-pair community). The digest reads the weekly roll-up, so its time
//! should not grow with history: the bench prints both times and their ratio, next to the
//! daily-rows query the digest used before. It runs on SQLite, then on PostgreSQL when
//! `TANDEM_TEST_DATABASE_URL` names a server (a fresh database there, dropped afterwards, as
//! in the tests); both engines get the same community and must give the same report.
//! Run with `cargo bench --bench digest` (each 10 M seed takes a few minutes).

#[path = "../tests/it/database.rs"]
#[allow(dead_code)]
mod database;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use database::TestDatabase;
use sqlx::{PgPool, Row, SqlitePool};
use tandem::config::Settings;
use tandem::digest::Report;
use tandem::domain::guild::GuildSettings;
use tandem::domain::metrics::Period;
use tandem::store::Db;

const GUILD: i64 = 1;
const PAIRS: i64 = 2_000;
/// Days of activity per member: 2,000 pairs × 2 members × 250 days = 1,000,000 rows, and ten
/// times that.
const SIZES: [i64; 2] = [250, 2_500];
const RUNS: usize = 7;

fn now() -> DateTime<Utc> {
    "2026-11-23T08:00:00Z".parse().unwrap()
}

#[derive(Clone, Copy, PartialEq)]
enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }
}

/// A plain pool beside the bot's, for the seed and the reference query (each engine's own
/// driver, so the reference query is timed without the Any driver's conversions).
enum Raw {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Raw {
    async fn connect(engine: Engine, url: &str) -> Raw {
        match engine {
            Engine::Sqlite => Raw::Sqlite(SqlitePool::connect(url).await.unwrap()),
            Engine::Postgres => Raw::Postgres(PgPool::connect(url).await.unwrap()),
        }
    }

    async fn execute(&self, text: String) {
        let text = sqlx::AssertSqlSafe(text);
        match self {
            Raw::Sqlite(p) => sqlx::query(text).execute(p).await.map(drop),
            Raw::Postgres(p) => sqlx::query(text).execute(p).await.map(drop),
        }
        .unwrap();
    }

    async fn count(&self, text: &'static str) -> i64 {
        match self {
            Raw::Sqlite(p) => sqlx::query_scalar(text).fetch_one(p).await,
            Raw::Postgres(p) => sqlx::query_scalar(text).fetch_one(p).await,
        }
        .unwrap()
    }

    async fn close(&self) {
        match self {
            Raw::Sqlite(p) => p.close().await,
            Raw::Postgres(p) => p.close().await,
        }
    }
}

/// The SQLite seed: set-based SQL (seconds, not the hours one insert per message would take).
const SQLITE_SEED: &[&str] = &[
    "INSERT INTO guild_settings (guild_id, timezone, created_at, updated_at)
     VALUES (1, 'Europe/Berlin', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
     INSERT INTO members (guild_id, user_id, role, status, topics, timezone, languages,
                          capacity, enrolled_at, updated_at)
     SELECT 1, 100000 + i, 'mentor', 'active', '[\"rust\"]', 'Europe/Berlin', '[\"en\"]', 2,
            '2026-01-05T10:00:00+00:00', '2026-01-05T10:00:00+00:00' FROM n
     UNION ALL
     SELECT 1, 200000 + i, 'mentee', 'active', '[\"rust\"]', 'Europe/Berlin', '[\"en\"]', NULL,
            '2026-01-05T10:00:00+00:00', '2026-01-05T10:00:00+00:00' FROM n",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
     INSERT INTO pairs (id, guild_id, mentor_id, mentee_id, status, channel_id, started_at)
     SELECT i, 1, 100000 + i, 200000 + i, 'active', 900000 + i, '2026-03-02T10:00:00+00:00'
     FROM n",
    // Every member of every pair writes on DAYS days (every third pair stops up to 9 days
    // earlier).
    "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < DAYS - 1)
     INSERT INTO activity_daily (pair_id, day, user_id, guild_id, messages)
     SELECT p.id, date('2026-11-22', '-' || (d.k + (p.id % 10) * (p.id % 3 = 0)) || ' days'),
            u.user_id, 1, 1 + (p.id * 7 + d.k) % 9
     FROM pairs p CROSS JOIN d
     CROSS JOIN (SELECT 0 AS side UNION ALL SELECT 1) s
     CROSS JOIN (SELECT 0 AS user_id) z
     JOIN (SELECT p2.id AS pid, p2.mentor_id AS user_id, 0 AS side FROM pairs p2
           UNION ALL SELECT p3.id, p3.mentee_id, 1 FROM pairs p3) u
       ON u.pid = p.id AND u.side = s.side",
    // Eight weekly check-ins per pair, most answered by one or both. (CROSS JOIN keeps the
    // pairs as the outer loop: ids go pair by pair, week by week, as on PostgreSQL.)
    "WITH RECURSIVE w(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM w WHERE k < 7)
     INSERT INTO occurrences (guild_id, kind, target, scheduled_for, state)
     SELECT 1, 'checkin', p.id,
            strftime('%Y-%m-%dT16:00:00+00:00', '2026-11-17', '-' || (w.k * 7) || ' days'),
            'sent'
     FROM pairs p CROSS JOIN w",
    "INSERT INTO checkin_answers (occurrence_id, guild_id, pair_id, user_id, mood, answered_at)
     SELECT o.id, 1, o.target, p.mentor_id, 1 + (o.id % 5), o.scheduled_for
     FROM occurrences o JOIN pairs p ON p.id = o.target WHERE o.id % 4 != 0",
    "INSERT INTO checkin_answers (occurrence_id, guild_id, pair_id, user_id, mood, answered_at)
     SELECT o.id, 1, o.target, p.mentee_id, 1 + (o.id % 3), o.scheduled_for
     FROM occurrences o JOIN pairs p ON p.id = o.target WHERE o.id % 3 = 0",
    // The weekly roll-up the bot keeps on write, built the way the migration builds it.
    "INSERT INTO activity_weekly (pair_id, week, user_id, guild_id, messages)
     SELECT pair_id, date(day, 'weekday 0', '-6 days'), user_id, guild_id, SUM(messages)
     FROM activity_daily GROUP BY pair_id, date(day, 'weekday 0', '-6 days'), user_id, guild_id",
    "ANALYZE",
];

/// The same rows on PostgreSQL: generate_series for the recursive CTEs, typed literals where
/// a UNION would leave them as text, and the same arithmetic, so both engines digest the
/// same community.
const POSTGRES_SEED: &[&str] = &[
    "INSERT INTO guild_settings (guild_id, timezone, created_at, updated_at)
     VALUES (1, 'Europe/Berlin', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
    "INSERT INTO members (guild_id, user_id, role, status, topics, timezone, languages,
                          capacity, enrolled_at, updated_at)
     SELECT 1, 100000 + i, 'mentor', 'active', '[\"rust\"]', 'Europe/Berlin', '[\"en\"]', 2,
            TIMESTAMPTZ '2026-01-05T10:00:00+00:00', TIMESTAMPTZ '2026-01-05T10:00:00+00:00'
     FROM generate_series(1, 2000) AS n(i)
     UNION ALL
     SELECT 1, 200000 + i, 'mentee', 'active', '[\"rust\"]', 'Europe/Berlin', '[\"en\"]', NULL,
            TIMESTAMPTZ '2026-01-05T10:00:00+00:00', TIMESTAMPTZ '2026-01-05T10:00:00+00:00'
     FROM generate_series(1, 2000) AS n(i)",
    "INSERT INTO pairs (id, guild_id, mentor_id, mentee_id, status, channel_id, started_at)
     SELECT i, 1, 100000 + i, 200000 + i, 'active', 900000 + i, '2026-03-02T10:00:00+00:00'
     FROM generate_series(1, 2000) AS n(i)",
    "INSERT INTO activity_daily (pair_id, day, user_id, guild_id, messages)
     SELECT p.id,
            DATE '2026-11-22'
              - CAST(d.k + CASE WHEN p.id % 3 = 0 THEN p.id % 10 ELSE 0 END AS INTEGER),
            u.user_id, 1, 1 + (p.id * 7 + d.k) % 9
     FROM pairs p CROSS JOIN generate_series(0, DAYS - 1) AS d(k)
     CROSS JOIN LATERAL (VALUES (p.mentor_id), (p.mentee_id)) AS u(user_id)",
    // Ids as SQLite assigns them (pair by pair, week by week): which check-ins are answered,
    // and the moods, follow from the id. Weeks are 168 hours, whatever the session's zone.
    "INSERT INTO occurrences (id, guild_id, kind, target, scheduled_for, state)
     SELECT (p.id - 1) * 8 + w.k + 1, 1, 'checkin', p.id,
            TIMESTAMPTZ '2026-11-17T16:00:00+00:00' - w.k * INTERVAL '168 hours', 'sent'
     FROM pairs p CROSS JOIN generate_series(0, 7) AS w(k)",
    "INSERT INTO checkin_answers (occurrence_id, guild_id, pair_id, user_id, mood, answered_at)
     SELECT o.id, 1, o.target, p.mentor_id, 1 + (o.id % 5), o.scheduled_for
     FROM occurrences o JOIN pairs p ON p.id = o.target WHERE o.id % 4 <> 0",
    "INSERT INTO checkin_answers (occurrence_id, guild_id, pair_id, user_id, mood, answered_at)
     SELECT o.id, 1, o.target, p.mentee_id, 1 + (o.id % 3), o.scheduled_for
     FROM occurrences o JOIN pairs p ON p.id = o.target WHERE o.id % 3 = 0",
    // As migrations/postgres/20261202000002_weekly_activity.sql builds it.
    "INSERT INTO activity_weekly (pair_id, week, user_id, guild_id, messages)
     SELECT pair_id, date_trunc('week', day::timestamp)::date, user_id, guild_id, SUM(messages)
     FROM activity_daily
     GROUP BY pair_id, date_trunc('week', day::timestamp)::date, user_id, guild_id",
    // ANALYZE, and the visibility map autovacuum would set a minute later, in the middle of
    // the timed runs (without it, index-only scans read the table too).
    "VACUUM (ANALYZE)",
];

/// Seeds `days` of activity per member into the migrated, empty database behind `raw`.
async fn seed(engine: Engine, raw: &Raw, days: i64) {
    let statements = match engine {
        Engine::Sqlite => SQLITE_SEED,
        Engine::Postgres => POSTGRES_SEED,
    };
    for s in statements {
        raw.execute(s.replace("DAYS", &days.to_string())).await;
    }
    let rows = raw.count("SELECT COUNT(*) FROM activity_daily").await;
    assert_eq!(rows, PAIRS * 2 * days, "activity rows");
}

/// What the digest read before the weekly roll-up: messages per pair, member and week summed
/// from the daily rows of the period, and each pair's last active day.
async fn daily_sql(raw: &Raw, period: Period) -> usize {
    const LAST: &str = "SELECT p.id, (SELECT MAX(day) FROM activity_daily a WHERE a.pair_id = p.id)
                        FROM pairs p WHERE p.guild_id = $1";
    let (weekly, last) = match raw {
        Raw::Sqlite(pool) => {
            let weekly = sqlx::query(
                "SELECT pair_id, user_id,
                        CAST((julianday(day) - julianday(?)) / 7 AS INTEGER) AS week, SUM(messages)
                 FROM activity_daily WHERE guild_id = ? AND day >= ? AND day < ?
                 GROUP BY pair_id, user_id, week",
            )
            .bind(period.start().to_string())
            .bind(GUILD)
            .bind(period.start().to_string())
            .bind(period.end.to_string())
            .fetch_all(pool)
            .await
            .unwrap();
            let last = sqlx::query(LAST).bind(GUILD).fetch_all(pool).await.unwrap();
            let _: i64 = weekly[0].get(3);
            (weekly.len(), last.len())
        }
        // DATE columns: date - date is whole days; SUM of BIGINT is NUMERIC unless cast.
        Raw::Postgres(pool) => {
            let weekly = sqlx::query(
                "SELECT pair_id, user_id, (day - $1) / 7 AS week, CAST(SUM(messages) AS BIGINT)
                 FROM activity_daily WHERE guild_id = $2 AND day >= $1 AND day < $3
                 GROUP BY pair_id, user_id, week",
            )
            .bind(period.start())
            .bind(GUILD)
            .bind(period.end)
            .fetch_all(pool)
            .await
            .unwrap();
            let last = sqlx::query(LAST).bind(GUILD).fetch_all(pool).await.unwrap();
            let _: i64 = weekly[0].get(3);
            (weekly.len(), last.len())
        }
    };
    weekly + last
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Measured {
    digest: Duration,
    sql: Duration,
    report: Report,
}

/// A fresh database with `days` of activity per member, and what a digest of it needs.
struct Seeded {
    db: Db,
    raw: Raw,
    settings: Settings,
    guild: GuildSettings,
    days: i64,
    seeded: Duration,
    // Last: a PostgreSQL database is dropped after the pools above are closed.
    _database: TestDatabase,
}

impl Seeded {
    async fn new(engine: Engine, server: Option<&str>, days: i64) -> Seeded {
        let database = match server {
            Some(server) => TestDatabase::postgres(server).await,
            None => TestDatabase::sqlite(),
        };
        let mut settings = Settings::defaults();
        settings.database.url = database.url.clone();
        let db = tandem::open_database(&settings).await.unwrap();
        let raw = Raw::connect(engine, &database.url).await;
        let seeding = Instant::now();
        seed(engine, &raw, days).await;
        let seeded = seeding.elapsed();
        let guild = db.guild_settings(GUILD as u64).await.unwrap().unwrap();
        Seeded {
            db,
            raw,
            settings,
            guild,
            days,
            seeded,
            _database: database,
        }
    }

    async fn digest(&self) -> Report {
        tandem::digest::build(&self.db, &self.settings, &self.guild, now(), 8)
            .await
            .unwrap()
    }

    async fn close(self) {
        self.db.close().await;
        self.raw.close().await;
    }
}

/// The digest's and the daily query's median times at each size, the sizes taking turns run
/// by run: the machine is shared, and a load that comes and goes then weighs on both alike.
async fn measure(sizes: &[Seeded]) -> Vec<Measured> {
    let period = Period::ending(now(), tandem::digest::DEFAULT_WEEKS);
    // Warm everything (page cache, prepared statements) before timing.
    let mut reports = Vec::new();
    let mut rows = Vec::new();
    for s in sizes {
        reports.push(s.digest().await);
        rows.push(daily_sql(&s.raw, period).await);
    }
    let mut digest_times = vec![Vec::new(); sizes.len()];
    let mut sql_times = vec![Vec::new(); sizes.len()];
    for _ in 0..RUNS {
        for (i, s) in sizes.iter().enumerate() {
            let t = Instant::now();
            let r = s.digest().await;
            digest_times[i].push(t.elapsed());
            assert_eq!(r.health.len(), reports[i].health.len());
            let t = Instant::now();
            assert_eq!(daily_sql(&s.raw, period).await, rows[i]);
            sql_times[i].push(t.elapsed());
        }
    }
    reports
        .into_iter()
        .zip(digest_times.into_iter().zip(sql_times))
        .map(|(report, (d, q))| Measured {
            digest: median(d),
            sql: median(q),
            report,
        })
        .collect()
}

/// Both sizes on one engine; returns (1 M, 10 M).
async fn engine_part(engine: Engine, server: Option<&str>) -> (Measured, Measured) {
    let on = server.map(|s| format!(" on {}", tandem::config::redacted_url(s)));
    println!(
        "{}{} ({PAIRS} pairs, {} check-ins, {}-week digest, medians of {RUNS}):",
        engine.name(),
        on.as_deref().unwrap_or(""),
        PAIRS * 8,
        tandem::digest::DEFAULT_WEEKS
    );
    let mut sizes = Vec::new();
    for days in SIZES {
        sizes.push(Seeded::new(engine, server, days).await);
    }
    let measured = measure(&sizes).await;
    for (s, m) in sizes.iter().zip(&measured) {
        let this = m.report.this_week();
        println!(
            "  {:>2} M rows: seed {:.1} s, digest {:.1} ms, daily-rows query {:.1} ms; \
             this week {}/{} pairs active, {:.0}% answers, {} red",
            PAIRS * 2 * s.days / 1_000_000,
            s.seeded.as_secs_f64(),
            ms(m.digest),
            ms(m.sql),
            this.active_pairs,
            m.report.health.len(),
            this.answer_rate().unwrap_or(0.0) * 100.0,
            m.report.red().count()
        );
    }
    // The chart does not depend on the engine: once is enough.
    if engine == Engine::Sqlite {
        let chart = Instant::now();
        let png = measured[0].report.chart().unwrap();
        println!(
            "  chart: {:.1} ms, {} bytes",
            ms(chart.elapsed()),
            png.len()
        );
    }
    for s in sizes {
        s.close().await;
    }
    let [small, large]: [Measured; 2] = measured.try_into().ok().unwrap();
    println!("  {}", ratios(&small, &large));
    (small, large)
}

fn ratios(small: &Measured, large: &Measured) -> String {
    format!(
        "digest 10 M / 1 M rows: {:.2} ({:.1} ms / {:.1} ms); daily-rows query: {:.2}",
        large.digest.as_secs_f64() / small.digest.as_secs_f64(),
        ms(large.digest),
        ms(small.digest),
        large.sql.as_secs_f64() / small.sql.as_secs_f64()
    )
}

#[tokio::main]
async fn main() {
    let sqlite = engine_part(Engine::Sqlite, None).await;
    let postgres = match database::postgres_server() {
        Some(server) => {
            let pg = engine_part(Engine::Postgres, Some(&server)).await;
            // Same community, same digest: otherwise the times would not compare.
            for (s, p) in [(&sqlite.0, &pg.0), (&sqlite.1, &pg.1)] {
                assert!(
                    p.report == s.report,
                    "PostgreSQL's report differs from SQLite's (weeks equal: {}, health equal: {})",
                    p.report.weeks == s.report.weeks,
                    p.report.health == s.report.health
                );
            }
            Some(pg)
        }
        None => {
            println!(
                "PostgreSQL part skipped: set {} to a server URL to run it",
                database::POSTGRES_ENV
            );
            None
        }
    };
    println!("summary:");
    println!("  {:<11} {}", "SQLite", ratios(&sqlite.0, &sqlite.1));
    if let Some(pg) = &postgres {
        println!("  {:<11} {}", "PostgreSQL", ratios(&pg.0, &pg.1));
    }
}
