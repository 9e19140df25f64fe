//! `/export`: the programme's data as CSV files, privately (moderators).

use poise::serenity_prelude::CreateAttachment;
use poise::CreateReply;

use crate::digest::{self, export};
use crate::discord::commands::settings;
use crate::discord::{messages, Context, Error};
use crate::store::AuditEntry;

/// The programme's data as CSV files: members, pairs, check-ins, pulse, activity (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let data = ctx.data();
    let now = data.clock.now();
    let report = digest::build(&data.db, &data.settings, &settings, now, 2).await?;
    let files = export::csv_files(&data.db, &report)
        .await
        .map_err(anyhow::Error::from)?;
    data.db
        .record_audit(&AuditEntry {
            guild_id: settings.guild_id,
            actor_id: Some(ctx.author().id.get()),
            action: "export".into(),
            target_id: None,
            detail: Some(format!("{} files", files.len())),
            at: now,
        })
        .await?;
    let mut reply = CreateReply::default()
        .content(messages::digest::exported(l, now.timestamp()))
        .ephemeral(true);
    for f in files {
        reply = reply.attachment(CreateAttachment::bytes(f.bytes, f.name));
    }
    ctx.send(reply).await?;
    Ok(())
}
