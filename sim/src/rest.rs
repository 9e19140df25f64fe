//! The REST half of the simulator: one handler that records the request, applies injected
//! faults, checks the body against Discord's OpenAPI description and answers from the model.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxState;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::model::{channel_type, perms, Channel, Message, Model, Overwrite, Role};
use crate::threads;
use crate::{CommandCall, FaultKind, InteractionRecord, RecordedRequest, Shared, State};

pub(crate) type Answer = (u16, Value);

pub(crate) fn error(status: u16, code: u64, message: &str) -> Answer {
    (status, json!({"message": message, "code": code}))
}

fn not_found() -> Answer {
    error(404, 0, "404: Not Found")
}

pub(crate) fn form_error(field: &str, code: &str, message: &str) -> Answer {
    (
        400,
        json!({
            "message": "Invalid Form Body",
            "code": 50035,
            "errors": {field: {"_errors": [{"code": code, "message": message}]}},
        }),
    )
}

fn id(s: &str) -> Option<u64> {
    s.parse().ok()
}

pub(crate) fn parse_id(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn parse_bits(v: &Value) -> u64 {
    parse_id(v).unwrap_or(0)
}

/// Files of a multipart request: (form field, file name, bytes).
type Files = Vec<(String, String, Vec<u8>)>;

async fn parse_body(headers: &HeaderMap, body: Bytes) -> Result<(Value, Files), String> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        let boundary = multer::parse_boundary(content_type).map_err(|e| e.to_string())?;
        let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut json = Value::Null;
        let mut files = Vec::new();
        while let Some(field) = multipart.next_field().await.map_err(|e| e.to_string())? {
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field.bytes().await.map_err(|e| e.to_string())?;
            if name == "payload_json" {
                json = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
            } else {
                files.push((name, file_name.unwrap_or_default(), bytes.to_vec()));
            }
        }
        return Ok((json, files));
    }
    if body.is_empty() {
        return Ok((Value::Null, Vec::new()));
    }
    serde_json::from_slice(&body)
        .map(|v| (v, Vec::new()))
        .map_err(|e| e.to_string())
}

pub(crate) async fn handle(
    AxState(shared): AxState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // Half the network's round trip on the way in, with no lock held (concurrent requests wait
    // concurrently), then the request takes effect and is recorded; the other half on the way
    // back. A client that dies meanwhile has changed Discord without hearing so, as on a real
    // network.
    let latency = shared.lock().latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency / 2).await;
    }
    let path = uri.path();
    let path = ["/api/v10", "/api/v9", "/api"]
        .iter()
        .find_map(|p| path.strip_prefix(p))
        .unwrap_or(path)
        .to_string();
    let query = uri.query().map(str::to_string);
    let parsed = parse_body(&headers, body).await;
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();

    let mut retry_after = None;
    let mut hang = false;
    let (status, value, recorded_body) = {
        let mut s = shared.lock();
        let token_route = path.starts_with("/interactions/") || path.starts_with("/webhooks/");
        let (status, value, recorded_body) = match parsed {
            Err(e) => {
                let (st, v) = error(
                    400,
                    50109,
                    &format!("The request body contains invalid JSON: {e}"),
                );
                (st, v, Value::Null)
            }
            Ok((body, files)) => {
                let recorded = recorded_body(&body, &files);
                let (st, v) = if !token_route && auth != format!("Bot {}", s.token) {
                    error(401, 0, "401: Unauthorized")
                } else if let Some(fault) = s.take_fault(method.as_str(), &path) {
                    match fault {
                        FaultKind::RateLimited {
                            retry_after: after,
                            global,
                        } => {
                            retry_after = Some((after, global));
                            (
                                429,
                                json!({
                                    "message": "You are being rate limited.",
                                    "retry_after": after,
                                    "global": global,
                                }),
                            )
                        }
                        FaultKind::ServerError { status } => {
                            error(status, 0, "500: Internal Server Error")
                        }
                        FaultKind::Error { status, code } => error(status, code, "Injected error"),
                        FaultKind::Timeout => {
                            hang = true;
                            (504, Value::Null)
                        }
                    }
                } else if let Some(after) = s.over_global_limit(token_route) {
                    retry_after = Some((after, true));
                    (
                        429,
                        json!({
                            "message": "You are being rate limited.",
                            "retry_after": after,
                            "global": true,
                            "code": 0,
                        }),
                    )
                } else if let Some(err) = s
                    .validator
                    .clone()
                    .and_then(|v| v.check(method.as_str(), &path, &body))
                {
                    (
                        400,
                        json!({"message": "Invalid Form Body", "code": 50035, "errors": err}),
                    )
                } else {
                    route(&mut s, &method, &path, query.as_deref(), &body, files)
                };
                (st, v, recorded)
            }
        };
        s.requests.push(RecordedRequest {
            method: method.to_string(),
            path: path.clone(),
            query,
            body: recorded_body.clone(),
            status,
            at: std::time::Instant::now(),
        });
        (status, value, recorded_body)
    };
    let _ = recorded_body;
    shared.bump();
    if !latency.is_zero() {
        tokio::time::sleep(latency - latency / 2).await;
    }
    if hang {
        // Hangs in this request's own task, holding nothing, until the client gives up (hyper
        // then drops this future), the simulator stops, or TIMEOUT_HANG passes.
        let mut closed = shared.closed.subscribe();
        tokio::select! {
            _ = tokio::time::sleep(crate::TIMEOUT_HANG) => {}
            _ = closed.wait_for(|c| *c) => {}
        }
        return (StatusCode::GATEWAY_TIMEOUT, "upstream request timeout").into_response();
    }

    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status == 204 {
        return code.into_response();
    }
    let mut response = (
        code,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        value.to_string(),
    )
        .into_response();
    let h = response.headers_mut();
    if let Some((after, global)) = retry_after {
        h.insert(
            "retry-after",
            HeaderValue::from_str(&format!("{}", after.ceil() as u64)).unwrap(),
        );
        h.insert(
            "x-ratelimit-scope",
            HeaderValue::from_static(if global { "global" } else { "user" }),
        );
        if global {
            h.insert("x-ratelimit-global", HeaderValue::from_static("true"));
        }
    }
    response
}

fn recorded_body(body: &Value, files: &Files) -> Value {
    if files.is_empty() {
        return body.clone();
    }
    let mut b = if body.is_null() {
        json!({})
    } else {
        body.clone()
    };
    b["files"] = json!(files
        .iter()
        .map(|(field, name, bytes)| json!({
            "field": field,
            "filename": name,
            "size": bytes.len(),
            "text": String::from_utf8_lossy(bytes),
        }))
        .collect::<Vec<_>>());
    b
}

fn route(
    s: &mut State,
    method: &Method,
    path: &str,
    query: Option<&str>,
    body: &Value,
    files: Files,
) -> Answer {
    let seg: Vec<&str> = path.trim_matches('/').split('/').collect();
    let m = method.as_str();
    if let Some(answer) = not_a_member(s, &seg) {
        return answer;
    }
    match (m, seg.as_slice()) {
        ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]) => (
            200,
            json!({
                "url": format!("ws://{}/gateway", s.public_addr),
                "shards": s.recommended_shards,
                "session_start_limit": {
                    "total": 1000, "remaining": 1000, "reset_after": 0,
                    "max_concurrency": s.max_concurrency
                },
            }),
        ),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            (200, application_json(s))
        }
        ("GET", ["users", "@me"]) => (200, s.model.user_json(s.bot_id)),
        ("GET", ["users", user]) => match id(user).map(|u| s.model.user_json(u)) {
            Some(v) if !v.is_null() => (200, v),
            _ => error(404, 10013, "Unknown User"),
        },
        ("POST", ["users", "@me", "channels"]) => open_dm(s, body),
        ("GET", ["applications", _, "commands"]) => (200, json!(s.model.global_commands)),
        ("PUT", ["applications", _, "commands"]) => {
            let list = register_commands(s, body, None);
            s.model.global_commands = list.clone();
            (200, json!(list))
        }
        ("GET", ["applications", _, "guilds", guild, "commands"]) => {
            let g = id(guild).unwrap_or(0);
            (
                200,
                json!(s.model.guild_commands.get(&g).cloned().unwrap_or_default()),
            )
        }
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            let Some(g) = id(guild).filter(|g| s.model.guilds.contains_key(g)) else {
                return error(404, 10004, "Unknown Guild");
            };
            let list = register_commands(s, body, Some(g));
            s.model.guild_commands.insert(g, list.clone());
            (200, json!(list))
        }
        ("POST", ["interactions", iid, token, "callback"]) => {
            interaction_callback(s, iid, token, body, files, query)
        }
        ("POST", ["webhooks", _, token]) => followup(s, token, body, files),
        ("GET", ["webhooks", _, token, "messages", mid]) => match webhook_message(s, token, mid) {
            Some(id) => (200, s.model.message_json(&s.model.messages[&id])),
            None => error(404, 10008, "Unknown Message"),
        },
        ("PATCH", ["webhooks", _, token, "messages", mid]) => {
            let Some(mid_num) = webhook_message(s, token, mid) else {
                return error(404, 10008, "Unknown Message");
            };
            if *mid == "@original" {
                if let Some(rec) = s.interactions.values_mut().find(|r| r.token == *token) {
                    rec.original_edited = true;
                }
            }
            edit_message(s, mid_num, body, files)
        }
        ("DELETE", ["webhooks", _, token, "messages", mid]) => {
            match webhook_message(s, token, mid) {
                Some(id) => {
                    s.model.messages.remove(&id);
                    (204, Value::Null)
                }
                None => error(404, 10008, "Unknown Message"),
            }
        }
        ("GET", ["guilds", guild]) => match id(guild).and_then(|g| s.model.guilds.get(&g)) {
            Some(g) => (200, s.model.guild_json(g)),
            None => error(404, 10004, "Unknown Guild"),
        },
        ("GET", ["guilds", guild, "channels"]) => {
            let g = id(guild).unwrap_or(0);
            if !s.model.guilds.contains_key(&g) {
                return error(404, 10004, "Unknown Guild");
            }
            // Threads are not channels of the list, as on Discord.
            let list: Vec<Value> = s
                .model
                .channels
                .values()
                .filter(|c| c.guild_id == Some(g) && !c.is_thread())
                .map(|c| s.model.channel_json(c))
                .collect();
            (200, json!(list))
        }
        ("GET", ["guilds", guild, "threads", "active"]) => {
            threads::active_route(s, id(guild).unwrap_or(0))
        }
        ("POST", ["guilds", guild, "channels"]) => create_channel(s, id(guild).unwrap_or(0), body),
        ("GET", ["guilds", guild, "roles"]) => match id(guild).and_then(|g| s.model.guilds.get(&g))
        {
            Some(g) => (
                200,
                json!(g.roles.values().map(Model::role_json).collect::<Vec<_>>()),
            ),
            None => error(404, 10004, "Unknown Guild"),
        },
        ("POST", ["guilds", guild, "roles"]) => {
            let Some(g) = id(guild).filter(|g| s.model.guilds.contains_key(g)) else {
                return error(404, 10004, "Unknown Guild");
            };
            if !bot_has(s, g, None, perms::MANAGE_ROLES) {
                return error(403, 50013, "Missing Permissions");
            }
            let rid = s.model.next_id();
            let guild = s.model.guilds.get_mut(&g).unwrap();
            // As on Discord, a new role goes at the bottom, just above @everyone.
            for r in guild.roles.values_mut().filter(|r| r.position >= 1) {
                r.position += 1;
            }
            let role = Role {
                id: rid,
                name: body["name"].as_str().unwrap_or("new role").into(),
                permissions: parse_bits(&body["permissions"]),
                position: 1,
            };
            let v = Model::role_json(&role);
            guild.roles.insert(rid, role);
            s.dispatch(
                "GUILD_ROLE_CREATE",
                json!({"guild_id": g.to_string(), "role": v}),
            );
            (200, v)
        }
        (method @ ("PUT" | "DELETE"), ["guilds", guild, "members", user, "roles", role]) => {
            member_role(s, method == "PUT", guild, user, role)
        }
        ("GET", ["guilds", guild, "members", user]) => {
            let (Some(g), Some(u)) = (id(guild), id(user)) else {
                return not_found();
            };
            match s.model.guilds.get(&g) {
                Some(guild) if guild.members.contains_key(&u) => {
                    (200, s.model.member_json(guild, u))
                }
                Some(_) => error(404, 10007, "Unknown Member"),
                None => error(404, 10004, "Unknown Guild"),
            }
        }
        ("GET", ["guilds", guild, "members"]) => {
            match id(guild).and_then(|g| s.model.guilds.get(&g)) {
                Some(g) => (
                    200,
                    json!(g
                        .members
                        .keys()
                        .map(|u| s.model.member_json(g, *u))
                        .collect::<Vec<_>>()),
                ),
                None => error(404, 10004, "Unknown Guild"),
            }
        }
        ("GET", ["guilds", guild, "scheduled-events"]) => {
            crate::scheduled_events::list(s, id(guild).unwrap_or(0), query)
        }
        ("POST", ["guilds", guild, "scheduled-events"]) => {
            crate::scheduled_events::create_route(s, id(guild).unwrap_or(0), body)
        }
        ("GET", ["guilds", guild, "scheduled-events", event]) => {
            crate::scheduled_events::get(s, id(guild).unwrap_or(0), id(event).unwrap_or(0), query)
        }
        ("PATCH", ["guilds", guild, "scheduled-events", event]) => {
            crate::scheduled_events::modify(s, id(guild).unwrap_or(0), id(event).unwrap_or(0), body)
        }
        ("DELETE", ["guilds", guild, "scheduled-events", event]) => {
            crate::scheduled_events::delete(s, id(guild).unwrap_or(0), id(event).unwrap_or(0))
        }
        ("GET", ["channels", channel]) => match visible_channel(s, channel) {
            Ok(c) => (200, s.model.channel_json(&s.model.channels[&c])),
            Err(e) => e,
        },
        ("PATCH", ["channels", channel]) => edit_channel(s, channel, body),
        ("DELETE", ["channels", channel]) => {
            let c = match visible_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            if s.model.channels[&c].is_thread() {
                return threads::delete_route(s, c);
            }
            let guild = s.model.channels[&c].guild_id;
            if guild.is_some() && !bot_has(s, guild.unwrap(), Some(c), perms::MANAGE_CHANNELS) {
                return error(403, 50013, "Missing Permissions");
            }
            let removed = s.model.channels.remove(&c).unwrap();
            s.model.deleted_channels.insert(c);
            s.remove_threads_of(c);
            let v = s.model.channel_json(&removed);
            s.dispatch("CHANNEL_DELETE", v.clone());
            (200, v)
        }
        (method @ ("PUT" | "DELETE"), ["channels", channel, "permissions", target]) => {
            let c = match visible_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            // Threads have no overwrites of their own.
            if s.model.channels[&c].is_thread() {
                return error(400, 50024, "Cannot execute action on this channel type");
            }
            let guild = s.model.channels[&c].guild_id.unwrap_or(0);
            let parent = s.model.channels[&c].parent_id;
            if !bot_has(s, guild, Some(c), perms::MANAGE_ROLES)
                || (method == "PUT" && grants_manage_roles(s, guild, &[body]))
                || (method == "PUT" && grants_beyond_bot(s, guild, parent, &[body]))
            {
                return error(403, 50013, "Missing Permissions");
            }
            let target = id(target).unwrap_or(0);
            let ch = s.model.channels.get_mut(&c).unwrap();
            // PUT replaces the target's overwrite, DELETE removes it.
            ch.overwrites.retain(|o| o.id != target);
            if method == "PUT" {
                ch.overwrites.push(Overwrite {
                    id: target,
                    kind: body["type"].as_u64().unwrap_or(0) as u8,
                    allow: parse_bits(&body["allow"]),
                    deny: parse_bits(&body["deny"]),
                });
            }
            let v = s.model.channel_json(&s.model.channels[&c]);
            s.dispatch("CHANNEL_UPDATE", v);
            (204, Value::Null)
        }
        ("GET", ["channels", channel, "messages"]) => match readable_channel(s, channel) {
            Ok(c) => list_messages(s, c, query),
            Err(e) => e,
        },
        ("POST", ["channels", channel, "messages"]) => {
            let c = match writable_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            if let Err(e) = threads::check_post(&s.model, s.bot_id, c) {
                return e;
            }
            // Discord answers a repeated nonce with the earlier message when asked to, but only
            // for a few minutes after that message was created.
            if body["enforce_nonce"].as_bool() == Some(true) && !body["nonce"].is_null() {
                let now = s.now();
                if let Some(m) = s.model.messages.values().rev().find(|m| {
                    m.channel_id == c
                        && m.body["nonce"] == body["nonce"]
                        && now.saturating_duration_since(m.created_at) <= s.nonce_window
                }) {
                    return (200, s.model.message_create_json(m));
                }
            }
            match check_message(body, &files) {
                Ok(()) => {
                    // In a thread: unarchived by the message, and the bot joins it.
                    let bot = s.bot_id;
                    threads::unarchive_for_post(s, c);
                    threads::join_on_post(s, c, bot);
                    let mid = store_message(s, c, body, files);
                    (200, s.model.message_create_json(&s.model.messages[&mid]))
                }
                Err(e) => e,
            }
        }
        ("GET", ["channels", channel, "messages", mid]) => {
            let c = match readable_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            match id(mid)
                .and_then(|m| s.model.messages.get(&m))
                .filter(|m| m.channel_id == c && m.body["flags"].as_u64().unwrap_or(0) & 64 == 0)
            {
                Some(m) => (200, s.model.message_json(m)),
                None => error(404, 10008, "Unknown Message"),
            }
        }
        ("PATCH", ["channels", channel, "messages", mid]) => {
            let c = match writable_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            if let Err(e) = threads::check_edit(&s.model, s.bot_id, c) {
                return e;
            }
            match id(mid).filter(|m| s.model.messages.contains_key(m)) {
                Some(m) => edit_message(s, m, body, files),
                None => error(404, 10008, "Unknown Message"),
            }
        }
        ("DELETE", ["channels", channel, "messages", mid]) => {
            let c = match readable_channel(s, channel) {
                Ok(c) => c,
                Err(e) => return e,
            };
            match id(mid).and_then(|m| s.model.messages.remove(&m)) {
                Some(_) => {
                    threads::note_deleted(s, c);
                    (204, Value::Null)
                }
                None => error(404, 10008, "Unknown Message"),
            }
        }
        ("POST", ["channels", channel, "threads"]) => match visible_channel(s, channel) {
            Ok(c) => threads::create_route(s, c, body),
            Err(e) => e,
        },
        ("GET", ["channels", channel, "threads", "archived", which @ ("public" | "private")]) => {
            let which = if *which == "public" {
                threads::Archived::Public
            } else {
                threads::Archived::Private
            };
            threads::archived_route(s, id(channel).unwrap_or(0), which, query)
        }
        ("GET", ["channels", channel, "users", "@me", "threads", "archived", "private"]) => {
            let which = threads::Archived::JoinedPrivate;
            threads::archived_route(s, id(channel).unwrap_or(0), which, query)
        }
        ("GET", ["channels", channel, "thread-members"]) => {
            threads::list_members_route(s, id(channel).unwrap_or(0), query)
        }
        ("GET", ["channels", channel, "thread-members", user]) => {
            threads::get_member_route(s, id(channel).unwrap_or(0), user, query)
        }
        ("PUT", ["channels", channel, "thread-members", user]) => {
            threads::put_member_route(s, id(channel).unwrap_or(0), user)
        }
        ("DELETE", ["channels", channel, "thread-members", user]) => {
            threads::delete_member_route(s, id(channel).unwrap_or(0), user)
        }
        _ => not_found(),
    }
}

/// What Discord answers a bot about a guild it is not in (was removed from): 10004 on guild
/// routes, 50001 on the guild's channels and on its application commands.
fn not_a_member(s: &State, seg: &[&str]) -> Option<Answer> {
    let outside = |g: u64| s.model.guilds.contains_key(&g) && !s.bot_in(g);
    match seg {
        ["guilds", g, ..] if id(g).is_some_and(outside) => Some(error(404, 10004, "Unknown Guild")),
        ["applications", _, "guilds", g, ..] if id(g).is_some_and(outside) => {
            Some(error(403, 50001, "Missing Access"))
        }
        ["channels", c, ..] => {
            let g = id(c).and_then(|c| s.model.channels.get(&c))?.guild_id?;
            outside(g).then(|| error(403, 50001, "Missing Access"))
        }
        _ => None,
    }
}

/// Query parameter `name` of a request, if present.
pub(crate) fn query_param<'a>(query: Option<&'a str>, name: &str) -> Option<&'a str> {
    query?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// GET /channels/{id}/messages: newest first, `limit` 1–100 (default 50), paged by `before`
/// or `after` (the messages right after it). Ephemeral messages are not in the history.
fn list_messages(s: &State, channel: u64, query: Option<&str>) -> Answer {
    let limit = match query_param(query, "limit") {
        None => 50,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            Ok(0) => {
                return form_error(
                    "limit",
                    "NUMBER_TYPE_MIN",
                    "int value should be greater than or equal to 1.",
                )
            }
            Ok(_) => {
                return form_error(
                    "limit",
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 100.",
                )
            }
            Err(_) => return form_error("limit", "NUMBER_TYPE_COERCE", "Value is not int."),
        },
    };
    let bound = |name: &str| -> Result<Option<u64>, Answer> {
        match query_param(query, name) {
            None => Ok(None),
            Some(v) => id(v)
                .map(Some)
                .ok_or_else(|| form_error(name, "NUMBER_TYPE_COERCE", "Value is not snowflake.")),
        }
    };
    let (before, after) = match (bound("before"), bound("after")) {
        (Ok(b), Ok(a)) => (b, a),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let in_range = s.model.messages.values().filter(|m| {
        m.channel_id == channel
            && m.body["flags"].as_u64().unwrap_or(0) & 64 == 0
            && before.is_none_or(|b| m.id < b)
            && after.is_none_or(|a| m.id > a)
    });
    let mut list: Vec<Value> = if after.is_some() {
        in_range
            .take(limit)
            .map(|m| s.model.message_json(m))
            .collect()
    } else {
        let all: Vec<_> = in_range.collect();
        let skip = all.len().saturating_sub(limit);
        all[skip..]
            .iter()
            .map(|m| s.model.message_json(m))
            .collect()
    };
    list.reverse();
    (200, json!(list))
}

fn application_json(s: &State) -> Value {
    json!({
        "id": s.app_id.to_string(),
        "name": "tandem",
        "icon": null,
        "description": "Mentoring programme bot",
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0",
        "flags": 0,
        "owner": s.model.user_json(s.bot_id),
        "team": null,
        "bot": s.model.user_json(s.bot_id),
    })
}

/// Stores the command list as Discord does: ids, application id, version and defaults.
fn register_commands(s: &mut State, body: &Value, guild: Option<u64>) -> Vec<Value> {
    let list = body.as_array().cloned().unwrap_or_default();
    list.into_iter()
        .map(|mut c| {
            let cid = s.model.next_id();
            c["id"] = json!(cid.to_string());
            c["application_id"] = json!(s.app_id.to_string());
            c["version"] = json!(cid.to_string());
            if c.get("type").is_none_or(Value::is_null) {
                c["type"] = json!(1);
            }
            if let Some(g) = guild {
                c["guild_id"] = json!(g.to_string());
            }
            if c.get("default_member_permissions").is_none() {
                c["default_member_permissions"] = Value::Null;
            }
            c
        })
        .collect()
}

fn open_dm(s: &mut State, body: &Value) -> Answer {
    let Some(user) = parse_id(&body["recipient_id"]).filter(|u| s.model.users.contains_key(u))
    else {
        return form_error(
            "recipient_id",
            "NUMBER_TYPE_COERCE",
            "Value is not snowflake.",
        );
    };
    if let Some(c) = s
        .model
        .channels
        .values()
        .find(|c| c.recipient == Some(user))
    {
        return (200, s.model.channel_json(c));
    }
    let cid = s.model.next_id();
    let c = Channel {
        id: cid,
        kind: channel_type::DM,
        guild_id: None,
        name: String::new(),
        parent_id: None,
        position: 0,
        topic: None,
        overwrites: vec![],
        recipient: Some(user),
        last_message_id: None,
        thread: None,
    };
    let v = s.model.channel_json(&c);
    s.model.channels.insert(cid, c);
    (200, v)
}

/// Whether overwrites allow or deny a permission the bot itself lacks, in the server and in
/// the parent category: Discord refuses that (50013) since 2021, unless the bot is an
/// administrator.
fn grants_beyond_bot(s: &State, guild: u64, parent: Option<u64>, overwrites: &[&Value]) -> bool {
    let Some(g) = s.model.guilds.get(&guild) else {
        return false;
    };
    let base = s.model.base_permissions(g, s.bot_id);
    if base & perms::ADMINISTRATOR != 0 {
        return false;
    }
    let in_parent = parent
        .and_then(|p| s.model.channels.get(&p))
        .map_or(0, |c| s.model.channel_permissions(g, c, s.bot_id));
    let has = base | in_parent;
    overwrites
        .iter()
        .any(|o| (parse_bits(&o["allow"]) | parse_bits(&o["deny"])) & !has != 0)
}

/// Whether the bot has `bits` in the guild (or in the channel, with its overwrites).
/// Discord lets a bot allow or deny Manage Roles ("Manage Permissions") in an overwrite only
/// when it is an administrator (or already holds that permission through an overwrite in the
/// channel, which the simulator does not model): anything else answers 50013.
fn grants_manage_roles(s: &State, guild: u64, overwrites: &[&Value]) -> bool {
    let admin = s
        .model
        .guilds
        .get(&guild)
        .is_some_and(|g| s.model.base_permissions(g, s.bot_id) & perms::ADMINISTRATOR != 0);
    !admin
        && overwrites
            .iter()
            .any(|o| (parse_bits(&o["allow"]) | parse_bits(&o["deny"])) & perms::MANAGE_ROLES != 0)
}

/// Gives a member a role, or takes it back (204 either way, also when nothing changes). As
/// on Discord: Manage Roles, and only a role below the bot's highest one.
fn member_role(s: &mut State, add: bool, guild: &str, user: &str, role: &str) -> Answer {
    let Some(g) = id(guild).filter(|g| s.model.guilds.contains_key(g)) else {
        return error(404, 10004, "Unknown Guild");
    };
    let Some(role) = id(role).filter(|r| s.model.guilds[&g].roles.contains_key(r)) else {
        return error(404, 10011, "Unknown Role");
    };
    let Some(user) = id(user).filter(|u| s.model.guilds[&g].members.contains_key(u)) else {
        return error(404, 10007, "Unknown Member");
    };
    if !bot_has(s, g, None, perms::MANAGE_ROLES) {
        return error(403, 50013, "Missing Permissions");
    }
    let guild = &s.model.guilds[&g];
    let admin = s.model.base_permissions(guild, s.bot_id) & perms::ADMINISTRATOR != 0;
    let highest = guild.members[&s.bot_id]
        .iter()
        .filter_map(|r| guild.roles.get(r))
        .map(|r| r.position)
        .max()
        .unwrap_or(0);
    if !admin && guild.roles[&role].position >= highest {
        return error(403, 50013, "Missing Permissions");
    }
    let roles = s
        .model
        .guilds
        .get_mut(&g)
        .unwrap()
        .members
        .get_mut(&user)
        .unwrap();
    if add && !roles.contains(&role) {
        roles.push(role);
    } else if !add {
        roles.retain(|r| *r != role);
    }
    (204, Value::Null)
}

fn bot_has(s: &State, guild: u64, channel: Option<u64>, bits: u64) -> bool {
    let Some(g) = s
        .model
        .guilds
        .get(&guild)
        .filter(|g| g.members.contains_key(&s.bot_id))
    else {
        return false;
    };
    let p = match channel.and_then(|c| s.model.channels.get(&c)) {
        Some(c) => s.model.channel_permissions(g, c, s.bot_id),
        None => s.model.base_permissions(g, s.bot_id),
    };
    p & bits == bits
}

/// The channel, if it exists and the bot can see it (Discord answers 50001 otherwise).
fn visible_channel(s: &State, channel: &str) -> Result<u64, Answer> {
    let c = id(channel)
        .and_then(|c| s.model.channels.get(&c))
        .ok_or_else(|| error(404, 10003, "Unknown Channel"))?;
    // A private thread is hidden from a bot that is neither in it nor a moderator.
    match c.guild_id {
        Some(_) if !s.model.can_view(s.bot_id, c.id) => Err(error(403, 50001, "Missing Access")),
        _ => Ok(c.id),
    }
}

fn readable_channel(s: &State, channel: &str) -> Result<u64, Answer> {
    let c = visible_channel(s, channel)?;
    match s.model.channels[&c].guild_id {
        Some(g) if !bot_has(s, g, Some(c), perms::READ_MESSAGE_HISTORY) => {
            Err(error(403, 50013, "Missing Permissions"))
        }
        _ => Ok(c),
    }
}

fn writable_channel(s: &State, channel: &str) -> Result<u64, Answer> {
    let c = visible_channel(s, channel)?;
    let ch = &s.model.channels[&c];
    // SEND_MESSAGES has no effect in threads: they need SEND_MESSAGES_IN_THREADS.
    let send = if ch.is_thread() {
        perms::SEND_MESSAGES_IN_THREADS
    } else {
        perms::SEND_MESSAGES
    };
    match (ch.guild_id, ch.recipient) {
        (Some(g), _) if !bot_has(s, g, Some(c), send) => {
            Err(error(403, 50013, "Missing Permissions"))
        }
        // Discord lets a bot DM only users who share a server with it and accept DMs.
        (None, Some(u))
            if !s.model.users.get(&u).is_some_and(|u| u.dms_open)
                || !s.model.share_a_guild(s.bot_id, u) =>
        {
            Err(error(403, 50007, "Cannot send messages to this user"))
        }
        _ => Ok(c),
    }
}

/// Limits Discord enforces beyond the schema (bots get 2000 characters, not 4000).
fn check_message(body: &Value, files: &Files) -> Result<(), Answer> {
    let content = body["content"].as_str().unwrap_or("");
    if content.chars().count() > 2000 {
        return Err(form_error(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let has_embeds = body["embeds"].as_array().is_some_and(|e| !e.is_empty());
    let has_components = body["components"].as_array().is_some_and(|c| !c.is_empty());
    if content.is_empty() && !has_embeds && !has_components && files.is_empty() {
        return Err(error(400, 50006, "Cannot send an empty message"));
    }
    let total: usize = body["embeds"]
        .as_array()
        .into_iter()
        .flatten()
        .map(embed_chars)
        .sum();
    if total > 6000 {
        return Err(form_error(
            "embeds",
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        ));
    }
    Ok(())
}

fn embed_chars(e: &Value) -> usize {
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let mut n = len(&e["title"])
        + len(&e["description"])
        + len(&e["footer"]["text"])
        + len(&e["author"]["name"]);
    for f in e["fields"].as_array().into_iter().flatten() {
        n += len(&f["name"]) + len(&f["value"]);
    }
    n
}

fn attachments_json(s: &mut State, body: &Value, files: &Files) -> Value {
    let described = body["attachments"].as_array().cloned().unwrap_or_default();
    let list: Vec<Value> = files
        .iter()
        .enumerate()
        .map(|(i, (_, name, bytes))| {
            let aid = s.model.next_id();
            let description = described
                .iter()
                .find(|a| parse_id(&a["id"]) == Some(i as u64))
                .and_then(|a| a["description"].as_str().map(str::to_string));
            s.files.insert(aid, bytes.clone());
            json!({
                "id": aid.to_string(),
                "filename": name,
                "description": description,
                "size": bytes.len(),
                "url": format!("http://{}/attachments/{aid}/{name}", s.public_addr),
                "proxy_url": format!("http://{}/attachments/{aid}/{name}", s.public_addr),
            })
        })
        .collect();
    json!(list)
}

pub(crate) fn store_message(s: &mut State, channel: u64, body: &Value, files: Files) -> u64 {
    let mid = s.model.next_id();
    let mut stored = body.clone();
    if !stored.is_object() {
        stored = json!({});
    }
    if !files.is_empty() {
        stored["attachments"] = attachments_json(s, body, &files);
    }
    let m = Message {
        id: mid,
        channel_id: channel,
        author_id: s.bot_id,
        body: stored,
        edited: false,
        created_at: s.now(),
    };
    s.model.messages.insert(mid, m);
    if let Some(c) = s.model.channels.get_mut(&channel) {
        c.last_message_id = Some(mid);
    }
    let ephemeral = body["flags"].as_u64().unwrap_or(0) & 64 != 0;
    if !ephemeral {
        threads::note_message(s, channel);
        let v = s.model.message_create_json(&s.model.messages[&mid]);
        s.dispatch("MESSAGE_CREATE", v);
    }
    mid
}

fn edit_message(s: &mut State, mid: u64, body: &Value, files: Files) -> Answer {
    if let Err(e) = check_message_edit(body) {
        return e;
    }
    let attachments = (!files.is_empty()).then(|| attachments_json(s, body, &files));
    let m = s.model.messages.get_mut(&mid).unwrap();
    if let Some(obj) = body.as_object() {
        for (k, v) in obj {
            m.body[k] = v.clone();
        }
    }
    if let Some(a) = attachments {
        m.body["attachments"] = a;
    }
    m.edited = true;
    (200, s.model.message_json(&s.model.messages[&mid]))
}

fn check_message_edit(body: &Value) -> Result<(), Answer> {
    if body["content"]
        .as_str()
        .is_some_and(|c| c.chars().count() > 2000)
    {
        return Err(form_error(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    Ok(())
}

fn create_channel(s: &mut State, guild: u64, body: &Value) -> Answer {
    if !s.model.guilds.contains_key(&guild) {
        return error(404, 10004, "Unknown Guild");
    }
    let parent = parse_id(&body["parent_id"]);
    if !bot_has(s, guild, parent, perms::MANAGE_CHANNELS) {
        return error(403, 50013, "Missing Permissions");
    }
    let has_overwrites = body["permission_overwrites"]
        .as_array()
        .is_some_and(|o| !o.is_empty());
    if has_overwrites && !bot_has(s, guild, parent, perms::MANAGE_ROLES) {
        return error(403, 50013, "Missing Permissions");
    }
    let overwrites: Vec<&Value> = body["permission_overwrites"]
        .as_array()
        .map(|o| o.iter().collect())
        .unwrap_or_default();
    if grants_manage_roles(s, guild, &overwrites)
        || grants_beyond_bot(s, guild, parent, &overwrites)
    {
        return error(403, 50013, "Missing Permissions");
    }
    let in_guild = s
        .model
        .channels
        .values()
        .filter(|c| c.guild_id == Some(guild) && !c.is_thread())
        .count();
    // Threads count towards neither limit.
    if in_guild >= crate::model::MAX_CHANNELS_PER_GUILD {
        return error(400, 30013, "Maximum number of guild channels reached (500)");
    }
    if let Some(p) = parent {
        match s.model.channels.get(&p) {
            Some(c) if c.kind == channel_type::CATEGORY && c.guild_id == Some(guild) => {}
            _ => return form_error("parent_id", "CHANNEL_PARENT_INVALID", "Invalid parent."),
        }
        let children = s
            .model
            .channels
            .values()
            .filter(|c| c.parent_id == Some(p) && !c.is_thread())
            .count();
        if children >= crate::model::MAX_CHANNELS_PER_CATEGORY {
            return form_error(
                "parent_id",
                "CHANNEL_PARENT_MAX_CHANNELS",
                "Maximum number of channels in category reached (50)",
            );
        }
    }
    let kind = body["type"].as_u64().unwrap_or(channel_type::TEXT);
    let raw_name = body["name"].as_str().unwrap_or("");
    // Discord lower-cases text channel names and turns spaces into dashes.
    let name = if kind == channel_type::TEXT {
        raw_name.to_lowercase().replace(' ', "-")
    } else {
        raw_name.to_string()
    };
    let cid = s.model.next_id();
    let overwrites = body["permission_overwrites"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| Overwrite {
            id: parse_id(&o["id"]).unwrap_or(0),
            kind: o["type"].as_u64().unwrap_or(0) as u8,
            allow: parse_bits(&o["allow"]),
            deny: parse_bits(&o["deny"]),
        })
        .collect();
    let c = Channel {
        id: cid,
        kind,
        guild_id: Some(guild),
        name,
        parent_id: parent,
        position: body["position"].as_i64().unwrap_or(0),
        topic: body["topic"].as_str().map(str::to_string),
        overwrites,
        recipient: None,
        last_message_id: None,
        thread: None,
    };
    let v = s.model.channel_json(&c);
    s.model.channels.insert(cid, c);
    s.dispatch("CHANNEL_CREATE", v.clone());
    (201, v)
}

fn edit_channel(s: &mut State, channel: &str, body: &Value) -> Answer {
    let c = match visible_channel(s, channel) {
        Ok(c) => c,
        Err(e) => return e,
    };
    if s.model.channels[&c].is_thread() {
        return threads::modify_route(s, c, body);
    }
    let guild = s.model.channels[&c].guild_id.unwrap_or(0);
    if !bot_has(s, guild, Some(c), perms::MANAGE_CHANNELS) {
        return error(403, 50013, "Missing Permissions");
    }
    if body.get("permission_overwrites").is_some()
        && !bot_has(s, guild, Some(c), perms::MANAGE_ROLES)
    {
        return error(403, 50013, "Missing Permissions");
    }
    let ch = s.model.channels.get_mut(&c).unwrap();
    if let Some(n) = body["name"].as_str() {
        ch.name = n.to_lowercase().replace(' ', "-");
    }
    if body.get("parent_id").is_some() {
        ch.parent_id = parse_id(&body["parent_id"]);
    }
    if let Some(t) = body.get("topic") {
        ch.topic = t.as_str().map(str::to_string);
    }
    if let Some(list) = body["permission_overwrites"].as_array() {
        ch.overwrites = list
            .iter()
            .map(|o| Overwrite {
                id: parse_id(&o["id"]).unwrap_or(0),
                kind: o["type"].as_u64().unwrap_or(0) as u8,
                allow: parse_bits(&o["allow"]),
                deny: parse_bits(&o["deny"]),
            })
            .collect();
    }
    let v = s.model.channel_json(&s.model.channels[&c]);
    s.dispatch("CHANNEL_UPDATE", v.clone());
    (200, v)
}

fn interaction_by_token<'a>(
    s: &'a mut State,
    token: &str,
) -> Option<(u64, &'a mut InteractionRecord)> {
    s.interactions
        .iter_mut()
        .find(|(_, r)| r.token == token)
        .map(|(id, r)| (*id, r))
}

fn interaction_callback(
    s: &mut State,
    iid: &str,
    token: &str,
    body: &Value,
    files: Files,
    query: Option<&str>,
) -> Answer {
    let Some(iid) = id(iid) else {
        return error(404, 10062, "Unknown interaction");
    };
    let Some(rec) = s
        .interactions
        .get(&iid)
        .filter(|r| r.token == token)
        .cloned()
    else {
        return error(404, 10062, "Unknown interaction");
    };
    if rec.callback.is_some() {
        return error(400, 40060, "Interaction has already been acknowledged.");
    }
    let kind = body["type"].as_u64().unwrap_or(0) as u8;
    let data = body.get("data").cloned().unwrap_or(json!({}));
    let mut original = rec.original;
    match kind {
        4 | 5 => {
            if kind == 4 {
                if let Err(e) = check_message(&data, &files) {
                    return e;
                }
            }
            let mut stored = data.clone();
            if kind == 5 {
                // A deferred response shows "thinking…" until it is edited.
                stored = json!({"content": "", "flags": data["flags"].as_u64().unwrap_or(0) | 128});
            }
            original = Some(store_message(s, rec.channel_id, &stored, files));
        }
        7 => {
            if let Some(mid) = original {
                let (status, answer) = edit_message(s, mid, &data, files);
                if status >= 400 {
                    return (status, answer);
                }
            }
        }
        6 | 8 | 9 => {}
        _ => {
            return form_error(
                "type",
                "BASE_TYPE_CHOICES",
                "Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12).",
            )
        }
    }
    let rec = s.interactions.get_mut(&iid).unwrap();
    rec.callback = Some((kind, data));
    rec.original = original;
    rec.acked_at = Some(std::time::Instant::now());
    if query.is_some_and(|q| q.contains("with_response=true")) {
        return (
            200,
            json!({"interaction": {"id": iid.to_string(), "type": kind}}),
        );
    }
    (204, Value::Null)
}

fn followup(s: &mut State, token: &str, body: &Value, files: Files) -> Answer {
    let Some((_, rec)) = interaction_by_token(s, token) else {
        return error(404, 10015, "Unknown Webhook");
    };
    if rec.callback.is_none() {
        return error(404, 10015, "Unknown Webhook");
    }
    let channel = rec.channel_id;
    if let Err(e) = check_message(body, &files) {
        return e;
    }
    let mid = store_message(s, channel, body, files);
    if let Some((_, rec)) = interaction_by_token(s, token) {
        rec.followups.push(mid);
    }
    (200, s.model.message_json(&s.model.messages[&mid]))
}

fn webhook_message(s: &mut State, token: &str, mid: &str) -> Option<u64> {
    let (_, rec) = interaction_by_token(s, token)?;
    if mid == "@original" {
        rec.original
    } else {
        id(mid).filter(|m| rec.followups.contains(m) || rec.original == Some(*m))
    }
}

/// Builds an INTERACTION_CREATE payload and records the interaction.
pub(crate) fn new_interaction(
    s: &mut State,
    kind: u8,
    guild: u64,
    channel: u64,
    user: u64,
    data: Value,
    message: Option<(u64, Value)>,
) -> (Value, u64) {
    let iid = s.model.next_id();
    let token = format!("sim-interaction-{iid}");
    let g = s.model.guilds.get(&guild).expect("unknown guild");
    let ch = s.model.channels.get(&channel).expect("unknown channel");
    let user_perms = s.model.channel_permissions(g, ch, user);
    let bot_perms = s.model.channel_permissions(g, ch, s.bot_id);
    let mut member = s.model.member_json(g, user);
    member["permissions"] = json!(s.model.base_permissions(g, user).to_string());
    let mut channel_json = s.model.channel_json(ch);
    channel_json["permissions"] = json!(user_perms.to_string());
    let locale = s
        .model
        .users
        .get(&user)
        .map_or_else(|| "en-US".to_string(), |u| u.locale.clone());
    let mut payload = json!({
        "id": iid.to_string(),
        "application_id": s.app_id.to_string(),
        "type": kind,
        "data": data,
        "guild_id": guild.to_string(),
        "channel_id": channel.to_string(),
        "channel": channel_json,
        "member": member,
        "token": token,
        "version": 1,
        "app_permissions": bot_perms.to_string(),
        "locale": locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": guild.to_string()},
        "context": 0,
        "attachment_size_limit": 10485760,
    });
    let original = message.map(|(mid, json)| {
        payload["message"] = json;
        mid
    });
    s.interactions.insert(
        iid,
        InteractionRecord {
            token,
            channel_id: channel,
            original,
            ..Default::default()
        },
    );
    (payload, iid)
}

impl State {
    /// Builds a slash command interaction the way Discord's client would from the registered
    /// command: option types from the definition, `resolved` data for users, channels and roles.
    pub(crate) fn build_command(
        &mut self,
        call: &CommandCall<'_>,
        focused: Option<(&str, &str)>,
    ) -> Result<(Value, u64), String> {
        let mut words = call.name.split_whitespace();
        let top = words.next().ok_or("empty command name")?;
        let def = self
            .model
            .guild_commands
            .get(&call.guild)
            .into_iter()
            .flatten()
            .chain(self.model.global_commands.iter())
            .find(|c| c["name"] == top)
            .cloned()
            .ok_or_else(|| format!("/{top} is not registered"))?;
        let guild = self.model.guilds.get(&call.guild).ok_or("unknown guild")?;
        if !guild.members.contains_key(&call.user) {
            return Err("the user is not a member of the guild".into());
        }
        if !guild.members.contains_key(&self.bot_id) {
            return Err("the bot is not a member of the guild".into());
        }
        if !call.bypass_permissions {
            if let Some(required) = def["default_member_permissions"]
                .as_str()
                .and_then(|p| p.parse::<u64>().ok())
            {
                let have = self.model.base_permissions(guild, call.user);
                if have & required != required {
                    return Err(format!(
                        "/{top} is hidden from this user by its default permissions"
                    ));
                }
            }
        }
        let mut option_defs = def["options"].as_array().cloned().unwrap_or_default();
        let mut path = Vec::new();
        for sub in words {
            let d = option_defs
                .iter()
                .find(|o| o["name"] == sub && matches!(o["type"].as_u64(), Some(1 | 2)))
                .cloned()
                .ok_or_else(|| format!("/{top} has no subcommand {sub}"))?;
            path.push((sub.to_string(), d["type"].as_u64().unwrap()));
            option_defs = d["options"].as_array().cloned().unwrap_or_default();
        }
        if option_defs
            .iter()
            .any(|o| matches!(o["type"].as_u64(), Some(1 | 2)))
        {
            return Err(format!("/{} needs a subcommand", call.name));
        }
        let mut resolved = json!({});
        let mut leaf = Vec::new();
        for (name, value) in &call.options {
            let d = option_defs
                .iter()
                .find(|o| o["name"] == name.as_str())
                .ok_or_else(|| format!("/{} has no option {name}", call.name))?;
            let ty = d["type"].as_u64().unwrap_or(3);
            let mut o = json!({"name": name, "type": ty});
            if focused.is_some_and(|(f, _)| f == name) {
                o["value"] = json!(focused.unwrap().1);
                o["focused"] = json!(true);
            } else {
                let choices = d["choices"].as_array().filter(|c| !c.is_empty());
                let chosen = choices.and_then(|choices| {
                    choices
                        .iter()
                        .find(|c| c["name"] == *value || c["value"] == *value)
                        .map(|c| c["value"].clone())
                });
                o["value"] = match (choices, chosen) {
                    // The client offers only the choices: the user picks one by its name.
                    (Some(_), Some(v)) => v,
                    (Some(_), None) if !call.unchecked => {
                        return Err(format!("{value} is not a choice of {name}"))
                    }
                    _ => self.option_value(call.guild, ty, value, &mut resolved, call.unchecked)?,
                };
            }
            leaf.push(o);
        }
        if let Some((f, partial)) = focused {
            if !call.options.iter().any(|(n, _)| n == f) {
                let d = option_defs
                    .iter()
                    .find(|o| o["name"] == f)
                    .ok_or_else(|| format!("/{} has no option {f}", call.name))?;
                leaf.push(json!({"name": f, "type": d["type"], "value": partial, "focused": true}));
            }
        } else {
            for d in &option_defs {
                if d["required"] == json!(true)
                    && !call.options.iter().any(|(n, _)| d["name"] == n.as_str())
                {
                    return Err(format!("/{} needs the option {}", call.name, d["name"]));
                }
            }
        }
        let options = path.iter().rev().fold(leaf, |inner, (name, ty)| {
            vec![json!({"name": name, "type": ty, "options": inner})]
        });
        let mut data = json!({
            "id": def["id"],
            "name": top,
            "type": 1,
            "options": options,
            "guild_id": call.guild.to_string(),
        });
        if resolved.as_object().is_some_and(|r| !r.is_empty()) {
            data["resolved"] = resolved;
        }
        let channel = call.channel.unwrap_or_else(|| {
            self.model
                .channels
                .values()
                .find(|c| c.guild_id == Some(call.guild) && c.kind == channel_type::TEXT)
                .map(|c| c.id)
                .unwrap_or(0)
        });
        let kind = if focused.is_some() { 4 } else { 2 };
        Ok(new_interaction(
            self, kind, call.guild, channel, call.user, data, None,
        ))
    }

    fn option_value(
        &self,
        guild: u64,
        ty: u64,
        value: &Value,
        resolved: &mut Value,
        unchecked: bool,
    ) -> Result<Value, String> {
        let as_id = || parse_id(value).ok_or_else(|| format!("{value} is not an id"));
        Ok(match ty {
            3 => json!(value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| value.to_string())),
            4 => json!(value
                .as_i64()
                .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
                .ok_or("not an integer")?),
            5 => json!(value.as_bool().ok_or("not a boolean")?),
            10 => json!(value.as_f64().ok_or("not a number")?),
            6 => {
                let u = as_id()?;
                let mut user = self.model.user_json(u);
                if user.is_null() && unchecked {
                    user = json!({
                        "id": u.to_string(), "username": "deleted-user", "global_name": null,
                        "discriminator": "0", "avatar": null, "bot": false,
                        "public_flags": 0, "flags": 0,
                    });
                }
                if user.is_null() {
                    return Err(format!("unknown user {u}"));
                }
                resolved["users"][u.to_string()] = user;
                if let Some(g) = self
                    .model
                    .guilds
                    .get(&guild)
                    .filter(|g| g.members.contains_key(&u))
                {
                    let mut m = self.model.member_json(g, u);
                    m.as_object_mut().unwrap().remove("user");
                    m["permissions"] = json!(self.model.base_permissions(g, u).to_string());
                    resolved["members"][u.to_string()] = m;
                }
                json!(u.to_string())
            }
            7 => {
                let c = as_id()?;
                let deleted;
                let ch = match self.model.channels.get(&c) {
                    Some(ch) => ch,
                    None if unchecked => {
                        deleted = Channel {
                            id: c,
                            kind: channel_type::TEXT,
                            guild_id: Some(guild),
                            name: "deleted-channel".into(),
                            parent_id: None,
                            position: 0,
                            topic: None,
                            overwrites: vec![],
                            recipient: None,
                            last_message_id: None,
                            thread: None,
                        };
                        &deleted
                    }
                    None => return Err(format!("unknown channel {c}")),
                };
                let mut v = json!({
                    "id": c.to_string(),
                    "name": ch.name,
                    "type": ch.kind,
                    "permissions": perms::ALL.to_string(),
                    "guild_id": guild.to_string(),
                });
                if let Some(p) = ch.parent_id {
                    v["parent_id"] = json!(p.to_string());
                }
                if ch.is_thread() {
                    v["thread_metadata"] = self.model.channel_json(ch)["thread_metadata"].clone();
                }
                resolved["channels"][c.to_string()] = v;
                json!(c.to_string())
            }
            8 => {
                let r = as_id()?;
                let known = self
                    .model
                    .guilds
                    .get(&guild)
                    .and_then(|g| g.roles.get(&r))
                    .cloned();
                let role = match known {
                    Some(role) => role,
                    None if unchecked => Role {
                        id: r,
                        name: "deleted-role".into(),
                        permissions: 0,
                        position: 1,
                    },
                    None => return Err(format!("unknown role {r}")),
                };
                resolved["roles"][r.to_string()] = Model::role_json(&role);
                json!(r.to_string())
            }
            _ => value.clone(),
        })
    }
}
