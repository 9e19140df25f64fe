//! Start-up steps that must succeed before the bot can answer anyone. Each is retried with
//! backoff (the courier honours `retry_after` and retries server errors); one that cannot
//! succeed ends the process with a sentence saying why, so a supervisor restarts it.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serde_json::Value;

use super::courier::{Courier, SendError};
use super::{Data, Error};
use crate::domain::shard::ShardPlan;

/// Rounds of the courier's own tries before start-up gives up, and the pause before each.
const ROUNDS: [Duration; 3] = [
    Duration::ZERO,
    Duration::from_secs(2),
    Duration::from_secs(5),
];

/// Makes a start-up request in up to three rounds (the courier already retries within each)
/// while Discord is unavailable; any other answer, or the last failure, is returned.
async fn in_rounds<T, F, Fut>(what: &str, mut request: F) -> Result<T, SendError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, SendError>>,
{
    let mut result = Err(SendError::Unavailable(String::new()));
    for pause in ROUNDS {
        tokio::time::sleep(pause).await;
        result = request().await;
        match &result {
            Err(SendError::Unavailable(why)) => {
                tracing::warn!(why, "{what} failed; trying again")
            }
            _ => break,
        }
    }
    result
}

/// Asks Discord for the gateway with the bot's token before connecting: a refused token, or a
/// Discord (or `discord.api_url`) that cannot be reached, ends start-up with the reason.
/// (serenity itself would fall back to Discord's public gateway and retry forever.) Returns
/// the shard count Discord recommends (`shards`; 1 if it gives none).
pub async fn check_connection(courier: &Courier, api_url: &str) -> anyhow::Result<u32> {
    let answer = in_rounds("reaching Discord", || async {
        let answer = courier
            .json(reqwest::Method::GET, "/gateway/bot", Value::Null)
            .await?;
        match answer["url"].is_string() {
            true => Ok(answer["shards"]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
                .unwrap_or(1)),
            false => Err(SendError::Unavailable(format!(
                "Discord answered without a gateway: {answer}"
            ))),
        }
    })
    .await;
    match answer {
        Ok(recommended) => Ok(recommended),
        Err(SendError::Rejected { status: 401, .. }) => anyhow::bail!(
            "Discord refused DISCORD_TOKEN (401 Unauthorized): copy the token again from \
             the developer portal (Bot tab, Reset Token) and set DISCORD_TOKEN"
        ),
        Err(SendError::Unavailable(why)) => {
            anyhow::bail!("could not reach Discord at {api_url}: {why}")
        }
        Err(e) => anyhow::bail!("Discord refused the connection: {e}"),
    }
}

/// Registers tandem's slash commands, globally or in the one server of `discord.guild_id`.
pub async fn register_commands(
    courier: &Courier,
    application: serenity::ApplicationId,
    guild: Option<u64>,
    commands: &[poise::Command<Data, Error>],
) -> anyhow::Result<usize> {
    let body = serde_json::to_value(poise::builtins::create_application_commands(commands))?;
    let path = match guild {
        Some(g) => format!("/applications/{application}/guilds/{g}/commands"),
        None => format!("/applications/{application}/commands"),
    };
    let answer = in_rounds("registering the commands", || async {
        match courier
            .json(reqwest::Method::PUT, &path, body.clone())
            .await?
        {
            Value::Array(list) => Ok(list.len()),
            other => Err(SendError::Unavailable(format!(
                "Discord answered without a command list: {other}"
            ))),
        }
    })
    .await;
    match answer {
        Ok(registered) => Ok(registered),
        Err(SendError::Unavailable(why)) => {
            anyhow::bail!("could not register the slash commands with Discord: {why}")
        }
        Err(SendError::Permanent { code, .. } | SendError::Rejected { code, .. })
            if guild.is_some() && matches!(code, 10004 | 50001) =>
        {
            anyhow::bail!(
                "discord.guild_id {}: the bot is not in that server (Discord code {code}); \
                 invite the bot there or remove the setting to register commands globally",
                guild.unwrap_or_default()
            )
        }
        Err(e) => anyhow::bail!("Discord refused the slash commands: {e}"),
    }
}

/// Why the gateway connection ended for good, in words an operator can act on.
pub fn gateway_stopped(e: &serenity::Error) -> String {
    use serenity::GatewayError as G;
    match e {
        serenity::Error::Gateway(G::InvalidAuthentication) => {
            "Discord closed the connection: authentication failed (4004), the token is no \
             longer valid; reset it in the developer portal (Bot tab) and set DISCORD_TOKEN"
                .into()
        }
        serenity::Error::Gateway(G::DisallowedGatewayIntents | G::InvalidGatewayIntents) => {
            "Discord refused the gateway intents tandem asks for (Guilds, Guild Messages; \
             4013/4014); check the bot's settings in the developer portal (Bot tab)"
                .into()
        }
        e => format!("the Discord connection stopped: {e}"),
    }
}

/// Servers with data on this process's shards that are not among those their READYs list
/// removed the bot while it was not connected (no GUILD_DELETE came): they are treated as if
/// it had. A server of another shard is another process's to judge. A failure is logged only:
/// the next GUILD_DELETE or start tries again.
pub async fn servers_left_while_away(
    db: &crate::store::Db,
    shards: ShardPlan,
    present: &[u64],
    now: chrono::DateTime<chrono::Utc>,
) {
    let known = match db.guilds_with_data().await {
        Ok(k) => k,
        Err(e) => {
            tracing::error!(error = %e, "could not list the servers with data");
            return;
        }
    };
    let gone = known
        .into_iter()
        .filter(|g| shards.serves(*g) && !present.contains(g));
    for guild in gone {
        match db.guild_departed(guild, now).await {
            Ok(true) => tracing::info!(guild, "removed from a server while away"),
            Ok(false) => {}
            Err(e) => {
                tracing::error!(error = %e, guild, "could not record a server that removed the bot")
            }
        }
    }
}
