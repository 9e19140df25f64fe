//! `/digest [weeks]`: the engagement digest on demand, privately (moderators).

use poise::CreateReply;

use crate::digest::{self, DEFAULT_WEEKS, MAX_WEEKS};
use crate::discord::commands::settings;
use crate::discord::digest::{attachment, chart_attachment, embed};
use crate::discord::messages::digest::CHART_FILE;
use crate::discord::{messages, Context, Error};

/// The engagement digest now, only for you (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn digest(
    ctx: Context<'_>,
    #[description = "Weeks the chart covers (2 to 26, default 8)"]
    #[min = 2]
    #[max = 26]
    weeks: Option<i64>,
) -> Result<(), Error> {
    let settings = settings(ctx).await?;
    let data = ctx.data();
    // Discord's client keeps to the registered limits; a modified one need not.
    let weeks = match weeks {
        None => DEFAULT_WEEKS,
        Some(w) => u32::try_from(w)
            .ok()
            .filter(|w| (2..=MAX_WEEKS).contains(w))
            .ok_or_else(|| Error::user(messages::digest::BAD_WEEKS))?,
    };
    let mut report =
        digest::build(&data.db, &data.settings, &settings, data.clock.now(), weeks).await?;
    // Asked for by one moderator: in their language (the weekly post is in the server's).
    report.locale = crate::discord::locale(ctx);
    let chart = chart_attachment(&report);
    let mut reply = CreateReply::default()
        .embed(embed(&report, chart.is_some().then_some(CHART_FILE)))
        .ephemeral(true);
    if let Some((png, alt)) = chart {
        reply = reply.attachment(attachment(png, alt, CHART_FILE));
    }
    ctx.send(reply).await?;
    Ok(())
}
