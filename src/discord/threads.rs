//! Pair spaces as private threads (`/setup pair_space:threads`): one hub channel the bot
//! makes and keeps, hidden from everyone but the pairs' members (through a role the bot
//! gives them) and the moderators; each pair's private thread in it; the thread kept open
//! while the pair runs and locked when it ends. Private threads do not count towards
//! Discord's 500 channels per server.

use poise::serenity_prelude as serenity;
use serenity::{
    AutoArchiveDuration, ChannelId, ChannelType, CreateChannel, CreateThread, EditRole, EditThread,
    GuildId, PermissionOverwrite, PermissionOverwriteType, Permissions, RoleId, UserId,
};

use super::{messages, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::pair::Pair;
use crate::store::Db;
use crate::text::Locale;

/// What the bot needs in the hub to make, open, lock and post in the pairs' threads.
pub const BOT_IN_HUB: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::SEND_MESSAGES_IN_THREADS)
    .union(Permissions::CREATE_PRIVATE_THREADS)
    .union(Permissions::MANAGE_THREADS)
    .union(Permissions::EMBED_LINKS)
    .union(Permissions::ATTACH_FILES)
    .union(Permissions::READ_MESSAGE_HISTORY);
/// A member of a pair in a thread sees the hub and talks in their own thread, nothing more.
const MEMBER_ALLOW: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::READ_MESSAGE_HISTORY)
    .union(Permissions::SEND_MESSAGES_IN_THREADS);
const MEMBER_DENY: Permissions = Permissions::SEND_MESSAGES
    .union(Permissions::CREATE_PUBLIC_THREADS)
    .union(Permissions::CREATE_PRIVATE_THREADS);
/// Moderators see every pair's private thread (Manage Threads), as they see pair channels.
pub const MODERATORS_IN_HUB: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::READ_MESSAGE_HISTORY)
    .union(Permissions::SEND_MESSAGES_IN_THREADS)
    .union(Permissions::MANAGE_THREADS);

/// The hub's overwrites: hidden from everyone, open to the pairs' role, the moderators and
/// the bot.
fn hub_overwrites(
    guild: u64,
    role: u64,
    moderators: Option<u64>,
    bot: u64,
) -> Vec<PermissionOverwrite> {
    let mut out = vec![
        PermissionOverwrite {
            allow: Permissions::empty(),
            deny: Permissions::VIEW_CHANNEL,
            kind: PermissionOverwriteType::Role(RoleId::new(guild)),
        },
        PermissionOverwrite {
            allow: MEMBER_ALLOW,
            deny: MEMBER_DENY,
            kind: PermissionOverwriteType::Role(RoleId::new(role)),
        },
        PermissionOverwrite {
            allow: BOT_IN_HUB,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Member(UserId::new(bot)),
        },
    ];
    if let Some(moderators) = moderators {
        out.push(PermissionOverwrite {
            allow: MODERATORS_IN_HUB,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Role(RoleId::new(moderators)),
        });
    }
    out
}

/// The hub channel and the pairs' role of a server, made the first time and found again
/// after (by the bot's record, checked against what exists); safe to repeat.
pub async fn ensure_hub(
    http: &serenity::Http,
    db: &Db,
    settings: &GuildSettings,
    bot: u64,
    l: Locale,
) -> Result<(ChannelId, RoleId), Error> {
    let guild = GuildId::new(settings.guild_id);
    let roles = guild.roles(http).await?;
    let role = match settings
        .pair_role_id
        .map(RoleId::new)
        .filter(|r| roles.contains_key(r))
    {
        Some(role) => role,
        None => {
            let made = guild
                .create_role(
                    http,
                    EditRole::new()
                        .name(messages::setup::PAIR_ROLE_NAME.get(l))
                        .permissions(Permissions::empty())
                        .mentionable(false)
                        .hoist(false),
                )
                .await?;
            db.set_pair_hub(
                settings.guild_id,
                settings.pair_hub_channel_id,
                Some(made.id.get()),
            )
            .await?;
            tracing::info!(role = %made.id, "made the role of the pairs in threads");
            made.id
        }
    };
    let channels = guild.channels(http).await?;
    let hub = match settings
        .pair_hub_channel_id
        .map(ChannelId::new)
        .filter(|c| channels.contains_key(c))
    {
        Some(hub) => hub,
        None => {
            let mut builder = CreateChannel::new(messages::setup::HUB_NAME.get(l))
                .kind(ChannelType::Text)
                .topic(messages::setup::HUB_TOPIC.get(l))
                .permissions(hub_overwrites(
                    settings.guild_id,
                    role.get(),
                    settings.moderator_role_id,
                    bot,
                ));
            if let Some(category) = settings.pair_category_id {
                builder = builder.category(ChannelId::new(category));
            }
            let made = guild.create_channel(http, builder).await?;
            tracing::info!(hub = %made.id, "made the hub of the pairs' threads");
            made.id
        }
    };
    if settings.pair_hub_channel_id != Some(hub.get()) || settings.pair_role_id != Some(role.get())
    {
        db.set_pair_hub(settings.guild_id, Some(hub.get()), Some(role.get()))
            .await?;
    }
    Ok((hub, role))
}

/// A new pair's private thread in the hub: both members get the pairs' role (so they see the
/// hub) and are added to the thread, which only they, the moderators and the bot see.
pub async fn create_thread(
    http: &serenity::Http,
    db: &Db,
    settings: &GuildSettings,
    bot: u64,
    l: Locale,
    pair: &Pair,
    name: String,
) -> Result<ChannelId, Error> {
    let (hub, role) = ensure_hub(http, db, settings, bot, l).await?;
    let guild = GuildId::new(settings.guild_id);
    let members: Vec<UserId> = pair.members().map(UserId::new).collect();
    for user in &members {
        http.add_member_role(guild, *user, role, None).await?;
    }
    let thread = hub
        .create_thread(
            http,
            CreateThread::new(name)
                .kind(ChannelType::PrivateThread)
                .invitable(false)
                .auto_archive_duration(AutoArchiveDuration::OneWeek),
        )
        .await?;
    for user in &members {
        if let Err(e) = thread.id.add_thread_member(http, *user).await {
            // The pair cannot use a thread one of them is not in: undo it.
            remove_orphan(http, thread.id).await;
            return Err(e.into());
        }
    }
    Ok(thread.id)
}

/// Deletes a pair channel or thread that no pair row points at (its pair was never
/// activated).
pub async fn remove_orphan(http: &serenity::Http, space: ChannelId) {
    match space.delete(http).await {
        Ok(_) => tracing::info!(%space, "deleted the space of a pair that was not created"),
        Err(e) => tracing::warn!(error = %e, %space, "could not delete an orphan pair space"),
    }
}

/// A pair in a thread ended: the thread is locked and archived (its members can still read
/// it) or deleted, and whoever has no other pair in a thread loses the pairs' role.
pub async fn close_thread(
    http: &serenity::Http,
    db: &Db,
    settings: &GuildSettings,
    pair: &Pair,
    thread: ChannelId,
    read_only: bool,
) {
    let result = if read_only {
        thread
            .edit_thread(http, EditThread::new().locked(true).archived(true))
            .await
            .map(|_| ())
    } else {
        thread.delete(http).await.map(|_| ())
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, %thread, "pair thread not archived");
    }
    for user in pair.members() {
        take_role_unless_other(http, db, settings, pair, user).await;
    }
}

/// Someone left a group or circle in a thread: out of the thread, and out of the pairs' role
/// unless another pair of theirs is in a thread too.
pub async fn remove_member(
    http: &serenity::Http,
    db: &Db,
    settings: &GuildSettings,
    pair: &Pair,
    thread: ChannelId,
    user: u64,
) -> Result<(), Error> {
    thread.remove_thread_member(http, UserId::new(user)).await?;
    take_role_unless_other(http, db, settings, pair, user).await;
    Ok(())
}

/// Takes the pairs' role from `user` unless they have another open pair in a thread.
async fn take_role_unless_other(
    http: &serenity::Http,
    db: &Db,
    settings: &GuildSettings,
    pair: &Pair,
    user: u64,
) {
    let Some(role) = settings.pair_role_id.map(RoleId::new) else {
        return;
    };
    let still = match db.open_pairs_of(settings.guild_id, user).await {
        Ok(pairs) => pairs.iter().any(|p| p.in_thread && p.id != pair.id),
        Err(e) => {
            tracing::warn!(error = %e, "could not read a member's other pairs");
            true
        }
    };
    if !still {
        let guild = GuildId::new(settings.guild_id);
        if let Err(e) = http
            .remove_member_role(guild, UserId::new(user), role, None)
            .await
        {
            tracing::debug!(error = %e, user, "the pairs' role not taken back");
        }
    }
}

/// Discord archived an open pair's thread for being idle: it is opened again, so the pair
/// finds it and its commands work (an archived thread takes no slash commands).
pub async fn keep_open(http: &serenity::Http, db: &Db, thread: &serenity::GuildChannel) {
    let Some(meta) = thread.thread_metadata else {
        return;
    };
    if !meta.archived || meta.locked {
        return;
    }
    let open = match db.pair_by_channel(thread.id.get()).await {
        Ok(pair) => pair.is_some_and(|p| p.in_thread && p.status.is_open()),
        Err(e) => {
            tracing::warn!(error = %e, "could not look up an archived thread's pair");
            false
        }
    };
    if !open {
        return;
    }
    match thread
        .id
        .edit_thread(http, EditThread::new().archived(false))
        .await
    {
        Ok(_) => tracing::debug!(thread = %thread.id, "pair thread opened again"),
        Err(e) => tracing::warn!(error = %e, thread = %thread.id, "pair thread not opened again"),
    }
}
