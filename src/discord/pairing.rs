//! A pair's life on Discord: its private channel (with category overflow), the welcome, the
//! DMs, ending with an exit survey and archiving, and the "broken" notice. Commands and
//! buttons both go through here.

use poise::serenity_prelude as serenity;
use serenity::{
    ChannelId, CreateActionRow, CreateButton, CreateChannel, CreateEmbed, CreateMessage,
    PermissionOverwrite, PermissionOverwriteType, Permissions, RoleId, UserId,
};

use super::{dm, messages, Data, Error};
use crate::domain::guild::{ArchiveMode, GuildSettings};
use crate::domain::member::Role;
use crate::domain::pair::{self, EndReason, Pair, CATEGORY_LIMIT};
use crate::store::{AuditEntry, Db, PairRefusal};
use chrono::{DateTime, Utc};

/// What each member of a pair may do in its channel.
pub const MEMBER_ALLOW: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::READ_MESSAGE_HISTORY);
/// What the bot gives itself in a pair channel.
pub const BOT_ALLOW: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::EMBED_LINKS)
    .union(Permissions::ATTACH_FILES)
    .union(Permissions::MANAGE_CHANNELS);

/// The permission overwrites of a private pair channel (see discord-notes.md).
pub fn pair_overwrites(
    guild_id: u64,
    bot: u64,
    mentor: u64,
    mentee: u64,
    moderators: Option<u64>,
) -> Vec<PermissionOverwrite> {
    let mut out = vec![
        PermissionOverwrite {
            allow: Permissions::empty(),
            deny: Permissions::VIEW_CHANNEL,
            kind: PermissionOverwriteType::Role(RoleId::new(guild_id)),
        },
        PermissionOverwrite {
            allow: MEMBER_ALLOW,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Member(UserId::new(mentor)),
        },
        PermissionOverwrite {
            allow: MEMBER_ALLOW,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Member(UserId::new(mentee)),
        },
    ];
    if let Some(role) = moderators {
        out.push(PermissionOverwrite {
            allow: Permissions::VIEW_CHANNEL,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Role(RoleId::new(role)),
        });
    }
    out.push(PermissionOverwrite {
        allow: BOT_ALLOW,
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(UserId::new(bot)),
    });
    out
}

/// A person's name as shown in the server, for channel names.
async fn display_name(ctx: &serenity::Context, guild: serenity::GuildId, user: u64) -> String {
    match guild.member(ctx, UserId::new(user)).await {
        Ok(m) => m.display_name().to_string(),
        Err(_) => String::new(),
    }
}

/// The category with room for one more channel: the chosen one, then the overflow ones in
/// order, creating `Mentoring N` when all are full.
async fn category_with_room(
    ctx: &serenity::Context,
    data: &Data,
    settings: &GuildSettings,
) -> Result<ChannelId, Error> {
    let guild = serenity::GuildId::new(settings.guild_id);
    let base = settings
        .pair_category_id
        .ok_or_else(|| Error::user(messages::pairs::NO_CATEGORY))?;
    let overflow = data.db.pair_categories(settings.guild_id).await?;
    let channels = guild.channels(&ctx.http).await?;
    let children = |category: u64| {
        channels
            .values()
            .filter(|c| c.parent_id.map(|p| p.get()) == Some(category))
            .count()
    };
    let existing = std::iter::once(base).chain(
        overflow
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| channels.contains_key(&ChannelId::new(*c))),
    );
    for category in existing {
        if children(category) < CATEGORY_LIMIT {
            return Ok(ChannelId::new(category));
        }
    }
    let number = overflow.iter().map(|(_, n)| *n).max().unwrap_or(1) + 1;
    let bot = ctx.cache.current_user().id.get();
    let mut overwrites = vec![
        PermissionOverwrite {
            allow: Permissions::empty(),
            deny: Permissions::VIEW_CHANNEL,
            kind: PermissionOverwriteType::Role(RoleId::new(settings.guild_id)),
        },
        PermissionOverwrite {
            allow: BOT_ALLOW | Permissions::MANAGE_ROLES | Permissions::READ_MESSAGE_HISTORY,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Member(UserId::new(bot)),
        },
    ];
    if let Some(role) = settings.moderator_role_id {
        overwrites.push(PermissionOverwrite {
            allow: Permissions::VIEW_CHANNEL,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Role(RoleId::new(role)),
        });
    }
    let name = pair::overflow_category_name(&data.settings.pairing.overflow_category, number);
    let category = guild
        .create_channel(
            &ctx.http,
            CreateChannel::new(name)
                .kind(serenity::ChannelType::Category)
                .permissions(overwrites),
        )
        .await?;
    data.db
        .add_pair_category(settings.guild_id, category.id.get(), number)
        .await?;
    tracing::info!(category = %category.id, number, "created an overflow category");
    Ok(category.id)
}

/// Creates the pair, its channel, the welcome message and the DMs. A refusal (not active,
/// full, already paired) writes nothing; a failed channel removes the new pair again.
#[tracing::instrument(skip_all, fields(guild = settings.guild_id, mentor, mentee))]
pub async fn open_pair(
    ctx: &serenity::Context,
    data: &Data,
    settings: &GuildSettings,
    mentor: u64,
    mentee: u64,
    actor: u64,
) -> Result<Result<Pair, PairRefusal>, Error> {
    let guild = serenity::GuildId::new(settings.guild_id);
    if settings.pair_category_id.is_none() {
        return Err(Error::user(messages::pairs::NO_CATEGORY));
    }
    let now = data.clock.now();
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: Some(actor),
        action: "pair.create".into(),
        target_id: Some(mentee),
        detail: None,
        at: now,
    };
    let mut pair = match data
        .db
        .create_pair(settings.guild_id, mentor, mentee, &entry)
        .await?
    {
        Ok(p) => p,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let channel = match create_channel(ctx, data, settings, &pair).await {
        Ok(c) => c,
        Err(e) => {
            let undo = AuditEntry {
                action: "pair.discard".into(),
                detail: Some(format!("pair {}: channel not created", pair.id)),
                ..entry
            };
            data.db.discard_new_pair(pair.id, &undo).await?;
            return Err(match e {
                Error::User(_) => e,
                Error::Internal(err) => {
                    tracing::warn!(error = %format!("{err:#}"), "pair channel not created");
                    Error::user(messages::pairs::CHANNEL_FAILED)
                }
            });
        }
    };
    data.db.set_pair_channel(pair.id, channel.get()).await?;
    pair.channel_id = Some(channel.get());
    // Its first check-in gets planned now rather than at the next hourly pass.
    data.jobs.wake();
    post_welcome(ctx, data, &pair, channel).await;
    let guild_name = dm::guild_name(&ctx.cache, guild);
    for (user, partner, role) in [
        (mentor, mentee, Role::Mentor),
        (mentee, mentor, Role::Mentee),
    ] {
        let text = messages::pairs::ready_dm(&guild_name, partner, channel.get(), role);
        dm::send(&ctx.http, user, text).await;
    }
    tracing::info!(pair = pair.id, channel = %channel, "pair created");
    Ok(Ok(pair))
}

async fn create_channel(
    ctx: &serenity::Context,
    data: &Data,
    settings: &GuildSettings,
    pair: &Pair,
) -> Result<ChannelId, Error> {
    let guild = serenity::GuildId::new(settings.guild_id);
    let (mentor, mentee) = (
        pair.mentor_id.expect("a new pair has both members"),
        pair.mentee_id.expect("a new pair has both members"),
    );
    let category = category_with_room(ctx, data, settings).await?;
    let name = pair::channel_name(
        &display_name(ctx, guild, mentor).await,
        &display_name(ctx, guild, mentee).await,
    );
    let bot = ctx.cache.current_user().id.get();
    let overwrites = pair_overwrites(
        settings.guild_id,
        bot,
        mentor,
        mentee,
        settings.moderator_role_id,
    );
    let channel = guild
        .create_channel(
            &ctx.http,
            CreateChannel::new(name)
                .kind(serenity::ChannelType::Text)
                .category(category)
                .topic(messages::pairs::WELCOME_TITLE)
                .permissions(overwrites),
        )
        .await?;
    Ok(channel.id)
}

async fn post_welcome(ctx: &serenity::Context, data: &Data, pair: &Pair, channel: ChannelId) {
    use messages::pairs as m;
    let (Some(mentor), Some(mentee)) = (pair.mentor_id, pair.mentee_id) else {
        return;
    };
    let questions: Vec<String> = pair::icebreakers(&data.settings.pairing.icebreakers, pair.id)
        .into_iter()
        .map(|q| format!("• {q}"))
        .collect();
    let mut embed = CreateEmbed::new()
        .title(m::WELCOME_TITLE)
        .description(m::welcome(mentor, mentee));
    if !questions.is_empty() {
        embed = embed.field(m::ICEBREAKERS, questions.join("\n"), false);
    }
    embed = embed.field(m::FIRST_GOAL, m::FIRST_GOAL_TEXT, false);
    let message = CreateMessage::new()
        .content(format!("<@{mentor}> <@{mentee}>"))
        .embed(embed)
        .allowed_mentions(
            serenity::CreateAllowedMentions::new()
                .users([UserId::new(mentor), UserId::new(mentee)]),
        );
    if let Err(e) = channel.send_message(&ctx.http, message).await {
        tracing::warn!(error = %e, %channel, "welcome not posted");
    }
}

/// The button that opens a pair's exit survey.
pub fn survey_button(pair_id: i64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(format!("pair:survey:{pair_id}"))
        .label(messages::pairs::SURVEY_BUTTON)
        .style(serenity::ButtonStyle::Primary)])
}

/// What acting on pairs needs outside a command's context (the scheduler has no
/// `serenity::Context`): Discord's REST client and cache, the database and the time.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub http: &'a serenity::Http,
    pub cache: &'a serenity::Cache,
    pub db: &'a Db,
    pub now: DateTime<Utc>,
}

impl<'a> Env<'a> {
    pub fn of(ctx: &'a serenity::Context, data: &'a Data) -> Env<'a> {
        Env {
            http: &ctx.http,
            cache: &ctx.cache,
            db: &data.db,
            now: data.clock.now(),
        }
    }
}

/// Ends every open pair of `user` in `role` (or any role) because they left the programme
/// (`Withdrawn`) or the server (`LeftServer`); returns how many ended.
pub async fn end_pairs_of(
    env: Env<'_>,
    guild: u64,
    user: u64,
    role: Option<Role>,
    reason: EndReason,
) -> Result<usize, Error> {
    let settings = env.db.guild_settings_or_new(guild).await?;
    let mut n = 0;
    for p in env.db.open_pairs_of(guild, user).await? {
        let in_role = match role {
            Some(Role::Mentor) => p.mentor_id == Some(user),
            Some(Role::Mentee) => p.mentee_id == Some(user),
            None => true,
        };
        let left = reason == EndReason::LeftServer;
        let (actor, gone) = if left {
            (None, Some(user))
        } else {
            (Some(user), None)
        };
        if in_role
            && close_pair(env, &settings, p.id, reason, actor, gone)
                .await?
                .is_some()
        {
            n += 1;
        }
    }
    Ok(n)
}

/// Ends an open pair: records it, asks both members for the exit survey, archives the channel
/// and (for a re-pair) tells the partner only that the pair ended. `gone` left the server: only
/// the partner hears, and why. `None` if it was not open.
#[tracing::instrument(skip_all, fields(pair = pair_id, reason = %reason))]
pub async fn close_pair(
    env: Env<'_>,
    settings: &GuildSettings,
    pair_id: i64,
    reason: EndReason,
    actor: Option<u64>,
    gone: Option<u64>,
) -> Result<Option<Pair>, Error> {
    use messages::pairs as m;
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: actor,
        action: "pair.end".into(),
        target_id: None,
        detail: Some(format!("pair {pair_id}: {reason}")),
        at: env.now,
    };
    let Some(pair) = env.db.end_pair(pair_id, reason, &entry).await? else {
        return Ok(None);
    };
    let read_only = settings.archive_mode == ArchiveMode::ReadOnly;
    let channel = pair.channel_id.map(ChannelId::new);
    // In a read-only channel the survey button still works, so it goes there; a channel
    // about to be deleted cannot hold it, so each member gets it by DM.
    if let (Some(channel), true) = (channel, read_only) {
        let message = CreateMessage::new()
            .content(m::ended_here(true))
            .components(vec![survey_button(pair.id)]);
        if let Err(e) = channel.send_message(env.http, message).await {
            tracing::warn!(error = %e, "end notice not posted");
        }
    }
    let guild_name = dm::guild_name(env.cache, serenity::GuildId::new(settings.guild_id));
    for user in pair.members() {
        let partner = pair.partner_of(user).unwrap_or(user);
        // Whoever left the server is not written to; the partner hears why, kindly.
        let text = match gone {
            Some(g) if g == user => continue,
            Some(g) => m::partner_left_dm(&guild_name, g),
            None => m::ended_dm(&guild_name, partner),
        };
        let message = CreateMessage::new()
            .content(text)
            .components(vec![survey_button(pair.id)]);
        if let Err(e) = UserId::new(user).direct_message(env.http, message).await {
            tracing::debug!(user, error = %e, "end DM not delivered");
        }
    }
    if let Some(channel) = channel {
        archive(env.http, &pair, channel, read_only).await;
    }
    Ok(Some(pair))
}

/// Makes the channel read-only for the members (history stays) or deletes it.
async fn archive(http: &serenity::Http, pair: &Pair, channel: ChannelId, read_only: bool) {
    let result = if read_only {
        let mut result = Ok(());
        for user in pair.members() {
            let overwrite = PermissionOverwrite {
                allow: Permissions::VIEW_CHANNEL | Permissions::READ_MESSAGE_HISTORY,
                deny: Permissions::SEND_MESSAGES,
                kind: PermissionOverwriteType::Member(UserId::new(user)),
            };
            if let Err(e) = channel.create_permission(http, overwrite).await {
                result = Err(e);
            }
        }
        result
    } else {
        channel.delete(http).await.map(|_| ())
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, %channel, "pair channel not archived");
    }
}

/// A pair channel disappeared (deleted by hand, or access lost): mark the pair broken and
/// tell the moderators, once.
pub async fn channel_lost(
    http: &serenity::Http,
    db: &Db,
    now: DateTime<Utc>,
    channel: u64,
) -> Result<(), Error> {
    let Some(pair) = db.mark_broken(channel, now).await? else {
        return Ok(());
    };
    tracing::warn!(
        pair = pair.id,
        channel,
        "pair channel lost; pair marked broken"
    );
    let text = messages::pairs::broken(pair.mentor_id, pair.mentee_id, channel);
    tell_moderators(http, db, pair.guild_id, text).await?;
    Ok(())
}

/// A short notice in the server's digest channel, if it has one (it pings nobody); a notice
/// that cannot be posted is logged.
pub async fn tell_moderators(
    http: &serenity::Http,
    db: &Db,
    guild: u64,
    text: String,
) -> Result<(), Error> {
    let settings = db.guild_settings(guild).await?;
    if let Some(digest) = settings.and_then(|s| s.digest_channel_id) {
        let message = CreateMessage::new()
            .content(text)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if let Err(e) = ChannelId::new(digest).send_message(http, message).await {
            tracing::warn!(error = %e, guild, "moderators' notice not posted");
        }
    }
    Ok(())
}
