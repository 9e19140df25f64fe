//! The only module that knows serenity and poise: the client, commands, components and all
//! user-facing text.

pub mod access;
mod ack;
mod activity;
mod answers;
mod channels;
pub mod commands;
mod components;
pub mod courier;
pub mod custom_id;
pub mod digest;
mod dm;
pub mod error;
pub mod limits;
pub mod messages;
pub(crate) mod pairing;
mod presence;
pub(crate) mod quiet;
pub mod scheduled;
mod startup;

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
use crate::jobs::{self, Scheduler};
use crate::store::Db;

/// What every handler can reach.
pub struct Data {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    /// Wakes the scheduler after a command planned something for now.
    pub jobs: jobs::Wake,
    /// Members seen in their server lately (so a round need not look them up).
    pub presence: presence::Presence,
}

pub type Context<'a> = poise::Context<'a, Data, Error>;

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

/// poise's framework, wrapped to track handlers in flight.
struct Tracked {
    inner: poise::Framework<Data, Error>,
    in_flight: InFlight,
}

#[serenity::async_trait]
impl serenity::Framework for Tracked {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let _guard = self.in_flight.enter();
        self.inner.dispatch(ctx, event).await;
    }
}

/// A configured client, not yet connected.
struct Bot {
    client: serenity::Client,
    ready: watch::Receiver<bool>,
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
    db: Db,
    clock: SharedClock,
    courier: Arc<courier::Courier>,
) -> anyhow::Result<Bot> {
    let token = settings
        .discord
        .token
        .clone()
        .context("DISCORD_TOKEN is not set")?;
    let mut http = serenity::HttpBuilder::new(token.expose());
    if settings.discord.uses_custom_api() {
        http = http
            .proxy(settings.discord.api_url.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    let http = http.build();

    let (ready_tx, ready) = watch::channel(false);
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
        .setup(move |ctx, ready_event, framework| {
            Box::pin(async move {
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
                // Before any command runs: nothing this process creates can be pending yet.
                let env = pairing::Env {
                    http: &ctx.http,
                    cache: &ctx.cache,
                    db: &db,
                    now: clock.now(),
                };
                if let Err(e) = pairing::roll_back_half_made(env, env.now).await {
                    tracing::error!(error = %e, "could not roll back pairs left half-made");
                }
                tokio::spawn(pairing::resume_moderator_access(
                    ctx.http.clone(),
                    db.clone(),
                ));
                let present: Vec<u64> = ready_event.guilds.iter().map(|g| g.id.get()).collect();
                startup::servers_left_while_away(&db, &present, clock.now()).await;
                tracing::info!(
                    bot = %ready_event.user.name,
                    guilds = ready_event.guilds.len(),
                    "connected to Discord and registered commands"
                );
                let _ = ready_tx.send(true);
                Ok(Data {
                    db,
                    clock,
                    settings: data_settings,
                    jobs: data_wake,
                    presence: data_presence,
                })
            })
        })
        .build();
    let in_flight = InFlight::default();
    let client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(Tracked {
            inner: framework,
            in_flight: in_flight.clone(),
        })
        .await
        .context("building the Discord client")?;
    Ok(Bot {
        client,
        ready,
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
}

/// Connects to Discord (or the simulator) in a background task, and starts the scheduler
/// once the bot is ready.
pub async fn start(settings: Arc<Settings>, db: Db, clock: SharedClock) -> anyhow::Result<Running> {
    let courier = Arc::new(courier::Courier::new(&settings)?);
    startup::check_connection(&courier, &settings.discord.api_url).await?;
    let Bot {
        mut client,
        ready,
        fatal,
        in_flight,
        wake,
        presence,
    } = build(settings.clone(), db.clone(), clock.clone(), courier.clone()).await?;
    let shard_manager = client.shard_manager.clone();
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
    };
    let (stop_scheduler, stop) = watch::channel(false);
    let mut scheduler_ready = ready.clone();
    let scheduler = tokio::spawn(async move {
        // Guild names and permissions come from the cache the gateway fills.
        if scheduler_ready.wait_for(|r| *r).await.is_ok() {
            scheduler.run(stop).await;
        }
    });
    let task = tokio::spawn(async move { client.start().await });
    Ok(Running {
        ready,
        fatal,
        shard_manager,
        task,
        in_flight,
        scheduler,
        stop_scheduler,
    })
}

impl Running {
    /// Waits until the gateway is up and commands are registered.
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
    }

    /// Stops at once, as a crash would (for tests of restarts).
    pub fn abort(self) {
        self.scheduler.abort();
        self.task.abort();
    }
}
