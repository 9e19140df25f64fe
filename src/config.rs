//! Typed settings, layered: `config/default.toml` (built in) < `--config FILE` <
//! `TANDEM__SECTION__KEY` environment variables. The bot token comes from `DISCORD_TOKEN`
//! or `TANDEM__DISCORD__TOKEN` and is kept in a [`Secret`].

use std::fmt;
use std::path::Path;

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;

use crate::domain::schedule::Cron;
use crate::domain::shard::{ShardPlan, ShardRange};
use crate::store::is_postgres_url;

const DEFAULTS: &str = include_str!("../config/default.toml");

/// Where tandem talks to Discord when `discord.api_url` is left alone.
pub const DISCORD_API_URL: &str = "https://discord.com";

/// A value that must never be printed: `Debug` shows `***` and there is no `Display`.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    /// The secret itself, for the one place that needs it (the Discord client).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub discord: DiscordSettings,
    pub database: DatabaseSettings,
    pub log: LogSettings,
    pub pairing: PairingSettings,
    #[serde(default)]
    pub matching: crate::domain::matching::Weights,
    pub schedule: ScheduleSettings,
    pub checkins: CheckinSettings,
    pub pulse: PulseSettings,
    pub jobs: JobSettings,
    #[serde(default)]
    pub health: crate::domain::health::Thresholds,
    pub kudos: KudosSettings,
    pub availability: AvailabilitySettings,
    pub data: DataSettings,
    pub limits: LimitSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
}

/// The operator's HTTP listener: `/healthz` and Prometheus `/metrics`. Off unless `listen` is
/// set; it has no authentication, so keep it on loopback or a private network.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MetricsSettings {
    /// Where to listen, e.g. `127.0.0.1:9090` (port 0: any free port, for tests).
    pub listen: Option<std::net::SocketAddr>,
}

/// The monthly "Still up for mentoring?" question to every active mentor.
#[derive(Debug, Clone, Deserialize)]
pub struct AvailabilitySettings {
    /// Whether mentors are asked at all.
    pub enabled: bool,
    /// When (5-field cron in each server's time zone; at most hourly).
    pub schedule: Cron,
    /// Days a mentor has to answer before they are paused (1–30).
    pub answer_days: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KudosSettings {
    /// Kudos one person can give in 24 hours.
    pub per_day: u32,
}

/// Default schedules (5-field cron in the server's time zone), checked as they are read.
#[derive(Debug, Clone, Deserialize)]
pub struct ScheduleSettings {
    pub checkins: Cron,
    pub pulse: Cron,
    pub digest: Cron,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CheckinSettings {
    pub remind_after_hours: u32,
    pub on_time_hours: u32,
}

impl CheckinSettings {
    /// How long after a check-in is posted an answer still counts as on time.
    pub fn on_time_window(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.on_time_hours))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PulseSettings {
    pub anonymity_min: u32,
    pub questions: Vec<String>,
    /// Hours a round takes answers (it also closes when the next round starts); results and
    /// exports show closed rounds only.
    pub window_hours: u32,
}

/// Per-person limits on requests that notify the moderators, so one member cannot flood
/// their channel.
#[derive(Debug, Clone, Deserialize)]
pub struct LimitSettings {
    /// `/pair refit` requests one person can send in 7 days.
    pub refit_per_week: u32,
    /// Mentor applications (first or again after leaving or a decline) one person can send
    /// in 30 days.
    pub applications_per_month: u32,
    /// Problems one person can report in 24 hours.
    pub reports_per_day: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JobSettings {
    pub grace_hours: u32,
    pub requests_per_second: u32,
    pub max_attempts: u32,
    /// Check-in rounds in a row a pair channel may refuse the bot (missing permissions)
    /// before the pair is marked broken.
    pub unreachable_rounds: u32,
    /// How long a claim is a process's own (renewed while it sends); then anyone's.
    pub lease_seconds: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DataSettings {
    /// Days a server's data is kept after it removed the bot (unless the bot is added back).
    pub retention_days: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PairingSettings {
    /// Name of the categories the bot creates when the pair category is full ("Mentoring 2").
    pub overflow_category: String,
    /// Questions the welcome message in a new pair channel draws three from.
    pub icebreakers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DiscordSettings {
    pub token: Option<Secret>,
    pub api_url: String,
    pub guild_id: Option<u64>,
    /// The shards this process serves (`2` or `0-3`); unset = every shard of `shard_count`.
    pub shards: Option<ShardRange>,
    /// Shards in all, across every process; unset = the count Discord recommends.
    pub shard_count: Option<u32>,
}

/// The token travels with every request, so it goes over https, except to this machine
/// (the simulator, or a proxy on loopback).
fn check_api_url(url: &str) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| format!("{url:?} is not a URL; use {DISCORD_API_URL}"))?;
    let host = parsed.host_str().unwrap_or_default();
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match parsed.scheme() {
        "https" if parsed.host().is_some() => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err(format!(
            "{url:?} would send the token unencrypted: use https (http is only for 127.0.0.1 \
             or localhost)"
        )),
        _ => Err(format!(
            "{url:?} is not an https URL; use {DISCORD_API_URL}"
        )),
    }
}

impl DiscordSettings {
    /// The shards this process serves, given the count Discord recommends (used when
    /// `shard_count` is unset); an error names the keys to change.
    pub fn shard_plan(&self, recommended: u32) -> Result<ShardPlan, String> {
        let count = self.shard_count.unwrap_or(recommended.max(1));
        let Some(range) = self.shards else {
            return Ok(ShardPlan::all(count));
        };
        ShardPlan::new(range, count).map_err(|why| {
            let source = match self.shard_count {
                Some(_) => "discord.shard_count".to_string(),
                None => format!("the {count} Discord recommends; set discord.shard_count"),
            };
            format!("discord.shards: {why} ({source})")
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    pub filter: String,
}

/// One thing wrong with the configuration, named by its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

fn problem(key: &str, message: impl Into<String>) -> Problem {
    Problem {
        key: key.into(),
        message: message.into(),
    }
}

/// A database URL fit to print: a password (in the user part or a `password=` parameter)
/// becomes `***`.
pub fn redacted_url(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(start) = out.find("://").map(|i| i + 3) {
        // Up to the last `@`, not the first `/` or `?`: a password may hold either unencoded,
        // and printing a little too little beats printing a password.
        if let Some(at) = out[start..].rfind('@').map(|i| start + i) {
            if let Some(colon) = out[start..at].find(':').map(|i| start + i) {
                out.replace_range(colon + 1..at, "***");
            }
        }
    }
    if let Some(q) = out.find('?') {
        let (base, query) = out.split_at(q + 1);
        let query = query
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => kv.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&");
        out = format!("{base}{query}");
    }
    out
}

impl Settings {
    /// The built-in defaults only (no file, no environment), e.g. for tests.
    pub fn defaults() -> Settings {
        Figment::from(Toml::string(DEFAULTS))
            .extract()
            .expect("config/default.toml is valid")
    }

    /// Defaults, then `file`, then the environment. Errors name each bad key.
    pub fn load(file: Option<&Path>) -> Result<Settings, Vec<Problem>> {
        let mut figment = Figment::from(Toml::string(DEFAULTS));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(vec![problem(
                    "--config",
                    format!("{} does not exist or is not a file", path.display()),
                )]);
            }
            figment = figment.merge(Toml::file(path));
        }
        figment = figment
            .merge(
                Env::raw()
                    .only(&["DISCORD_TOKEN"])
                    .map(|_| "discord.token".into()),
            )
            .merge(Env::prefixed("TANDEM__").split("__"));
        figment.extract::<Settings>().map_err(|errors| {
            errors
                .into_iter()
                .map(|e| {
                    let key = if e.path.is_empty() {
                        "config".to_string()
                    } else {
                        e.path.join(".")
                    };
                    let key = if key == "discord.token" {
                        "DISCORD_TOKEN".to_string()
                    } else {
                        key
                    };
                    problem(&key, e.kind.to_string())
                })
                .collect()
        })
    }

    /// Fewest pulse answers before results show in this server: its own, or the default.
    pub fn anonymity_min(&self, guild: &crate::domain::guild::GuildSettings) -> u32 {
        guild.anonymity_min.unwrap_or(self.pulse.anonymity_min)
    }

    /// What stops a command that works on the database alone (`migrate`, `backup`,
    /// `digest`, `export`): every problem except the Discord connection's.
    pub fn offline_problems(&self) -> Vec<Problem> {
        self.problems()
            .into_iter()
            .filter(|p| {
                p.key != "DISCORD_TOKEN"
                    && !p.key.starts_with("discord.")
                    && !p.key.starts_with("metrics.")
            })
            .collect()
    }

    /// Everything that would stop the bot from running, one problem per key.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        match &self.discord.token {
            None => out.push(problem(
                "DISCORD_TOKEN",
                "not set: copy the bot token from the Discord developer portal (Bot tab) \
                 and export DISCORD_TOKEN=<token>",
            )),
            Some(t) if t.expose().trim().is_empty() || t.expose().contains(char::is_whitespace) => {
                out.push(problem(
                    "DISCORD_TOKEN",
                    "is empty or contains spaces: paste the token exactly as the portal shows it",
                ))
            }
            Some(_) => {}
        }
        if let Err(why) = check_api_url(&self.discord.api_url) {
            out.push(problem("discord.api_url", why));
        }
        if self.discord.guild_id == Some(0) {
            out.push(problem("discord.guild_id", "must be a server id, not 0"));
        }
        match (self.discord.shards, self.discord.shard_count) {
            (_, Some(0)) => out.push(problem("discord.shard_count", "must be at least 1")),
            (Some(range), Some(count)) => {
                if let Err(why) = ShardPlan::new(range, count) {
                    out.push(problem(
                        "discord.shards",
                        format!("{why} (discord.shard_count)"),
                    ));
                }
            }
            _ => {}
        }
        if !self.database.url.starts_with("sqlite:") && !is_postgres_url(&self.database.url) {
            // Only the scheme: the rest of a URL may hold a password.
            let scheme = self.database.url.split(':').next().unwrap_or_default();
            out.push(problem(
                "database.url",
                format!(
                    "{scheme:?} is not a database tandem knows; use sqlite://data/tandem.db \
                     or postgres://user@host/database"
                ),
            ));
        }
        if !(1..=64).contains(&self.database.max_connections) {
            out.push(problem(
                "database.max_connections",
                "must be between 1 and 64",
            ));
        }
        if (1..3).contains(&self.pairing.icebreakers.len()) {
            out.push(problem(
                "pairing.icebreakers",
                "needs at least 3 questions for a new pair's welcome (or none: tandem's own)",
            ));
        }
        if let Some(q) = self
            .pairing
            .icebreakers
            .iter()
            .find(|q| q.chars().count() > 300)
        {
            out.push(problem(
                "pairing.icebreakers",
                format!(
                    "{:?}… is over 300 characters",
                    q.chars().take(30).collect::<String>()
                ),
            ));
        }
        let name = self.pairing.overflow_category.trim();
        if name.is_empty() || name.chars().count() > 90 {
            out.push(problem(
                "pairing.overflow_category",
                "must be a category name of 1 to 90 characters",
            ));
        }
        let w = &self.matching;
        let weights = [w.topics, w.overlap, w.language, w.load];
        if weights.iter().any(|x| !x.is_finite() || *x < 0.0) || weights.iter().sum::<f64>() <= 0.0
        {
            out.push(problem(
                "matching",
                "weights must be zero or more, and at least one above zero",
            ));
        }
        if self.checkins.remind_after_hours == 0 || self.checkins.remind_after_hours > 168 {
            out.push(problem(
                "checkins.remind_after_hours",
                "must be between 1 and 168 (a week)",
            ));
        }
        if self.checkins.on_time_hours == 0 {
            out.push(problem("checkins.on_time_hours", "must be at least 1"));
        }
        if !(1..=336).contains(&self.pulse.window_hours) {
            out.push(problem(
                "pulse.window_hours",
                "must be between 1 and 336 (two weeks)",
            ));
        }
        if self.limits.refit_per_week == 0
            || self.limits.applications_per_month == 0
            || self.limits.reports_per_day == 0
        {
            out.push(problem(
                "limits",
                "refit_per_week, applications_per_month and reports_per_day must be at least 1",
            ));
        }
        if self.pulse.anonymity_min < 3 {
            out.push(problem(
                "pulse.anonymity_min",
                "must be 3 or more, so no answer can be traced to a person",
            ));
        }
        if self.pulse.questions.iter().any(|q| {
            let n = q.trim().chars().count();
            n == 0 || n > 200
        }) {
            out.push(problem(
                "pulse.questions",
                "each question needs 1 to 200 characters (or leave the list empty: tandem's own)",
            ));
        }
        if self.jobs.lease_seconds < 10 {
            out.push(problem(
                "jobs.lease_seconds",
                "must be at least 10 (claims are renewed a few times per lease)",
            ));
        }
        if self.jobs.grace_hours == 0 {
            out.push(problem("jobs.grace_hours", "must be at least 1"));
        }
        if !(1..=50).contains(&self.jobs.requests_per_second) {
            out.push(problem(
                "jobs.requests_per_second",
                "must be between 1 and 50 (Discord's global limit)",
            ));
        }
        if self.jobs.max_attempts == 0 {
            out.push(problem("jobs.max_attempts", "must be at least 1"));
        }
        if !(1..=52).contains(&self.jobs.unreachable_rounds) {
            out.push(problem(
                "jobs.unreachable_rounds",
                "must be between 1 and 52 (check-in rounds)",
            ));
        }
        if !(1..=3650).contains(&self.data.retention_days) {
            out.push(problem("data.retention_days", "must be between 1 and 3650"));
        }
        for (key, message) in self.health.problems() {
            out.push(problem(key, message));
        }
        if !(1..=100).contains(&self.kudos.per_day) {
            out.push(problem("kudos.per_day", "must be between 1 and 100"));
        }
        if !(1..=30).contains(&self.availability.answer_days) {
            out.push(problem(
                "availability.answer_days",
                "must be between 1 and 30 (days a mentor has to answer)",
            ));
        }
        if let Some(addr) = self.metrics.listen {
            if addr.ip().is_multicast() {
                out.push(problem(
                    "metrics.listen",
                    format!("{addr} is a multicast address; use e.g. 127.0.0.1:9090"),
                ));
            }
        }
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&self.log.filter) {
            out.push(problem("log.filter", format!("is not a valid filter: {e}")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let mut s = Settings::defaults();
        s.discord.token = Some(Secret::new("very-secret-token"));
        let printed = format!("{s:?}");
        assert!(!printed.contains("very-secret-token"));
        assert!(printed.contains("***"));
    }

    #[test]
    fn the_api_url_is_https_unless_it_is_this_machine() {
        let check = |url: &str| {
            let mut s = Settings::defaults();
            s.discord.api_url = url.into();
            s.problems().iter().any(|p| p.key == "discord.api_url")
        };
        for fine in [
            "https://discord.com",
            "https://proxy.example.org/",
            "http://127.0.0.1:5000",
            "http://localhost:8080",
            "http://[::1]:9000",
            "http://127.8.9.10",
        ] {
            assert!(!check(fine), "{fine}");
        }
        for refused in [
            "http://discord.com",
            "http://10.0.0.5:5000",
            "http://localhost.example.com",
            "http://127.0.0.1.nip.io",
            "ftp://127.0.0.1",
            "discord.com",
            "https://",
            "",
        ] {
            assert!(check(refused), "{refused}");
        }
    }

    #[test]
    fn defaults_point_at_discord_and_a_local_database() {
        let s = Settings::defaults();
        assert_eq!(s.discord.api_url, DISCORD_API_URL);
        assert_eq!(s.database.url, "sqlite://data/tandem.db");
        assert_eq!(s.discord.guild_id, None);
    }

    #[test]
    fn a_missing_token_is_one_problem_naming_discord_token() {
        let s = Settings::defaults();
        let problems = s.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].key, "DISCORD_TOKEN");
    }

    #[test]
    fn bad_values_are_reported_by_key() {
        let mut s = Settings::defaults();
        s.discord.token = Some(Secret::new("abc"));
        s.discord.api_url = "discord.com".into();
        s.database.url = "mysql://x".into();
        s.database.max_connections = 0;
        let keys: Vec<String> = s.problems().into_iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "discord.api_url",
                "database.url",
                "database.max_connections"
            ]
        );
    }

    #[test]
    fn a_low_anonymity_threshold_is_refused() {
        let mut s = Settings::defaults();
        s.discord.token = Some(Secret::new("abc"));
        s.pulse.anonymity_min = 2;
        let keys: Vec<String> = s.problems().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["pulse.anonymity_min"]);
    }

    #[test]
    fn a_bad_schedule_is_refused_when_read_naming_its_key_and_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem.toml");
        for (text, says) in [
            ("17 * Tue", "5 fields"),
            ("0,30 9 * * *", "more than once an hour"),
        ] {
            std::fs::write(&path, format!("[schedule]\npulse = \"{text}\"\n")).unwrap();
            let err = Settings::load(Some(&path)).unwrap_err();
            assert_eq!(err[0].key, "schedule.pulse", "{err:?}");
            assert!(err[0].message.contains(says), "{}", err[0]);
        }
    }

    #[test]
    fn a_config_file_overrides_defaults_and_a_missing_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, "[discord]\nguild_id = 42\n").unwrap();
        let s = Settings::load(Some(&path)).unwrap();
        assert_eq!(s.discord.guild_id, Some(42));
        let err = Settings::load(Some(&dir.path().join("nope.toml"))).unwrap_err();
        assert_eq!(err[0].key, "--config");
    }

    #[test]
    fn shards_are_read_as_one_id_or_a_range_and_checked_against_the_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem.toml");
        let load = |text: &str| {
            std::fs::write(&path, format!("[discord]\n{text}\n")).unwrap();
            Settings::load(Some(&path))
        };
        let s = Settings::defaults();
        assert_eq!((s.discord.shards, s.discord.shard_count), (None, None));
        assert_eq!(s.discord.shard_plan(1), Ok(ShardPlan::all(1)));
        assert_eq!(
            s.discord.shard_plan(4),
            Ok(ShardPlan::all(4)),
            "as recommended"
        );

        let s = load("shards = \"0-3\"\nshard_count = 8").unwrap();
        assert_eq!(s.discord.shards, Some(ShardRange { first: 0, last: 3 }));
        let plan = s.discord.shard_plan(1).unwrap();
        assert_eq!((plan.first, plan.last, plan.count), (0, 3, 8));
        let s = load("shards = 2").unwrap();
        assert_eq!(s.discord.shards, Some(ShardRange { first: 2, last: 2 }));
        assert_eq!(s.discord.shard_plan(4).unwrap().count, 4);
        let why = s.discord.shard_plan(2).unwrap_err();
        assert!(why.contains("discord.shard_count"), "{why}");

        for bad in ["shards = \"3-1\"", "shards = \"one\"", "shards = -1"] {
            let err = load(bad).unwrap_err();
            assert_eq!(err[0].key, "discord.shards", "{bad}: {err:?}");
        }
        let mut s = Settings::defaults();
        s.discord.token = Some(Secret::new("abc"));
        s.discord.shards = Some(ShardRange { first: 1, last: 2 });
        s.discord.shard_count = Some(2);
        let keys: Vec<String> = s.problems().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["discord.shards"]);
        s.discord.shard_count = Some(0);
        let keys: Vec<String> = s.problems().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["discord.shard_count"]);
        s.discord.shard_count = Some(3);
        assert!(s.problems().is_empty());
    }

    #[test]
    fn the_metrics_listener_is_off_by_default_and_read_as_a_socket_address() {
        assert_eq!(Settings::defaults().metrics.listen, None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, "[metrics]\nlisten = \"127.0.0.1:9090\"\n").unwrap();
        let s = Settings::load(Some(&path)).unwrap();
        assert_eq!(s.metrics.listen, Some("127.0.0.1:9090".parse().unwrap()));
        for bad in ["localhost", "127.0.0.1", "9090", "127.0.0.1:99999"] {
            std::fs::write(&path, format!("[metrics]\nlisten = \"{bad}\"\n")).unwrap();
            let err = Settings::load(Some(&path)).unwrap_err();
            assert_eq!(err[0].key, "metrics.listen", "{bad}: {err:?}");
        }
        let mut s = Settings::defaults();
        s.discord.token = Some(Secret::new("abc"));
        s.metrics.listen = Some("[::]:9090".parse().unwrap());
        assert!(s.problems().is_empty(), "any address is allowed");
        s.metrics.listen = Some("224.0.0.1:9090".parse().unwrap());
        let keys: Vec<String> = s.problems().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["metrics.listen"]);
        assert!(s.offline_problems().is_empty(), "only `run` listens");
    }

    #[test]
    fn a_database_password_is_never_printed() {
        assert_eq!(
            redacted_url("postgres://tandem:s3cret@db:5432/tandem?sslmode=require"),
            "postgres://tandem:***@db:5432/tandem?sslmode=require"
        );
        assert_eq!(
            redacted_url("postgres://tandem@db/tandem?password=s3cret&x=1"),
            "postgres://tandem@db/tandem?password=***&x=1"
        );
        assert_eq!(
            redacted_url("sqlite://data/tandem.db"),
            "sqlite://data/tandem.db"
        );
        // Characters a password should have encoded, typed as they are.
        for password in ["pa/ss", "p?w", "p@ss", "a/b?c@d#e", "x:y"] {
            let url = format!("postgres://tandem:{password}@db:5432/tandem");
            let shown = redacted_url(&url);
            assert!(!shown.contains(password), "{shown}");
            assert!(shown.ends_with("@db:5432/tandem"), "{shown}");
        }
    }

    #[test]
    fn a_wrongly_typed_value_names_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, "[database]\nmax_connections = \"many\"\n").unwrap();
        let err = Settings::load(Some(&path)).unwrap_err();
        assert_eq!(err[0].key, "database.max_connections");
    }
}
