//! `/pulse now` and `/pulse results`: anonymous pulse surveys (moderators).

use poise::serenity_prelude as serenity;

use crate::discord::access::{self, Access};
use crate::discord::commands::guild_of;
use crate::discord::{messages, Context, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::schedule::Kind;
use crate::jobs;

/// Anonymous pulse surveys
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    subcommands("now", "results"),
    subcommand_required
)]
pub async fn pulse(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn moderator(ctx: Context<'_>) -> Result<GuildSettings, Error> {
    let guild = guild_of(ctx)?.get();
    let settings = ctx.data().db.guild_settings_or_new(guild).await?;
    if access::of_caller(ctx, Some(&settings)) < Access::Moderator {
        return Err(Error::user(messages::pulse::ONLY_MODERATORS));
    }
    Ok(settings)
}

/// Ask every active member the pulse question now
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn now(ctx: Context<'_>) -> Result<(), Error> {
    use messages::pulse as m;
    let settings = moderator(ctx).await?;
    let data = ctx.data();
    let members = data.db.active_member_ids(settings.guild_id).await?;
    if members.is_empty() {
        return Err(Error::user(m::NOBODY));
    }
    jobs::plan_now(&data.db, settings.guild_id, Kind::Pulse, data.clock.now()).await?;
    data.jobs.wake();
    let min = settings
        .anonymity_min
        .unwrap_or(data.settings.pulse.anonymity_min);
    ctx.send(
        poise::CreateReply::default()
            .content(m::round_started(members.len(), min))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Totals of the latest pulse round (shown only when enough people answered)
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn results(ctx: Context<'_>) -> Result<(), Error> {
    use messages::pulse as m;
    let settings = moderator(ctx).await?;
    let data = ctx.data();
    let Some(mut r) = data.db.latest_pulse_results(settings.guild_id).await? else {
        return Err(Error::user(m::NO_ROUND));
    };
    let min = settings
        .anonymity_min
        .unwrap_or(data.settings.pulse.anonymity_min);
    let reply = poise::CreateReply::default().ephemeral(true);
    if !r.visible(min) {
        ctx.send(reply.content(m::hidden(&r, min))).await?;
        return Ok(());
    }
    fastrand::shuffle(&mut r.comments);
    let quoted: Vec<String> = r
        .comments
        .iter()
        .map(|c| {
            format!(
                "> {}",
                c.chars().take(300).collect::<String>().replace('\n', " ")
            )
        })
        .collect();
    let mut embed = serenity::CreateEmbed::new()
        .title(m::title(&r))
        .description(m::overview(&r))
        .field(m::ANSWERS, m::distribution(&r), false);
    if !quoted.is_empty() {
        embed = embed.field(m::COMMENTS, messages::fit_lines(&quoted, 1000), false);
    }
    ctx.send(reply.embed(embed)).await?;
    Ok(())
}
