//! The durable scheduler: plans occurrences from each server's schedules, claims the due ones
//! in a transaction, hands them to a [`Deliver`] (the Discord side) and records the outcome.
//! It sleeps until the next due time or until woken (a command planned something).

pub mod pace;

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, Duration, DurationRound, Utc};
use tokio::sync::{watch, Notify, Semaphore};
use tokio::task::JoinSet;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::domain::circle;
use crate::domain::guild::GuildSettings;
use crate::domain::schedule::{self, Cron, Kind, NewOccurrence, Occurrence};
use crate::store::{Db, Lease, Ticket};

pub use pace::{Budget, Lane};

/// How many occurrences one claim takes; the rest wait for the next pass.
const BATCH: u32 = 200;
/// Deliveries in flight at once (they share the pacer, so this only hides latency).
const PARALLEL: usize = 8;

/// What became of one delivery.
#[derive(Debug)]
pub enum Outcome {
    /// Done; `message` is where it was posted, `then` what to plan next (a reminder).
    Sent {
        message: Option<(u64, u64)>,
        then: Vec<NewOccurrence>,
    },
    /// Nothing to do any more (the pair is paused, everyone answered …).
    Skipped(String),
    /// Failed for now (Discord was down): try again later.
    Retry(String),
    /// Failed for good (no access to the channel): do not try again.
    Failed(String),
}

/// The part that knows how to send each kind of occurrence.
pub trait Deliver: Send + Sync + 'static {
    fn deliver(
        &self,
        occurrence: Occurrence,
    ) -> impl Future<Output = anyhow::Result<Outcome>> + Send;
}

/// Wakes the scheduler when something was planned for now.
#[derive(Debug, Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

pub struct Scheduler<D> {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub deliver: Arc<D>,
    pub wake: Wake,
    /// Counts each delivery's outcome; each pass and delivery is the health check's heartbeat.
    pub ops: crate::ops::Ops,
    /// The shards this process serves: only their servers' occurrences are claimed here.
    pub shards: crate::domain::shard::ShardPlan,
}

impl<D: Deliver> Scheduler<D> {
    /// Runs until `stop` turns true. From then on nothing new is claimed: deliveries already
    /// under way finish and are recorded, claimed ones not yet started are released.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let _alive = self.ops.scheduler_started();
        let mut recovered = false;
        let mut failures = 0;
        loop {
            if stopping(&stop) {
                return;
            }
            // Rows a crash left claimed go back to pending first (delivery checks Discord for
            // them before sending again); until that worked nothing is claimed.
            if !recovered {
                match self.db.reset_claimed(&self.lease(), self.shards).await {
                    Ok(n) => {
                        recovered = true;
                        if n > 0 {
                            tracing::info!(n, "resuming occurrences interrupted by a stop");
                        }
                    }
                    Err(e) => tracing::error!(error = %e, "could not reset claimed occurrences"),
                }
            }
            let ok = recovered && self.pass(&stop).await;
            self.ops.scheduler_beat();
            failures = if ok { 0 } else { failures + 1 };
            let next = match self.db.next_due(self.shards, &self.lease()).await {
                Ok(next) => next,
                Err(e) => {
                    tracing::error!(error = %e, "could not read the next due time");
                    Some(self.clock.now() + Duration::minutes(1))
                }
            };
            // Plan again at least hourly: new pairs and members' changes show up without a wake.
            let now = self.clock.now();
            let until = next.map_or(now + Duration::hours(1), |at| {
                at.min(now + Duration::hours(1))
            });
            if let Some(pause) = pause_after_pass(failures, until <= now) {
                // Real seconds, not programme time: this is about not hammering a failing
                // database or spinning on something due that cannot be claimed.
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
            tokio::select! {
                _ = self.clock.sleep_until(until) => {}
                _ = self.wake.0.notified() => {}
                _ = stop.changed() => {}
            }
        }
    }

    /// This process's claims: named after its shards, which no other process serves, so the
    /// name is the same after a restart.
    fn lease(&self) -> Lease {
        Lease {
            holder: format!("shards {}", self.shards),
            length: Duration::seconds(i64::from(self.settings.jobs.lease_seconds)),
        }
    }

    /// Plans, then sends everything due, batch by batch, until `stop`. One failing part is
    /// logged and the others still run; returns whether all went well.
    async fn pass(&self, stop: &watch::Receiver<bool>) -> bool {
        let now = self.clock.now();
        let mut ok = true;
        match plan(&self.db, &self.settings, now).await {
            Ok(0) => {}
            Ok(planned) => tracing::debug!(planned, "occurrences planned"),
            Err(e) => {
                ok = false;
                tracing::error!(error = format!("{e:#}"), "planning failed");
            }
        }
        // Mentors whose month's pause is over are available again.
        match self.db.resume_mentors(now).await {
            Ok(back) if !back.is_empty() => {
                tracing::info!(mentors = back.len(), "paused mentors back")
            }
            Ok(_) => {}
            Err(e) => {
                ok = false;
                tracing::error!(error = %e, "resuming paused mentors failed");
            }
        }
        let retention = Duration::days(i64::from(self.settings.data.retention_days));
        match self.db.purge_departed(now - retention).await {
            Ok(purged) if !purged.is_empty() => {
                tracing::info!(?purged, "data of servers that removed the bot deleted")
            }
            Ok(_) => {}
            Err(e) => {
                ok = false;
                tracing::error!(error = %e, "purging removed servers' data failed");
            }
        }
        let grace = Duration::hours(i64::from(self.settings.jobs.grace_hours));
        while !stopping(stop) {
            let claimed = match self
                .db
                .claim_due(self.clock.now(), grace, BATCH, self.shards, &self.lease())
                .await
            {
                Ok(c) => c,
                Err(e) => {
                    tracing::error!(error = %e, "claiming due occurrences failed");
                    return false;
                }
            };
            if claimed.skipped > 0 {
                tracing::info!(skipped = claimed.skipped, "missed occurrences skipped");
            }
            if claimed.due.is_empty() {
                break;
            }
            self.dispatch(claimed.due, stop).await;
        }
        ok
    }

    async fn dispatch(&self, due: Vec<Occurrence>, stop: &watch::Receiver<bool>) {
        // Dropped with this future, however it ends (a JoinSet aborts its tasks on drop).
        let _renewing = self.renewing();
        let limit = Arc::new(Semaphore::new(PARALLEL));
        let mut running = JoinSet::new();
        let mut due = due.into_iter();
        while let Some(occurrence) = due.next() {
            let permit = tokio::select! {
                permit = limit.clone().acquire_owned() => permit.ok(),
                _ = wait_stop(stop) => None,
            };
            let Some(permit) = permit.filter(|_| !stopping(stop)) else {
                // Stopping: what has not started goes back to pending, untouched.
                let rest: Vec<i64> = std::iter::once(occurrence.id)
                    .chain(due.by_ref().map(|o| o.id))
                    .collect();
                let holder = self.lease().holder;
                record(|| self.db.release(&rest, &holder)).await;
                break;
            };
            let deliver = self.deliver.clone();
            let db = self.db.clone();
            let clock = self.clock.clone();
            let max_attempts = self.settings.jobs.max_attempts;
            let ops = self.ops.clone();
            let holder = self.lease().holder;
            running.spawn(async move {
                let _permit = permit;
                let id = occurrence.id;
                let attempts = occurrence.attempts;
                let kind = occurrence.kind;
                let outcome = deliver.deliver(occurrence).await.unwrap_or_else(|e| {
                    tracing::error!(id, error = format!("{e:#}"), "delivery failed");
                    Outcome::Retry("internal error".into())
                });
                let now = clock.now();
                match &outcome {
                    Outcome::Failed(why) => {
                        tracing::warn!(id, kind = kind.as_str(), why, "occurrence failed")
                    }
                    Outcome::Retry(why) if attempts >= max_attempts => {
                        tracing::warn!(id, kind = kind.as_str(), why, "occurrence gave up")
                    }
                    _ => {}
                }
                let ticket = Ticket {
                    holder: &holder,
                    attempts,
                };
                record(|| async {
                    match &outcome {
                        Outcome::Sent { message, then } => {
                            db.mark_sent(id, ticket, now, *message, then).await
                        }
                        Outcome::Skipped(why) => db.mark_skipped(id, ticket, now, why).await,
                        Outcome::Failed(why) => db.mark_failed(id, ticket, now, why).await,
                        Outcome::Retry(why) if attempts >= max_attempts => {
                            db.mark_failed(id, ticket, now, why).await
                        }
                        Outcome::Retry(why) => {
                            db.retry_later(id, ticket, now + backoff(attempts), why)
                                .await
                        }
                    }
                })
                .await;
                ops.scheduled_send(kind.as_str(), delivered(&outcome, attempts, max_attempts));
                ops.scheduler_beat();
            });
        }
        while running.join_next().await.is_some() {}
    }

    /// Renews this process's leases while the returned set lives, a third of a lease apart
    /// (real seconds: leases are about processes, not programme time).
    fn renewing(&self) -> JoinSet<()> {
        let lease = self.lease();
        let (db, clock) = (self.db.clone(), self.clock.clone());
        let every = (lease.length / 3)
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(20));
        let mut set = JoinSet::new();
        set.spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                if let Err(e) = db.renew_leases(&lease, clock.now()).await {
                    tracing::error!(error = %e, "could not renew claims");
                }
            }
        });
        set
    }
}

/// How a delivery's outcome is counted: a retry after the last attempt is a failure.
fn delivered(outcome: &Outcome, attempts: u32, max_attempts: u32) -> crate::ops::Delivered {
    use crate::ops::Delivered as D;
    match outcome {
        Outcome::Sent { .. } => D::Sent,
        Outcome::Skipped(_) => D::Skipped,
        Outcome::Failed(_) => D::Failed,
        Outcome::Retry(_) if attempts >= max_attempts => D::Failed,
        Outcome::Retry(_) => D::Retried,
    }
}

/// Whether to stop: told to, or whoever could tell us is gone.
fn stopping(stop: &watch::Receiver<bool>) -> bool {
    *stop.borrow() || stop.has_changed().is_err()
}

/// Resolves once `stop` is true (or can no longer change).
async fn wait_stop(stop: &watch::Receiver<bool>) {
    let mut stop = stop.clone();
    let _ = stop.wait_for(|s| *s).await;
}

/// Records an outcome, trying again briefly when the database fails (a busy or full disk):
/// a send that happened must not stay unrecorded. What still fails stays claimed, and the
/// next start looks for it on Discord before sending again.
async fn record<F, Fut>(write: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = crate::store::Result<()>>,
{
    for pause_ms in [100, 500, 2000, 0] {
        match write().await {
            Ok(()) => return,
            Err(e) if pause_ms == 0 => {
                tracing::error!(error = %e, "could not record a delivery; it stays claimed")
            }
            Err(e) => {
                tracing::warn!(error = %e, "recording a delivery failed; trying again");
                tokio::time::sleep(std::time::Duration::from_millis(pause_ms)).await;
            }
        }
    }
}

/// How long the scheduler rests after a pass: backing off while passes fail (1 s doubling to
/// a minute), a second when something is already due again (never a busy loop), else `None`.
fn pause_after_pass(failures: u32, due_already: bool) -> Option<std::time::Duration> {
    if failures > 0 {
        let secs = 1u64 << failures.clamp(1, 7).saturating_sub(1);
        return Some(std::time::Duration::from_secs(secs.min(60)));
    }
    due_already.then_some(std::time::Duration::from_secs(1))
}

/// Waiting before the next attempt of a failed occurrence: 1, 2, 4, 8, then 16 minutes.
fn backoff(attempts: u32) -> Duration {
    Duration::minutes(1i64 << attempts.clamp(1, 5).saturating_sub(1))
}

/// The schedule a guild uses for `kind`: its own, or the configured default.
pub fn cron_for(settings: &Settings, guild: &GuildSettings, kind: Kind) -> Option<Cron> {
    let (own, default) = match kind {
        Kind::Checkin => (&guild.checkin_cron, &settings.schedule.checkins),
        Kind::Pulse => (&guild.pulse_cron, &settings.schedule.pulse),
        Kind::Digest => (&guild.digest_cron, &settings.schedule.digest),
        Kind::Availability if settings.availability.enabled => {
            (&None, &settings.availability.schedule)
        }
        // Planned from their parent, or (the circle) by meeting: see `plan`.
        Kind::Reminder
        | Kind::PulseDm
        | Kind::Circle
        | Kind::CircleReminder
        | Kind::CycleAsk
        | Kind::CycleEnd
        | Kind::CycleReport
        | Kind::Availability
        | Kind::AvailabilityAsk
        | Kind::AvailabilityExpire => return None,
    };
    Some(own.as_ref().unwrap_or(default).clone())
}

/// The times to plan for one target: the latest firing missed since the last planned one
/// (the claim decides whether it is still worth sending) and the next one ahead.
fn times_to_plan(
    cron: &Cron,
    tz: chrono_tz::Tz,
    members: &[chrono_tz::Tz],
    last: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    match last {
        Some(last) if last > now => Vec::new(),
        Some(last) => schedule::last_slot_between(cron, tz, members, last, now)
            .into_iter()
            .chain(schedule::next_slot(cron, tz, members, now))
            .collect(),
        None => schedule::next_slot(cron, tz, members, now)
            .into_iter()
            .collect(),
    }
}

/// Plans the next check-in of every open pair and the next pulse and digest of every server.
pub async fn plan(db: &Db, settings: &Settings, now: DateTime<Utc>) -> anyhow::Result<u64> {
    // Servers that removed the bot get nothing.
    let departed = db.departed_guilds().await?;
    let guilds: HashMap<u64, GuildSettings> = db
        .all_guild_settings()
        .await?
        .into_iter()
        .filter(|g| !departed.contains(&g.guild_id))
        .map(|g| (g.guild_id, g))
        .collect();
    let mut new = Vec::new();
    let mut add = |guild_id: u64, kind: Kind, target: u64, times: Vec<DateTime<Utc>>| {
        new.extend(times.into_iter().map(|scheduled_for| NewOccurrence {
            guild_id,
            kind,
            target,
            scheduled_for,
            parent_id: None,
        }))
    };

    let last = db.last_planned(Kind::Checkin).await?;
    for t in db.checkin_targets().await? {
        if departed.contains(&t.guild_id) {
            continue;
        }
        let guild = guilds
            .get(&t.guild_id)
            .cloned()
            .unwrap_or_else(|| GuildSettings::new(t.guild_id));
        let Some(cron) = cron_for(settings, &guild, Kind::Checkin) else {
            continue;
        };
        let target = t.pair_id as u64;
        let last = last.get(&(t.guild_id, target)).copied();
        let times = times_to_plan(&cron, guild.timezone, &t.timezones, last, now);
        add(t.guild_id, Kind::Checkin, target, times);
    }

    for kind in [Kind::Pulse, Kind::Digest, Kind::Availability] {
        let last = db.last_planned(kind).await?;
        for guild in guilds.values() {
            // A digest needs somewhere to go.
            if kind == Kind::Digest && guild.digest_channel_id.is_none() {
                continue;
            }
            let Some(cron) = cron_for(settings, guild, kind) else {
                continue;
            };
            let last = last.get(&(guild.guild_id, guild.guild_id)).copied();
            let times = times_to_plan(&cron, guild.timezone, &[], last, now);
            add(guild.guild_id, kind, guild.guild_id, times);
        }
    }

    // The mentors' circle: each meeting's event and announcement, a week ahead.
    let latest = db.latest_circle_meetings().await?;
    for guild in guilds.values() {
        let (Some(cron), Some(_)) = (&guild.circle_cron, guild.circle_channel_id) else {
            continue;
        };
        let latest = latest.get(&guild.guild_id).copied();
        for meeting in circle::meetings_to_plan(cron, guild.timezone, latest, now) {
            new.push(NewOccurrence {
                guild_id: guild.guild_id,
                kind: Kind::Circle,
                target: meeting.starts_at.timestamp() as u64,
                scheduled_for: meeting.announce_at,
                parent_id: None,
            });
        }
    }

    // Programme cycles: each open pair's question two weeks before the end, and the end.
    for cycle in db.running_cycles().await? {
        if departed.contains(&cycle.guild_id) {
            continue;
        }
        for pair in db.open_pairs_in_cycle(cycle.id).await? {
            new.push(NewOccurrence {
                guild_id: cycle.guild_id,
                kind: Kind::CycleAsk,
                target: pair.id as u64,
                scheduled_for: cycle.ask_at(),
                parent_id: None,
            });
        }
        // A cycle still running after its end (its end failed for good, or was missed) is
        // ended again each hour until it is: nothing else could close it.
        let end = if cycle.ends_at > now {
            cycle.ends_at
        } else {
            now.duration_trunc(Duration::hours(1)).unwrap_or(now)
        };
        new.push(NewOccurrence {
            guild_id: cycle.guild_id,
            kind: Kind::CycleEnd,
            target: cycle.id as u64,
            scheduled_for: end,
            parent_id: None,
        });
    }
    Ok(db.plan(&new).await?)
}

/// Plans a round of `kind` for now (`/checkin now`, `/pulse now`); returns how many.
pub async fn plan_now(
    db: &Db,
    guild_id: u64,
    kind: Kind,
    now: DateTime<Utc>,
) -> anyhow::Result<u64> {
    let targets: Vec<u64> = match kind {
        Kind::Checkin => db
            .checkin_targets()
            .await?
            .into_iter()
            .filter(|t| t.guild_id == guild_id)
            .map(|t| t.pair_id as u64)
            .collect(),
        _ => vec![guild_id],
    };
    let new: Vec<NewOccurrence> = targets
        .into_iter()
        .map(|target| NewOccurrence {
            guild_id,
            kind,
            target,
            scheduled_for: now,
            parent_id: None,
        })
        .collect();
    Ok(db.plan(&new).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_new_target_gets_only_its_next_firing_and_a_planned_one_nothing_more() {
        let weekly = Cron::parse("0 17 * * Tue").unwrap();
        let now = utc("2026-11-23T09:00:00Z");
        let tz = chrono_tz::Tz::UTC;
        assert_eq!(
            times_to_plan(&weekly, tz, &[], None, now),
            [utc("2026-11-24T17:00:00Z")]
        );
        let ahead = Some(utc("2026-11-24T17:00:00Z"));
        assert!(times_to_plan(&weekly, tz, &[], ahead, now).is_empty());
    }

    #[test]
    fn after_downtime_the_latest_missed_and_the_next_firing_are_planned() {
        let weekly = Cron::parse("0 17 * * Tue").unwrap();
        let tz = chrono_tz::Tz::UTC;
        let last = Some(utc("2026-11-03T17:00:00Z"));
        let now = utc("2026-11-24T18:00:00Z");
        assert_eq!(
            times_to_plan(&weekly, tz, &[], last, now),
            [utc("2026-11-24T17:00:00Z"), utc("2026-12-01T17:00:00Z")]
        );
    }

    #[test]
    fn failing_passes_back_off_to_a_minute_and_a_due_time_in_the_past_never_spins() {
        let secs = |f, due| pause_after_pass(f, due).map(|d| d.as_secs());
        assert_eq!(secs(0, false), None);
        assert_eq!(secs(0, true), Some(1));
        let waits: Vec<_> = (1..=9).map(|f| secs(f, true).unwrap()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn retries_back_off_up_to_sixteen_minutes() {
        let waits: Vec<i64> = (1..=7).map(|a| backoff(a).num_minutes()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 16, 16]);
    }
}
