//! tandem: a Discord bot that runs a mentoring programme inside a community server.
//!
//! Layers: `domain` (pure logic) ← `store` (SQLite) ← `discord` (serenity/poise), wired here;
//! `ops` (health and metrics) is recorded into by `discord` and `jobs`.

pub mod clock;
pub mod config;
#[cfg(feature = "demo")]
pub mod demo;
pub mod digest;
pub mod discord;
pub mod domain;
pub mod jobs;
pub mod ops;
pub mod store;
pub mod text;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::store::Db;

/// How long shutdown may take in all: inside Docker's default 10 s before it kills.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(8);

/// Opens the database named in the settings (creating file and folder) and migrates it.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database.url, settings.database.max_connections)
        .await
        .with_context(|| {
            format!(
                "opening the database {}",
                config::redacted_url(&settings.database.url)
            )
        })?;
    db.migrate().await.context("migrating the database")?;
    Ok(db)
}

/// Runs the bot until SIGINT/SIGTERM or until the connection fails for good. With
/// `metrics.listen` set, [`discord::start`] first binds the /healthz and /metrics listener
/// (a port in use ends the run with that reason) and the shutdown closes it last.
pub async fn run(settings: Settings, clock: SharedClock) -> anyhow::Result<()> {
    let db = open_database(&settings).await?;
    let mut bot = discord::start(Arc::new(settings), db.clone(), clock).await?;
    let result = tokio::select! {
        r = bot.stopped() => {
            bot.abort();
            r
        }
        signal = shutdown_signal() => {
            tracing::info!(%signal, "shutting down: finishing running commands");
            bot.shutdown(SHUTDOWN_GRACE).await;
            Ok(())
        }
    };
    // Connections still held by something dropped at the deadline must not hold up the exit.
    if tokio::time::timeout(Duration::from_secs(1), db.close())
        .await
        .is_err()
    {
        tracing::warn!("the database did not close in time");
    }
    tracing::info!("stopped");
    result
}

async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("install SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => "SIGINT",
            _ = term.recv() => "SIGTERM",
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "Ctrl-C"
    }
}
