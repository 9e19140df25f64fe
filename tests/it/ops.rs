//! Operating it: the /healthz and /metrics listener (`metrics.listen`), started on a free port
//! beside the bot and read over HTTP as a supervisor and Prometheus would.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::TestApp;

async fn with_metrics() -> TestApp {
    TestApp::start_with(|s| s.metrics.listen = Some("127.0.0.1:0".parse().unwrap())).await
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    client()
        .get(format!("{}{path}", app.metrics_url()))
        .send()
        .await
        .unwrap()
}

/// /healthz: its status code and JSON body.
async fn health(app: &TestApp) -> (u16, Value) {
    let r = get(app, "/healthz").await;
    let status = r.status().as_u16();
    assert_eq!(r.headers()["content-type"], "application/json");
    let text = r.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap())
}

/// Asks /healthz until it answers `status` (every 20 ms, up to `limit`); returns the body.
async fn health_becomes(app: &TestApp, status: u16, limit: Duration) -> Value {
    let deadline = Instant::now() + limit;
    loop {
        let (now, body) = health(app).await;
        if now == status {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "/healthz still {now} after {limit:?}: {body}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn metrics(app: &TestApp) -> String {
    let r = get(app, "/metrics").await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    r.text().await.unwrap()
}

/// The value of the sample `series` (name and labels exactly as printed), 0 if absent.
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .map_or(0.0, |v| v.parse().unwrap())
}

fn command(name: &str, outcome: &str) -> String {
    format!(
        "tandem_interactions_total{{kind=\"command\",command=\"{name}\",outcome=\"{outcome}\"}}"
    )
}

fn button(route: &str, outcome: &str) -> String {
    format!(
        "tandem_interactions_total{{kind=\"button\",command=\"{route}\",outcome=\"{outcome}\"}}"
    )
}

/// Reads /metrics until `ready` holds for it (a count moves just after its reply is sent).
async fn metrics_until(app: &TestApp, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = metrics(app).await;
        if ready(&text) || Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn healthz_is_200_when_all_is_well_and_metrics_count_interactions_and_sends_by_outcome() {
    let app = with_metrics().await;
    // The scheduler starts just after the bot is ready.
    let body = health_becomes(&app, 200, Duration::from_secs(10)).await;
    assert_eq!(body["status"], "ok", "{body}");
    assert_eq!(
        body["gateway"],
        json!({ "ok": true, "detail": "1 of 1 shard connected" })
    );
    assert_eq!(body["database"]["ok"], true, "{body}");
    assert_eq!(body["scheduler"]["ok"], true, "{body}");

    let before = metrics(&app).await;
    assert_eq!(sample(&before, "tandem_queue_depth"), 0.0, "{before}");
    assert_eq!(sample(&before, "tandem_scheduler_lag_seconds"), 0.0);
    assert_eq!(sample(&before, "tandem_discord_429_total"), 0.0);

    app.set_up().await;
    let me = app.member;
    // A command that works, and one refused with a plain word (an unknown time zone).
    let enrol = |timezone: &'static str| {
        vec![
            ("topics", json!("rust")),
            ("timezone", json!(timezone)),
            ("goals", json!("Ship a crate")),
        ]
    };
    let refused = app.run(me, "enrol mentee", &enrol("Mars/Olympus")).await;
    assert!(refused.ephemeral(), "{}", refused.text());
    app.run(me, "enrol mentee", &enrol("Europe/Berlin")).await;
    app.run(me, "help", &[]).await;
    // A real button, and one tandem never made.
    app.run(me, "mydata delete", &[]).await;
    let keep = tandem::discord::CustomId::MydataKeep { owner: me }.to_string();
    let message = crate::support::message_with(&app, &keep).expect("the confirmation");
    let press = app.sim.click(app.guild.id, me, message.id, &keep).await;
    app.sim.reply(press).await;
    let press = app
        .sim
        .click(app.guild.id, me, message.id, "nonsense")
        .await;
    app.sim.reply(press).await;
    // Scheduled sends: a pulse round, and its question to the one active member, whose DM
    // channel Discord first refuses with a 429 (waited out, then sent).
    let limited = discord_sim::FaultKind::RateLimited {
        retry_after: 0.05,
        global: false,
    };
    app.sim
        .inject_fault(Some("POST"), "/users/@me/channels", limited, 1);
    app.run(app.admin, "pulse now", &[]).await;
    app.sim.wait_for_dms(me, 1).await;

    let pulse_dm = "tandem_scheduled_sends_total{kind=\"pulse_dm\",outcome=\"sent\"}";
    let after = metrics_until(&app, |t| sample(t, pulse_dm) == 1.0).await;
    for name in [
        "tandem_interactions_total",
        "tandem_scheduled_sends_total",
        "tandem_discord_429_total",
        "tandem_queue_depth",
        "tandem_scheduler_lag_seconds",
    ] {
        assert!(
            after.contains(&format!("# TYPE {name} ")),
            "{name} missing:\n{after}"
        );
    }
    for (series, moved) in [
        (command("enrol mentee", "refused"), 1.0),
        (command("enrol mentee", "ok"), 1.0),
        (command("help", "ok"), 1.0),
        (command("mydata delete", "ok"), 1.0),
        (command("pulse now", "ok"), 1.0),
        (command("help", "failed"), 0.0),
        (button("mydata:keep", "ok"), 1.0),
        (button("unknown", "refused"), 1.0),
        (
            "tandem_scheduled_sends_total{kind=\"pulse\",outcome=\"sent\"}".into(),
            1.0,
        ),
        (pulse_dm.into(), 1.0),
        ("tandem_discord_429_total".into(), 1.0),
    ] {
        assert_eq!(
            sample(&after, &series) - sample(&before, &series),
            moved,
            "{series}:\n{after}"
        );
    }
    // Counts only: no person, server or message id anywhere.
    for id in [me, app.admin, app.guild.id, message.id] {
        assert!(!after.contains(&id.to_string()), "{id} in:\n{after}");
    }

    let r = get(&app, "/nowhere").await;
    assert_eq!(r.status().as_u16(), 404);
    let r = client()
        .post(format!("{}/healthz", app.metrics_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
}

#[tokio::test]
async fn healthz_is_503_naming_the_database_while_it_does_not_answer_and_200_once_it_does() {
    // One connection, so one write waiting for the lock leaves none for anything else.
    let app = TestApp::start_with(|s| {
        s.metrics.listen = Some("127.0.0.1:0".parse().unwrap());
        s.database.max_connections = 1;
    })
    .await;
    health_becomes(&app, 200, Duration::from_secs(10)).await;
    // Another program (a backup tool, an sqlite3 shell; on PostgreSQL another session)
    // holds the write lock.
    let mut other = WriteLockHolder::take(&app.settings.database.url).await;
    let enrol = [
        ("topics", json!("rust")),
        ("timezone", json!("Europe/Berlin")),
        ("goals", json!("Ship a crate")),
    ];
    // The enrolment waits for the lock (busy_timeout) on the bot's only connection meanwhile.
    let (reply, ()) = tokio::join!(app.run(app.member, "enrol mentee", &enrol), async {
        let body = health_becomes(&app, 503, Duration::from_secs(8)).await;
        assert_eq!(body["status"], "failing", "{body}");
        assert_eq!(
            body["database"],
            json!({ "ok": false, "detail": "no answer within 1 s" })
        );
        assert_eq!(body["gateway"]["ok"], true, "only the database: {body}");
        other.release().await;
        let body = health_becomes(&app, 200, Duration::from_secs(10)).await;
        assert_eq!(body["database"]["ok"], true, "{body}");
    });
    assert!(
        !reply.text().contains("went wrong"),
        "only slowed down: {}",
        reply.text()
    );
}

#[tokio::test]
async fn healthz_is_503_naming_the_gateway_once_discord_ends_the_connection_for_good() {
    let app = with_metrics().await;
    health_becomes(&app, 200, Duration::from_secs(10)).await;
    // The token was reset in the developer portal: 4004, and serenity stops (`tandem run`
    // exits with code 1 then; a supervisor asking meanwhile hears 503).
    app.sim.close_gateway(4004);
    let body = health_becomes(&app, 503, Duration::from_secs(10)).await;
    assert_eq!(
        body["gateway"],
        json!({ "ok": false, "detail": "stopped: the connection ended for good" })
    );
    assert_eq!(body["database"]["ok"], true, "{body}");
}

#[tokio::test]
async fn a_port_in_use_stops_start_up_with_one_line_naming_metrics_listen() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let app = TestApp::unstarted(|s| s.metrics.listen = Some(addr)).await;
    let db = tandem::open_database(&app.settings).await.unwrap();
    let settings = std::sync::Arc::new(app.settings.clone());
    let err = match tandem::discord::start(settings, db, app.clock.clone()).await {
        Ok(_) => panic!("started although {addr} is taken"),
        Err(e) => format!("{e:#}"),
    };
    assert!(
        err.starts_with(&format!("metrics.listen {addr}: cannot listen there")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(app.sim.sessions(), (0, 0), "nothing connected to Discord");

    // The binary: exit code 1, the reason on its last line.
    let dir = tempfile::tempdir().unwrap();
    let child = crate::cli::bot_process(&app.sim, dir.path())
        .env("TANDEM__METRICS__LISTEN", addr.to_string())
        .spawn()
        .unwrap();
    let (code, stderr) = crate::cli::exit_within(child, Duration::from_secs(20)).await;
    assert_eq!(code, Some(1), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.contains(&format!("metrics.listen {addr}: cannot listen there")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    drop(taken);
}

#[tokio::test]
async fn the_listener_is_off_unless_configured_and_closes_when_the_bot_stops() {
    let plain = TestApp::start().await;
    assert_eq!(plain.metrics_addr(), None);
    drop(plain);

    let mut app = with_metrics().await;
    let first = app.metrics_url();
    health_becomes(&app, 200, Duration::from_secs(10)).await;
    // Stopped the way SIGTERM stops it, then started again (on a new free port).
    app.restart().await;
    health_becomes(&app, 200, Duration::from_secs(10)).await;
    if app.metrics_url() != first {
        // Nothing answers there any more, or a listener that is not this bot's: tests run
        // side by side and the system may hand the freed port to another test's listener,
        // which asks for a token (this one has none, so it would answer 200 or 503).
        let gone = client().get(format!("{first}/healthz")).send().await;
        assert!(
            gone.as_ref().map_or(true, |r| r.status() == 401),
            "the first listener still answers: {gone:?}"
        );
    }
}

/// Holds the database's write lock from outside the bot: SQLite's own (`BEGIN IMMEDIATE`),
/// or on PostgreSQL the advisory lock every tandem writer takes.
enum WriteLockHolder {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl WriteLockHolder {
    async fn take(url: &str) -> WriteLockHolder {
        use sqlx::Connection as _;
        if tandem::store::is_postgres_url(url) {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(tandem::store::WRITE_LOCK)
                .execute(&mut c)
                .await
                .unwrap();
            return WriteLockHolder::Postgres(c);
        }
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut c)
            .await
            .unwrap();
        WriteLockHolder::Sqlite(c)
    }

    async fn release(&mut self) {
        match self {
            WriteLockHolder::Sqlite(c) => {
                sqlx::query("ROLLBACK").execute(c).await.unwrap();
            }
            WriteLockHolder::Postgres(c) => {
                sqlx::query("SELECT pg_advisory_unlock($1)")
                    .bind(tandem::store::WRITE_LOCK)
                    .execute(c)
                    .await
                    .unwrap();
            }
        }
    }
}
