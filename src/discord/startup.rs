//! Start-up steps that must succeed before the bot can answer anyone. Each is retried with
//! backoff (the courier honours `retry_after` and retries server errors); one that cannot
//! succeed ends the process with a sentence saying why, so a supervisor restarts it.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serde_json::Value;

use super::courier::{Courier, SendError};
use super::{Data, Error};

/// Rounds of the courier's own tries before start-up gives up, and the pause before each.
const ROUNDS: [Duration; 3] = [
    Duration::ZERO,
    Duration::from_secs(2),
    Duration::from_secs(5),
];

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
    let mut last = None;
    for pause in ROUNDS {
        tokio::time::sleep(pause).await;
        match courier
            .json(reqwest::Method::PUT, &path, body.clone())
            .await
        {
            Ok(Value::Array(list)) => return Ok(list.len()),
            Ok(other) => last = Some(format!("Discord answered without a command list: {other}")),
            Err(SendError::Unavailable(why)) => {
                tracing::warn!(why, "registering the commands failed; trying again");
                last = Some(why);
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
    anyhow::bail!(
        "could not register the slash commands with Discord: {}",
        last.unwrap_or_default()
    )
}
