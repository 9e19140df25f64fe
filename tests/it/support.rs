//! The shared harness: a simulator with one guild, an admin and a member, and the real bot
//! connected to it over HTTP and WebSocket, on a temporary SQLite file.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use discord_sim::{perms, GuildInfo, Reply, Sim};
use tandem::clock::ManualClock;
use tandem::config::{Secret, Settings};
use tandem::discord::Running;
use tandem::store::Db;

pub const READY_TIMEOUT: Duration = Duration::from_secs(20);

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
    _dir: tempfile::TempDir,
}

pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

impl TestApp {
    /// A simulator with one guild and two people, and the bot connected and ready.
    pub async fn start() -> TestApp {
        let sim = Sim::start().await;
        let guild = sim.create_guild("Mentoring Club");
        let admins = sim.create_role(guild.id, "Admins", perms::MANAGE_GUILD);
        let admin = sim.create_user("ada");
        sim.add_member(guild.id, admin, &[admins]);
        let member = sim.create_user("max");
        sim.add_member(guild.id, member, &[]);

        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::defaults();
        settings.discord.token = Some(Secret::new(sim.token()));
        settings.discord.api_url = sim.url();
        settings.database.url = format!("sqlite://{}/tandem.db", dir.path().display());
        let mut app = TestApp {
            sim,
            guild,
            admin,
            member,
            clock: ManualClock::new(start_time()),
            settings,
            bot: None,
            _dir: dir,
        };
        app.start_bot().await;
        app
    }

    pub async fn start_bot(&mut self) {
        assert!(self.bot.is_none(), "the bot is already running");
        let db = tandem::open_database(&self.settings).await.unwrap();
        let mut bot =
            tandem::discord::start(Arc::new(self.settings.clone()), db, self.clock.clone())
                .await
                .unwrap();
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

    /// Stops the bot the way SIGTERM does and starts it again on the same database.
    pub async fn restart(&mut self) {
        let bot = self.bot.take().expect("the bot is running");
        bot.shutdown(Duration::from_secs(5)).await;
        self.start_bot().await;
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
