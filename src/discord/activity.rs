//! Message counting for pair health: one count per message a member writes in their pair's
//! channel. The event carries no text (no message-content intent) and none is stored.

use poise::serenity_prelude as serenity;

use super::Data;

/// Counts a message from the gateway if it is a member's own message in a pair channel.
pub async fn on_message(message: &serenity::Message, data: &Data) {
    let counted_kind = matches!(
        message.kind,
        serenity::MessageType::Regular | serenity::MessageType::InlineReply
    );
    if message.author.bot || message.webhook_id.is_some() || !counted_kind {
        return;
    }
    if message.guild_id.is_none() {
        return;
    }
    let day = data.clock.now().date_naive();
    if let Err(e) = data
        .db
        .count_message(message.channel_id.get(), message.author.id.get(), day)
        .await
    {
        tracing::error!(error = %e, channel = %message.channel_id, "could not count a message");
    }
}
