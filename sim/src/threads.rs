//! Threads in text channels: `POST /channels/{channel}/threads` (without a message), thread
//! members (`/channels/{thread}/thread-members[/{user}]`, `@me` for the bot), editing, archiving,
//! locking and deleting through `PATCH` / `DELETE /channels/{thread}`, `GET
//! /guilds/{guild}/threads/active` and the archived-thread lists, each with the permission rules
//! Discord applies; posting in threads (unarchiving, locks); Discord's auto-archiving as the
//! simulator's clock moves; and THREAD_CREATE / UPDATE / DELETE / MEMBER_UPDATE /
//! MEMBERS_UPDATE as Discord sends them to a bot with the GUILDS intent.
//!
//! Every operation takes the user acting (`actor`): the REST routes act as the bot, the [`Sim`]
//! helpers as a member in Discord's client, with the same checks. A thread has no permission
//! overwrites: what anyone may do in it is computed on its parent channel.
//!
//! Error codes are Discord's: 10003 unknown channel, 10004 unknown guild, 10007 unknown member,
//! 50001 missing access, 50003 DM channel, 50013 missing permissions, 50024 wrong channel type,
//! 50083 archived thread, 160005 locked thread, 160006 too many active threads, and 50035
//! ("Invalid Form Body") with field codes for bodies Discord rejects.

use serde_json::{json, Value};

use crate::model::{
    channel_type, parse_timestamp, perms, Channel, Model, ThreadMeta, AUTO_ARCHIVE_DURATIONS,
    DEFAULT_AUTO_ARCHIVE_DURATION, MAX_ACTIVE_THREADS,
};
use crate::rest::{error, form_error, query_param, Answer};
use crate::{Sim, State, DEFAULT_WAIT, GUILD_MEMBERS_INTENT};

/// Discord's GUILDS intent: THREAD_* events reach only a bot that identified with it.
pub(crate) const GUILDS_INTENT: u64 = 1 << 0;

fn unknown_channel() -> Answer {
    error(404, 10003, "Unknown Channel")
}

fn unknown_member() -> Answer {
    error(404, 10007, "Unknown Member")
}

fn missing_access() -> Answer {
    error(403, 50001, "Missing Access")
}

fn missing_permissions() -> Answer {
    error(403, 50013, "Missing Permissions")
}

fn wrong_channel_type() -> Answer {
    error(400, 50024, "Cannot execute action on this channel type")
}

fn archived_thread(status: u16) -> Answer {
    error(status, 50083, "Thread is archived")
}

fn locked_thread() -> Answer {
    error(403, 160005, "Thread is locked")
}

/// What `user` may do in `channel` (in a thread: on its parent); nothing if they are not a
/// member of its guild.
fn perms_in(model: &Model, user: u64, channel: u64) -> u64 {
    let Some(c) = model.channels.get(&channel) else {
        return 0;
    };
    let Some(g) = c.guild_id.and_then(|g| model.guilds.get(&g)) else {
        return 0;
    };
    if !g.members.contains_key(&user) {
        return 0;
    }
    model.channel_permissions(g, c, user)
}

fn is_moderator(model: &Model, user: u64, thread: u64) -> bool {
    perms_in(model, user, thread) & perms::MANAGE_THREADS != 0
}

/// The thread `channel` as `actor` reaches it: unknown (10003), hidden from them (50001) or
/// not a thread (50024) otherwise.
fn find(s: &State, actor: u64, channel: u64) -> Result<ThreadMeta, Answer> {
    let c = s.model.channels.get(&channel).ok_or_else(unknown_channel)?;
    if !s.model.can_view(actor, channel) {
        return Err(missing_access());
    }
    c.thread.clone().ok_or_else(wrong_channel_type)
}

fn meta_mut(s: &mut State, thread: u64) -> &mut ThreadMeta {
    s.model
        .channels
        .get_mut(&thread)
        .and_then(|c| c.thread.as_mut())
        .expect("a thread")
}

/// A boolean field: `None` when absent or null.
fn bool_field(body: &Value, field: &str) -> Result<Option<bool>, Answer> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(form_error(
            field,
            "BASE_TYPE_BOOLEAN",
            "Must be either true or false.",
        )),
    }
}

/// `auto_archive_duration`: `None` when absent or null.
fn duration_field(body: &Value) -> Result<Option<u32>, Answer> {
    match body.get("auto_archive_duration") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| AUTO_ARCHIVE_DURATIONS.contains(d))
            .map(Some)
            .ok_or_else(|| {
                form_error(
                    "auto_archive_duration",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of {60, 1440, 4320, 10080}.",
                )
            }),
    }
}

/// A thread's `name`: 1–100 characters.
fn name_field(body: &Value, required: bool) -> Result<Option<String>, Answer> {
    match body.get("name") {
        None | Some(Value::Null) if !required => Ok(None),
        None | Some(Value::Null) => Err(form_error(
            "name",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        )),
        Some(Value::String(n)) if (1..=100).contains(&n.chars().count()) => Ok(Some(n.clone())),
        Some(_) => Err(form_error(
            "name",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        )),
    }
}

/// `actor` starts a thread without a message in the text channel `parent`; they become its
/// owner and first member.
pub(crate) fn create(s: &mut State, actor: u64, parent: u64, body: &Value) -> Result<u64, Answer> {
    let p = s.model.channels.get(&parent).ok_or_else(unknown_channel)?;
    let Some(guild) = p.guild_id else {
        return Err(error(400, 50003, "Cannot execute action on a DM channel"));
    };
    if !s.model.can_view(actor, parent) {
        return Err(missing_access());
    }
    if p.kind != channel_type::TEXT {
        return Err(wrong_channel_type());
    }
    let name = name_field(body, true)?.unwrap_or_default();
    // Discord still defaults `type` to a private thread, as when threads were first published.
    let kind = match body.get("type") {
        None | Some(Value::Null) => channel_type::PRIVATE_THREAD,
        Some(v) => match v.as_u64() {
            Some(k @ (channel_type::PUBLIC_THREAD | channel_type::PRIVATE_THREAD)) => k,
            _ => {
                return Err(form_error(
                    "type",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of {11, 12}.",
                ))
            }
        },
    };
    let auto_archive_duration = duration_field(body)?.unwrap_or(DEFAULT_AUTO_ARCHIVE_DURATION);
    let invitable = bool_field(body, "invitable")?.unwrap_or(true);
    let needs = if kind == channel_type::PRIVATE_THREAD {
        perms::CREATE_PRIVATE_THREADS
    } else {
        perms::CREATE_PUBLIC_THREADS
    };
    if perms_in(&s.model, actor, parent) & needs == 0 {
        return Err(missing_permissions());
    }
    if s.model.active_threads(guild).count() >= MAX_ACTIVE_THREADS {
        return Err(error(
            400,
            160006,
            "Maximum number of active threads reached",
        ));
    }
    let now = s.utc_now_ms();
    let id = s.model.next_id();
    let thread = ThreadMeta {
        owner_id: actor,
        archived: false,
        locked: false,
        auto_archive_duration,
        archive_timestamp_ms: now,
        create_timestamp_ms: now,
        invitable,
        members: [(actor, now)].into_iter().collect(),
        message_count: 0,
        total_message_sent: 0,
        last_activity_ms: now,
    };
    s.model.channels.insert(
        id,
        Channel {
            id,
            kind,
            guild_id: Some(guild),
            name,
            parent_id: Some(parent),
            position: 0,
            topic: None,
            overwrites: vec![],
            recipient: None,
            last_message_id: None,
            thread: Some(thread),
        },
    );
    s.dispatch_thread("THREAD_CREATE", id, json!({"newly_created": true}));
    s.dispatch_thread_members(id, &[actor], &[]);
    Ok(id)
}

/// `actor` adds `user` to a thread (`actor == user`: joins it). Adding someone who is already a
/// member changes nothing.
pub(crate) fn add_member(s: &mut State, actor: u64, thread: u64, user: u64) -> Result<(), Answer> {
    let t = find(s, actor, thread)?;
    let c = &s.model.channels[&thread];
    if !s.model.is_member(c.guild_id.unwrap_or(0), user) {
        return Err(unknown_member());
    }
    if t.archived {
        return Err(archived_thread(400));
    }
    if actor != user {
        let p = perms_in(&s.model, actor, thread);
        let moderator = p & perms::MANAGE_THREADS != 0;
        // Adding someone needs the right to talk in the thread.
        if p & perms::SEND_MESSAGES_IN_THREADS == 0 {
            return Err(missing_permissions());
        }
        if t.locked && !moderator {
            return Err(locked_thread());
        }
        if c.is_private_thread() && !t.invitable && !moderator {
            return Err(missing_permissions());
        }
    }
    if t.is_member(user) {
        return Ok(());
    }
    let now = s.utc_now_ms();
    meta_mut(s, thread).members.insert(user, now);
    s.dispatch_thread_members(thread, &[user], &[]);
    if user == s.bot_id {
        // Whoever is added to a thread also gets THREAD_CREATE, with their thread member.
        s.dispatch_thread("THREAD_CREATE", thread, json!({}));
    }
    Ok(())
}

/// `actor` removes `user` from a thread (`actor == user`: leaves it).
pub(crate) fn remove_member(
    s: &mut State,
    actor: u64,
    thread: u64,
    user: u64,
) -> Result<(), Answer> {
    let t = find(s, actor, thread)?;
    if !t.is_member(user) {
        return Err(unknown_member());
    }
    if t.archived {
        return Err(archived_thread(400));
    }
    if actor != user {
        // Moderators, and the creator of a private thread.
        let creator = s.model.channels[&thread].is_private_thread() && t.owner_id == actor;
        if !creator && !is_moderator(&s.model, actor, thread) {
            return Err(missing_permissions());
        }
    }
    meta_mut(s, thread).members.remove(&user);
    s.dispatch_thread_members(thread, &[], &[user]);
    Ok(())
}

/// `actor` edits a thread (`name`, `archived`, `locked`, `auto_archive_duration`, `invitable`)
/// with Discord's rules: locking and unlocking, and unarchiving a locked thread, need
/// MANAGE_THREADS; archiving, renaming and the other settings the thread's owner or
/// MANAGE_THREADS; unarchiving an unlocked one SEND_MESSAGES_IN_THREADS. An archived thread can
/// only be changed by a request that unarchives it.
pub(crate) fn modify(s: &mut State, actor: u64, thread: u64, body: &Value) -> Result<(), Answer> {
    let t = find(s, actor, thread)?;
    let name = name_field(body, false)?;
    let archived = bool_field(body, "archived")?;
    let locked = bool_field(body, "locked")?;
    let invitable = bool_field(body, "invitable")?;
    let duration = duration_field(body)?;
    let c = &s.model.channels[&thread];
    let p = perms_in(&s.model, actor, thread);
    let moderator = p & perms::MANAGE_THREADS != 0;
    let owner = t.owner_id == actor;
    let archiving = archived == Some(true) && !t.archived;
    let unarchiving = archived == Some(false) && t.archived;
    if t.archived && !unarchiving {
        return Err(archived_thread(400));
    }
    if locked.is_some_and(|l| l != t.locked) && !moderator {
        return Err(missing_permissions());
    }
    if unarchiving && ((t.locked && !moderator) || p & perms::SEND_MESSAGES_IN_THREADS == 0) {
        return Err(missing_permissions());
    }
    let renames = name.as_ref().is_some_and(|n| *n != c.name);
    let new_duration = duration.filter(|d| *d != t.auto_archive_duration);
    // `invitable` only exists on private threads; Discord ignores it on others.
    let new_invitable = invitable.filter(|i| c.is_private_thread() && *i != t.invitable);
    let settings = renames || new_duration.is_some() || new_invitable.is_some();
    if (archiving || settings) && !owner && !moderator {
        return Err(missing_permissions());
    }
    if settings && t.locked && !moderator {
        return Err(locked_thread());
    }
    let now = s.utc_now_ms();
    let c = s.model.channels.get_mut(&thread).expect("found above");
    let before = (c.name.clone(), c.thread.clone());
    if let Some(n) = name {
        c.name = n;
    }
    let m = c.thread.as_mut().expect("a thread");
    if let Some(l) = locked {
        m.locked = l;
    }
    if let Some(i) = new_invitable {
        m.invitable = i;
    }
    // A new duration counts as activity, and moves the archive timestamp.
    if let Some(d) = new_duration {
        m.auto_archive_duration = d;
        m.archive_timestamp_ms = now;
        m.last_activity_ms = now;
    }
    if archiving {
        m.archived = true;
        m.archive_timestamp_ms = now;
    }
    if unarchiving {
        m.archived = false;
        m.archive_timestamp_ms = now;
        m.last_activity_ms = now;
    }
    if before != (c.name.clone(), c.thread.clone()) {
        s.dispatch_thread("THREAD_UPDATE", thread, json!({}));
        if unarchiving {
            s.dispatch_own_thread_member(thread);
        }
    }
    Ok(())
}

/// `actor` deletes a thread (MANAGE_THREADS on its parent); returns it.
pub(crate) fn delete(s: &mut State, actor: u64, thread: u64) -> Result<Channel, Answer> {
    find(s, actor, thread)?;
    if !is_moderator(&s.model, actor, thread) {
        return Err(missing_permissions());
    }
    Ok(s.remove_thread(thread).expect("found above"))
}

/// Whether `author` may post in `thread` as it stands: not in a locked thread without
/// MANAGE_THREADS (50083 when it is also archived, as Discord answers then; 160005 otherwise).
/// The caller checks that they can see it and talk in threads.
pub(crate) fn check_post(model: &Model, author: u64, thread: u64) -> Result<(), Answer> {
    let Some(t) = model.channels.get(&thread).and_then(|c| c.thread.as_ref()) else {
        return Ok(());
    };
    if !t.locked || is_moderator(model, author, thread) {
        return Ok(());
    }
    Err(if t.archived {
        archived_thread(403)
    } else {
        locked_thread()
    })
}

/// Sending a message unarchives an archived thread (the caller checked [`check_post`]): THREAD_UPDATE
/// (then the bot's THREAD_MEMBER_UPDATE) before the message, as on Discord.
pub(crate) fn unarchive_for_post(s: &mut State, thread: u64) {
    let now = s.utc_now_ms();
    let Some(m) = s
        .model
        .channels
        .get_mut(&thread)
        .and_then(|c| c.thread.as_mut())
    else {
        return;
    };
    if !m.archived {
        return;
    }
    m.archived = false;
    m.archive_timestamp_ms = now;
    m.last_activity_ms = now;
    s.dispatch_thread("THREAD_UPDATE", thread, json!({}));
    s.dispatch_own_thread_member(thread);
}

/// Whoever sends a message in a thread joins it, as on Discord.
pub(crate) fn join_on_post(s: &mut State, thread: u64, author: u64) {
    let now = s.utc_now_ms();
    let Some(m) = s
        .model
        .channels
        .get_mut(&thread)
        .and_then(|c| c.thread.as_mut())
    else {
        return;
    };
    if m.is_member(author) {
        return;
    }
    m.members.insert(author, now);
    s.dispatch_thread_members(thread, &[author], &[]);
    if author == s.bot_id {
        s.dispatch_thread("THREAD_CREATE", thread, json!({}));
    }
}

/// A message was stored in `channel`: if it is a thread, its counts and last activity move on.
pub(crate) fn note_message(s: &mut State, channel: u64) {
    let now = s.utc_now_ms();
    if let Some(m) = s
        .model
        .channels
        .get_mut(&channel)
        .and_then(|c| c.thread.as_mut())
    {
        m.message_count += 1;
        m.total_message_sent += 1;
        m.last_activity_ms = now;
    }
}

/// A message of `channel` was deleted: a thread's `message_count` goes down (its
/// `total_message_sent` does not).
pub(crate) fn note_deleted(s: &mut State, channel: u64) {
    if let Some(m) = s
        .model
        .channels
        .get_mut(&channel)
        .and_then(|c| c.thread.as_mut())
    {
        m.message_count = m.message_count.saturating_sub(1);
    }
}

/// Whether editing a message in `thread` is refused: in an archived thread (400 50083), or a
/// locked one without MANAGE_THREADS (160005).
pub(crate) fn check_edit(model: &Model, editor: u64, thread: u64) -> Result<(), Answer> {
    let Some(t) = model.channels.get(&thread).and_then(|c| c.thread.as_ref()) else {
        return Ok(());
    };
    if t.archived {
        return Err(archived_thread(400));
    }
    if t.locked && !is_moderator(model, editor, thread) {
        return Err(locked_thread());
    }
    Ok(())
}

// REST routes, acting as the bot.

/// A user in a path: an id, or `@me` for the bot.
fn user_param(s: &State, user: &str) -> Option<u64> {
    if user == "@me" {
        Some(s.bot_id)
    } else {
        user.parse().ok()
    }
}

fn done(result: Result<(), Answer>) -> Answer {
    match result {
        Ok(()) => (204, Value::Null),
        Err(e) => e,
    }
}

/// `POST /channels/{channel}/threads`: 201 with the new thread.
pub(crate) fn create_route(s: &mut State, parent: u64, body: &Value) -> Answer {
    let bot = s.bot_id;
    match create(s, bot, parent, body) {
        Ok(id) => (201, s.model.channel_json(&s.model.channels[&id])),
        Err(e) => e,
    }
}

/// `PUT /channels/{thread}/thread-members/{user}` (204).
pub(crate) fn put_member_route(s: &mut State, thread: u64, user: &str) -> Answer {
    let bot = s.bot_id;
    let Some(user) = user_param(s, user) else {
        return unknown_member();
    };
    done(add_member(s, bot, thread, user))
}

/// `DELETE /channels/{thread}/thread-members/{user}` (204).
pub(crate) fn delete_member_route(s: &mut State, thread: u64, user: &str) -> Answer {
    let bot = s.bot_id;
    let Some(user) = user_param(s, user) else {
        return unknown_member();
    };
    done(remove_member(s, bot, thread, user))
}

/// `PATCH /channels/{thread}`: 200 with the thread.
pub(crate) fn modify_route(s: &mut State, thread: u64, body: &Value) -> Answer {
    let bot = s.bot_id;
    match modify(s, bot, thread, body) {
        Ok(()) => (200, s.model.channel_json(&s.model.channels[&thread])),
        Err(e) => e,
    }
}

/// `DELETE /channels/{thread}`: 200 with the deleted thread.
pub(crate) fn delete_route(s: &mut State, thread: u64) -> Answer {
    let bot = s.bot_id;
    match delete(s, bot, thread) {
        Ok(c) => (200, s.model.channel_json(&c)),
        Err(e) => e,
    }
}

fn with_member(query: Option<&str>) -> bool {
    query_param(query, "with_member").is_some_and(|v| matches!(v, "true" | "True" | "1"))
}

/// A thread member as the REST API returns it, with the guild member when asked for.
fn member_entry(s: &State, thread: u64, user: u64, joined: i64, with: bool) -> Value {
    let mut v = Model::thread_member_json(thread, user, joined);
    let guild = s.model.channels[&thread].guild_id.unwrap_or(0);
    if let Some(g) = s.model.guilds.get(&guild).filter(|_| with) {
        if g.members.contains_key(&user) {
            v["member"] = s.model.member_json(g, user);
        }
    }
    v
}

/// `GET /channels/{thread}/thread-members`: every member, or with `with_member=true` a page
/// (`after` a user id, `limit` 1–100, default 100) with guild members. Discord refuses it
/// (50001) to an application whose GUILD_MEMBERS intent is off in the developer portal.
pub(crate) fn list_members_route(s: &State, thread: u64, query: Option<&str>) -> Answer {
    let t = match find(s, s.bot_id, thread) {
        Ok(t) => t,
        Err(e) => return e,
    };
    if s.refused_intents & GUILD_MEMBERS_INTENT != 0 {
        return missing_access();
    }
    let with = with_member(query);
    let (after, limit) = if with {
        let after = match query_param(query, "after") {
            None => 0,
            Some(a) => match a.parse::<u64>() {
                Ok(a) => a,
                Err(_) => {
                    return form_error("after", "NUMBER_TYPE_COERCE", "Value is not snowflake.")
                }
            },
        };
        let limit = match query_param(query, "limit").map(str::parse::<usize>) {
            None => 100,
            Some(Ok(n)) if (1..=100).contains(&n) => n,
            Some(_) => {
                return form_error(
                    "limit",
                    "NUMBER_TYPE_MAX",
                    "int value should be between 1 and 100.",
                )
            }
        };
        (after, limit)
    } else {
        (0, usize::MAX)
    };
    let list: Vec<Value> = t
        .members
        .iter()
        .filter(|(u, _)| **u > after)
        .take(limit)
        .map(|(u, joined)| member_entry(s, thread, *u, *joined, with))
        .collect();
    (200, json!(list))
}

/// `GET /channels/{thread}/thread-members/{user}`: 404 10007 when they are not in the thread.
pub(crate) fn get_member_route(s: &State, thread: u64, user: &str, query: Option<&str>) -> Answer {
    let t = match find(s, s.bot_id, thread) {
        Ok(t) => t,
        Err(e) => return e,
    };
    match user_param(s, user).and_then(|u| t.members.get(&u).map(|j| (u, *j))) {
        Some((u, joined)) => (200, member_entry(s, thread, u, joined, with_member(query))),
        None => unknown_member(),
    }
}

/// `GET /guilds/{guild}/threads/active`: the active threads the bot can see, newest first, and
/// its own thread members.
pub(crate) fn active_route(s: &State, guild: u64) -> Answer {
    if !s.model.guilds.contains_key(&guild) {
        return error(404, 10004, "Unknown Guild");
    }
    let threads: Vec<&Channel> = s
        .model
        .active_threads(guild)
        .filter(|c| s.model.can_view(s.bot_id, c.id))
        .collect();
    threads_page(s, threads.into_iter().rev(), None)
}

/// Which archived threads a list returns.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Archived {
    /// `/threads/archived/public`: public threads, latest archived first.
    Public,
    /// `/threads/archived/private`: private threads (needs MANAGE_THREADS), latest archived
    /// first.
    Private,
    /// `/users/@me/threads/archived/private`: private threads the bot is in, newest first.
    JoinedPrivate,
}

/// `threads`, `members` (the bot's) and, when paged, `has_more`.
fn threads_page<'a>(
    s: &State,
    threads: impl Iterator<Item = &'a Channel>,
    has_more: Option<bool>,
) -> Answer {
    let mut list = Vec::new();
    let mut members = Vec::new();
    for c in threads {
        list.push(s.model.channel_json(c));
        if let Some(joined) = c.thread.as_ref().and_then(|t| t.members.get(&s.bot_id)) {
            members.push(Model::thread_member_json(c.id, s.bot_id, *joined));
        }
    }
    let mut v = json!({"threads": list, "members": members});
    if let Some(more) = has_more {
        v["has_more"] = json!(more);
    }
    (200, v)
}

/// The archived threads of text channel `channel` (see [`Archived`]), paged by `before` (a
/// timestamp; for joined threads a thread id) and `limit` (default 50). Needs
/// READ_MESSAGE_HISTORY on the channel.
pub(crate) fn archived_route(
    s: &State,
    channel: u64,
    which: Archived,
    query: Option<&str>,
) -> Answer {
    let Some(c) = s.model.channels.get(&channel) else {
        return unknown_channel();
    };
    if !s.model.can_view(s.bot_id, channel) {
        return missing_access();
    }
    if c.kind != channel_type::TEXT {
        return wrong_channel_type();
    }
    let p = perms_in(&s.model, s.bot_id, channel);
    let needs = match which {
        Archived::Private => perms::READ_MESSAGE_HISTORY | perms::MANAGE_THREADS,
        _ => perms::READ_MESSAGE_HISTORY,
    };
    if p & needs != needs {
        return missing_permissions();
    }
    let before = match (query_param(query, "before"), which) {
        (None, _) => None,
        (Some(b), Archived::JoinedPrivate) => match b.parse::<u64>() {
            Ok(id) => Some(id as i64),
            Err(_) => return form_error("before", "NUMBER_TYPE_COERCE", "Value is not snowflake."),
        },
        (Some(b), _) => match parse_timestamp(&percent_decode(b)) {
            Some(ms) => Some(ms),
            None => {
                return form_error(
                    "before",
                    "DATE_TIME_TYPE_PARSE",
                    "Could not parse before. Should be ISO8601.",
                )
            }
        },
    };
    let limit = match query_param(query, "limit").map(str::parse::<usize>) {
        None => 50,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        Some(_) => {
            return form_error(
                "limit",
                "NUMBER_TYPE_MAX",
                "int value should be between 1 and 100.",
            )
        }
    };
    let kind = match which {
        Archived::Public => channel_type::PUBLIC_THREAD,
        _ => channel_type::PRIVATE_THREAD,
    };
    let mut found: Vec<&Channel> = s
        .model
        .channels
        .values()
        .filter(|t| t.parent_id == Some(channel) && t.kind == kind)
        .filter(|t| {
            t.thread.as_ref().is_some_and(|m| {
                m.archived && (which != Archived::JoinedPrivate || m.is_member(s.bot_id))
            })
        })
        .collect();
    let key = |t: &Channel| match which {
        Archived::JoinedPrivate => t.id as i64,
        _ => t.thread.as_ref().map_or(0, |m| m.archive_timestamp_ms),
    };
    found.sort_by_key(|t| std::cmp::Reverse((key(t), t.id)));
    found.retain(|t| before.is_none_or(|b| key(t) < b));
    let has_more = found.len() > limit;
    found.truncate(limit);
    threads_page(s, found.into_iter(), Some(has_more))
}

/// A query value with its `%XX` escapes decoded (`+` and `:` of a timestamp arrive escaped).
fn percent_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl State {
    /// THREAD_CREATE or THREAD_UPDATE with the whole thread (plus the fields of `extra`), if the
    /// bot identified with GUILDS and can see the thread: Discord tells nobody about threads
    /// they cannot see.
    pub(crate) fn dispatch_thread(&mut self, event: &str, thread: u64, extra: Value) {
        if self.intents & GUILDS_INTENT == 0 || !self.model.can_view(self.bot_id, thread) {
            return;
        }
        let Some(c) = self.model.channels.get(&thread) else {
            return;
        };
        let mut v = self.model.channel_json(c);
        for (k, x) in extra.as_object().into_iter().flatten() {
            v[k] = x.clone();
        }
        self.dispatch(event, v);
    }

    /// THREAD_MEMBERS_UPDATE for users added to or removed from a thread. Discord sends it for
    /// the bot's own membership always (with GUILDS), for anyone else's only with the
    /// GUILD_MEMBERS intent and if the bot can see the thread.
    pub(crate) fn dispatch_thread_members(&mut self, thread: u64, added: &[u64], removed: &[u64]) {
        let bot = self.bot_id;
        let own = added.contains(&bot) || removed.contains(&bot);
        let others = self.intents & GUILD_MEMBERS_INTENT != 0 && self.model.can_view(bot, thread);
        if self.intents & GUILDS_INTENT == 0 || !(own || others) {
            return;
        }
        let Some(c) = self.model.channels.get(&thread) else {
            return;
        };
        let Some(t) = &c.thread else {
            return;
        };
        let guild = c.guild_id.and_then(|g| self.model.guilds.get(&g));
        let added: Vec<Value> = added
            .iter()
            .filter_map(|u| t.members.get(u).map(|j| (*u, *j)))
            .map(|(u, joined)| {
                let mut v = Model::thread_member_json(thread, u, joined);
                if let Some(g) = guild {
                    v["member"] = self.model.member_json(g, u);
                }
                v["presence"] = Value::Null;
                v
            })
            .collect();
        let mut v = json!({
            "id": thread.to_string(),
            "guild_id": c.guild_id.map(|g| g.to_string()),
            "member_count": t.members.len().min(50),
        });
        if !added.is_empty() {
            v["added_members"] = json!(added);
        }
        if !removed.is_empty() {
            v["removed_member_ids"] = json!(removed.iter().map(u64::to_string).collect::<Vec<_>>());
        }
        self.dispatch("THREAD_MEMBERS_UPDATE", v);
    }

    /// THREAD_MEMBER_UPDATE with the bot's own thread member, which Discord sends to a thread's
    /// members when it is unarchived.
    fn dispatch_own_thread_member(&mut self, thread: u64) {
        if self.intents & GUILDS_INTENT == 0 {
            return;
        }
        let Some(c) = self.model.channels.get(&thread) else {
            return;
        };
        let Some(joined) = c.thread.as_ref().and_then(|t| t.members.get(&self.bot_id)) else {
            return;
        };
        let mut v = Model::thread_member_json(thread, self.bot_id, *joined);
        v["guild_id"] = json!(c.guild_id.map(|g| g.to_string()));
        self.dispatch("THREAD_MEMBER_UPDATE", v);
    }

    /// Removes a thread and sends THREAD_DELETE (`id`, `guild_id`, `parent_id`, `type`) if the
    /// bot could see it.
    pub(crate) fn remove_thread(&mut self, thread: u64) -> Option<Channel> {
        let announce =
            self.intents & GUILDS_INTENT != 0 && self.model.can_view(self.bot_id, thread);
        let c = self.model.channels.remove(&thread)?;
        self.model.deleted_channels.insert(thread);
        if announce {
            self.dispatch(
                "THREAD_DELETE",
                json!({
                    "id": c.id.to_string(),
                    "guild_id": c.guild_id.map(|g| g.to_string()),
                    "parent_id": c.parent_id.map(|p| p.to_string()),
                    "type": c.kind,
                }),
            );
        }
        Some(c)
    }

    /// A channel was deleted: its threads go with it. Discord announces only the channel
    /// (CHANNEL_DELETE), not each thread.
    pub(crate) fn remove_threads_of(&mut self, parent: u64) {
        let threads: Vec<u64> = self
            .model
            .channels
            .values()
            .filter(|c| c.is_thread() && c.parent_id == Some(parent))
            .map(|c| c.id)
            .collect();
        for t in threads {
            self.model.channels.remove(&t);
            self.model.deleted_channels.insert(t);
        }
    }

    /// Archives `thread` as Discord does an idle one (`at`: when, Unix ms), with THREAD_UPDATE.
    fn archive_idle(&mut self, thread: u64, at: i64) {
        let Some(m) = self
            .model
            .channels
            .get_mut(&thread)
            .and_then(|c| c.thread.as_mut())
        else {
            return;
        };
        if m.archived {
            return;
        }
        m.archived = true;
        m.archive_timestamp_ms = at;
        self.dispatch_thread("THREAD_UPDATE", thread, json!({}));
    }

    /// Discord's auto-archiving, up to the simulator's clock: a thread idle for its
    /// `auto_archive_duration` is archived then (see [`ThreadMeta::archives_at_ms`]).
    pub(crate) fn tick_threads(&mut self) {
        let now = self.utc_now_ms();
        let due: Vec<(u64, i64)> = self
            .model
            .channels
            .values()
            .filter_map(|c| Some((c.id, c.thread.as_ref()?)))
            .filter(|(_, t)| !t.archived && t.archives_at_ms() <= now)
            .map(|(id, t)| (id, t.archives_at_ms()))
            .collect();
        for (thread, at) in due {
            self.archive_idle(thread, at);
        }
    }
}

impl Sim {
    /// What Discord does to an idle thread, now: `archived` becomes true, `archive_timestamp`
    /// now, and the bot receives THREAD_UPDATE (if it can see the thread). [`Sim::advance_time`]
    /// does this by itself to every thread idle for its `auto_archive_duration`. Sending a
    /// message unarchives it again, unless it is locked. Panics if `thread` is not a thread.
    pub fn auto_archive(&self, thread: u64) {
        self.mutate(|s| {
            assert!(
                s.model
                    .channels
                    .get(&thread)
                    .is_some_and(Channel::is_thread),
                "{thread} is not a thread"
            );
            let now = s.utc_now_ms();
            s.archive_idle(thread, now);
        });
    }

    /// The members of a thread, in id order (empty if it is not a thread).
    pub fn thread_members(&self, thread: u64) -> Vec<u64> {
        self.thread(thread)
            .map(|t| t.members.keys().copied().collect())
            .unwrap_or_default()
    }

    /// A thread's state: owner, members, archived, locked, durations (`None` if `thread` is not
    /// a thread).
    pub fn thread(&self, thread: u64) -> Option<ThreadMeta> {
        self.with_model(|m| m.channels.get(&thread)?.thread.clone())
    }

    /// The threads of a text channel, active and archived, oldest first.
    pub fn threads_in(&self, parent: u64) -> Vec<Channel> {
        self.with_model(|m| {
            m.channels
                .values()
                .filter(|c| c.is_thread() && c.parent_id == Some(parent))
                .cloned()
                .collect()
        })
    }

    /// Waits until text channel `parent` has at least `count` threads, and returns them all.
    pub async fn wait_for_threads(&self, parent: u64, count: usize) -> Vec<Channel> {
        self.wait_for(DEFAULT_WAIT, |m, _| {
            let threads: Vec<Channel> = m
                .channels
                .values()
                .filter(|c| c.is_thread() && c.parent_id == Some(parent))
                .cloned()
                .collect();
            (threads.len() >= count).then_some(threads)
        })
        .await
        .unwrap_or_else(|| panic!("fewer than {count} threads in {parent} within {DEFAULT_WAIT:?}"))
    }

    /// Whether `user` can see `channel`, by the same rules the REST side applies to the bot:
    /// a guild member with VIEW_CHANNEL there (for a thread: on its parent, with overwrites and
    /// administrator); a private thread also only if they are in it or have MANAGE_THREADS.
    pub fn can_view(&self, user: u64, channel: u64) -> bool {
        self.with_model(|m| m.can_view(user, channel))
    }

    /// A member starts a thread in Discord's client (`body` as for `POST
    /// /channels/{parent}/threads`: `name`, `type`, `auto_archive_duration`, `invitable`), with
    /// their permissions checked. The bot receives THREAD_CREATE if it can see the thread.
    /// Panics with Discord's answer if Discord would refuse.
    pub fn create_thread_as(&self, user: u64, parent: u64, body: Value) -> u64 {
        self.mutate(|s| create(s, user, parent, &body))
            .unwrap_or_else(|(status, v)| panic!("Discord refuses the thread ({status}): {v}"))
    }

    /// Member `by` adds `user` to a thread in Discord's client (`by == user`: joins it), with
    /// Discord's checks. The bot receives THREAD_MEMBERS_UPDATE if it is the one added, or has
    /// the GUILD_MEMBERS intent and can see the thread. Panics if Discord would refuse.
    pub fn add_thread_member_as(&self, by: u64, thread: u64, user: u64) {
        if let Err((status, v)) = self.mutate(|s| add_member(s, by, thread, user)) {
            panic!("Discord refuses to add {user} to {thread} ({status}): {v}");
        }
    }

    /// Member `by` removes `user` from a thread (`by == user`: leaves it), with Discord's
    /// checks; THREAD_MEMBERS_UPDATE as for [`Sim::add_thread_member_as`]. Panics if Discord
    /// would refuse.
    pub fn remove_thread_member_as(&self, by: u64, thread: u64, user: u64) {
        if let Err((status, v)) = self.mutate(|s| remove_member(s, by, thread, user)) {
            panic!("Discord refuses to remove {user} from {thread} ({status}): {v}");
        }
    }

    /// A member edits a thread in Discord's client (`body` as for `PATCH /channels/{thread}`,
    /// e.g. a moderator's `{"locked": true}`), with Discord's checks; the bot receives
    /// THREAD_UPDATE. Panics if Discord would refuse.
    pub fn edit_thread_as(&self, user: u64, thread: u64, body: Value) {
        if let Err((status, v)) = self.mutate(|s| modify(s, user, thread, &body)) {
            panic!("Discord refuses the thread edit ({status}): {v}");
        }
    }
}

/// Why `author` cannot post in `thread` from Discord's client, if they cannot; otherwise an
/// archived thread is unarchived and they join it, as their message would do.
pub(crate) fn prepare_member_post(s: &mut State, author: u64, thread: u64) -> Result<(), String> {
    if !s.model.can_view(author, thread) {
        return Err(format!("{author} cannot see thread {thread}"));
    }
    if perms_in(&s.model, author, thread) & perms::SEND_MESSAGES_IN_THREADS == 0 {
        return Err(format!("{author} may not send messages in threads there"));
    }
    if let Err((_, v)) = check_post(&s.model, author, thread) {
        return Err(format!("thread {thread} is locked: {v}"));
    }
    unarchive_for_post(s, thread);
    join_on_post(s, thread, author);
    Ok(())
}
