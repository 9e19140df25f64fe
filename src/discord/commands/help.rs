//! `/help`: what tandem does and the commands the caller may use.

use poise::serenity_prelude as serenity;

use crate::discord::access::{self, Access};
use crate::discord::commands::{audience_of, catalogue_key, guild_of};
use crate::discord::{limits, messages, Context, Data, Error};

/// What tandem does and the commands you can use
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip(ctx), fields(guild = ?ctx.guild_id()))]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?;
    let settings = ctx.data().db.guild_settings(guild_id.get()).await?;
    let caller = access::of_caller(ctx, settings.as_ref());

    // Each command under its declared audience's level (pair commands are for everyone in a
    // pair), and only those the caller may run.
    let mut sections: Vec<(Access, Vec<String>)> = vec![
        (Access::Member, Vec::new()),
        (Access::Moderator, Vec::new()),
        (Access::Admin, Vec::new()),
    ];
    let mut leaves = Vec::new();
    for command in &ctx.framework().options().commands {
        leaves_of(command, &mut leaves);
    }
    for command in leaves {
        let Some(rule) = audience_of(&command.qualified_name) else {
            continue;
        };
        let level = rule.audience.level();
        if level > caller {
            continue;
        }
        let lines = &mut sections
            .iter_mut()
            .find(|(a, _)| *a == level)
            .expect("every access level has a section")
            .1;
        let described = crate::text::lookup(l, &catalogue_key(&[&command.qualified_name]));
        lines.push(line(
            &command.qualified_name,
            described.as_deref().or(command.description.as_deref()),
        ));
    }

    let mut embed = serenity::CreateEmbed::new()
        .title(messages::help::TITLE.get(l))
        .description(messages::help::INTRO.get(l));
    for (audience, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        let name = match audience {
            Access::Member => messages::help::FOR_EVERYONE.get(l),
            Access::Moderator => messages::help::FOR_MODERATORS.get(l),
            Access::Admin => messages::help::FOR_ADMINS.get(l),
        };
        // A long list goes on in a second field (a field holds 1,024 characters).
        for (i, chunk) in limits::chunks(&lines, limits::FIELD_VALUE)
            .into_iter()
            .enumerate()
        {
            let name = if i == 0 {
                name.clone()
            } else {
                messages::help::CONTINUED.get(l)
            };
            embed = embed.field(name, chunk, false);
        }
    }
    if settings.is_none() {
        let hint = if caller == Access::Admin {
            messages::help::NOT_SET_UP.get(l)
        } else {
            messages::help::NOT_SET_UP_MEMBER.get(l)
        };
        embed = embed.footer(serenity::CreateEmbedFooter::new(hint));
    }
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    Ok(())
}

fn line(name: &str, description: Option<&str>) -> String {
    format!("`/{name}` – {}", description.unwrap_or_default())
}

/// The commands under `command` that run (those without subcommands), in order.
fn leaves_of<'a>(
    command: &'a poise::Command<Data, Error>,
    out: &mut Vec<&'a poise::Command<Data, Error>>,
) {
    if command.subcommands.is_empty() {
        out.push(command);
    }
    for sub in &command.subcommands {
        leaves_of(sub, out);
    }
}
