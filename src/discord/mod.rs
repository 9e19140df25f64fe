//! The only module that knows serenity and poise: the client, commands, components and all
//! user-facing text.

pub mod access;
mod ack;
mod activity;
mod answers;
mod applications;
mod availability;
mod channels;
mod circle;
pub mod commands;
mod components;
pub mod courier;
pub mod custom_id;
mod cycles;
pub mod digest;
mod dm;
pub mod error;
pub mod limits;
pub mod messages;
pub(crate) mod pairing;
mod presence;
mod probe;
pub(crate) mod quiet;
mod relay;
pub(crate) mod reports;
pub mod scheduled;
mod startup;
mod threads;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use tokio::sync::{watch, Notify};

pub use custom_id::{route_of, CustomId, Surface, BUTTON_ROUTES, FORM_ROUTES};
pub use error::Error;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::domain::shard::ShardPlan;
use crate::jobs::{self, Scheduler};
use crate::store::Db;
use crate::text::Locale;

/// What every handler can reach.
pub struct Data {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    /// Wakes the scheduler after a command planned something for now.
    pub jobs: jobs::Wake,
    /// Members seen in their server lately (so a round need not look them up).
    pub presence: presence::Presence,
    /// Counts interactions by command and outcome (metrics).
    pub ops: crate::ops::Ops,
}

pub type Context<'a> = poise::Context<'a, Data, Error>;

/// The language of an answer to this command: the member's Discord language when tandem
/// speaks it, else English.
pub fn locale(ctx: Context<'_>) -> Locale {
    ctx.locale().map(locale_of).unwrap_or_default()
}

/// The catalogue language for an interaction's `locale`.
pub fn locale_of(discord_locale: &str) -> Locale {
    Locale::from_discord(discord_locale).unwrap_or_default()
}

/// GUILDS for channels and roles, GUILD_MESSAGES to count (never read) pair channel messages.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS | serenity::GatewayIntents::GUILD_MESSAGES
}

/// Counts event handlers still running, so shutdown can let them finish.
#[derive(Clone, Default)]
pub struct InFlight {
    count: Arc<AtomicUsize>,
    idle: Arc<Notify>,
}

struct InFlightGuard(InFlight);

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    fn enter(&self) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(self.clone())
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until no handler runs, or `limit` passes; returns whether all finished.
    pub async fn wait_idle(&self, limit: Duration) -> bool {
        let wait = async {
            loop {
                let idle = self.idle.notified();
                if self.count() == 0 {
                    return;
                }
                idle.await;
            }
        };
        tokio::time::timeout(limit, wait).await.is_ok()
    }
}

/// The servers each shard's latest READY listed, by shard id.
type ShardsReady = BTreeMap<u32, Vec<u64>>;

/// poise's framework, wrapped to track handlers in flight and every shard's READY (poise
/// itself sees only the first: its setup runs once per process).
struct Tracked {
    inner: poise::Framework<Data, Error>,
    in_flight: InFlight,
    shards_ready: watch::Sender<ShardsReady>,
}

#[serenity::async_trait]
impl serenity::Framework for Tracked {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let _guard = self.in_flight.enter();
        if let serenity::FullEvent::Ready { data_about_bot } = &event {
            let shard = data_about_bot.shard.map_or(ctx.shard_id.0, |s| s.id.0);
            let guilds = data_about_bot.guilds.iter().map(|g| g.id.get()).collect();
            self.shards_ready.send_modify(|ready| {
                ready.insert(shard, guilds);
            });
        }
        self.inner.dispatch(ctx, event).await;
    }
}

/// A configured client, not yet connected.
struct Bot {
    client: serenity::Client,
    /// Turns true once the process's one-time setup (on the first READY) is done.
    set_up: watch::Receiver<bool>,
    shards_ready: watch::Receiver<ShardsReady>,
    /// Why start-up failed for good, once it has.
    fatal: watch::Receiver<Option<String>>,
    in_flight: InFlight,
    wake: jobs::Wake,
    presence: presence::Presence,
}

/// Builds the serenity client with tandem's commands. With a non-Discord `api_url`, REST and
/// the gateway go to that server and serenity's own rate limiter is off (see discord-notes).
async fn build(
    settings: Arc<Settings>,
    shards: ShardPlan,
    db: Db,
    clock: SharedClock,
    courier: Arc<courier::Courier>,
    relay: &relay::Relay,
    ops: crate::ops::Ops,
) -> anyhow::Result<Bot> {
    let token = settings
        .discord
        .token
        .clone()
        .context("DISCORD_TOKEN is not set")?;
    // Every request through the relay, which keeps the bot's one budget (serenity's limiter
    // would keep a budget of its own; the proxy is used only with it off).
    // The relay is on loopback: never through a proxy from the environment.
    let to_relay = reqwest::Client::builder()
        .no_proxy()
        .build()
        .context("building the HTTP client")?;
    let http = serenity::HttpBuilder::new(token.expose())
        .client(to_relay)
        .proxy(relay.url())
        .ratelimiter_disabled(true)
        .build();

    let (set_up_tx, set_up) = watch::channel(false);
    let (shards_ready_tx, shards_ready) = watch::channel(ShardsReady::new());
    let (fatal_tx, fatal) = watch::channel(None);
    let data_settings = settings.clone();
    let wake = jobs::Wake::default();
    let data_wake = wake.clone();
    let presence = presence::Presence::default();
    let data_presence = presence.clone();
    let options = poise::FrameworkOptions {
        commands: commands::all(),
        on_error: |e| Box::pin(error::on_error(e)),
        event_handler: |framework, event| {
            Box::pin(async move {
                components::handle_event(framework.serenity_context, event, framework.user_data)
                    .await;
                Ok(())
            })
        },
        post_command: |ctx| {
            Box::pin(async move {
                use crate::ops::{Handled, InteractionKind};
                let name = &ctx.command().qualified_name;
                let ops = &ctx.data().ops;
                ops.interaction(InteractionKind::Command, name, Handled::Ok);
            })
        },
        pre_command: |ctx| {
            Box::pin(async move {
                tracing::info!(
                    command = %ctx.command().qualified_name,
                    guild = ?ctx.guild_id().map(|g| g.get()),
                    user = %ctx.author().id,
                    "command"
                );
                // Private replies are acknowledged before any work, so Discord's 3 seconds
                // hold on a slow network; the reply (or error) then replaces "thinking…".
                // Public commands (kudos, goals, meetings, pause) answer with their one
                // message straight after their database work.
                if ctx.command().ephemeral {
                    if let Err(e) = ctx.defer_ephemeral().await {
                        tracing::warn!(error = %e, "could not acknowledge a command");
                    }
                }
            })
        },
        // No reply pings anyone unless it names whom (poise's default pings every user
        // mentioned, so a `<@id>` typed into a goal title would).
        allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
        ..Default::default()
    };
    let framework = poise::Framework::builder()
        .options(options)
        // Once per process, on the READY of whichever of its shards is first.
        .setup(move |ctx, ready_event, framework| {
            Box::pin(async move {
                // Commands are the application's, not a shard's: the process with shard 0
                // registers them, once for every process.
                if shards.has_shard(0) {
                    let commands = &framework.options().commands;
                    let registered = startup::register_commands(
                        &courier,
                        ready_event.application.id,
                        data_settings.discord.guild_id,
                        commands,
                    )
                    .await;
                    if let Err(e) = registered {
                        // Connected but unable to answer anyone: end the process instead.
                        let _ = fatal_tx.send(Some(format!("{e:#}")));
                        return Err(Error::Internal(e));
                    }
                }
                // Before any command runs: nothing this process creates can be pending yet.
                let env = pairing::Env {
                    http: &ctx.http,
                    cache: &ctx.cache,
                    db: &db,
                    now: clock.now(),
                };
                if let Err(e) = pairing::roll_back_half_made(env, shards, env.now).await {
                    tracing::error!(error = %e, "could not roll back pairs left half-made");
                }
                tokio::spawn(pairing::resume_moderator_access(
                    ctx.http.clone(),
                    db.clone(),
                    shards,
                ));
                tracing::info!(
                    bot = %ready_event.user.name,
                    shards = %shards,
                    commands_registered = shards.has_shard(0),
                    "connected to Discord"
                );
                let _ = set_up_tx.send(true);
                Ok(Data {
                    db,
                    clock,
                    settings: data_settings,
                    jobs: data_wake,
                    presence: data_presence,
                    ops,
                })
            })
        })
        .build();
    let in_flight = InFlight::default();
    let client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(Tracked {
            inner: framework,
            in_flight: in_flight.clone(),
            shards_ready: shards_ready_tx,
        })
        .await
        .context("building the Discord client")?;
    Ok(Bot {
        client,
        set_up,
        shards_ready,
        fatal,
        in_flight,
        wake,
        presence,
    })
}

/// A connected bot: the gateway task, the scheduler and what a clean shutdown needs.
pub struct Running {
    ready: watch::Receiver<bool>,
    fatal: watch::Receiver<Option<String>>,
    shard_manager: Arc<serenity::ShardManager>,
    task: tokio::task::JoinHandle<Result<(), serenity::Error>>,
    in_flight: InFlight,
    scheduler: tokio::task::JoinHandle<()>,
    stop_scheduler: watch::Sender<bool>,
    ops: crate::ops::Ops,
    /// The /healthz and /metrics listener, when `metrics.listen` is set.
    metrics: Option<crate::ops::Server>,
    /// serenity's way to Discord; dropped last, after every handler.
    relay: relay::Relay,
}

/// Waits for the one-time setup and then for the READY of every shard this process serves;
/// returns the servers those READYs listed (`None` if the client stopped first).
async fn all_shards_ready(
    mut set_up: watch::Receiver<bool>,
    mut shards_ready: watch::Receiver<ShardsReady>,
    shards: ShardPlan,
) -> Option<Vec<u64>> {
    set_up.wait_for(|done| *done).await.ok()?;
    let ready = shards_ready
        .wait_for(|ready| shards.ids().all(|id| ready.contains_key(&id)))
        .await
        .ok()?;
    Some(ready.values().flatten().copied().collect())
}

/// Connects to Discord (or the simulator) with this process's shards (`discord.shards` of
/// `discord.shard_count`, or every shard Discord recommends) in a background task, and starts
/// the scheduler once every one of them is ready.
pub async fn start(settings: Arc<Settings>, db: Db, clock: SharedClock) -> anyhow::Result<Running> {
    // First, so a port in use ends start-up at once, before anything connects.
    let listener = match settings.metrics.listen {
        Some(addr) => Some(crate::ops::Listener::bind(addr).await?),
        None => None,
    };
    let ops = crate::ops::Ops::new();
    let (ops_db, ops_clock) = (db.clone(), clock.clone());
    let budget = Arc::new(crate::jobs::Budget::new(
        db.clone(),
        settings.jobs.requests_per_second,
    ));
    let relay = relay::Relay::start(&settings.discord.api_url, budget.clone(), ops.clone()).await?;
    let courier = Arc::new(courier::Courier::new(&settings, budget, ops.clone())?);
    let recommended = startup::check_connection(&courier, &settings.discord.api_url).await?;
    let shards = settings
        .discord
        .shard_plan(recommended)
        .map_err(anyhow::Error::msg)?;
    let Bot {
        mut client,
        set_up,
        shards_ready,
        fatal,
        in_flight,
        wake,
        presence,
    } = build(
        settings.clone(),
        shards,
        db.clone(),
        clock.clone(),
        courier.clone(),
        &relay,
        ops.clone(),
    )
    .await?;
    let shard_manager = client.shard_manager.clone();
    let (reconcile_db, reconcile_clock) = (db.clone(), clock.clone());
    let scheduler = Scheduler {
        deliver: Arc::new(scheduled::Scheduled {
            db: db.clone(),
            clock: clock.clone(),
            settings: settings.clone(),
            courier,
            http: client.http.clone(),
            cache: client.cache.clone(),
            presence,
        }),
        db,
        clock,
        settings,
        wake,
        ops: ops.clone(),
        shards,
    };
    let (stop_scheduler, stop) = watch::channel(false);
    let (ready_tx, ready) = watch::channel(false);
    let scheduler = tokio::spawn(async move {
        let mut stopping = stop.clone();
        let present = tokio::select! {
            present = all_shards_ready(set_up, shards_ready, shards) => present,
            _ = stopping.wait_for(|s| *s) => None,
        };
        let Some(present) = present else { return };
        // Only now is every server of this process's shards known to be present or gone.
        let now = reconcile_clock.now();
        startup::servers_left_while_away(&reconcile_db, shards, &present, now).await;
        tracing::info!(shards = %shards, guilds = present.len(), "every shard is ready");
        let _ = ready_tx.send(true);
        // Guild names and permissions come from the cache the gateway fills.
        scheduler.run(stop).await;
    });
    // Dropped when the gateway task ends (the client stopped for good, or was aborted).
    let (gateway_running, gateway_task) = watch::channel(());
    ops.set_gateway(probe::gateway(
        shard_manager.clone(),
        shards.ids().collect(),
        ready.clone(),
        gateway_task,
    ));
    let metrics = match listener {
        Some(listener) => Some(listener.serve(ops.clone(), ops_db, ops_clock)?),
        None => None,
    };
    // serenity 0.12 counts the end of this range in (shards `first` to `last`, both included).
    let task = tokio::spawn(async move {
        let _running = gateway_running;
        client
            .start_shard_range(shards.first..shards.last, shards.count)
            .await
    });
    Ok(Running {
        ready,
        fatal,
        shard_manager,
        task,
        in_flight,
        scheduler,
        stop_scheduler,
        ops,
        metrics,
        relay,
    })
}

impl Running {
    /// Waits until every shard of this process is connected (READY), commands are registered
    /// and the servers that removed the bot while it was away are recorded.
    pub async fn wait_ready(&mut self, limit: Duration) -> bool {
        tokio::time::timeout(limit, self.ready.wait_for(|r| *r))
            .await
            .is_ok_and(|r| r.is_ok())
    }

    /// Waits until the client stops by itself (the token was rejected) or start-up failed
    /// for good (the commands could not be registered); the gateway is closed then.
    pub async fn stopped(&mut self) -> anyhow::Result<()> {
        let mut fatal = self.fatal.clone();
        // Once start-up succeeded its sender is gone: only the connection can end us then.
        let fatal = async move {
            match fatal.wait_for(Option::is_some).await {
                Ok(why) => why.clone().unwrap_or_default(),
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            ended = &mut self.task => match ended {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(anyhow::anyhow!("{}", startup::gateway_stopped(&e))),
                Err(e) => Err(anyhow::Error::new(e).context("the Discord task failed")),
            },
            why = fatal => {
                self.shard_manager.shutdown_all().await;
                Err(anyhow::anyhow!("start-up failed: {why}"))
            }
        }
    }

    /// Stops within `grace` in all: the scheduler claims nothing more at once, the gateway
    /// closes (no new events), and sends and handlers under way finish and are recorded. What
    /// is still running at the deadline is dropped: a send left claimed is looked for on
    /// Discord at the next start before it is sent again.
    pub async fn shutdown(mut self, grace: Duration) {
        let deadline = tokio::time::Instant::now() + grace;
        // /healthz answers 503 "stopping" until the listener closes, last.
        self.ops.stopping();
        let _ = self.stop_scheduler.send(true);
        let closing = tokio::time::timeout_at(deadline, self.shard_manager.shutdown_all());
        if closing.await.is_err() {
            tracing::warn!("the gateway did not close in time");
        }
        match tokio::time::timeout_at(deadline, &mut self.scheduler).await {
            Ok(_) => {}
            Err(_) => {
                tracing::warn!("scheduled sends still running at the shutdown deadline");
                self.scheduler.abort();
            }
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if !self.in_flight.wait_idle(left).await {
            tracing::warn!(
                running = self.in_flight.count(),
                "handlers still running at the shutdown deadline"
            );
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if tokio::time::timeout(left, &mut self.task).await.is_err() {
            self.task.abort();
        }
        if let Some(metrics) = self.metrics.take() {
            metrics.stop().await;
        }
    }

    /// Where /healthz and /metrics are served, when `metrics.listen` is set (with port 0, the
    /// port the system chose).
    pub fn metrics_addr(&self) -> Option<std::net::SocketAddr> {
        self.metrics.as_ref().map(|m| m.addr())
    }

    /// Stops at once, as a crash would (for tests of restarts).
    pub fn abort(self) {
        self.scheduler.abort();
        self.task.abort();
        self.relay.freeze();
        if let Some(metrics) = self.metrics {
            metrics.abort();
        }
    }
}
