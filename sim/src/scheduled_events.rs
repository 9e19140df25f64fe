//! Guild scheduled events: `/guilds/{guild}/scheduled-events[/{event}]` with the rules Discord
//! enforces on them (fields by entity type, a start in the future, status transitions,
//! permissions, at most 100 open events), Discord's status automation as the simulator's clock
//! moves, and GUILD_SCHEDULED_EVENT_CREATE / UPDATE / DELETE for a bot with the
//! GUILD_SCHEDULED_EVENTS intent.
//!
//! Error codes: 10004, 10070, 50001, 50013, 30038 and 180000 are Discord's documented codes;
//! "Invalid Form Body" (50035) details use Discord's field codes where they are known
//! (`BASE_TYPE_REQUIRED`, `GUILD_SCHEDULED_EVENT_SCHEDULE_PAST`,
//! `GUILD_SCHEDULED_EVENT_INVALID_START_BY_STATUS`) and plausible ones otherwise.

use std::time::Duration;

use serde_json::{json, Map, Value};

use crate::model::{
    channel_type, entity_type, event_status, parse_timestamp, perms, ScheduledEvent,
    MAX_OPEN_SCHEDULED_EVENTS,
};
use crate::rest::{error, parse_id, query_param, Answer};
use crate::{Sim, State, DEFAULT_WAIT};

/// Discord's GUILD_SCHEDULED_EVENTS intent: GUILD_SCHEDULED_EVENT_* events reach only a bot that
/// identified with it.
pub const GUILD_SCHEDULED_EVENTS_INTENT: u64 = 1 << 16;

/// How long after its start time Discord cancels a stage or voice event nobody started ("on the
/// order of hours", says Discord).
pub const SCHEDULED_EVENT_AUTO_CANCEL: Duration = Duration::from_secs(3 * 60 * 60);

fn unknown_guild() -> Answer {
    error(404, 10004, "Unknown Guild")
}

fn unknown_event() -> Answer {
    error(404, 10070, "Unknown Guild Scheduled Event")
}

fn missing_permissions() -> Answer {
    error(403, 50013, "Missing Permissions")
}

/// "Invalid Form Body" with one error at `path` (`["entity_metadata", "location"]`), nested as
/// Discord nests them.
fn invalid(path: &[&str], code: &str, message: &str) -> Answer {
    let mut node = json!({"_errors": [{"code": code, "message": message}]});
    for key in path.iter().rev() {
        let mut m = Map::new();
        m.insert((*key).to_string(), node);
        node = Value::Object(m);
    }
    (
        400,
        json!({"message": "Invalid Form Body", "code": 50035, "errors": node}),
    )
}

fn required(path: &[&str]) -> Answer {
    invalid(path, "BASE_TYPE_REQUIRED", "This field is required")
}

fn status_name(status: u8) -> &'static str {
    match status {
        event_status::SCHEDULED => "SCHEDULED",
        event_status::ACTIVE => "ACTIVE",
        event_status::COMPLETED => "COMPLETED",
        event_status::CANCELED => "CANCELED",
        _ => "UNKNOWN",
    }
}

/// SCHEDULED → ACTIVE → COMPLETED and SCHEDULED → CANCELED; "changing" to the same status is
/// no change.
fn valid_transition(from: u8, to: u8) -> bool {
    from == to
        || matches!(
            (from, to),
            (event_status::SCHEDULED, event_status::ACTIVE)
                | (event_status::ACTIVE, event_status::COMPLETED)
                | (event_status::SCHEDULED, event_status::CANCELED)
        )
}

/// A time field of a body: `None` when absent, `Some(None)` when null.
fn time_field(body: &Value, field: &str) -> Result<Option<Option<i64>>, Answer> {
    match body.get(field) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(v) => match v.as_str().and_then(parse_timestamp) {
            Some(ms) => Ok(Some(Some(ms))),
            None => Err(invalid(
                &[field],
                "DATE_TIME_TYPE_PARSE",
                &format!("Could not parse {v}. Should be ISO8601."),
            )),
        },
    }
}

/// The bot's permissions for an event of `kind` in `channel`: in the channel for stage and
/// voice events (with its overwrites), in the guild for external ones.
fn bot_permissions(s: &State, guild: u64, kind: u8, channel: Option<u64>) -> u64 {
    let Some(g) = s.model.guilds.get(&guild) else {
        return 0;
    };
    let channel = channel
        .filter(|_| kind != entity_type::EXTERNAL)
        .and_then(|c| s.model.channels.get(&c));
    match channel {
        Some(c) => s.model.channel_permissions(g, c, s.bot_id),
        None => s.model.base_permissions(g, s.bot_id),
    }
}

/// What an event of `kind` needs in its channel besides CREATE_EVENTS / MANAGE_EVENTS.
fn channel_needs(kind: u8) -> u64 {
    match kind {
        entity_type::STAGE_INSTANCE => {
            perms::VIEW_CHANNEL | perms::MANAGE_CHANNELS | perms::MUTE_MEMBERS | perms::MOVE_MEMBERS
        }
        entity_type::VOICE => perms::VIEW_CHANNEL | perms::CONNECT,
        _ => 0,
    }
}

#[derive(Clone, Copy)]
enum Action {
    Create,
    /// Modify or delete; `own`: the bot created the event.
    Change {
        own: bool,
    },
}

/// Discord's permission requirements: creating needs CREATE_EVENTS; changing or deleting one's
/// own event CREATE_EVENTS or MANAGE_EVENTS, anyone else's MANAGE_EVENTS; stage events also
/// MANAGE_CHANNELS, MUTE_MEMBERS and MOVE_MEMBERS, voice events VIEW_CHANNEL and CONNECT, all
/// computed in the event's channel.
fn check_permissions(
    s: &State,
    guild: u64,
    kind: u8,
    channel: Option<u64>,
    action: Action,
) -> Result<(), Answer> {
    let p = bot_permissions(s, guild, kind, channel);
    let events = match action {
        Action::Create => perms::CREATE_EVENTS,
        Action::Change { own: true } => perms::CREATE_EVENTS | perms::MANAGE_EVENTS,
        Action::Change { own: false } => perms::MANAGE_EVENTS,
    };
    let needs = channel_needs(kind);
    if p & events != 0 && p & needs == needs {
        Ok(())
    } else {
        Err(missing_permissions())
    }
}

/// Whether the bot may see the event: external ones always, others with VIEW_CHANNEL.
fn visible(s: &State, e: &ScheduledEvent) -> bool {
    e.entity_type == entity_type::EXTERNAL
        || bot_permissions(s, e.guild_id, e.entity_type, e.channel_id) & perms::VIEW_CHANNEL != 0
}

/// Applies the body's fields other than `status` and `scheduled_start_time`, checking each.
fn apply_fields(e: &mut ScheduledEvent, body: &Value) -> Result<(), Answer> {
    if let Some(v) = body.get("name") {
        match v.as_str() {
            Some(n) if (1..=100).contains(&n.chars().count()) => e.name = n.to_string(),
            _ => {
                return Err(invalid(
                    &["name"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                ))
            }
        }
    }
    if let Some(v) = body.get("description") {
        e.description = match v {
            Value::Null => None,
            Value::String(d) if d.chars().count() <= 1000 => Some(d.clone()),
            _ => {
                return Err(invalid(
                    &["description"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 1000 in length.",
                ))
            }
        };
    }
    if let Some(v) = body.get("privacy_level") {
        if v.as_u64() != Some(2) {
            return Err(invalid(
                &["privacy_level"],
                "BASE_TYPE_CHOICES",
                "Value must be one of (2,).",
            ));
        }
    }
    if let Some(v) = body.get("entity_type").filter(|v| !v.is_null()) {
        match v.as_u64() {
            Some(k @ 1..=3) => e.entity_type = k as u8,
            _ => {
                return Err(invalid(
                    &["entity_type"],
                    "BASE_TYPE_CHOICES",
                    "Value must be one of (1, 2, 3).",
                ))
            }
        }
    }
    if let Some(v) = body.get("channel_id") {
        e.channel_id = match v {
            Value::Null => None,
            v => Some(parse_id(v).ok_or_else(|| {
                invalid(
                    &["channel_id"],
                    "NUMBER_TYPE_COERCE",
                    &format!("Value {v} is not snowflake."),
                )
            })?),
        };
    }
    if let Some(v) = body.get("entity_metadata") {
        e.location = match v["location"].as_str() {
            None => None,
            Some(l) if l.chars().count() <= 100 => Some(l.to_string()),
            Some(_) => {
                return Err(invalid(
                    &["entity_metadata", "location"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                ))
            }
        };
    }
    if let Some(end) = time_field(body, "scheduled_end_time")? {
        e.scheduled_end_ms = end;
    }
    Ok(())
}

/// Discord's field requirements by entity type: stage and voice events need a channel of
/// their kind in the guild; external ones a location, an end time and no channel.
fn check_shape(s: &State, e: &ScheduledEvent) -> Result<(), Answer> {
    if e.entity_type == entity_type::EXTERNAL {
        if e.channel_id.is_some() {
            return Err(invalid(
                &["channel_id"],
                "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED",
                "Must be null for events with entity_type EXTERNAL.",
            ));
        }
        if e.location.as_deref().is_none_or(str::is_empty) {
            return Err(required(&["entity_metadata", "location"]));
        }
        if e.scheduled_end_ms.is_none() {
            return Err(required(&["scheduled_end_time"]));
        }
        return Ok(());
    }
    let Some(c) = e.channel_id else {
        return Err(required(&["channel_id"]));
    };
    let (want, what) = if e.entity_type == entity_type::STAGE_INSTANCE {
        (channel_type::STAGE, "a stage channel")
    } else {
        (channel_type::VOICE, "a voice channel")
    };
    match s.model.channels.get(&c) {
        Some(ch) if ch.guild_id == Some(e.guild_id) => {
            if ch.kind != want {
                return Err(invalid(
                    &["channel_id"],
                    "GUILD_SCHEDULED_EVENT_INVALID_CHANNEL_TYPE",
                    &format!("The channel must be {what} for this entity_type."),
                ));
            }
            Ok(())
        }
        _ => Err(error(404, 10003, "Unknown Channel")),
    }
}

/// A new start must be in the future (by the simulator's clock); an end must follow the start.
fn check_times(s: &State, e: &ScheduledEvent, start_given: bool) -> Result<(), Answer> {
    if start_given && e.scheduled_start_ms <= s.utc_now_ms() {
        return Err(invalid(
            &["scheduled_start_time"],
            "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
            "Cannot schedule event in the past.",
        ));
    }
    if e.scheduled_end_ms
        .is_some_and(|end| end <= e.scheduled_start_ms)
    {
        return Err(invalid(
            &["scheduled_end_time"],
            "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
            "Cannot schedule event to end before starting.",
        ));
    }
    Ok(())
}

/// Creates an event by `creator` (checking the bot's permissions when `with_permissions`).
pub(crate) fn create(
    s: &mut State,
    guild: u64,
    creator: u64,
    body: &Value,
    with_permissions: bool,
) -> Result<ScheduledEvent, Answer> {
    if !s.model.guilds.contains_key(&guild) {
        return Err(unknown_guild());
    }
    s.tick_scheduled_events();
    for field in [
        "name",
        "privacy_level",
        "entity_type",
        "scheduled_start_time",
    ] {
        if body.get(field).is_none_or(Value::is_null) {
            return Err(required(&[field]));
        }
    }
    let mut e = ScheduledEvent {
        id: 0,
        guild_id: guild,
        channel_id: None,
        creator_id: creator,
        name: String::new(),
        description: None,
        scheduled_start_ms: 0,
        scheduled_end_ms: None,
        privacy_level: 2,
        status: event_status::SCHEDULED,
        entity_type: 0,
        location: None,
    };
    apply_fields(&mut e, body)?;
    if let Some(Some(start)) = time_field(body, "scheduled_start_time")? {
        e.scheduled_start_ms = start;
    }
    if e.entity_type != entity_type::EXTERNAL && e.location.is_some() {
        return Err(invalid(
            &["entity_metadata", "location"],
            "GUILD_SCHEDULED_EVENT_LOCATION_NOT_ALLOWED",
            "Must be null for events with entity_type STAGE_INSTANCE or VOICE.",
        ));
    }
    check_shape(s, &e)?;
    if with_permissions {
        check_permissions(s, guild, e.entity_type, e.channel_id, Action::Create)?;
    }
    check_times(s, &e, true)?;
    let open = s.model.guilds[&guild]
        .scheduled_events
        .values()
        .filter(|e| e.is_open())
        .count();
    if open >= MAX_OPEN_SCHEDULED_EVENTS {
        return Err(error(
            400,
            30038,
            "Maximum number of uncompleted guild scheduled events reached (100)",
        ));
    }
    e.id = s.model.next_id();
    s.model
        .guilds
        .get_mut(&guild)
        .expect("checked above")
        .scheduled_events
        .insert(e.id, e.clone());
    s.dispatch_scheduled_event("GUILD_SCHEDULED_EVENT_CREATE", &e);
    Ok(e)
}

/// The event, after Discord's automation caught up with the clock.
fn find(s: &mut State, guild: u64, event: u64) -> Result<ScheduledEvent, Answer> {
    if !s.model.guilds.contains_key(&guild) {
        return Err(unknown_guild());
    }
    s.tick_scheduled_events();
    s.model.guilds[&guild]
        .scheduled_events
        .get(&event)
        .cloned()
        .ok_or_else(unknown_event)
}

fn with_user_count(query: Option<&str>) -> bool {
    query_param(query, "with_user_count").is_some_and(|v| matches!(v, "true" | "True" | "1"))
}

/// `POST /guilds/{guild}/scheduled-events`: the bot creates an event (200, as Discord answers).
pub(crate) fn create_route(s: &mut State, guild: u64, body: &Value) -> Answer {
    let bot = s.bot_id;
    match create(s, guild, bot, body, true) {
        Ok(e) => (200, s.model.scheduled_event_json(&e, false)),
        Err(answer) => answer,
    }
}

/// `GET /guilds/{guild}/scheduled-events`: the events the bot can see, in id order.
pub(crate) fn list(s: &mut State, guild: u64, query: Option<&str>) -> Answer {
    if !s.model.guilds.contains_key(&guild) {
        return unknown_guild();
    }
    s.tick_scheduled_events();
    let count = with_user_count(query);
    let list: Vec<Value> = s.model.guilds[&guild]
        .scheduled_events
        .values()
        .filter(|e| visible(s, e))
        .map(|e| s.model.scheduled_event_json(e, count))
        .collect();
    (200, json!(list))
}

/// `GET /guilds/{guild}/scheduled-events/{event}`.
pub(crate) fn get(s: &mut State, guild: u64, event: u64, query: Option<&str>) -> Answer {
    let e = match find(s, guild, event) {
        Ok(e) => e,
        Err(answer) => return answer,
    };
    if !visible(s, &e) {
        return error(403, 50001, "Missing Access");
    }
    (
        200,
        s.model.scheduled_event_json(&e, with_user_count(query)),
    )
}

/// `PATCH /guilds/{guild}/scheduled-events/{event}`.
pub(crate) fn modify(s: &mut State, guild: u64, event: u64, body: &Value) -> Answer {
    match modify_event(s, guild, event, body, true) {
        Ok(e) => (200, s.model.scheduled_event_json(&e, false)),
        Err(answer) => answer,
    }
}

fn modify_event(
    s: &mut State,
    guild: u64,
    event: u64,
    body: &Value,
    with_permissions: bool,
) -> Result<ScheduledEvent, Answer> {
    let current = find(s, guild, event)?;
    let own = current.creator_id == s.bot_id;
    if with_permissions {
        check_permissions(
            s,
            guild,
            current.entity_type,
            current.channel_id,
            Action::Change { own },
        )?;
    }
    if !current.is_open() {
        return Err(error(400, 180000, "Cannot update a finished event"));
    }
    let mut next = current.clone();
    apply_fields(&mut next, body)?;
    if let Some(v) = body.get("status").filter(|v| !v.is_null()) {
        let to = match v.as_u64() {
            Some(to @ 1..=4) => to as u8,
            _ => {
                return Err(invalid(
                    &["status"],
                    "BASE_TYPE_CHOICES",
                    "Value must be one of (1, 2, 3, 4).",
                ))
            }
        };
        if !valid_transition(current.status, to) {
            return Err(invalid(
                &["status"],
                "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION",
                &format!(
                    "Cannot change the status of an event from {} to {}.",
                    status_name(current.status),
                    status_name(to)
                ),
            ));
        }
        next.status = to;
    }
    let start = time_field(body, "scheduled_start_time")?;
    if let Some(start) = start {
        let Some(start) = start else {
            return Err(required(&["scheduled_start_time"]));
        };
        // Discord refuses any start time (even the same one) for an event that is running.
        if current.status == event_status::ACTIVE {
            return Err(invalid(
                &["scheduled_start_time"],
                "GUILD_SCHEDULED_EVENT_INVALID_START_BY_STATUS",
                "Cannot change the start time of an active event.",
            ));
        }
        next.scheduled_start_ms = start;
    }
    // Discord silently discards entity_metadata for stage and voice events.
    if next.entity_type != entity_type::EXTERNAL {
        next.location = None;
    }
    check_shape(s, &next)?;
    let moved = (next.entity_type, next.channel_id) != (current.entity_type, current.channel_id);
    if with_permissions && moved {
        check_permissions(
            s,
            guild,
            next.entity_type,
            next.channel_id,
            Action::Change { own },
        )?;
    }
    check_times(s, &next, start.is_some())?;
    s.model
        .guilds
        .get_mut(&guild)
        .expect("found above")
        .scheduled_events
        .insert(event, next.clone());
    s.dispatch_scheduled_event("GUILD_SCHEDULED_EVENT_UPDATE", &next);
    Ok(next)
}

/// `DELETE /guilds/{guild}/scheduled-events/{event}` (204).
pub(crate) fn delete(s: &mut State, guild: u64, event: u64) -> Answer {
    match delete_event(s, guild, event, true) {
        Ok(()) => (204, Value::Null),
        Err(answer) => answer,
    }
}

fn delete_event(
    s: &mut State,
    guild: u64,
    event: u64,
    with_permissions: bool,
) -> Result<(), Answer> {
    let e = find(s, guild, event)?;
    if with_permissions {
        let own = e.creator_id == s.bot_id;
        check_permissions(
            s,
            guild,
            e.entity_type,
            e.channel_id,
            Action::Change { own },
        )?;
    }
    if let Some(g) = s.model.guilds.get_mut(&guild) {
        g.scheduled_events.remove(&event);
    }
    s.dispatch_scheduled_event("GUILD_SCHEDULED_EVENT_DELETE", &e);
    Ok(())
}

impl State {
    /// Sends GUILD_SCHEDULED_EVENT_CREATE / UPDATE / DELETE, if the bot identified with the
    /// GUILD_SCHEDULED_EVENTS intent (as Discord does).
    pub(crate) fn dispatch_scheduled_event(&mut self, event: &str, e: &ScheduledEvent) {
        if self.intents & GUILD_SCHEDULED_EVENTS_INTENT != 0 {
            let payload = self.model.scheduled_event_json(e, false);
            self.dispatch(event, payload);
        }
    }

    /// Discord's status automation, up to the simulator's clock: an external event becomes
    /// active at its start time and completed at its end time; a stage or voice event still
    /// scheduled [`SCHEDULED_EVENT_AUTO_CANCEL`] after its start time is canceled. Each change
    /// is announced with GUILD_SCHEDULED_EVENT_UPDATE.
    pub(crate) fn tick_scheduled_events(&mut self) {
        let now = self.utc_now_ms();
        let cancel_after = SCHEDULED_EVENT_AUTO_CANCEL.as_millis() as i64;
        let mut changed = Vec::new();
        for g in self.model.guilds.values_mut() {
            for e in g.scheduled_events.values_mut() {
                loop {
                    let next = match (e.entity_type, e.status) {
                        (entity_type::EXTERNAL, event_status::SCHEDULED)
                            if now >= e.scheduled_start_ms =>
                        {
                            event_status::ACTIVE
                        }
                        (entity_type::EXTERNAL, event_status::ACTIVE)
                            if e.scheduled_end_ms.is_some_and(|end| now >= end) =>
                        {
                            event_status::COMPLETED
                        }
                        (kind, event_status::SCHEDULED)
                            if kind != entity_type::EXTERNAL
                                && now >= e.scheduled_start_ms.saturating_add(cancel_after) =>
                        {
                            event_status::CANCELED
                        }
                        _ => break,
                    };
                    e.status = next;
                    changed.push(e.clone());
                }
            }
        }
        for e in changed {
            self.dispatch_scheduled_event("GUILD_SCHEDULED_EVENT_UPDATE", &e);
        }
    }
}

impl Sim {
    /// The guild's scheduled events in creation order, with the statuses Discord's automation
    /// has given them by [`Sim::utc_now`] (deleted events are gone).
    pub fn scheduled_events(&self, guild: u64) -> Vec<ScheduledEvent> {
        self.mutate(|s| {
            s.tick_scheduled_events();
            s.model
                .guilds
                .get(&guild)
                .map(|g| g.scheduled_events.values().cloned().collect())
                .unwrap_or_default()
        })
    }

    /// One scheduled event as the REST API returns it (without `user_count`).
    pub fn scheduled_event_json(&self, guild: u64, event: u64) -> Option<Value> {
        let events = self.scheduled_events(guild);
        let e = events.iter().find(|e| e.id == event)?;
        Some(self.with_model(|m| m.scheduled_event_json(e, false)))
    }

    /// Waits until the guild has at least `count` scheduled events, and returns them all.
    pub async fn wait_for_scheduled_events(&self, guild: u64, count: usize) -> Vec<ScheduledEvent> {
        self.wait_for(DEFAULT_WAIT, |m, _| {
            let events: Vec<ScheduledEvent> = m
                .guilds
                .get(&guild)
                .map(|g| g.scheduled_events.values().cloned().collect())
                .unwrap_or_default();
            (events.len() >= count).then_some(events)
        })
        .await
        .unwrap_or_else(|| {
            panic!("fewer than {count} scheduled events in {guild} within {DEFAULT_WAIT:?}")
        })
    }

    /// A member creates a scheduled event in Discord's client (`body` as for `POST
    /// /guilds/{guild}/scheduled-events`): Discord's rules for the fields and times apply, the
    /// member's permissions are not checked. The bot receives GUILD_SCHEDULED_EVENT_CREATE (with
    /// the intent). Panics with Discord's answer if Discord would refuse it.
    pub fn create_scheduled_event_as(&self, guild: u64, user: u64, body: Value) -> u64 {
        self.mutate(|s| create(s, guild, user, &body, false))
            .map(|e| e.id)
            .unwrap_or_else(|(status, v)| panic!("Discord refuses the event ({status}): {v}"))
    }

    /// A moderator starts, ends or cancels an event in Discord's client (see [`event_status`]);
    /// the bot receives GUILD_SCHEDULED_EVENT_UPDATE (with the intent). Panics on a transition
    /// Discord does not allow.
    ///
    /// [`event_status`]: crate::event_status
    pub fn set_scheduled_event_status(&self, guild: u64, event: u64, status: u8) {
        let body = json!({ "status": status });
        if let Err((code, v)) = self.mutate(|s| modify_event(s, guild, event, &body, false)) {
            panic!("Discord refuses the status change ({code}): {v}");
        }
    }

    /// A moderator deletes an event in Discord's client; the bot receives
    /// GUILD_SCHEDULED_EVENT_DELETE (with the intent).
    pub fn delete_scheduled_event(&self, guild: u64, event: u64) {
        if let Err((code, v)) = self.mutate(|s| delete_event(s, guild, event, false)) {
            panic!("no such scheduled event ({code}): {v}");
        }
    }
}
