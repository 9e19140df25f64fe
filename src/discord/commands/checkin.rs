//! `/checkin now`: a check-in round for every active pair, right away (moderators).

use crate::discord::access::{self, Access};
use crate::discord::commands::guild_of;
use crate::discord::{messages, Context, Error};
use crate::domain::schedule::Kind;
use crate::jobs;

/// Check-ins with the pairs
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    subcommands("now"),
    subcommand_required
)]
pub async fn checkin(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post a check-in to every active pair now
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn now(ctx: Context<'_>) -> Result<(), Error> {
    use messages::checkins as m;
    let guild = guild_of(ctx)?.get();
    let data = ctx.data();
    let settings = data.db.guild_settings(guild).await?;
    if access::of_caller(ctx, settings.as_ref()) < Access::Moderator {
        return Err(Error::user(m::ONLY_MODERATORS));
    }
    let planned = jobs::plan_now(&data.db, guild, Kind::Checkin, data.clock.now()).await?;
    if planned == 0 {
        return Err(Error::user(m::NO_PAIRS));
    }
    data.jobs.wake();
    ctx.send(
        poise::CreateReply::default()
            .content(m::round_started(planned))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
