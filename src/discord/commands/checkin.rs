//! `/checkin now`: a check-in round for every active pair, right away (moderators).

use crate::discord::commands::settings;
use crate::discord::{messages, Context, Error};
use crate::domain::schedule::Kind;
use crate::jobs;

/// Check-ins with the pairs
#[poise::command(slash_command, guild_only, subcommands("now"), subcommand_required)]
pub async fn checkin(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post a check-in to every active pair now
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn now(ctx: Context<'_>) -> Result<(), Error> {
    use messages::checkins as m;
    let l = crate::discord::locale(ctx);
    let guild = settings(ctx).await?.guild_id;
    let data = ctx.data();
    let planned = jobs::plan_now(&data.db, guild, Kind::Checkin, data.clock.now()).await?;
    if planned == 0 {
        return Err(Error::user(m::NO_PAIRS));
    }
    data.jobs.wake();
    ctx.send(
        poise::CreateReply::default()
            .content(m::round_started(l, planned))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
