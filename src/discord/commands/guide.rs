//! `/guide` and `/resources add|remove|list`: the programme guide (what is expected of mentors
//! and mentees, the code of conduct, confidentiality) with the resources the moderators keep,
//! and the orientation a server may require of new mentors (`/setup orientation`).

use poise::serenity_prelude as serenity;

use crate::discord::access::{self, Access};
use crate::discord::commands::{guild_of, settings};
use crate::discord::custom_id::CustomId;
use crate::discord::{dm, limits, messages, pairing, quiet, Context, Error};
use crate::domain::guide::{self, Reader, Resource, ResourceAudience};
use crate::domain::guild::GuildSettings;
use crate::domain::member::Role;
use crate::store::{AuditEntry, Db, ResourceAdded};
use crate::text::Locale;

/// Room the guide's own sentences, headings and title leave for the resource lines in one
/// embed (Discord's 6,000 characters across it), with a margin for the longest language.
const RESOURCE_BUDGET: usize = limits::EMBED_TOTAL - 3_000;

/// The programme guide: what to expect, the code of conduct and resources
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn guide(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?;
    let settings = settings(ctx).await?;
    let db = &ctx.data().db;
    let me = ctx.author().id.get();
    let profiles = db.profiles_of(guild_id.get(), me).await?;
    let current = |role: Role| {
        profiles
            .iter()
            .any(|p| p.role == role && p.status.is_current())
    };
    let reader = Reader {
        mentor: current(Role::Mentor),
        mentee: current(Role::Mentee),
        moderator: access::of_caller(ctx, Some(&settings)) >= Access::Moderator,
    };
    let resources = db.resources(guild_id.get()).await?;
    let name = dm::guild_name(&ctx.serenity_context().cache, guild_id);
    let mut reply = poise::CreateReply::default()
        .embed(embed(l, &name, reader, &resources))
        .ephemeral(true);
    // The DM with the button may not have arrived (closed DMs): the button is here as well.
    if settings.require_orientation && db.owes_orientation(guild_id.get(), me).await? {
        reply = reply
            .content(messages::guide::OWED_NOTE.get(l))
            .components(vec![read_button(l, guild_id.get(), me)]);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The guide as one embed: the programme's expectations, then the resources `reader` sees
/// (moderators see every one, with whom it is for).
pub fn embed(
    l: Locale,
    guild: &str,
    reader: Reader,
    resources: &[Resource],
) -> serenity::CreateEmbed {
    use messages::guide as m;
    let mut e = serenity::CreateEmbed::new()
        .title(m::TITLE.get(l))
        .description(m::intro(l, guild));
    for (heading, text) in [
        (m::MENTORS_HEADING, m::MENTORS),
        (m::MENTEES_HEADING, m::MENTEES),
        (m::CONDUCT_HEADING, m::CONDUCT),
        (m::CONFIDENTIALITY_HEADING, m::CONFIDENTIALITY),
    ] {
        e = e.field(heading.get(l), text.get(l), false);
    }
    let lines: Vec<String> = resources
        .iter()
        .filter(|r| reader.sees(r.audience))
        .map(|r| m::resource_line(l, r, reader.moderator))
        .collect();
    if lines.is_empty() {
        return e.field(m::RESOURCES_HEADING.get(l), m::NO_RESOURCES.get(l), false);
    }
    for (i, chunk) in limits::chunks(&fit(l, &lines, RESOURCE_BUDGET), limits::FIELD_VALUE)
        .into_iter()
        .enumerate()
    {
        let heading = if i == 0 {
            m::RESOURCES_HEADING
        } else {
            m::RESOURCES_CONTINUED
        };
        e = e.field(heading.get(l), chunk, false);
    }
    e
}

/// The lines that fit in `budget` characters, then "…and N more" for the rest.
fn fit(l: Locale, lines: &[String], budget: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut used = 0;
    for (shown, line) in lines.iter().enumerate() {
        let n = line.chars().count() + 1;
        if used + n > budget {
            out.push(messages::members::and_more(l, lines.len() - shown));
            break;
        }
        used += n;
        out.push(line.clone());
    }
    out
}

/// "I've read it", for the mentor `owner` of server `guild`.
pub fn read_button(l: Locale, guild: u64, owner: u64) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(vec![serenity::CreateButton::new(CustomId::GuideRead {
        guild,
        owner,
    })
    .label(messages::guide::READ_BUTTON.get(l))
    .style(serenity::ButtonStyle::Success)])
}

/// Sends the guide to a mentor who now owes it (`approved` by a moderator, or enrolled at
/// once), in their language, with the "I've read it" button. A closed DM is logged, not an
/// error: `/guide` shows the same button.
pub async fn send_to_mentor(
    http: &serenity::Http,
    cache: &serenity::Cache,
    db: &Db,
    settings: &GuildSettings,
    mentor: u64,
    approved: bool,
) -> bool {
    let guild = settings.guild_id;
    let l = pairing::reader_locale(db, guild, mentor).await;
    let resources = match db.resources(guild).await {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the guide's resources for a DM");
            Vec::new()
        }
    };
    let name = dm::guild_name(cache, serenity::GuildId::new(guild));
    let reader = Reader {
        mentor: true,
        ..Reader::default()
    };
    let message = quiet::message()
        .content(messages::guide::dm(l, &name, approved))
        .embed(embed(l, &name, reader, &resources))
        .components(vec![read_button(l, guild, mentor)]);
    match serenity::UserId::new(mentor)
        .direct_message(http, message)
        .await
    {
        Ok(_) => true,
        Err(e) => {
            tracing::debug!(user = mentor, error = %e, "guide DM not delivered");
            false
        }
    }
}

/// The programme's resources for `/guide`
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "remove", "list"),
    subcommand_required
)]
pub async fn resources(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum AudienceChoice {
    #[name = "everyone"]
    Everyone,
    #[name = "mentors"]
    Mentors,
    #[name = "mentees"]
    Mentees,
}

impl From<AudienceChoice> for ResourceAudience {
    fn from(c: AudienceChoice) -> Self {
        match c {
            AudienceChoice::Everyone => ResourceAudience::Everyone,
            AudienceChoice::Mentors => ResourceAudience::Mentors,
            AudienceChoice::Mentees => ResourceAudience::Mentees,
        }
    }
}

fn entry(ctx: Context<'_>, guild: u64, action: &str) -> AuditEntry {
    AuditEntry {
        guild_id: guild,
        actor_id: Some(ctx.author().id.get()),
        action: action.into(),
        target_id: None,
        detail: None,
        at: ctx.data().clock.now(),
    }
}

/// Add a resource to the programme guide (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn add(
    ctx: Context<'_>,
    #[description = "Its title, e.g. Mentor handbook (up to 100 characters)"]
    #[max_length = 100]
    title: String,
    #[description = "Its web address, starting with https://"]
    #[max_length = 300]
    link: String,
    #[description = "Who it is for"] audience: AudienceChoice,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::guide as m;
    let guild = guild_of(ctx)?.get();
    let invalid = |e| Error::user(m::resource_error(l, &e));
    let title = guide::parse_title(&title).map_err(invalid)?;
    let url = guide::parse_link(&link).map_err(invalid)?;
    let added = ctx
        .data()
        .db
        .add_resource(
            guild,
            &title,
            &url,
            audience.into(),
            &entry(ctx, guild, "resource.add"),
        )
        .await?;
    let ResourceAdded::Added(r) = added else {
        return Err(Error::user(m::full(l)));
    };
    // What the guide will show, with its title as the link.
    let preview = serenity::CreateEmbed::new()
        .title(messages::quote(&r.title, guide::MAX_TITLE_CHARS))
        .url(&r.url)
        .description(m::audience(l, r.audience));
    ctx.send(
        poise::CreateReply::default()
            .content(m::added(l, &r))
            .embed(preview)
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Remove a resource from the programme guide (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn remove(
    ctx: Context<'_>,
    #[description = "The resource's number (see /resources list)"]
    #[min = 1]
    id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::guide as m;
    let guild = guild_of(ctx)?.get();
    let removed = ctx
        .data()
        .db
        .remove_resource(guild, id, &entry(ctx, guild, "resource.remove"))
        .await?
        .ok_or_else(|| Error::user(m::no_resource(l, id)))?;
    ctx.send(
        poise::CreateReply::default()
            .content(m::removed(l, &removed))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// The guide's resources with their numbers (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::guide as m;
    let guild = guild_of(ctx)?.get();
    let resources = ctx.data().db.resources(guild).await?;
    let lines: Vec<String> = resources.iter().map(|r| m::list_line(l, r)).collect();
    let text = if lines.is_empty() {
        m::LIST_EMPTY.get(l)
    } else {
        fit(l, &lines, limits::DESCRIPTION - 100).join("\n")
    };
    let embed = serenity::CreateEmbed::new()
        .title(m::LIST_TITLE.get(l))
        .description(text)
        .footer(serenity::CreateEmbedFooter::new(m::list_footer(
            l,
            resources.len(),
        )));
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    Ok(())
}
