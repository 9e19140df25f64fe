//! `/withdraw`: leave the programme, after a confirmation.

use poise::serenity_prelude as serenity;

use crate::discord::commands::{guild_of, profile::RoleChoice};
use crate::discord::custom_id::CustomId;
use crate::discord::{messages, Context, Error};
use crate::domain::member::Role;

/// Leave the mentoring programme
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn withdraw(
    ctx: Context<'_>,
    #[description = "Leave only as mentor or only as mentee (default: both)"] role: Option<
        RoleChoice,
    >,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::members as m;
    let guild_id = guild_of(ctx)?.get();
    let me = ctx.author().id.get();
    let only = role.map(Role::from);
    let roles: Vec<Role> = ctx
        .data()
        .db
        .profiles_of(guild_id, me)
        .await?
        .into_iter()
        .filter(|p| p.status.is_current() && only.is_none_or(|r| r == p.role))
        .map(|p| p.role)
        .collect();
    if roles.is_empty() {
        return Err(Error::user(m::NOTHING_TO_WITHDRAW));
    }
    let yes = CustomId::WithdrawYes {
        roles: roles.clone(),
        owner: me,
    };
    let buttons = serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(yes)
            .label(m::WITHDRAW_YES.get(l))
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(CustomId::WithdrawNo { owner: me })
            .label(m::CANCEL.get(l))
            .style(serenity::ButtonStyle::Secondary),
    ]);
    ctx.send(
        poise::CreateReply::default()
            .content(m::confirm_withdraw(l, &roles))
            .components(vec![buttons])
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
