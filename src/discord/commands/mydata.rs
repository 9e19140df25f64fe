//! `/mydata export` and `/mydata delete`: a member's own data.

use poise::serenity_prelude as serenity;

use crate::discord::commands::guild_of;
use crate::discord::custom_id::CustomId;
use crate::discord::{messages, Context, Error};
use crate::store::AuditEntry;

/// Your own data: get a copy or erase it
#[poise::command(
    slash_command,
    guild_only,
    subcommands("export", "delete"),
    subcommand_required
)]
pub async fn mydata(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Get a file with everything tandem keeps about you in this server
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?.get();
    let me = ctx.author().id.get();
    let db = &ctx.data().db;
    let entry = AuditEntry {
        guild_id,
        actor_id: Some(me),
        action: "mydata.export".into(),
        target_id: Some(me),
        detail: None,
        at: ctx.data().clock.now(),
    };
    db.record_audit(&entry).await?;
    let data = serde_json::json!({
        "guild_id": guild_id.to_string(),
        "user_id": me.to_string(),
        "exported_at": entry.at.to_rfc3339(),
        "tables": db.export_user(guild_id, me).await?,
    });
    let file = serde_json::to_vec_pretty(&data).map_err(anyhow::Error::from)?;
    let attachment =
        serenity::CreateAttachment::bytes(file, format!("tandem-my-data-{guild_id}.json"));
    ctx.send(
        poise::CreateReply::default()
            .content(messages::mydata::EXPORT.get(l))
            .attachment(attachment)
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Erase everything tandem keeps about you in this server
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn delete(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::mydata as m;
    let me = ctx.author().id.get();
    let buttons = serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(CustomId::MydataErase { owner: me })
            .label(m::DELETE_YES.get(l))
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(CustomId::MydataKeep { owner: me })
            .label(m::DELETE_NO.get(l))
            .style(serenity::ButtonStyle::Secondary),
    ]);
    ctx.send(
        poise::CreateReply::default()
            .content(m::CONFIRM_DELETE.get(l))
            .components(vec![buttons])
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
