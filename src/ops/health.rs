//! What /healthz checks, as plain values: the gateway (every shard this process runs is
//! connected), the database (it answers within a second) and the scheduler (it finished a pass
//! or a delivery recently). One verdict per part, each with a short reason.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{SchedulerLife, SCHEDULER_STALE};

/// Asks the Discord side how its gateway connections are (serenity stays in `discord/`).
pub type GatewayProbe =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = GatewayState> + Send>> + Send + Sync>;

/// One gateway shard of this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardState {
    pub id: u32,
    pub connected: bool,
    /// As serenity names it: connected, resuming, identifying …
    pub stage: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GatewayState {
    /// Not connected and ready yet (start-up: the commands are being registered).
    Starting,
    /// The shards this process runs.
    Shards(Vec<ShardState>),
    /// The client stopped for good (the token was refused …; the log says why).
    Stopped,
    /// The probe did not answer.
    Unknown(String),
}

/// One part's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub ok: bool,
    pub detail: String,
}

impl Check {
    fn ok(detail: impl Into<String>) -> Check {
        Check {
            ok: true,
            detail: detail.into(),
        }
    }

    fn failing(detail: impl Into<String>) -> Check {
        Check {
            ok: false,
            detail: detail.into(),
        }
    }
}

/// What /healthz answers: 200 when every part is fine, else 503, with the same JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub gateway: Check,
    pub database: Check,
    pub scheduler: Check,
    /// Shutdown has begun.
    pub stopping: bool,
}

fn gateway_check(state: &GatewayState) -> Check {
    match state {
        GatewayState::Starting => Check::failing("starting: not connected to Discord yet"),
        GatewayState::Stopped => Check::failing("stopped: the connection ended for good"),
        GatewayState::Unknown(why) => Check::failing(why.clone()),
        GatewayState::Shards(shards) if shards.is_empty() => Check::failing("no shard is running"),
        GatewayState::Shards(shards) => {
            let down: Vec<String> = shards
                .iter()
                .filter(|s| !s.connected)
                .map(|s| format!("shard {} {}", s.id, s.stage))
                .collect();
            let total = shards.len();
            let plural = if total == 1 { "" } else { "s" };
            if down.is_empty() {
                Check::ok(format!("{total} of {total} shard{plural} connected"))
            } else {
                Check::failing(format!(
                    "{} of {total} shard{plural} connected ({})",
                    total - down.len(),
                    down.join(", ")
                ))
            }
        }
    }
}

fn database_check(answered: Result<Duration, String>) -> Check {
    match answered {
        Ok(took) => Check::ok(format!("answered in {} ms", took.as_millis())),
        Err(why) => Check::failing(why),
    }
}

pub(super) fn scheduler_check(life: SchedulerLife, now: Instant) -> Check {
    match life {
        SchedulerLife::NotStarted => Check::failing("not started yet (waits for the gateway)"),
        SchedulerLife::Stopped => Check::failing("stopped"),
        SchedulerLife::Alive(last) => {
            let ago = now.saturating_duration_since(last).as_secs();
            if now.saturating_duration_since(last) <= SCHEDULER_STALE {
                Check::ok(format!("last pass or delivery {ago} s ago"))
            } else {
                Check::failing(format!(
                    "stalled: no pass or delivery for {ago} s (limit {} s)",
                    SCHEDULER_STALE.as_secs()
                ))
            }
        }
    }
}

impl Report {
    pub(super) fn new(
        gateway: &GatewayState,
        database: Result<Duration, String>,
        scheduler: Check,
        stopping: bool,
    ) -> Report {
        Report {
            gateway: gateway_check(gateway),
            database: database_check(database),
            scheduler,
            stopping,
        }
    }

    pub fn ok(&self) -> bool {
        !self.stopping && self.gateway.ok && self.database.ok && self.scheduler.ok
    }

    /// `{"status":"ok","gateway":{"ok":true,"detail":"1 of 1 shard connected"},…}`; the status
    /// is "failing" (or "stopping") when something is wrong, and each part says what.
    pub fn to_json(&self) -> Value {
        let part = |c: &Check| json!({ "ok": c.ok, "detail": c.detail });
        let status = if self.stopping {
            "stopping"
        } else if self.ok() {
            "ok"
        } else {
            "failing"
        };
        json!({
            "status": status,
            "gateway": part(&self.gateway),
            "database": part(&self.database),
            "scheduler": part(&self.scheduler),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard(id: u32, stage: &str) -> ShardState {
        ShardState {
            id,
            connected: stage == "connected",
            stage: stage.into(),
        }
    }

    #[test]
    fn every_shard_must_be_connected_and_the_others_are_named() {
        let all = GatewayState::Shards(vec![shard(0, "connected"), shard(1, "connected")]);
        assert_eq!(gateway_check(&all), Check::ok("2 of 2 shards connected"));
        let one_down = GatewayState::Shards(vec![shard(0, "connected"), shard(1, "resuming")]);
        assert_eq!(
            gateway_check(&one_down),
            Check::failing("1 of 2 shards connected (shard 1 resuming)")
        );
        assert!(!gateway_check(&GatewayState::Shards(vec![])).ok);
        assert!(!gateway_check(&GatewayState::Starting).ok);
        assert!(!gateway_check(&GatewayState::Stopped).ok);
    }

    #[test]
    fn the_scheduler_is_alive_within_the_bound_and_stalled_after_it() {
        let start = Instant::now();
        let at = |secs| start + Duration::from_secs(secs);
        let alive = SchedulerLife::Alive(start);
        assert!(scheduler_check(alive, at(60)).ok);
        assert!(scheduler_check(alive, at(SCHEDULER_STALE.as_secs())).ok);
        let stalled = scheduler_check(alive, at(SCHEDULER_STALE.as_secs() + 1));
        assert!(!stalled.ok);
        assert!(stalled.detail.contains("stalled"), "{}", stalled.detail);
        assert!(!scheduler_check(SchedulerLife::NotStarted, start).ok);
        assert_eq!(
            scheduler_check(SchedulerLife::Stopped, start),
            Check::failing("stopped")
        );
    }

    #[test]
    fn the_report_names_what_is_wrong_in_the_same_shape() {
        let connected = GatewayState::Shards(vec![shard(0, "connected")]);
        let fine = Check::ok("last pass or delivery 3 s ago");
        let ok = Report::new(
            &connected,
            Ok(Duration::from_millis(2)),
            fine.clone(),
            false,
        );
        assert!(ok.ok());
        assert_eq!(
            ok.to_json(),
            json!({
                "status": "ok",
                "gateway": { "ok": true, "detail": "1 of 1 shard connected" },
                "database": { "ok": true, "detail": "answered in 2 ms" },
                "scheduler": { "ok": true, "detail": "last pass or delivery 3 s ago" },
            })
        );
        let slow = Report::new(&connected, Err("no answer within 1 s".into()), fine, false);
        assert!(!slow.ok());
        let body = slow.to_json();
        assert_eq!(body["status"], "failing");
        assert_eq!(body["database"]["detail"], "no answer within 1 s");
        assert_eq!(body["gateway"]["ok"], true);
        let stopping = Report {
            stopping: true,
            ..ok
        };
        assert!(!stopping.ok());
        assert_eq!(stopping.to_json()["status"], "stopping");
    }
}
