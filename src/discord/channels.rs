//! Channels as the bot sees them: what it may do where.

use poise::serenity_prelude as serenity;

/// What the bot needs in the pair category: create private channels (Manage Channels, and
/// Manage Roles to set their permission overwrites) and talk in them.
pub const NEEDED_IN_CATEGORY: serenity::Permissions = serenity::Permissions::VIEW_CHANNEL
    .union(serenity::Permissions::MANAGE_CHANNELS)
    .union(serenity::Permissions::MANAGE_ROLES)
    .union(serenity::Permissions::SEND_MESSAGES)
    .union(serenity::Permissions::EMBED_LINKS)
    .union(serenity::Permissions::ATTACH_FILES)
    .union(serenity::Permissions::READ_MESSAGE_HISTORY);

/// What the bot needs in the hub of the pairs' threads: make, open, lock and post in private
/// threads, and give members the pairs' role (Manage Roles, a server-wide permission).
pub const NEEDED_IN_HUB: serenity::Permissions =
    super::threads::BOT_IN_HUB.union(serenity::Permissions::MANAGE_ROLES);

/// What the bot needs in the digest channel: post embeds and chart files.
pub const NEEDED_IN_DIGEST: serenity::Permissions = serenity::Permissions::VIEW_CHANNEL
    .union(serenity::Permissions::SEND_MESSAGES)
    .union(serenity::Permissions::EMBED_LINKS)
    .union(serenity::Permissions::ATTACH_FILES);

/// What the bot needs in a pair's channel to post check-ins and read along.
pub const NEEDED_IN_PAIR: serenity::Permissions = serenity::Permissions::VIEW_CHANNEL
    .union(serenity::Permissions::SEND_MESSAGES)
    .union(serenity::Permissions::EMBED_LINKS)
    .union(serenity::Permissions::READ_MESSAGE_HISTORY);

/// What the bot needs in the mentors' circle's channel to schedule its event there (Discord
/// asks more of a stage: the bot must be able to run it).
pub fn needed_for_circle(stage: bool) -> serenity::Permissions {
    use serenity::Permissions as P;
    let voice = P::VIEW_CHANNEL | P::CONNECT | P::CREATE_EVENTS;
    if stage {
        voice | P::MANAGE_CHANNELS | P::MUTE_MEMBERS | P::MOVE_MEMBERS
    } else {
        voice
    }
}

/// The bot's effective permissions in a channel as the gateway cache knows them.
pub fn bot_permissions_cached(
    cache: &serenity::Cache,
    guild_id: serenity::GuildId,
    channel_id: serenity::ChannelId,
) -> Option<serenity::Permissions> {
    let bot_id = cache.current_user().id;
    let guild = cache.guild(guild_id)?;
    let channel = guild.channels.get(&channel_id)?;
    let member = guild.members.get(&bot_id)?;
    Some(guild.user_permissions_in(channel, member))
}

/// The bot's effective permissions in a channel, from the gateway cache (kept current by
/// GUILD_CREATE, CHANNEL_* and GUILD_ROLE_* events), falling back to REST.
pub async fn bot_permissions_in(
    ctx: &serenity::Context,
    guild_id: serenity::GuildId,
    channel_id: serenity::ChannelId,
) -> Result<serenity::Permissions, serenity::Error> {
    if let Some(p) = bot_permissions_cached(&ctx.cache, guild_id, channel_id) {
        return Ok(p);
    }
    let bot_id = ctx.cache.current_user().id;
    let guild = guild_id.to_partial_guild(&ctx.http).await?;
    let member = guild_id.member(&ctx.http, bot_id).await?;
    let channel = channel_id
        .to_channel(&ctx.http)
        .await?
        .guild()
        .ok_or(serenity::Error::Model(
            serenity::ModelError::InvalidChannelType,
        ))?;
    Ok(guild.user_permissions_in(&channel, &member))
}

/// Names of the permissions in `needed` that `have` lacks, e.g. `["Manage Roles"]`.
pub fn missing(have: serenity::Permissions, needed: serenity::Permissions) -> Vec<&'static str> {
    if have.administrator() {
        return Vec::new();
    }
    (needed - have).get_permission_names()
}
