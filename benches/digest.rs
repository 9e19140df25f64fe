//! Release benchmark: the digest of a server with 2,000 pairs (plus 8 weeks of check-ins and
//! answers) at 1,000,000 and at 10,000,000 daily activity rows (250 and 2,500 days: about
//! seven years of a 2,000-pair community). The digest reads the weekly roll-up, so its time
//! should not grow with history: the bench prints both times and their ratio, next to the
//! daily-rows query the digest used before. Run with `cargo bench --bench digest` (the 10 M
//! seed takes a few minutes).

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sqlx::Row;
use tandem::config::Settings;
use tandem::domain::metrics::Period;

const GUILD: i64 = 1;
const PAIRS: i64 = 2_000;
/// Days of activity per member: 2,000 pairs × 2 members × 250 days = 1,000,000 rows, and ten
/// times that.
const SIZES: [i64; 2] = [250, 2_500];
const RUNS: usize = 7;

fn now() -> DateTime<Utc> {
    "2026-11-23T08:00:00Z".parse().unwrap()
}

/// Seeds the data with set-based SQL (seconds, not the hours one insert per message would take).
async fn seed(url: &str, days: i64) {
    let pool = sqlx::SqlitePool::connect(url).await.unwrap();
    let statements = [
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
        // Every member of every pair writes on 250 days (the quietest pairs stop earlier).
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
        // Eight weekly check-ins per pair, most answered by one or both.
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
    for s in statements {
        let s = s.replace("DAYS", &days.to_string());
        sqlx::query(sqlx::AssertSqlSafe(s))
            .execute(&pool)
            .await
            .unwrap();
    }
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activity_daily")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(rows, PAIRS * 2 * days, "activity rows");
    pool.close().await;
}

/// What the digest read before the weekly roll-up: messages per pair, member and week summed
/// from the daily rows of the period, and each pair's last active day.
async fn daily_sql(pool: &sqlx::SqlitePool, period: Period) -> usize {
    let weekly = sqlx::query(
        "SELECT pair_id, user_id, CAST((julianday(day) - julianday(?)) / 7 AS INTEGER) AS week,
                SUM(messages)
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
    let last = sqlx::query(
        "SELECT p.id, (SELECT MAX(day) FROM activity_daily a WHERE a.pair_id = p.id)
         FROM pairs p WHERE p.guild_id = ?",
    )
    .bind(GUILD)
    .fetch_all(pool)
    .await
    .unwrap();
    let _: i64 = weekly[0].get(3);
    weekly.len() + last.len()
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// The digest's and the daily query's median times over a fresh database with `days` of
/// activity per member.
async fn measure(days: i64) -> (Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/bench.db", dir.path().display());
    let mut settings = Settings::defaults();
    settings.database.url = url.clone();
    let db = tandem::open_database(&settings).await.unwrap();
    let seeding = Instant::now();
    seed(&url, days).await;
    println!(
        "seeded {PAIRS} pairs, {} activity rows, {} check-ins in {:.1} s",
        PAIRS * 2 * days,
        PAIRS * 8,
        seeding.elapsed().as_secs_f64()
    );

    let guild = db.guild_settings(GUILD as u64).await.unwrap().unwrap();
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let period = Period::ending(now(), tandem::digest::DEFAULT_WEEKS);
    // Warm both (page cache, prepared statements) before timing.
    let report = tandem::digest::build(&db, &settings, &guild, now(), 8)
        .await
        .unwrap();
    let rows = daily_sql(&pool, period).await;

    let mut digest_times = Vec::new();
    let mut sql_times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = tandem::digest::build(&db, &settings, &guild, now(), 8)
            .await
            .unwrap();
        digest_times.push(t.elapsed());
        assert_eq!(r.health.len(), report.health.len());
        let t = Instant::now();
        assert_eq!(daily_sql(&pool, period).await, rows);
        sql_times.push(t.elapsed());
    }
    let (digest, sql) = (median(digest_times), median(sql_times));
    let this = report.this_week();
    println!(
        "  digest (all numbers + health of {} pairs): {:.1} ms; the daily-rows query alone: \
         {:.1} ms (medians of {RUNS}); this week {} active pairs, answer rate {:.0}%, {} red",
        report.health.len(),
        digest.as_secs_f64() * 1e3,
        sql.as_secs_f64() * 1e3,
        this.active_pairs,
        this.answer_rate().unwrap_or(0.0) * 100.0,
        report.red().count()
    );
    if days == SIZES[0] {
        let chart = Instant::now();
        let png = report.chart().unwrap();
        println!(
            "  chart: {:.1} ms, {} bytes",
            chart.elapsed().as_secs_f64() * 1e3,
            png.len()
        );
    }
    db.close().await;
    pool.close().await;
    (digest, sql)
}

#[tokio::main]
async fn main() {
    let mut times = Vec::new();
    for days in SIZES {
        times.push(measure(days).await);
    }
    let ((small, small_sql), (large, large_sql)) = (times[0], times[1]);
    println!(
        "digest at 10 M rows / at 1 M rows: {:.2} ({:.1} ms / {:.1} ms); the daily-rows query: \
         {:.2}",
        large.as_secs_f64() / small.as_secs_f64(),
        large.as_secs_f64() * 1e3,
        small.as_secs_f64() * 1e3,
        large_sql.as_secs_f64() / small_sql.as_secs_f64()
    );
}
