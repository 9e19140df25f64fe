//! The shared harness: a simulator with one guild, an admin and a member, and the real bot
//! connected to it over HTTP and WebSocket, on a temporary database (see `database.rs`).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use discord_sim::{channel_type, perms, GuildInfo, Reply, Sim};
use serde_json::json;
use tandem::clock::ManualClock;
use tandem::config::{Secret, Settings};
use tandem::discord::Running;
use tandem::store::Db;

use crate::database::TestDatabase;

pub const READY_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a test waits for something the bot does in the background.
pub const EVENTUALLY: Duration = Duration::from_secs(20);

/// Polls `done` every 50 ms until it holds, failing with `what` after [`EVENTUALLY`].
pub async fn until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + EVENTUALLY;
    while !done().await {
        assert!(tokio::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub struct TestApp {
    pub sim: Sim,
    pub guild: GuildInfo,
    /// Has Manage Server through the "Admins" role.
    pub admin: u64,
    /// An ordinary member without roles.
    pub member: u64,
    pub clock: Arc<ManualClock>,
    pub settings: Settings,
    bot: Option<Running>,
    _database: TestDatabase,
}

/// Logs go to the test's captured output, shown when a test fails; `RUST_LOG` overrides
/// the default level.
fn init_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("tandem=warn"));
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .init();
    });
}

pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

impl TestApp {
    /// A simulator with one guild and two people, and the bot connected and ready.
    pub async fn start() -> TestApp {
        TestApp::start_with(|_| {}).await
    }

    /// As [`TestApp::start`], with settings changed before the bot starts.
    pub async fn start_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let mut app = TestApp::unstarted(configure).await;
        app.start_bot().await;
        app
    }

    /// The simulator, its guild and people, and the settings, without the bot: for faults
    /// that must be in place before it starts.
    pub async fn unstarted(configure: impl FnOnce(&mut Settings)) -> TestApp {
        init_logs();
        let sim = Sim::start().await;
        let guild = sim.create_guild("Mentoring Club");
        let admins = sim.create_role(guild.id, "Admins", perms::MANAGE_GUILD);
        let admin = sim.create_user("ada");
        sim.add_member(guild.id, admin, &[admins]);
        let member = sim.create_user("max");
        sim.add_member(guild.id, member, &[]);

        let database = TestDatabase::new().await;
        let mut settings = Settings::defaults();
        settings.discord.token = Some(Secret::new(sim.token()));
        settings.discord.api_url = sim.url();
        settings.database.url = database.url.clone();
        configure(&mut settings);
        TestApp {
            sim,
            guild,
            admin,
            member,
            clock: ManualClock::new(start_time()),
            settings,
            bot: None,
            _database: database,
        }
    }

    /// As [`TestApp::unstarted`], with the database created and migrated: for bots run as
    /// child processes, which must not race each other to migrate it.
    pub async fn migrated(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let app = TestApp::unstarted(configure).await;
        tandem::open_database(&app.settings)
            .await
            .unwrap()
            .close()
            .await;
        app
    }

    pub async fn start_bot(&mut self) {
        let mut bot = self.launch().await;
        assert!(
            bot.wait_ready(READY_TIMEOUT).await,
            "the bot did not become ready"
        );
        assert!(
            self.sim.wait_connected(READY_TIMEOUT).await,
            "no gateway session"
        );
        self.bot = Some(bot);
    }

    /// Starts the bot on the app's database and returns it without waiting for it.
    pub async fn launch(&self) -> Running {
        assert!(self.bot.is_none(), "the bot is already running");
        let db = tandem::open_database(&self.settings).await.unwrap();
        tandem::discord::start(Arc::new(self.settings.clone()), db, self.clock.clone())
            .await
            .unwrap()
    }

    /// Stops the bot the way SIGTERM does and starts it again on the same database.
    pub async fn restart(&mut self) {
        let bot = self.bot.take().expect("the bot is running");
        bot.shutdown(Duration::from_secs(5)).await;
        self.start_bot().await;
    }

    /// Stops the bot at once, as a crash would.
    pub fn crash(&mut self) {
        self.bot.take().expect("the bot is running").abort();
    }

    /// Where the running bot serves /healthz and /metrics (`metrics.listen`; with port 0, the
    /// port it got), if it does.
    pub fn metrics_addr(&self) -> Option<std::net::SocketAddr> {
        self.bot
            .as_ref()
            .expect("the bot is running")
            .metrics_addr()
    }

    /// `http://127.0.0.1:<port>` of that listener.
    pub fn metrics_url(&self) -> String {
        let addr = self.metrics_addr().expect("metrics.listen is set");
        format!("http://{addr}")
    }

    /// A second connection to the bot's database, to check what it stored.
    pub async fn db(&self) -> Db {
        Db::connect(&self.settings.database.url, 1).await.unwrap()
    }

    /// Runs a command as `user` with `(option, value)` pairs and waits for the reply.
    pub async fn run(
        &self,
        user: u64,
        command: &str,
        options: &[(&str, serde_json::Value)],
    ) -> Reply {
        let mut call = self.sim.command(self.guild.id, user, command);
        for (name, value) in options {
            call = call.opt(name, value.clone());
        }
        call.run().await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(bot) = self.bot.take() {
            bot.abort();
        }
    }
}

/// The channels and role a server sets up for tandem (not yet saved with `/setup`).
pub struct Server {
    pub digest: u64,
    pub category: u64,
    pub mods: u64,
}

pub fn server(app: &TestApp) -> Server {
    let category = app
        .sim
        .create_channel(app.guild.id, "Mentoring", channel_type::CATEGORY, None);
    Server {
        digest: app
            .sim
            .create_channel(app.guild.id, "mod-digest", channel_type::TEXT, None),
        category,
        mods: app.sim.create_role(app.guild.id, "Moderators", 0),
    }
}

pub fn full_setup(s: &Server) -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("digest_channel", json!(s.digest.to_string())),
        ("moderator_role", json!(s.mods.to_string())),
        ("pair_category", json!(s.category.to_string())),
        ("timezone", json!("Europe/Berlin")),
    ]
}

impl TestApp {
    /// Runs `/setup` with a digest channel, moderator role and category; returns them.
    pub async fn set_up(&self) -> Server {
        let s = server(self);
        let reply = self.run(self.admin, "setup", &full_setup(&s)).await;
        assert!(reply.text().contains("Saved"), "{}", reply.text());
        s
    }

    /// A new server member, with the moderator role if `mods` is given.
    pub fn person(&self, name: &str, mods: Option<u64>) -> u64 {
        let user = self.sim.create_user(name);
        let roles: Vec<u64> = mods.into_iter().collect();
        self.sim.add_member(self.guild.id, user, &roles);
        user
    }
}

/// A set-up server where new mentors are active at once (no approval), and a moderator.
pub async fn open_programme() -> (TestApp, Server, u64) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let r = app
        .run(app.admin, "setup", &[("mentor_approval", json!(false))])
        .await;
    assert!(r.text().contains("Saved"), "{}", r.text());
    let moderator = app.person("mo", Some(s.mods));
    (app, s, moderator)
}

/// A new member enrolled with `/enrol <role>` (topics rust, Berlin time; a mentee with a goal).
pub async fn enrolled(app: &TestApp, name: &str, role: &str) -> u64 {
    let user = app.person(name, None);
    let mut options = vec![
        ("topics", json!("rust, career")),
        ("timezone", json!("Europe/Berlin")),
    ];
    if role == "mentee" {
        options.push(("goals", json!("Ship my first crate")));
    }
    let r = app.run(user, &format!("enrol {role}"), &options).await;
    assert!(r.ephemeral(), "{}", r.text());
    user
}

/// A pair made directly in the database (and its channel in the simulator), for tests that
/// need many pairs quickly.
#[derive(Debug, Clone, Copy)]
pub struct SeededPair {
    pub id: i64,
    pub mentor: u64,
    pub mentee: u64,
    pub channel: u64,
}

impl TestApp {
    /// `n` active pairs whose members live in `mentor_tz` and `mentee_tz`, each with a channel
    /// in `category`; then plans their check-ins as the scheduler's hourly pass would.
    pub async fn seed_pairs(
        &self,
        category: u64,
        n: usize,
        mentor_tz: &str,
        mentee_tz: &str,
    ) -> Vec<SeededPair> {
        self.seed_pairs_in(self.guild.id, category, n, mentor_tz, mentee_tz)
            .await
    }

    /// Plans one check-in round for `pairs` of `guild`, due `at`.
    pub async fn plan_round(&self, guild: u64, pairs: &[SeededPair], at: DateTime<Utc>) {
        use tandem::domain::schedule::{Kind, NewOccurrence};
        let round: Vec<NewOccurrence> = pairs
            .iter()
            .map(|p| NewOccurrence {
                guild_id: guild,
                kind: Kind::Checkin,
                target: p.id as u64,
                scheduled_for: at,
                parent_id: None,
            })
            .collect();
        let db = self.db().await;
        db.plan(&round).await.unwrap();
        db.close().await;
    }

    /// `servers` new servers spread over `shard_count` shards (server `n` on shard
    /// `n % shard_count`), `pairs_each` pairs in each and one check-in round due `at` for all;
    /// each pair with the shard it is on.
    pub async fn seed_servers(
        &self,
        servers: u32,
        shard_count: u32,
        pairs_each: usize,
        at: DateTime<Utc>,
    ) -> Vec<(u32, SeededPair)> {
        let mut out = Vec::new();
        for n in 0..servers {
            let shard = n % shard_count;
            let guild = self
                .sim
                .create_guild_on_shard(&format!("Club{n}"), shard, shard_count);
            let category =
                self.sim
                    .create_channel(guild.id, "Mentoring", channel_type::CATEGORY, None);
            let seeded = self
                .seed_pairs_in(
                    guild.id,
                    category,
                    pairs_each,
                    "Europe/Berlin",
                    "Europe/Madrid",
                )
                .await;
            self.plan_round(guild.id, &seeded, at).await;
            out.extend(seeded.into_iter().map(|p| (shard, p)));
        }
        out
    }

    /// As [`TestApp::seed_pairs`], in another server of the simulator.
    pub async fn seed_pairs_in(
        &self,
        guild: u64,
        category: u64,
        n: usize,
        mentor_tz: &str,
        mentee_tz: &str,
    ) -> Vec<SeededPair> {
        use tandem::domain::member::{Profile, Role, Status};
        let db = self.db().await;
        let now = tandem::clock::Clock::now(&*self.clock);
        let entry = |action: &str| tandem::store::AuditEntry {
            guild_id: guild,
            actor_id: None,
            action: action.into(),
            target_id: None,
            detail: None,
            at: now,
        };
        let mut out = Vec::new();
        for i in 0..n {
            let mut ids = Vec::new();
            for (role, tz) in [(Role::Mentor, mentor_tz), (Role::Mentee, mentee_tz)] {
                let user = self.sim.create_user(&format!("{}{i}", role.as_str()));
                self.sim.add_member(guild, user, &[]);
                let profile = Profile {
                    guild_id: guild,
                    user_id: user,
                    role,
                    status: Status::Active,
                    topics: vec!["rust".into()],
                    timezone: tz.parse().unwrap(),
                    languages: vec!["en".into()],
                    capacity: (role == Role::Mentor).then_some(1),
                    goals: None,
                    about: None,
                    enrolled_at: now,
                };
                db.save_profile(&profile, &entry("member.enrol"))
                    .await
                    .unwrap();
                ids.push(user);
            }
            let pair = db
                .create_pair(guild, ids[0], ids[1], &entry("pair.create"))
                .await
                .unwrap()
                .unwrap();
            let channel = self.sim.create_channel(
                guild,
                &format!("pair-{i}"),
                channel_type::TEXT,
                Some(category),
            );
            db.activate_pair(pair.id, channel).await.unwrap();
            out.push(SeededPair {
                id: pair.id,
                mentor: ids[0],
                mentee: ids[1],
                channel,
            });
        }
        tandem::jobs::plan(&db, &self.settings, now).await.unwrap();
        db.close().await;
        out
    }
}

/// Check-in prompts per channel in the simulator so far.
pub fn checkin_prompts(m: &discord_sim::Model) -> std::collections::HashMap<u64, usize> {
    let mut out = std::collections::HashMap::new();
    for msg in m.messages.values() {
        if msg.content().contains("Check-in time") {
            *out.entry(msg.channel_id).or_insert(0) += 1;
        }
    }
    out
}

/// The latest message in the simulator that carries the button `custom_id`.
pub fn message_with(app: &TestApp, custom_id: &str) -> Option<discord_sim::Message> {
    app.sim.with_model(|m| {
        m.messages
            .values()
            .rev()
            .find(|msg| msg.custom_ids().iter().any(|c| c == custom_id))
            .cloned()
    })
}

/// Every table, every row, as text, read through a read-only connection: compared before and
/// after something that must change nothing, and between the two engines (a row reads the same
/// on SQLite and on PostgreSQL when it holds the same values).
pub struct Dumper {
    pool: sqlx::AnyPool,
    /// Each table with the expression that turns one of its rows into text.
    tables: Vec<(String, String)>,
}

pub type Dump = std::collections::BTreeMap<String, Vec<String>>;

/// How one cell (column, its declared type) becomes SQL that writes it as text.
type Quote = fn(&str, &str) -> String;

/// A PostgreSQL cell of type `data_type` written as SQLite's `quote` writes the same value as
/// the store keeps it there: integers bare, text quoted, flags 0/1, times RFC 3339 in UTC with
/// sqlx's fraction (none, 3 or 6 digits), NULL as NULL.
fn pg_quote(column: &str, data_type: &str) -> String {
    let c = format!("\"{column}\"");
    let text = |e: &str| format!("COALESCE('''' || replace({e}, '''', '''''') || '''', 'NULL')");
    match data_type {
        "bigint" | "integer" | "smallint" => format!("COALESCE(CAST({c} AS TEXT), 'NULL')"),
        "boolean" => format!("CASE WHEN {c} THEN '1' WHEN NOT {c} THEN '0' ELSE 'NULL' END"),
        "date" => text(&format!("to_char({c}, 'YYYY-MM-DD')")),
        "timestamp with time zone" => {
            let utc = format!("({c} AT TIME ZONE 'UTC')");
            let micros = format!("(CAST(EXTRACT(MICROSECONDS FROM {c}) AS BIGINT) % 1000000)");
            text(&format!(
                "to_char({utc}, 'YYYY-MM-DD') || 'T' || to_char({utc}, 'HH24:MI:SS')
                 || CASE WHEN {micros} = 0 THEN ''
                         WHEN {micros} % 1000 = 0 THEN '.' || to_char({micros} / 1000, 'FM000')
                         ELSE '.' || to_char({micros}, 'FM000000') END
                 || '+00:00'"
            ))
        }
        _ => text(&format!("CAST({c} AS TEXT)")),
    }
}

impl Dumper {
    pub async fn open(url: &str) -> Dumper {
        // Per engine: a read-only session, its catalogue (each column with its type), and how
        // one cell is written (rows as SQLite's `quote` writes them, cells joined by `|`).
        let glue = if url.contains('?') { '&' } else { '?' };
        let (url, tables_sql, columns_sql, quote): (String, &str, &str, Quote) =
            if tandem::store::is_postgres_url(url) {
                (
                    format!("{url}{glue}options=-c%20default_transaction_read_only%3Don"),
                    "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                     ORDER BY 1",
                    "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT)
                     FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = $1
                     ORDER BY ordinal_position",
                    pg_quote,
                )
            } else {
                (
                    format!("{url}{glue}mode=ro"),
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                    "SELECT name, type FROM pragma_table_info($1)",
                    |c, _| format!("quote(\"{c}\")"),
                )
            };
        let pool = crate::database::raw_pool(&url).await;
        let names: Vec<String> = sqlx::query_scalar(tables_sql)
            .fetch_all(&pool)
            .await
            .unwrap();
        let mut tables = Vec::new();
        // The request budget's clock moves with every request: pacing, not anyone's data.
        for t in names.into_iter().filter(|t| t != "rate_budget") {
            let columns: Vec<(String, String)> = sqlx::query_as(columns_sql)
                .bind(&t)
                .fetch_all(&pool)
                .await
                .unwrap();
            let row = columns
                .iter()
                .map(|(c, data_type)| quote(c, data_type))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            tables.push((t, row));
        }
        Dumper { pool, tables }
    }

    pub async fn dump(&self) -> Dump {
        let mut out = Dump::new();
        for (table, row) in &self.tables {
            // Table and column names come from the database itself.
            let mut rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {row} FROM \"{table}\""
            )))
            .fetch_all(&self.pool)
            .await
            .unwrap();
            // Sorted here rather than by each engine's collation, so both give the same order.
            rows.sort();
            out.insert(table.clone(), rows);
        }
        out
    }

    /// Waits until the database stops changing (what an accepted input set off has finished).
    pub async fn settled(&self) -> Dump {
        let mut last = self.dump().await;
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(40)).await;
            let now = self.dump().await;
            if now == last {
                return now;
            }
            last = now;
        }
        last
    }
}

/// Tables whose rows differ between two dumps.
pub fn changed_tables(before: &Dump, after: &Dump) -> Vec<String> {
    after
        .iter()
        .filter(|(t, rows)| before.get(*t) != Some(rows))
        .map(|(t, _)| t.clone())
        .collect()
}

/// The first custom id among `ids` that starts with `prefix` (a message's or a reply's
/// `custom_ids()`).
pub fn id_starting(ids: &[String], prefix: &str) -> String {
    ids.iter()
        .find(|id| id.starts_with(prefix))
        .cloned()
        .unwrap_or_else(|| panic!("no {prefix}… in {ids:?}"))
}

/// What a person types into a form field that is not under test.
pub fn typed(field: &str) -> &'static str {
    match field {
        "rating" => "4",
        _ => "Going well, thanks",
    }
}

pub type Command = poise::Command<tandem::discord::Data, tandem::discord::Error>;

/// Every registered command that runs (those without subcommands), with its full name set
/// as the framework sets it at start-up.
pub fn leaf_commands() -> Vec<Command> {
    fn leaves(c: Command, out: &mut Vec<Command>) {
        if c.subcommands.is_empty() {
            out.push(c);
        } else {
            for sub in c.subcommands {
                leaves(sub, out);
            }
        }
    }
    let mut all = tandem::discord::commands::all();
    poise::set_qualified_names(&mut all);
    let mut out = Vec::new();
    for c in all {
        leaves(c, &mut out);
    }
    out
}

/// Plans the monthly availability question to `mentor` for now, behind the scheduler's back,
/// and moves the clock an hour so its hourly pass finds it.
pub async fn ask_availability_now(app: &TestApp, mentor: u64) {
    use tandem::domain::schedule::{Kind, NewOccurrence};
    let db = app.db().await;
    let now = tandem::clock::Clock::now(&*app.clock);
    db.plan(&[NewOccurrence {
        guild_id: app.guild.id,
        kind: Kind::AvailabilityAsk,
        target: mentor,
        scheduled_for: now,
        parent_id: None,
    }])
    .await
    .unwrap();
    db.close().await;
    app.clock.set(now + chrono::Duration::hours(1));
}

/// The check-in prompt in `channel` (the first message with mood buttons), once it is there.
pub async fn checkin_prompt_in(app: &TestApp, channel: u64) -> discord_sim::Message {
    let mut prompt = None;
    until("a check-in prompt", async || {
        prompt = app.sim.messages_in(channel).into_iter().find(|m| {
            m.custom_ids()
                .iter()
                .any(|id| id.starts_with("checkin:mood:"))
        });
        prompt.is_some()
    })
    .await;
    prompt.expect("found")
}
