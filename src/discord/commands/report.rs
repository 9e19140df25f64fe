//! `/report`: tell the moderators privately that something is wrong, from anywhere.

use poise::serenity_prelude as serenity;

use crate::discord::commands::guild_of;
use crate::discord::{reports, Context, Error};

/// Tell the moderators privately about a problem (only they read it)
// Not `ephemeral`: the answer is the form itself, which must be the first response (a
// deferred command cannot open one). The form opens within one database read.
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn report(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    guild_of(ctx)?;
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    // In the reporter's own pair channel the report is about that pair.
    let pair = ctx
        .data()
        .db
        .pair_by_channel(ctx.channel_id().get())
        .await?
        .filter(|p| p.is_member(ctx.author().id.get()))
        .map_or(0, |p| p.id);
    app.interaction
        .create_response(
            ctx.http(),
            serenity::CreateInteractionResponse::Modal(reports::form(l, pair)),
        )
        .await?;
    Ok(())
}
