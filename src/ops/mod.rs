//! Operating tandem: Prometheus metrics, the health of each part, and the HTTP listener that
//! serves both (`metrics.listen`, off by default; see [`Server`]).
//!
//! The other layers record through an [`Ops`] handle (cheap to clone, one per bot, so tests
//! running several bots in one process keep their counts apart): `discord/` counts
//! interactions and 429s and tells how the gateway is, `jobs/` counts scheduled sends and
//! beats the scheduler's heartbeat. `domain/` and `store/` know nothing of it; what this
//! module reads from the database goes through `store` functions.
//!
//! No label carries a user, guild or channel id: labels are commands, routes, kinds and
//! outcomes, a fixed set.

mod health;
mod server;

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::{Registry, Unit};

pub use health::{Check, GatewayProbe, GatewayState, Report, ShardState};
pub use server::{Listener, Server};

use crate::clock::SharedClock;
use crate::store::Db;

/// The longest the database may take to answer the health check, or a scrape's query.
pub const DB_TIMEOUT: Duration = Duration::from_secs(1);

/// The scheduler counts as stalled when it has neither finished a pass nor recorded a
/// delivery for this long. Idle, it passes at least once a minute (the system clock's
/// longest sleep, and the longest back-off after failures): twice that, plus three minutes
/// for one delivery's own retries (4 tries with a 30 s timeout) in a long round.
pub const SCHEDULER_STALE: Duration = Duration::from_secs(5 * 60);

/// What started an interaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionKind {
    Command,
    Button,
    Form,
}

impl InteractionKind {
    fn as_str(self) -> &'static str {
        match self {
            InteractionKind::Command => "command",
            InteractionKind::Button => "button",
            InteractionKind::Form => "form",
        }
    }
}

/// How an interaction ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Done as asked.
    Ok,
    /// Refused with a plain word to the person (bad input, not allowed, nothing to do).
    Refused,
    /// An internal error (the person got the apology with an error id).
    Failed,
    /// The handler panicked (also an apology with an id).
    Panicked,
}

impl Handled {
    fn as_str(self) -> &'static str {
        match self {
            Handled::Ok => "ok",
            Handled::Refused => "refused",
            Handled::Failed => "failed",
            Handled::Panicked => "panicked",
        }
    }
}

/// What became of one scheduled delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    Sent,
    Skipped,
    /// Failed for good (or after the last attempt).
    Failed,
    /// Failed for now; tried again later.
    Retried,
}

impl Delivered {
    fn as_str(self) -> &'static str {
        match self {
            Delivered::Sent => "sent",
            Delivered::Skipped => "skipped",
            Delivered::Failed => "failed",
            Delivered::Retried => "retried",
        }
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InteractionLabels {
    kind: &'static str,
    command: String,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SendLabels {
    kind: &'static str,
    outcome: &'static str,
}

/// The scheduler's life as the health check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SchedulerLife {
    NotStarted,
    /// Running; the last time it finished a pass or recorded a delivery.
    Alive(Instant),
    Stopped,
}

struct Inner {
    registry: Registry,
    interactions: Family<InteractionLabels, Counter>,
    sends: Family<SendLabels, Counter>,
    rate_limited: Counter,
    queue_depth: Gauge,
    lag: Gauge<f64, AtomicU64>,
    scheduler: Mutex<SchedulerLife>,
    gateway: OnceLock<GatewayProbe>,
    stopping: std::sync::atomic::AtomicBool,
}

/// The handle every layer records through.
#[derive(Clone)]
pub struct Ops(Arc<Inner>);

impl std::fmt::Debug for Ops {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ops")
    }
}

impl Default for Ops {
    fn default() -> Self {
        Ops::new()
    }
}

impl Ops {
    pub fn new() -> Ops {
        let mut registry = Registry::with_prefix("tandem");
        let interactions = Family::<InteractionLabels, Counter>::default();
        registry.register(
            "interactions",
            "Slash commands, button presses and form submissions handled, by kind, command \
             (or button/form route) and outcome (ok, refused, failed, panicked)",
            interactions.clone(),
        );
        let sends = Family::<SendLabels, Counter>::default();
        registry.register(
            "scheduled_sends",
            "Scheduled deliveries (checkin, reminder, pulse, pulse_dm, digest) by kind and \
             outcome (sent, skipped, failed, retried)",
            sends.clone(),
        );
        let rate_limited = Counter::default();
        registry.register(
            "discord_429",
            "429 Too Many Requests answers Discord gave tandem's paced sender (each waited \
             out and tried again)",
            rate_limited.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "queue_depth",
            "Scheduled occurrences that are due and not sent yet (waiting or being sent)",
            queue_depth.clone(),
        );
        let lag = Gauge::<f64, AtomicU64>::default();
        registry.register_with_unit(
            "scheduler_lag",
            "How late the oldest due occurrence not sent yet is (0 when none is due)",
            Unit::Seconds,
            lag.clone(),
        );
        Ops(Arc::new(Inner {
            registry,
            interactions,
            sends,
            rate_limited,
            queue_depth,
            lag,
            scheduler: Mutex::new(SchedulerLife::NotStarted),
            gateway: OnceLock::new(),
            stopping: Default::default(),
        }))
    }

    /// One interaction handled: `command` is a command's qualified name (`pair create`) or a
    /// button's or form's route (`checkin:mood`).
    pub fn interaction(&self, kind: InteractionKind, command: &str, outcome: Handled) {
        self.0
            .interactions
            .get_or_create(&InteractionLabels {
                kind: kind.as_str(),
                command: command.to_string(),
                outcome: outcome.as_str(),
            })
            .inc();
    }

    /// One scheduled delivery ended; `kind` is the occurrence kind.
    pub fn scheduled_send(&self, kind: &'static str, outcome: Delivered) {
        self.0
            .sends
            .get_or_create(&SendLabels {
                kind,
                outcome: outcome.as_str(),
            })
            .inc();
    }

    /// Discord answered 429.
    pub fn rate_limited(&self) {
        self.0.rate_limited.inc();
    }

    /// The scheduler's loop started; it counts as stopped once the guard is dropped (it
    /// returned, was aborted or panicked).
    pub fn scheduler_started(&self) -> SchedulerAlive {
        self.set_scheduler(SchedulerLife::Alive(Instant::now()));
        SchedulerAlive(self.clone())
    }

    /// The scheduler finished a pass or recorded a delivery.
    pub fn scheduler_beat(&self) {
        let mut life = self.0.scheduler.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(*life, SchedulerLife::Alive(_)) {
            *life = SchedulerLife::Alive(Instant::now());
        }
    }

    fn set_scheduler(&self, to: SchedulerLife) {
        *self.0.scheduler.lock().unwrap_or_else(|e| e.into_inner()) = to;
    }

    /// How the gateway is asked about (set once, by `discord/`, when the client exists).
    pub fn set_gateway(&self, probe: GatewayProbe) {
        let _ = self.0.gateway.set(probe);
    }

    /// Shutdown began: /healthz says so (503) from now on.
    pub fn stopping(&self) {
        self.0
            .stopping
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Every part's state now.
    pub async fn health(&self, db: &Db) -> Report {
        let gateway = match self.0.gateway.get() {
            Some(probe) => match tokio::time::timeout(DB_TIMEOUT, probe()).await {
                Ok(state) => state,
                Err(_) => GatewayState::Unknown("did not answer within 1 s".into()),
            },
            None => GatewayState::Starting,
        };
        let started = Instant::now();
        let database = match tokio::time::timeout(DB_TIMEOUT, db.ping()).await {
            Ok(Ok(())) => Ok(started.elapsed()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no answer within {} s", DB_TIMEOUT.as_secs_f64())),
        };
        let scheduler = *self.0.scheduler.lock().unwrap_or_else(|e| e.into_inner());
        Report::new(
            &gateway,
            database,
            health::scheduler_check(scheduler, Instant::now()),
            self.0.stopping.load(std::sync::atomic::Ordering::SeqCst),
        )
    }

    /// The metrics in Prometheus' text format, with the queue read from the database now (if
    /// it does not answer, the last values read are shown and a warning is logged).
    pub async fn metrics_text(&self, db: &Db, clock: &SharedClock) -> String {
        let now = clock.now();
        match tokio::time::timeout(DB_TIMEOUT, db.due_backlog(now)).await {
            Ok(Ok((depth, oldest))) => {
                self.0.queue_depth.set(i64::from(depth));
                let late = oldest.map_or(0.0, |at| {
                    (now - at).num_milliseconds().max(0) as f64 / 1000.0
                });
                self.0.lag.set(late);
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "metrics: could not read the queue"),
            Err(_) => tracing::warn!("metrics: the queue could not be read within 1 s"),
        }
        self.encode()
    }

    fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut out, &self.0.registry)
            .expect("writing to a String cannot fail");
        out
    }
}

/// Held by the scheduler's loop while it runs.
pub struct SchedulerAlive(Ops);

impl Drop for SchedulerAlive {
    fn drop(&mut self) {
        self.0.set_scheduler(SchedulerLife::Stopped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_format_has_every_metric_with_its_labels_and_no_ids() {
        let ops = Ops::new();
        ops.interaction(InteractionKind::Command, "pair create", Handled::Ok);
        ops.interaction(InteractionKind::Command, "pair create", Handled::Ok);
        ops.interaction(InteractionKind::Button, "checkin:mood", Handled::Refused);
        ops.scheduled_send("checkin", Delivered::Sent);
        ops.scheduled_send("digest", Delivered::Retried);
        ops.rate_limited();
        ops.0.queue_depth.set(3);
        ops.0.lag.set(12.5);
        let text = ops.encode();
        for line in [
            "# TYPE tandem_interactions_total counter",
            "tandem_interactions_total{kind=\"command\",command=\"pair create\",outcome=\"ok\"} 2",
            "tandem_interactions_total{kind=\"button\",command=\"checkin:mood\",outcome=\"refused\"} 1",
            "# TYPE tandem_scheduled_sends_total counter",
            "tandem_scheduled_sends_total{kind=\"checkin\",outcome=\"sent\"} 1",
            "tandem_scheduled_sends_total{kind=\"digest\",outcome=\"retried\"} 1",
            "tandem_discord_429_total 1",
            "# TYPE tandem_queue_depth gauge",
            "tandem_queue_depth 3",
            "# TYPE tandem_scheduler_lag_seconds gauge",
            "tandem_scheduler_lag_seconds 12.5",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "missing {line:?} in\n{text}"
            );
        }
        // The Prometheus text format (0.0.4), not OpenMetrics: no `# EOF`, no `# UNIT`.
        assert!(
            !text.contains("# EOF") && !text.contains("# UNIT"),
            "{text}"
        );
    }

    #[tokio::test]
    async fn the_queue_and_its_lag_are_read_from_the_database_at_each_scrape() {
        use crate::clock::ManualClock;
        use crate::domain::schedule::{Kind, NewOccurrence};
        use chrono::{DateTime, Duration, Utc};
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}/t.db", dir.path().display()), 1)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let t0: DateTime<Utc> = "2026-11-23T09:00:00Z".parse().unwrap();
        let clock = ManualClock::new(t0);
        let shared: SharedClock = clock.clone();
        let ops = Ops::new();
        let read = || async {
            let text = ops.metrics_text(&db, &shared).await;
            let value = |name: &str| -> f64 {
                text.lines()
                    .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            (
                value("tandem_queue_depth"),
                value("tandem_scheduler_lag_seconds"),
            )
        };
        assert_eq!(read().await, (0.0, 0.0));
        let at = |minutes| NewOccurrence {
            guild_id: 1,
            kind: Kind::Digest,
            target: 1,
            scheduled_for: t0 + Duration::minutes(minutes),
            parent_id: None,
        };
        db.plan(&[at(1), at(120)]).await.unwrap();
        assert_eq!(read().await, (0.0, 0.0), "nothing due yet");
        clock.set(t0 + Duration::seconds(90));
        assert_eq!(read().await, (1.0, 30.0));
        clock.set(t0 + Duration::hours(3));
        assert_eq!(
            read().await,
            (2.0, 3.0 * 3600.0 - 60.0),
            "the oldest counts"
        );
        db.close().await;
    }

    #[test]
    fn the_scheduler_is_stopped_once_its_guard_is_dropped() {
        let ops = Ops::new();
        let life = || *ops.0.scheduler.lock().unwrap();
        assert_eq!(life(), SchedulerLife::NotStarted);
        let alive = ops.scheduler_started();
        assert!(matches!(life(), SchedulerLife::Alive(_)));
        ops.scheduler_beat();
        drop(alive);
        assert_eq!(life(), SchedulerLife::Stopped);
        // A late beat (a delivery finishing after the loop ended) does not revive it.
        ops.scheduler_beat();
        assert_eq!(life(), SchedulerLife::Stopped);
    }
}
