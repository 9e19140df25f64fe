//! A pair's life on Discord: its private channel (with category overflow) or private thread
//! (see `threads.rs`), the welcome, the DMs, ending with an exit survey and archiving, and the
//! "broken" notice. Commands and buttons both go through here.

use super::quiet;
use poise::serenity_prelude as serenity;
use serenity::{
    ChannelId, CreateActionRow, CreateButton, CreateChannel, CreateEmbed, PermissionOverwrite,
    PermissionOverwriteType, Permissions, RoleId, UserId,
};

use super::custom_id::CustomId;
use super::threads::remove_orphan;
use super::{dm, messages, Data, Error};
use crate::domain::guild::{ArchiveMode, GuildSettings, PairSpace};
use crate::domain::member::Role;
use crate::domain::pair::{self, EndReason, Pair, CATEGORY_LIMIT};
use crate::domain::shard::ShardPlan;
use crate::store::{AuditEntry, Db, PairRefusal};
use crate::text::Locale;
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

/// The permission overwrites of a private pair (or group, or circle) channel (see
/// discord-notes.md).
pub fn pair_overwrites(
    guild_id: u64,
    bot: u64,
    members: &[u64],
    moderators: Option<u64>,
) -> Vec<PermissionOverwrite> {
    let mut out = vec![PermissionOverwrite {
        allow: Permissions::empty(),
        deny: Permissions::VIEW_CHANNEL,
        kind: PermissionOverwriteType::Role(RoleId::new(guild_id)),
    }];
    out.extend(members.iter().map(|m| PermissionOverwrite {
        allow: MEMBER_ALLOW,
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(UserId::new(*m)),
    }));
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
            // Not Manage Roles: only an administrator may grant it in an overwrite; the bot's
            // server-wide Manage Roles lets it set the pair channels' overwrites.
            allow: BOT_ALLOW | Permissions::READ_MESSAGE_HISTORY,
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

/// What to make: a pair, or a group (a mentor and mentees) or circle (peers, no mentor).
#[derive(Debug, Clone, Copy)]
pub enum Make<'a> {
    Pair {
        mentor: u64,
        mentee: u64,
    },
    Space {
        mentor: Option<u64>,
        members: &'a [u64],
    },
}

/// Creates the pair, its channel, the welcome message and the DMs. A refusal (not active,
/// full, already paired) writes nothing; a failed channel removes the new pair again.
pub async fn open_pair(
    ctx: &serenity::Context,
    data: &Data,
    settings: &GuildSettings,
    mentor: u64,
    mentee: u64,
    actor: u64,
) -> Result<Result<Pair, PairRefusal>, Error> {
    open(ctx, data, settings, Make::Pair { mentor, mentee }, actor).await
}

/// [`open_pair`] for a pair, a group or a circle: made, given its channel or thread, welcomed
/// and everyone told by DM.
#[tracing::instrument(skip_all, fields(guild = settings.guild_id))]
pub async fn open(
    ctx: &serenity::Context,
    data: &Data,
    settings: &GuildSettings,
    make: Make<'_>,
    actor: u64,
) -> Result<Result<Pair, PairRefusal>, Error> {
    let guild = serenity::GuildId::new(settings.guild_id);
    let in_thread = settings.pair_space == PairSpace::Threads;
    if settings.pair_category_id.is_none() && !in_thread {
        return Err(Error::user(messages::pairs::NO_CATEGORY));
    }
    let now = data.clock.now();
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: Some(actor),
        action: "pair.create".into(),
        target_id: match make {
            Make::Pair { mentee, .. } => Some(mentee),
            Make::Space { .. } => None,
        },
        detail: None,
        at: now,
    };
    let made = match make {
        Make::Pair { mentor, mentee } => {
            data.db
                .create_pair(settings.guild_id, mentor, mentee, &entry)
                .await?
        }
        Make::Space { mentor, members } => {
            data.db
                .create_space(settings.guild_id, mentor, members, &entry)
                .await?
        }
    };
    let mut pair = match made {
        Ok(p) => p,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let l = pair_locale(&data.db, settings, &pair).await;
    let made = if in_thread {
        let name = space_name(ctx, guild, &pair).await;
        let bot = ctx.cache.current_user().id.get();
        super::threads::create_thread(&ctx.http, &data.db, settings, bot, l, &pair, name).await
    } else {
        create_channel(ctx, l, data, settings, &pair).await
    };
    let channel = match made {
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
    // The pending row holds the places until this one update makes it active with its
    // channel; if it was rolled back meanwhile, the channel must not outlive it.
    let activated = match data
        .db
        .activate_pair_in(pair.id, channel.get(), in_thread)
        .await
    {
        Ok(activated) => activated,
        Err(e) => {
            remove_orphan(&ctx.http, channel).await;
            return Err(e.into());
        }
    };
    if !activated {
        remove_orphan(&ctx.http, channel).await;
        return Err(Error::user(messages::pairs::CHANNEL_FAILED));
    }
    pair.status = pair::PairStatus::Active;
    pair.channel_id = Some(channel.get());
    pair.in_thread = in_thread;
    // Its first check-in gets planned now rather than at the next hourly pass.
    data.jobs.wake();
    post_welcome(ctx, l, data, &pair, channel).await;
    let guild_name = dm::guild_name(&ctx.cache, guild);
    for user in pair.members() {
        let reader = reader_locale(&data.db, settings.guild_id, user).await;
        let text = match pair.partner_of(user) {
            Some(partner) => {
                let role = if pair.mentor_id == Some(user) {
                    Role::Mentor
                } else {
                    Role::Mentee
                };
                messages::pairs::ready_dm(reader, &guild_name, partner, channel.get(), role)
            }
            None => messages::pairs::space_ready_dm(
                reader,
                &guild_name,
                pair.kind,
                &pair.others_than(user),
                channel.get(),
            ),
        };
        dm::send(&ctx.http, user, text).await;
    }
    tracing::info!(pair = pair.id, channel = %channel, "pair created");
    Ok(Ok(pair))
}

/// Rolls back pairs a stopped process left half-made (pending, started by `started`, when
/// this process started; it runs before any command is served), in the servers of this
/// process's `shards` only (another process may be making a pair in its own): deletes any channel already made for them, which is recognisable by its overwrites
/// for exactly that mentor and mentee and by belonging to no pair, then the pending row, and
/// tells the moderators to create the pair again. Safe to run again after a crash in it.
pub async fn roll_back_half_made(
    env: Env<'_>,
    shards: ShardPlan,
    started: DateTime<Utc>,
) -> Result<usize, Error> {
    let mut pending = env.db.pending_pairs(started).await?;
    pending.retain(|p| shards.serves(p.guild_id));
    for pair in &pending {
        let guild = serenity::GuildId::new(pair.guild_id);
        let members: Vec<u64> = pair.members().collect();
        if members.is_empty() {
            continue;
        }
        let grants = |c: &serenity::GuildChannel, user: u64| {
            c.permission_overwrites.iter().any(|o| {
                o.kind == PermissionOverwriteType::Member(UserId::new(user))
                    && o.allow.contains(Permissions::VIEW_CHANNEL)
            })
        };
        // A server the bot can no longer read keeps no channel of ours to clean up.
        let channels = match guild.channels(env.http).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, pair = pair.id, "could not list channels to roll back a pair");
                Default::default()
            }
        };
        for channel in channels.values() {
            let candidate = channel.kind == serenity::ChannelType::Text
                && members.iter().all(|m| grants(channel, *m));
            if candidate && !env.db.is_pair_channel(channel.id.get()).await? {
                remove_orphan(env.http, channel.id).await;
            }
        }
        // Or a private thread in the hub: every thread the bot made there is a pair's, so
        // one that belongs to no pair was being made (with or without its members yet).
        let hub = env
            .db
            .guild_settings_or_new(pair.guild_id)
            .await?
            .pair_hub_channel_id;
        if let Some(hub) = hub {
            let bot = env.cache.current_user().id;
            let active = match guild.get_active_threads(env.http).await {
                Ok(t) => t.threads,
                Err(e) => {
                    tracing::warn!(error = %e, pair = pair.id, "could not list threads to roll back a pair");
                    Vec::new()
                }
            };
            let ours = |t: &&serenity::GuildChannel| {
                t.parent_id.map(|p| p.get()) == Some(hub) && t.owner_id == Some(bot)
            };
            for thread in active.iter().filter(ours) {
                if !env.db.is_pair_channel(thread.id.get()).await? {
                    remove_orphan(env.http, thread.id).await;
                }
            }
        }
        let entry = AuditEntry {
            guild_id: pair.guild_id,
            actor_id: None,
            action: "pair.discard".into(),
            target_id: None,
            detail: Some(format!("pair {}: not finished before a restart", pair.id)),
            at: env.now,
        };
        if env.db.discard_new_pair(pair.id, &entry).await? {
            tracing::warn!(pair = pair.id, "rolled back a pair left half-made");
            tell_moderators(env.http, env.db, pair.guild_id, |l| {
                messages::pairs::rolled_back(l, &members)
            })
            .await?;
        }
    }
    Ok(pending.len())
}

/// A new pair's channel or thread name, from its members' names in the server.
async fn space_name(ctx: &serenity::Context, guild: serenity::GuildId, pair: &Pair) -> String {
    let mut names = Vec::new();
    for user in pair.members() {
        names.push(display_name(ctx, guild, user).await);
    }
    match (pair.kind, names.as_slice()) {
        (pair::PairKind::Pair, [mentor, mentee]) => pair::channel_name(mentor, mentee),
        _ => pair::circle_name(&names),
    }
}

async fn create_channel(
    ctx: &serenity::Context,
    l: Locale,
    data: &Data,
    settings: &GuildSettings,
    pair: &Pair,
) -> Result<ChannelId, Error> {
    let guild = serenity::GuildId::new(settings.guild_id);
    let members: Vec<u64> = pair.members().collect();
    let category = category_with_room(ctx, data, settings).await?;
    let name = space_name(ctx, guild, pair).await;
    let bot = ctx.cache.current_user().id.get();
    let overwrites = pair_overwrites(settings.guild_id, bot, &members, settings.moderator_role_id);
    let channel = guild
        .create_channel(
            &ctx.http,
            CreateChannel::new(name)
                .kind(serenity::ChannelType::Text)
                .category(category)
                .topic(messages::pairs::WELCOME_TITLE.get(l))
                .permissions(overwrites),
        )
        .await?;
    Ok(channel.id)
}

async fn post_welcome(
    ctx: &serenity::Context,
    l: Locale,
    data: &Data,
    pair: &Pair,
    channel: ChannelId,
) {
    use messages::pairs as m;
    let members: Vec<u64> = pair.members().collect();
    if members.len() < 2 {
        return;
    }
    let greeting = match (pair.kind, pair.mentor_id, pair.mentee_id) {
        (pair::PairKind::Pair, Some(mentor), Some(mentee)) => m::welcome(l, mentor, mentee),
        _ => m::welcome_space(l, pair.kind, pair.mentor_id, &pair.others),
    };
    let list = match data.settings.pairing.icebreakers.as_slice() {
        [] => m::icebreakers(l),
        own => own.to_vec(),
    };
    let questions: Vec<String> = pair::icebreakers(&list, pair.id)
        .into_iter()
        .map(|q| format!("• {q}"))
        .collect();
    let mut embed = CreateEmbed::new()
        .title(m::WELCOME_TITLE.get(l))
        .description(greeting);
    if !questions.is_empty() {
        embed = embed.field(m::ICEBREAKERS.get(l), questions.join("\n"), false);
    }
    embed = embed.field(m::FIRST_GOAL.get(l), m::FIRST_GOAL_TEXT.get(l), false);
    embed = embed.field(
        m::IF_SOMETHING_IS_WRONG.get(l),
        m::REPORT_HINT.get(l),
        false,
    );
    let mentions: Vec<String> = members.iter().map(|u| format!("<@{u}>")).collect();
    let message = quiet::message()
        .content(mentions.join(" "))
        .embed(embed)
        .components(vec![CreateActionRow::Buttons(vec![report_button(
            l, pair.id,
        )])])
        .allowed_mentions(
            serenity::CreateAllowedMentions::new().users(members.iter().map(|u| UserId::new(*u))),
        );
    if let Err(e) = channel.send_message(&ctx.http, message).await {
        tracing::warn!(error = %e, %channel, "welcome not posted");
    }
}

/// The button that opens a pair's exit survey.
pub fn survey_button(l: Locale, pair_id: i64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(CustomId::Survey { pair: pair_id })
        .label(messages::pairs::SURVEY_BUTTON.get(l))
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
    let left = reason == EndReason::LeftServer;
    for p in env.db.open_pairs_of(guild, user).await? {
        // A group's mentee or a circle's peer leaves it; the others carry on while two remain.
        if p.others.contains(&user) {
            if role != Some(Role::Mentor) {
                let how = if left {
                    Leaving::LeftServer
                } else {
                    Leaving::Withdrew
                };
                leave_space(env, &settings, &p, user, how).await?;
                n += 1;
            }
            continue;
        }
        let in_role = match role {
            Some(Role::Mentor) => p.mentor_id == Some(user),
            Some(Role::Mentee) => p.mentee_id == Some(user),
            None => true,
        };
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

/// How someone leaves a group or circle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    /// They left the programme (`/withdraw`).
    Withdrew,
    /// They are no longer in the server: they are not written to.
    LeftServer,
    /// They chose to (`/pair end`), and with `again`, would like another group or circle
    /// (`/pair refit`: the moderators are told).
    Asked { again: bool },
}

/// `user` leaves the open group or circle `pair`: they lose access to its space and get the
/// exit survey; the others read only that they left. With fewer than two left, the space
/// ends the usual way (exit surveys, archiving).
pub async fn leave_space(
    env: Env<'_>,
    settings: &GuildSettings,
    pair: &Pair,
    user: u64,
    how: Leaving,
) -> Result<(), Error> {
    use crate::store::Left;
    use messages::pairs as m;
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: (how != Leaving::LeftServer).then_some(user),
        action: "pair.leave".into(),
        target_id: Some(user),
        detail: Some(format!("pair {}", pair.id)),
        at: env.now,
    };
    let (now, last_few) = match env.db.leave_space(pair.id, user, env.now, &entry).await? {
        Left::NotMember => return Ok(()),
        Left::Left(p) => (p, false),
        Left::LastFew(p) => (p, true),
    };
    tracing::info!(pair = pair.id, ?how, "a member left a group or circle");
    if let Some(channel) = now.channel_id.map(ChannelId::new) {
        let l = pair_locale(env.db, settings, &now).await;
        let result = if now.in_thread {
            super::threads::remove_member(env.http, env.db, settings, &now, channel, user).await
        } else {
            channel
                .delete_permission(env.http, PermissionOverwriteType::Member(UserId::new(user)))
                .await
                .map_err(Error::from)
        };
        if let Err(e) = result {
            tracing::warn!(error = ?e, %channel, "a leaver's access not taken back");
        }
        let note = quiet::message().content(m::left_space(l, user));
        if let Err(e) = channel.send_message(env.http, note).await {
            tracing::warn!(error = %e, %channel, "leaving notice not posted");
        }
        if how == (Leaving::Asked { again: true }) {
            tell_moderators(env.http, env.db, settings.guild_id, |l| {
                m::left_asks_again(l, user, channel.get())
            })
            .await?;
        }
    }
    if how != Leaving::LeftServer {
        let l = reader_locale(env.db, settings.guild_id, user).await;
        let guild_name = dm::guild_name(env.cache, serenity::GuildId::new(settings.guild_id));
        let message = quiet::message()
            .content(m::space_ended_dm(l, &guild_name, now.kind))
            .components(vec![survey_button(l, now.id)]);
        if let Err(e) = UserId::new(user).direct_message(env.http, message).await {
            tracing::debug!(user, error = %e, "leaving DM not delivered");
        }
    }
    if last_few {
        let reason = match how {
            Leaving::LeftServer => EndReason::LeftServer,
            _ => EndReason::Withdrawn,
        };
        close_pair(env, settings, now.id, reason, None, None).await?;
    }
    Ok(())
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
    let l = pair_locale(env.db, settings, &pair).await;
    let channel = pair.channel_id.map(ChannelId::new);
    // In a read-only channel the survey button still works, so it goes there; a channel
    // about to be deleted cannot hold it, so each member gets it by DM.
    if let (Some(channel), true) = (channel, read_only) {
        let message = quiet::message()
            .content(m::ended_here(l, true))
            .components(vec![survey_button(l, pair.id)]);
        if let Err(e) = channel.send_message(env.http, message).await {
            tracing::warn!(error = %e, "end notice not posted");
        }
    }
    let guild_name = dm::guild_name(env.cache, serenity::GuildId::new(settings.guild_id));
    for user in pair.members() {
        let l = reader_locale(env.db, settings.guild_id, user).await;
        // Whoever left the server is not written to; the partner hears why, kindly.
        let text = match (gone, pair.partner_of(user)) {
            (Some(g), _) if g == user => continue,
            (Some(g), Some(_)) => m::partner_left_dm(l, &guild_name, g),
            (_, Some(partner)) => m::ended_dm(l, &guild_name, partner),
            (_, None) => m::space_ended_dm(l, &guild_name, pair.kind),
        };
        let message = quiet::message()
            .content(text)
            .components(vec![survey_button(l, pair.id)]);
        if let Err(e) = UserId::new(user).direct_message(env.http, message).await {
            tracing::debug!(user, error = %e, "end DM not delivered");
        }
    }
    match channel {
        Some(thread) if pair.in_thread => {
            super::threads::close_thread(env.http, env.db, settings, &pair, thread, read_only).await
        }
        Some(channel) => archive(env.http, &pair, channel, read_only).await,
        None => {}
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

/// Requests per second the moderator-access sweep makes (two per channel), well under the
/// global limit so check-ins and commands keep flowing during it.
const ACCESS_SWEEP_PER_SECOND: u32 = 10;

/// A moderator role change still to reach a server's pair channels: the role their
/// overwrites grant now, the moderator role, and the channels to move.
pub struct AccessMove {
    pub guild: u64,
    old: Option<u64>,
    new: Option<u64>,
    pub channels: Vec<u64>,
    /// The hub of the pairs' threads, where moderators also manage threads.
    hub: Option<u64>,
}

/// The move the server's pair channels still need, if its moderator role changed since
/// they were last brought in line (read once; [`AccessMove::apply`] does it).
pub async fn pending_access_move(db: &Db, guild: u64) -> Result<Option<AccessMove>, Error> {
    let Some((_, old, new)) = db
        .stale_pair_access()
        .await?
        .into_iter()
        .find(|(g, _, _)| *g == guild)
    else {
        return Ok(None);
    };
    let channels = db.channels_with_moderator_access(guild).await?;
    let hub = db.guild_settings_or_new(guild).await?.pair_hub_channel_id;
    Ok(Some(AccessMove {
        guild,
        old,
        new,
        channels,
        hub,
    }))
}

impl AccessMove {
    /// Moves every pair channel (and overflow category) from the old role to the moderator
    /// role, paced, reporting `(done, total)` as it goes; records the new role once all are
    /// done. Each step is idempotent, so a sweep cut short is simply run again (at the next
    /// start, see [`resume_moderator_access`]). Returns how many channels it updated.
    pub async fn apply(
        &self,
        http: &serenity::Http,
        db: &Db,
        progress: Option<&tokio::sync::watch::Sender<(usize, usize)>>,
    ) -> Result<usize, Error> {
        let (old, new) = (self.old, self.new);
        let pause = std::time::Duration::from_secs(1) / ACCESS_SWEEP_PER_SECOND;
        let total = self.channels.len();
        for (done, channel) in self.channels.iter().enumerate() {
            let channel = ChannelId::new(*channel);
            let mut result = Ok(());
            if let Some(old) = old.filter(|o| Some(*o) != new) {
                result = channel
                    .delete_permission(http, PermissionOverwriteType::Role(RoleId::new(old)))
                    .await;
                tokio::time::sleep(pause).await;
            }
            if let (Ok(()), Some(new)) = (&result, new) {
                let allow = if Some(channel.get()) == self.hub {
                    super::threads::MODERATORS_IN_HUB
                } else {
                    Permissions::VIEW_CHANNEL
                };
                let overwrite = PermissionOverwrite {
                    allow,
                    deny: Permissions::empty(),
                    kind: PermissionOverwriteType::Role(RoleId::new(new)),
                };
                result = channel.create_permission(http, overwrite).await;
                tokio::time::sleep(pause).await;
            }
            match result {
                Ok(()) => {}
                // A channel deleted by hand has no access to fix (its pair is marked broken).
                Err(e) if is_unknown_channel(&e) => {}
                Err(e) => return Err(e.into()),
            }
            if let Some(progress) = progress.filter(|_| (done + 1) % 10 == 0) {
                progress.send_replace((done + 1, total));
            }
        }
        db.set_pair_channels_role(self.guild, new).await?;
        tracing::info!(
            guild = self.guild,
            channels = total,
            "moderator access moved to the new role"
        );
        Ok(total)
    }
}

fn is_unknown_channel(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r))
        if r.error.code as i64 == super::courier::UNKNOWN_CHANNEL)
}

/// Finishes every sweep a restart cut short (in the background after start-up), in the
/// servers of this process's `shards`.
pub async fn resume_moderator_access(
    http: std::sync::Arc<serenity::Http>,
    db: Db,
    shards: ShardPlan,
) {
    let stale = match db.stale_pair_access().await {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "could not look for unfinished moderator access changes");
            return;
        }
    };
    for (guild, _, _) in stale.into_iter().filter(|(g, _, _)| shards.serves(*g)) {
        let moved = match pending_access_move(&db, guild).await {
            Ok(Some(pending)) => pending.apply(&http, &db, None).await,
            Ok(None) => Ok(0),
            Err(e) => Err(e),
        };
        if let Err(e) = moved {
            tracing::warn!(guild, error = %e, "moderator access not updated yet; tried again at the next start or /setup");
        }
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
    tell_moderators(http, db, pair.guild_id, |l| {
        messages::pairs::broken(l, &pair, channel)
    })
    .await?;
    Ok(())
}

/// A short notice in the server's digest channel, if it has one (it pings nobody), in the
/// server's language; a notice that cannot be posted is logged.
pub async fn tell_moderators(
    http: &serenity::Http,
    db: &Db,
    guild: u64,
    text: impl FnOnce(Locale) -> String,
) -> Result<(), Error> {
    let Some(settings) = db.guild_settings(guild).await? else {
        return Ok(());
    };
    if let Some(digest) = settings.digest_channel_id {
        let message = quiet::message().content(text(settings.locale()));
        if let Err(e) = ChannelId::new(digest).send_message(http, message).await {
            tracing::warn!(error = %e, guild, "moderators' notice not posted");
        }
    }
    Ok(())
}

/// The language a pair's channel reads: its members' own when they share one, else the
/// server's.
pub async fn pair_locale(db: &Db, settings: &GuildSettings, pair: &Pair) -> Locale {
    let mut seen = Vec::new();
    for user in [pair.mentor_id, pair.mentee_id].into_iter().flatten() {
        seen.push(member_locale(db, settings.guild_id, user).await);
    }
    Locale::shared(&seen, settings.locale())
}

/// The language the member last used with tandem in this server, if known.
pub async fn member_locale(db: &Db, guild: u64, user: u64) -> Option<Locale> {
    db.member_locale(guild, user).await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "could not read a member's language");
        None
    })
}

/// [`pair_locale`] with the server's settings read first.
pub async fn pair_channel_locale(db: &Db, pair: &Pair) -> Locale {
    match db.guild_settings_or_new(pair.guild_id).await {
        Ok(settings) => pair_locale(db, &settings, pair).await,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's language");
            Locale::default()
        }
    }
}

/// The language of something sent to `user` unasked (a DM): theirs if known, else the
/// server's.
pub async fn reader_locale(db: &Db, guild: u64, user: u64) -> Locale {
    if let Some(l) = member_locale(db, guild, user).await {
        return l;
    }
    match db.guild_settings_or_new(guild).await {
        Ok(settings) => settings.locale(),
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's language");
            Locale::default()
        }
    }
}

/// The "Report a problem" button, for the welcome and every check-in of a pair.
pub fn report_button(l: Locale, pair: i64) -> CreateButton {
    CreateButton::new(CustomId::ReportOpen { pair })
        .label(messages::reports::BUTTON.get(l))
        .style(serenity::ButtonStyle::Secondary)
}
