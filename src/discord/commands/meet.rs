//! `/meet`: a pair records a meeting, counted in its health and the digest.

use poise::serenity_prelude::CreateAllowedMentions;

use crate::discord::commands::pair::pair_here;
use crate::discord::{messages, Context, Error};

/// Record a meeting you had with your pair (in your pair channel)
#[poise::command(slash_command, guild_only, category = "Everyone")]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn meet(
    ctx: Context<'_>,
    #[description = "How long you met, in minutes"]
    #[min = 1]
    #[max = 600]
    minutes: u32,
    #[description = "A few words about it (optional, everyone in the channel sees it)"]
    #[max_length = 200]
    note: Option<String>,
) -> Result<(), Error> {
    use messages::activity as m;
    let (pair, _, member) = pair_here(ctx).await?;
    if !member {
        return Err(Error::user(m::MEET_ONLY_MEMBERS));
    }
    let now = ctx.data().clock.now();
    if !pair.status_at(now).is_open() {
        return Err(Error::user(messages::pairs::not_open(pair.status)));
    }
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let db = &ctx.data().db;
    let user = ctx.author().id.get();
    db.record_meeting(&pair, user, minutes, note.as_deref(), now)
        .await?;
    let total = db.meeting_totals(pair.id).await?;
    ctx.send(
        poise::CreateReply::default()
            .content(m::meeting_recorded(user, minutes, total, note.as_deref()))
            .allowed_mentions(CreateAllowedMentions::new()),
    )
    .await?;
    Ok(())
}
