//! Direct messages are a courtesy: members may close them, so a failed DM is logged and the
//! caller carries on (the same information is always available in the server too).

use super::quiet;
use poise::serenity_prelude as serenity;

/// Sends a DM; returns whether it was delivered.
pub async fn send(http: &serenity::Http, user: u64, text: impl Into<String>) -> bool {
    let message = quiet::message().content(text);
    match serenity::UserId::new(user)
        .direct_message(http, message)
        .await
    {
        Ok(_) => true,
        Err(e) => {
            tracing::debug!(user, error = %e, "DM not delivered");
            false
        }
    }
}

/// The server's name for messages sent outside it.
pub fn guild_name(cache: &serenity::Cache, guild_id: serenity::GuildId) -> String {
    guild_id
        .name(cache)
        .unwrap_or_else(|| "the server".to_string())
}
