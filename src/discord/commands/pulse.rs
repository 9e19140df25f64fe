//! `/pulse now` and `/pulse results`: anonymous pulse surveys (moderators).

use poise::serenity_prelude as serenity;

use crate::discord::commands::settings;
use crate::discord::{messages, Context, Error};
use crate::domain::schedule::Kind;
use crate::jobs;

/// Anonymous pulse surveys
#[poise::command(
    slash_command,
    guild_only,
    subcommands("now", "results"),
    subcommand_required
)]
pub async fn pulse(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Ask every active member the pulse question now
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn now(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pulse as m;
    let settings = settings(ctx).await?;
    let data = ctx.data();
    let members = data.db.active_member_ids(settings.guild_id).await?;
    if members.is_empty() {
        return Err(Error::user(m::NOBODY));
    }
    jobs::plan_now(&data.db, settings.guild_id, Kind::Pulse, data.clock.now()).await?;
    data.jobs.wake();
    let min = data.settings.anonymity_min(&settings);
    ctx.send(
        poise::CreateReply::default()
            .content(m::round_started(l, members.len(), min))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Totals of the latest pulse round (shown only when enough people answered)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn results(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pulse as m;
    let settings = settings(ctx).await?;
    let data = ctx.data();
    let now = data.clock.now();
    let open = data.db.open_pulse_round(settings.guild_id, now).await?;
    let open_note = open.map(|(_, closes, answers)| m::still_open(l, answers, closes.timestamp()));
    let Some(mut r) = data.db.latest_pulse_results(settings.guild_id, now).await? else {
        return Err(Error::user(open_note.unwrap_or_else(|| m::NO_ROUND.get(l))));
    };
    let min = data.settings.anonymity_min(&settings);
    let mut reply = poise::CreateReply::default().ephemeral(true);
    if let Some(note) = &open_note {
        reply = reply.content(note.clone());
    }
    if !r.visible(min) {
        let text = match &open_note {
            Some(note) => format!("{}\n{note}", m::hidden(l, &r, min)),
            None => m::hidden(l, &r, min),
        };
        ctx.send(reply.content(text)).await?;
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
        .title(m::title(l, &r))
        .description(m::overview(l, &r))
        .field(m::ANSWERS.get(l), m::distribution(l, &r), false);
    if !quoted.is_empty() {
        embed = embed.field(
            m::COMMENTS.get(l),
            messages::fit_lines(l, &quoted, 1000),
            false,
        );
    }
    ctx.send(reply.embed(embed)).await?;
    Ok(())
}
