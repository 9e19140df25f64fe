//! `/kudos`: public thanks, counted in the digest.

use poise::serenity_prelude::{self as serenity, CreateAllowedMentions};

use crate::discord::commands::{guild_of, in_server};
use crate::discord::{messages, Context, Error};
use crate::domain::member::tidy;
use crate::store::KudosOutcome;

/// Thank someone publicly for their help
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn kudos(
    ctx: Context<'_>,
    #[description = "Who you want to thank"] user: serenity::User,
    #[description = "What for, in a sentence"]
    #[max_length = 200]
    reason: String,
) -> Result<(), Error> {
    use messages::activity as m;
    let l = crate::discord::locale(ctx);
    let guild = guild_of(ctx)?.get();
    let giver = ctx.author().id.get();
    if user.id.get() == giver {
        return Err(Error::user(m::KUDOS_SELF));
    }
    if user.bot {
        return Err(Error::user(m::KUDOS_BOT));
    }
    if !in_server(ctx, &user) {
        return Err(Error::user(m::KUDOS_NOT_MEMBER));
    }
    // One line: the thanks is shown inline after the names.
    let reason = tidy(&reason)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if reason.is_empty() {
        return Err(Error::user(m::KUDOS_EMPTY));
    }
    let chars = reason.chars().count();
    if chars > 200 {
        return Err(Error::user(m::kudos_too_long(l, chars)));
    }
    let data = ctx.data();
    let per_day = data.settings.kudos.per_day;
    let outcome = data
        .db
        .give_kudos(
            guild,
            giver,
            user.id.get(),
            &reason,
            ctx.channel_id().get(),
            data.clock.now(),
            per_day,
        )
        .await?;
    match outcome {
        KudosOutcome::Limited { again_at } => Err(Error::user(m::kudos_limited(
            l,
            per_day,
            again_at.timestamp(),
        ))),
        KudosOutcome::Given { received } => {
            ctx.send(
                poise::CreateReply::default()
                    .content(m::kudos(l, giver, user.id.get(), &reason, received))
                    .allowed_mentions(CreateAllowedMentions::new().users([user.id])),
            )
            .await?;
            Ok(())
        }
    }
}
