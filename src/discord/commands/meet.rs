//! `/meet`: a pair records a meeting, counted in its health and the digest.

use crate::discord::commands::pair_here;
use crate::discord::{messages, pairing, Context, Error};
use crate::domain::member::tidy;

/// Record a meeting you had with your pair (in your pair channel)
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn meet(
    ctx: Context<'_>,
    #[description = "How long you met, in minutes"]
    #[min = 1]
    #[max = 600]
    minutes: i64,
    #[description = "A few words about it (optional, everyone in the channel sees it)"]
    #[max_length = 200]
    note: Option<String>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::activity as m;
    let (pair, _) = pair_here(ctx).await?;
    let now = ctx.data().clock.now();
    if !pair.status_at(now).is_open() {
        return Err(Error::user(messages::pairs::not_open(pair.status)));
    }
    // Discord's client keeps to the registered limits; a modified one need not.
    let minutes = u32::try_from(minutes)
        .ok()
        .filter(|m| (1..=600).contains(m))
        .ok_or_else(|| Error::user(m::MEET_MINUTES))?;
    let note = note.map(|n| tidy(&n)).filter(|n| !n.is_empty());
    if let Some(n) = note
        .as_deref()
        .map(|n| n.chars().count())
        .filter(|n| *n > 200)
    {
        return Err(Error::user(m::note_too_long(l, n)));
    }
    let db = &ctx.data().db;
    let user = ctx.author().id.get();
    db.record_meeting(&pair, user, minutes, note.as_deref(), now)
        .await?;
    let total = db.meeting_totals(pair.id).await?;
    // A public post in the pair's channel: in the pair's language.
    let here = pairing::pair_channel_locale(db, &pair).await;
    ctx.send(poise::CreateReply::default().content(m::meeting_recorded(
        here,
        user,
        minutes,
        total,
        note.as_deref(),
    )))
    .await?;
    Ok(())
}
