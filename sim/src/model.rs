//! The simulator's in-memory model of Discord: guilds, users, roles, members, channels and
//! messages, rendered as the JSON shapes Discord's API uses.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{json, Value};

/// Permission bits used by the simulator (Discord's values).
pub mod perms {
    pub const CREATE_INSTANT_INVITE: u64 = 1 << 0;
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const MANAGE_CHANNELS: u64 = 1 << 4;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const ADD_REACTIONS: u64 = 1 << 6;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const MANAGE_MESSAGES: u64 = 1 << 13;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const CONNECT: u64 = 1 << 20;
    pub const MUTE_MEMBERS: u64 = 1 << 22;
    pub const MOVE_MEMBERS: u64 = 1 << 24;
    pub const MANAGE_ROLES: u64 = 1 << 28;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    /// Edit and delete anyone's scheduled events.
    pub const MANAGE_EVENTS: u64 = 1 << 33;
    /// Moderate threads: see every private thread, delete, lock and unlock threads, unarchive
    /// locked ones, remove members, and post in locked threads.
    pub const MANAGE_THREADS: u64 = 1 << 34;
    /// Start public threads (type 11) in a text channel.
    pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
    /// Start private threads (type 12) in a text channel.
    pub const CREATE_PRIVATE_THREADS: u64 = 1 << 36;
    /// Create scheduled events, and edit and delete one's own. Since 23 February 2026 bots need it
    /// to create events: [`MANAGE_EVENTS`] alone no longer does.
    /// Post in threads (and add members to them): [`SEND_MESSAGES`] has no effect in a thread.
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
    pub const CREATE_EVENTS: u64 = 1 << 44;
    pub const ALL: u64 = (1 << 51) - 1;
    /// What `@everyone` gets in a new server (Discord's default includes the three thread bits).
    pub const EVERYONE_DEFAULT: u64 = CREATE_INSTANT_INVITE
        | ADD_REACTIONS
        | VIEW_CHANNEL
        | SEND_MESSAGES
        | SEND_MESSAGES_IN_THREADS
        | CREATE_PUBLIC_THREADS
        | CREATE_PRIVATE_THREADS
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_APPLICATION_COMMANDS;
}

/// Discord channel types the simulator knows.
pub mod channel_type {
    pub const TEXT: u64 = 0;
    pub const DM: u64 = 1;
    pub const VOICE: u64 = 2;
    pub const CATEGORY: u64 = 4;
    /// A thread of an announcement channel (the simulator has no announcement channels).
    pub const ANNOUNCEMENT_THREAD: u64 = 10;
    /// A thread everyone who can see its parent text channel can see.
    pub const PUBLIC_THREAD: u64 = 11;
    /// A thread only its members and those with MANAGE_THREADS on the parent can see.
    pub const PRIVATE_THREAD: u64 = 12;
    pub const STAGE: u64 = 13;

    /// Whether a channel of this type is a thread (10, 11 or 12).
    pub fn is_thread(kind: u64) -> bool {
        matches!(kind, ANNOUNCEMENT_THREAD | PUBLIC_THREAD | PRIVATE_THREAD)
    }
}

/// Values of a guild scheduled event's `status`.
pub mod event_status {
    pub const SCHEDULED: u8 = 1;
    pub const ACTIVE: u8 = 2;
    pub const COMPLETED: u8 = 3;
    pub const CANCELED: u8 = 4;
}

/// Values of a guild scheduled event's `entity_type`.
pub mod entity_type {
    /// In a stage channel (type 13).
    pub const STAGE_INSTANCE: u8 = 1;
    /// In a voice channel (type 2).
    pub const VOICE: u8 = 2;
    /// Somewhere else: `entity_metadata.location`, with an end time and no channel.
    pub const EXTERNAL: u8 = 3;
}

/// A guild holds at most this many events that are scheduled or active.
pub const MAX_OPEN_SCHEDULED_EVENTS: usize = 100;

/// Channels in one category (threads do not count).
pub const MAX_CHANNELS_PER_CATEGORY: usize = 50;
/// Channels in one guild, categories included (threads do not count).
pub const MAX_CHANNELS_PER_GUILD: usize = 500;

/// The values a thread's `auto_archive_duration` may take, in minutes.
pub const AUTO_ARCHIVE_DURATIONS: [u32; 4] = [60, 1440, 4320, 10080];
/// A new thread's `auto_archive_duration` when the request gives none (Discord ignores the
/// parent's `default_auto_archive_duration` here).
pub const DEFAULT_AUTO_ARCHIVE_DURATION: u32 = 1440;
/// Active (unarchived) threads a guild may hold; creating one more answers 160006.
pub const MAX_ACTIVE_THREADS: usize = 1000;

/// A fixed, plausible timestamp for `joined_at` and similar fields.
pub const EPOCH_ISO: &str = "2025-01-01T00:00:00.000000+00:00";

#[derive(Debug, Clone)]
pub struct User {
    pub id: u64,
    pub name: String,
    pub bot: bool,
    /// Whether the user accepts DMs from the bot.
    pub dms_open: bool,
    /// The language of the user's Discord client, sent as `locale` with their interactions.
    pub locale: String,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: i64,
}

#[derive(Debug, Clone)]
pub struct Overwrite {
    pub id: u64,
    /// 0 = role, 1 = member.
    pub kind: u8,
    pub allow: u64,
    pub deny: u64,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub id: u64,
    pub kind: u64,
    pub guild_id: Option<u64>,
    pub name: String,
    pub parent_id: Option<u64>,
    pub position: i64,
    pub topic: Option<String>,
    pub overwrites: Vec<Overwrite>,
    /// For DM channels: the other user.
    pub recipient: Option<u64>,
    pub last_message_id: Option<u64>,
    /// For threads (types 10–12): what only threads have. `parent_id` is then the text channel
    /// the thread lives in; `overwrites` stay empty (a thread takes its parent's).
    pub thread: Option<ThreadMeta>,
}

impl Channel {
    /// Whether the channel is a thread.
    pub fn is_thread(&self) -> bool {
        self.thread.is_some()
    }

    /// A private thread (type 12).
    pub fn is_private_thread(&self) -> bool {
        self.thread.is_some() && self.kind == channel_type::PRIVATE_THREAD
    }
}

/// A thread's own state (`thread_metadata`, owner and members, as Discord keeps them). Times are
/// Unix milliseconds on the simulator's clock ([`crate::Sim::utc_now`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadMeta {
    /// Who started the thread.
    pub owner_id: u64,
    pub archived: bool,
    /// Only members with MANAGE_THREADS may unarchive, post in or edit a locked thread.
    pub locked: bool,
    /// Minutes of inactivity after which Discord archives the thread (see
    /// [`AUTO_ARCHIVE_DURATIONS`]).
    pub auto_archive_duration: u32,
    /// When `archived` last changed (or the thread was created, or its `auto_archive_duration`
    /// changed).
    pub archive_timestamp_ms: i64,
    pub create_timestamp_ms: i64,
    /// Private threads: whether members without MANAGE_THREADS may add others.
    pub invitable: bool,
    /// The thread's members, with when each joined.
    pub members: BTreeMap<u64, i64>,
    /// Messages in the thread (deleted ones are taken off).
    pub message_count: u64,
    /// Messages ever sent in the thread.
    pub total_message_sent: u64,
    /// The last activity (creation, a message, unarchiving, a new `auto_archive_duration`):
    /// Discord archives the thread `auto_archive_duration` minutes after it.
    pub last_activity_ms: i64,
}

impl ThreadMeta {
    pub fn is_member(&self, user: u64) -> bool {
        self.members.contains_key(&user)
    }

    /// When Discord archives the thread if nothing happens in it before (at the earliest:
    /// Discord may leave an idle thread open longer, never archives it sooner).
    pub fn archives_at_ms(&self) -> i64 {
        self.last_activity_ms + i64::from(self.auto_archive_duration) * 60_000
    }
}

#[derive(Debug, Clone)]
pub struct Guild {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    pub roles: BTreeMap<u64, Role>,
    /// user id → role ids (the `@everyone` role is implicit).
    pub members: BTreeMap<u64, Vec<u64>>,
    /// The guild's scheduled events by id (deleted ones are gone).
    pub scheduled_events: BTreeMap<u64, ScheduledEvent>,
}

/// A guild scheduled event, as Discord keeps it. Times are Unix milliseconds (UTC); see
/// [`format_timestamp`] and [`parse_timestamp`].
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledEvent {
    pub id: u64,
    pub guild_id: u64,
    /// The stage or voice channel; `None` for an external event.
    pub channel_id: Option<u64>,
    /// Who created it (the bot, for events made through the REST API).
    pub creator_id: u64,
    pub name: String,
    pub description: Option<String>,
    pub scheduled_start_ms: i64,
    pub scheduled_end_ms: Option<i64>,
    /// Always 2 (guild only).
    pub privacy_level: u8,
    /// See [`event_status`].
    pub status: u8,
    /// See [`entity_type`].
    pub entity_type: u8,
    /// `entity_metadata.location` of an external event.
    pub location: Option<String>,
}

impl ScheduledEvent {
    /// Scheduled or active: what counts towards [`MAX_OPEN_SCHEDULED_EVENTS`].
    pub fn is_open(&self) -> bool {
        matches!(self.status, event_status::SCHEDULED | event_status::ACTIVE)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (`civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Unix milliseconds of an ISO 8601 / RFC 3339 timestamp with a date, a time and an offset
/// (`2026-05-01T17:00:00Z`, `2026-05-01T19:00:00.5+02:00`), as Discord accepts them.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(r)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits = &s.trim()[start..i];
        let padded = format!("{digits:0<3}");
        millis = padded[..3].parse::<i64>().ok()?;
    }
    let offset_min = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') => {
            let (oh, om) = match b.len() - i {
                6 if b[i + 3] == b':' => (num(i + 1..i + 3)?, num(i + 4..i + 6)?),
                5 => (num(i + 1..i + 3)?, num(i + 3..i + 5)?),
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if *sign == b'-' {
                -m
            } else {
                m
            }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo, d);
    let secs = days * 86_400 + h * 3600 + mi * 60 + sec - offset_min * 60;
    Some(secs * 1000 + millis)
}

/// An ISO 8601 timestamp in UTC as Discord writes scheduled event times:
/// `2026-05-01T17:00:00+00:00` (with `.mmm000` when there are milliseconds).
pub fn format_timestamp(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    let frac = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}000")
    };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{frac}+00:00",
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

#[derive(Debug, Clone)]
pub struct Message {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    /// The message as the bot sent it (content, embeds, components, flags, nonce, attachments).
    pub body: Value,
    pub edited: bool,
    /// When it was created, on the simulator's clock ([`crate::Sim::now`]): Discord honours a
    /// repeated nonce only for a few minutes after this.
    pub created_at: std::time::Instant,
}

impl Message {
    pub fn content(&self) -> &str {
        self.body["content"].as_str().unwrap_or("")
    }

    /// Custom ids of the message's buttons and menus, in order.
    pub fn custom_ids(&self) -> Vec<String> {
        crate::custom_ids(&self.body)
    }
}

/// Where the simulator's ids start (a snowflake of 2024).
const ID_BASE: u64 = 1_300_000_000_000_000_000;

#[derive(Default)]
pub struct Model {
    next_id: u64,
    /// The current user (the bot): thread JSON carries its thread membership, and GUILD_CREATE
    /// the threads it can see.
    pub(crate) bot_id: u64,
    pub users: BTreeMap<u64, User>,
    pub guilds: BTreeMap<u64, Guild>,
    pub channels: BTreeMap<u64, Channel>,
    pub messages: BTreeMap<u64, Message>,
    pub global_commands: Vec<Value>,
    pub guild_commands: HashMap<u64, Vec<Value>>,
    pub deleted_channels: HashSet<u64>,
}

impl Model {
    /// Messages the bot sent to a user's DM channel, oldest first.
    pub fn dms_to(&self, user: u64) -> Vec<Message> {
        let dm = self
            .channels
            .values()
            .find(|c| c.recipient == Some(user))
            .map(|c| c.id);
        self.messages
            .values()
            .filter(|m| Some(m.channel_id) == dm)
            .cloned()
            .collect()
    }

    /// Whether `user` is a member of `guild`.
    pub fn is_member(&self, guild: u64, user: u64) -> bool {
        self.guilds
            .get(&guild)
            .is_some_and(|g| g.members.contains_key(&user))
    }

    /// Whether two users are both members of some guild: Discord lets a bot DM only those.
    pub fn share_a_guild(&self, a: u64, b: u64) -> bool {
        self.guilds
            .values()
            .any(|g| g.members.contains_key(&a) && g.members.contains_key(&b))
    }

    /// Snowflake-shaped ids that increase, as Discord's do. They are consecutive, so their
    /// timestamp part (`id >> 22`), and with it their shard, stays the same for millions of ids.
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        ID_BASE + self.next_id
    }

    /// The next id whose shard of `count` is `shard` (`(id >> 22) % count == shard`): the
    /// first id of a later timestamp that lands there; the ids after it follow on from it.
    pub fn next_id_on_shard(&mut self, shard: u32, count: u32) -> u64 {
        let count = u64::from(count.max(1));
        let after = ID_BASE + self.next_id + 1;
        let mut stamp = (after >> 22) + 1;
        stamp += (u64::from(shard) + count - stamp % count) % count;
        let id = stamp << 22;
        self.next_id = id - ID_BASE;
        id
    }

    pub fn user_json(&self, id: u64) -> Value {
        match self.users.get(&id) {
            Some(u) => json!({
                "id": u.id.to_string(),
                "username": u.name,
                "global_name": u.name,
                "discriminator": "0",
                "avatar": null,
                "bot": u.bot,
                "public_flags": 0,
                "flags": 0,
            }),
            None => Value::Null,
        }
    }

    pub fn role_json(role: &Role) -> Value {
        json!({
            "id": role.id.to_string(),
            "name": role.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
            "hoist": false,
            "icon": null,
            "unicode_emoji": null,
            "position": role.position,
            "permissions": role.permissions.to_string(),
            "managed": false,
            "mentionable": false,
            "flags": 0,
        })
    }

    pub fn channel_json(&self, c: &Channel) -> Value {
        if let Some(t) = &c.thread {
            return self.thread_json(c, t);
        }
        let mut v = json!({
            "id": c.id.to_string(),
            "type": c.kind,
            "name": c.name,
            "position": c.position,
            "flags": 0,
            "nsfw": false,
            "last_message_id": c.last_message_id.map(|m| m.to_string()),
            "rate_limit_per_user": 0,
            "topic": c.topic,
            "parent_id": c.parent_id.map(|p| p.to_string()),
            "permission_overwrites": c.overwrites.iter().map(|o| json!({
                "id": o.id.to_string(),
                "type": o.kind,
                "allow": o.allow.to_string(),
                "deny": o.deny.to_string(),
            })).collect::<Vec<_>>(),
        });
        if let Some(g) = c.guild_id {
            v["guild_id"] = json!(g.to_string());
        }
        if let Some(r) = c.recipient {
            v["recipients"] = json!([self.user_json(r)]);
            v.as_object_mut().unwrap().remove("name");
            v.as_object_mut().unwrap().remove("position");
            v.as_object_mut().unwrap().remove("permission_overwrites");
        }
        v
    }

    /// A thread as Discord returns it and sends it in THREAD_* events: no position, topic or
    /// overwrites, but `owner_id`, the counts, `thread_metadata` and, when the bot has joined,
    /// its thread `member`.
    fn thread_json(&self, c: &Channel, t: &ThreadMeta) -> Value {
        let mut metadata = json!({
            "archived": t.archived,
            "archive_timestamp": format_timestamp(t.archive_timestamp_ms),
            "auto_archive_duration": t.auto_archive_duration,
            "locked": t.locked,
            "create_timestamp": format_timestamp(t.create_timestamp_ms),
        });
        if c.kind == channel_type::PRIVATE_THREAD {
            metadata["invitable"] = json!(t.invitable);
        }
        let mut v = json!({
            "id": c.id.to_string(),
            "type": c.kind,
            "guild_id": c.guild_id.map(|g| g.to_string()),
            "parent_id": c.parent_id.map(|p| p.to_string()),
            "owner_id": t.owner_id.to_string(),
            "name": c.name,
            "last_message_id": c.last_message_id.map(|m| m.to_string()),
            "last_pin_timestamp": null,
            "rate_limit_per_user": 0,
            "flags": 0,
            // Discord stops counting members at 50.
            "member_count": t.members.len().min(50),
            "message_count": t.message_count,
            "total_message_sent": t.total_message_sent,
            "thread_metadata": metadata,
        });
        if let Some(joined) = t.members.get(&self.bot_id) {
            v["member"] = Self::thread_member_json(c.id, self.bot_id, *joined);
        }
        v
    }

    /// A thread member object: `id` (the thread), `user_id`, `join_timestamp` and `flags`.
    pub fn thread_member_json(thread: u64, user: u64, joined_ms: i64) -> Value {
        json!({
            "id": thread.to_string(),
            "user_id": user.to_string(),
            "join_timestamp": format_timestamp(joined_ms),
            "flags": 0,
        })
    }

    /// Active (unarchived) threads of a guild, in id order.
    pub fn active_threads(&self, guild: u64) -> impl Iterator<Item = &Channel> {
        self.channels.values().filter(move |c| {
            c.guild_id == Some(guild) && c.thread.as_ref().is_some_and(|t| !t.archived)
        })
    }

    /// Whether `user` can see `channel`, as Discord decides it: a guild member with VIEW_CHANNEL
    /// there (for a thread: on its parent); a private thread also only if they are in it or
    /// have MANAGE_THREADS on the parent. A DM is seen by its recipient and the bot.
    pub fn can_view(&self, user: u64, channel: u64) -> bool {
        let Some(c) = self.channels.get(&channel) else {
            return false;
        };
        let Some(guild) = c.guild_id else {
            return c.recipient == Some(user) || user == self.bot_id;
        };
        let Some(g) = self.guilds.get(&guild) else {
            return false;
        };
        if !g.members.contains_key(&user) {
            return false;
        }
        let p = self.channel_permissions(g, c, user);
        if p & perms::VIEW_CHANNEL == 0 {
            return false;
        }
        match &c.thread {
            Some(t) if c.kind == channel_type::PRIVATE_THREAD => {
                t.is_member(user) || p & perms::MANAGE_THREADS != 0
            }
            _ => true,
        }
    }

    pub fn member_json(&self, guild: &Guild, user_id: u64) -> Value {
        let roles = guild.members.get(&user_id).cloned().unwrap_or_default();
        json!({
            "user": self.user_json(user_id),
            "nick": null,
            "avatar": null,
            "roles": roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            "joined_at": EPOCH_ISO,
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "communication_disabled_until": null,
        })
    }

    /// A message as Discord returns it from GET and edits: without the `nonce`, which only the
    /// create response and MESSAGE_CREATE carry.
    pub fn message_json(&self, m: &Message) -> Value {
        let channel = self.channels.get(&m.channel_id);
        let mut v = json!({
            "id": m.id.to_string(),
            "channel_id": m.channel_id.to_string(),
            "author": self.user_json(m.author_id),
            "content": m.body.get("content").cloned().unwrap_or(json!("")),
            "timestamp": EPOCH_ISO,
            "edited_timestamp": if m.edited { json!(EPOCH_ISO) } else { Value::Null },
            "tts": false,
            "mention_everyone": false,
            "mentions": [],
            "mention_roles": [],
            "attachments": m.body.get("attachments").cloned().unwrap_or(json!([])),
            "embeds": m.body.get("embeds").cloned().unwrap_or(json!([])),
            "components": m.body.get("components").cloned().unwrap_or(json!([])),
            "pinned": false,
            "type": 0,
            "flags": m.body.get("flags").cloned().unwrap_or(json!(0)),
        });
        if let Some(g) = channel.and_then(|c| c.guild_id) {
            v["guild_id"] = json!(g.to_string());
        }
        v
    }

    /// A message as the create response and MESSAGE_CREATE show it: with the sender's `nonce`.
    pub fn message_create_json(&self, m: &Message) -> Value {
        let mut v = self.message_json(m);
        if let Some(nonce) = m.body.get("nonce").filter(|n| !n.is_null()) {
            v["nonce"] = nonce.clone();
        }
        v
    }

    pub fn guild_json(&self, g: &Guild) -> Value {
        json!({
            "id": g.id.to_string(),
            "name": g.name,
            "icon": null,
            "icon_hash": null,
            "splash": null,
            "discovery_splash": null,
            "owner_id": g.owner_id.to_string(),
            "afk_channel_id": null,
            "afk_timeout": 300,
            "widget_enabled": false,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": g.roles.values().map(Self::role_json).collect::<Vec<_>>(),
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": null,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "rules_channel_id": null,
            "max_members": 500000,
            "vanity_url_code": null,
            "description": null,
            "banner": null,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": null,
            "nsfw_level": 0,
            "stickers": [],
            "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null,
        })
    }

    /// The GUILD_CREATE payload: the guild plus its channels, the members the bot can see and
    /// the gateway-only fields.
    pub fn guild_create_json(&self, g: &Guild) -> Value {
        let mut v = self.guild_json(g);
        let channels: Vec<Value> = self
            .channels
            .values()
            .filter(|c| c.guild_id == Some(g.id) && !c.is_thread())
            .map(|c| self.channel_json(c))
            .collect();
        v["channels"] = json!(channels);
        // The active threads the bot can see; its own membership without `id` and `user_id`.
        let threads: Vec<Value> = self
            .active_threads(g.id)
            .filter(|c| self.can_view(self.bot_id, c.id))
            .map(|c| {
                let mut t = self.channel_json(c);
                if let Some(member) = t.get_mut("member").and_then(Value::as_object_mut) {
                    member.remove("id");
                    member.remove("user_id");
                }
                t
            })
            .collect();
        v["members"] = json!(g
            .members
            .keys()
            .map(|u| self.member_json(g, *u))
            .collect::<Vec<_>>());
        v["member_count"] = json!(g.members.len());
        v["joined_at"] = json!(EPOCH_ISO);
        v["large"] = json!(false);
        v["unavailable"] = json!(false);
        v["voice_states"] = json!([]);
        v["presences"] = json!([]);
        v["threads"] = json!(threads);
        v["stage_instances"] = json!([]);
        v["guild_scheduled_events"] = json!(g
            .scheduled_events
            .values()
            .filter(|e| e.is_open())
            .map(|e| self.scheduled_event_json(e, false))
            .collect::<Vec<_>>());
        v["soundboard_sounds"] = json!([]);
        v
    }

    /// A scheduled event as Discord returns it and sends it in GUILD_SCHEDULED_EVENT_* events;
    /// `user_count` (always 0: nobody can mark interest in the simulator) only when asked for
    /// with `with_user_count`.
    pub fn scheduled_event_json(&self, e: &ScheduledEvent, with_user_count: bool) -> Value {
        let mut v = json!({
            "id": e.id.to_string(),
            "guild_id": e.guild_id.to_string(),
            "channel_id": e.channel_id.map(|c| c.to_string()),
            "creator_id": e.creator_id.to_string(),
            "name": e.name,
            "description": e.description,
            "scheduled_start_time": format_timestamp(e.scheduled_start_ms),
            "scheduled_end_time": e.scheduled_end_ms.map(format_timestamp),
            "privacy_level": e.privacy_level,
            "status": e.status,
            "entity_type": e.entity_type,
            "entity_id": null,
            "entity_metadata": match &e.location {
                Some(l) if e.entity_type == entity_type::EXTERNAL => json!({"location": l}),
                _ => Value::Null,
            },
            "image": null,
            "recurrence_rule": null,
            "guild_scheduled_event_exceptions": [],
        });
        let creator = self.user_json(e.creator_id);
        if !creator.is_null() {
            v["creator"] = creator;
        }
        if with_user_count {
            v["user_count"] = json!(0);
        }
        v
    }

    /// Guild-level permissions of a member, as Discord computes them for interactions.
    pub fn base_permissions(&self, guild: &Guild, user_id: u64) -> u64 {
        if guild.owner_id == user_id {
            return perms::ALL;
        }
        let mut p = guild.roles.get(&guild.id).map_or(0, |r| r.permissions);
        for role in guild.members.get(&user_id).into_iter().flatten() {
            p |= guild.roles.get(role).map_or(0, |r| r.permissions);
        }
        if p & perms::ADMINISTRATOR != 0 {
            perms::ALL
        } else {
            p
        }
    }

    /// Permissions of a member in a channel, applying overwrites in Discord's order:
    /// `@everyone`, then the member's roles together, then the member. A thread has no
    /// overwrites of its own: its permissions are its parent's.
    pub fn channel_permissions(&self, guild: &Guild, channel: &Channel, user_id: u64) -> u64 {
        if channel.is_thread() {
            if let Some(parent) = channel.parent_id.and_then(|p| self.channels.get(&p)) {
                return self.channel_permissions(guild, parent, user_id);
            }
        }
        let base = self.base_permissions(guild, user_id);
        if base & perms::ADMINISTRATOR != 0 || base == perms::ALL {
            return perms::ALL;
        }
        let mut p = base;
        let member_roles = guild.members.get(&user_id).cloned().unwrap_or_default();
        if let Some(o) = channel.overwrites.iter().find(|o| o.id == guild.id) {
            p = (p & !o.deny) | o.allow;
        }
        let (mut allow, mut deny) = (0, 0);
        for o in channel
            .overwrites
            .iter()
            .filter(|o| o.kind == 0 && member_roles.contains(&o.id))
        {
            allow |= o.allow;
            deny |= o.deny;
        }
        p = (p & !deny) | allow;
        if let Some(o) = channel
            .overwrites
            .iter()
            .find(|o| o.kind == 1 && o.id == user_id)
        {
            p = (p & !o.deny) | o.allow;
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_parse_with_any_offset_and_fraction_and_format_in_utc() {
        let t = parse_timestamp("2026-12-02T01:24:46Z").unwrap();
        assert_eq!(t, 1_796_174_686_000);
        assert_eq!(format_timestamp(t), "2026-12-02T01:24:46+00:00");
        assert_eq!(parse_timestamp("2026-12-02T02:24:46+01:00"), Some(t));
        assert_eq!(parse_timestamp("2026-12-01T20:24:46-0500"), Some(t));
        assert_eq!(parse_timestamp("2026-12-02T01:24:46.5Z"), Some(t + 500));
        assert_eq!(
            parse_timestamp("2026-12-02T01:24:46.123456789+00:00"),
            Some(t + 123)
        );
        assert_eq!(
            format_timestamp(t + 123),
            "2026-12-02T01:24:46.123000+00:00"
        );
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00+00:00");
        let leap = parse_timestamp("2028-02-29T23:59:59Z").unwrap();
        assert_eq!(format_timestamp(leap + 1000), "2028-03-01T00:00:00+00:00");
        for bad in [
            "",
            "2026-12-02",
            "2026-12-02T01:24:46",
            "2026-13-02T01:24:46Z",
            "2026-12-02T25:00:00Z",
            "2026-12-02T01:24:46Zjunk",
            "2026-12-02T01:24:46.Z",
            "2026-12-02T01:24:46+1:00",
            "next Tuesday",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}
