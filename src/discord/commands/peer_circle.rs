//! `/circle create`: a peer circle of three to six members in one private space, whose
//! facilitator rotates with each check-in (moderators). Groups of a mentor with several
//! mentees are made with `/pair create`.

use poise::serenity_prelude as serenity;

use crate::discord::commands::pair::make_space;
use crate::discord::commands::settings;
use crate::discord::{Context, Error};

/// Peer circles: a few members who learn together
#[poise::command(slash_command, guild_only, subcommands("create"), subcommand_required)]
pub async fn circle(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Make a peer circle of three to six members (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
// One option per person: poise needs them as parameters.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    ctx: Context<'_>,
    #[description = "A member of the circle"] member1: serenity::User,
    #[description = "A second member"] member2: serenity::User,
    #[description = "A third member"] member3: serenity::User,
    #[description = "A fourth member"] member4: Option<serenity::User>,
    #[description = "A fifth member"] member5: Option<serenity::User>,
    #[description = "A sixth member"] member6: Option<serenity::User>,
) -> Result<(), Error> {
    let settings = settings(ctx).await?;
    let members: Vec<u64> = [
        Some(member1),
        Some(member2),
        Some(member3),
        member4,
        member5,
        member6,
    ]
    .into_iter()
    .flatten()
    .map(|u| u.id.get())
    .collect();
    make_space(ctx, &settings, None, &members).await
}
