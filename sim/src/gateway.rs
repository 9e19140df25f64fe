//! The gateway half of the simulator: HELLO, IDENTIFY/RESUME, READY, GUILD_CREATE, heartbeats
//! and dispatches, over a plain-text JSON WebSocket as serenity expects. Several sessions may be
//! live at once, one per shard (`[shard_id, shard_count]` from IDENTIFY): each gets the guilds
//! of its shard, `(guild_id >> 22) % shard_count`, and DMs go to shard 0, as on Discord.

use std::sync::Arc;

use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::State as AxState;
use axum::response::Response;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::{GatewayCmd, Shared};

const HEARTBEAT_INTERVAL_MS: u64 = 41_250;

pub(crate) async fn upgrade(
    AxState(shared): AxState<Arc<Shared>>,
    ws: WebSocketUpgrade,
) -> Response {
    ws.on_upgrade(move |socket| connection(shared, socket))
}

/// Discord's reason text for a gateway close code.
fn close_reason(code: u16) -> &'static str {
    match code {
        4000 => "Unknown error.",
        4001 => "Unknown opcode.",
        4002 => "Decode error.",
        4003 => "Not authenticated.",
        4004 => "Authentication failed.",
        4005 => "Already authenticated.",
        4007 => "Invalid seq.",
        4008 => "Rate limited.",
        4009 => "Session timed out.",
        4010 => "Invalid shard.",
        4011 => "Sharding required.",
        4012 => "Invalid API version.",
        4013 => "Invalid intent(s).",
        4014 => "Disallowed intent(s).",
        _ => "",
    }
}

/// Sends a Close frame with `code`; the caller then drops the connection.
async fn close(socket: &mut WebSocket, code: u16) {
    let _ = socket
        .send(WsMessage::Close(Some(axum::extract::ws::CloseFrame {
            code,
            reason: close_reason(code).into(),
        })))
        .await;
}

async fn send(socket: &mut WebSocket, v: Value) -> bool {
    socket
        .send(WsMessage::Text(v.to_string().into()))
        .await
        .is_ok()
}

async fn connection(shared: Arc<Shared>, mut socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel::<GatewayCmd>();
    let conn_id = {
        let mut s = shared.lock();
        s.next_connection += 1;
        s.next_connection
    };
    let mut seq: u64 = 0;
    if !send(
        &mut socket,
        json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}),
    )
    .await
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(msg)) = incoming else { break };
                let text = match msg {
                    WsMessage::Text(t) => t.to_string(),
                    WsMessage::Close(_) => break,
                    _ => continue,
                };
                let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
                let alive = match v["op"].as_u64() {
                    Some(1) => send(&mut socket, json!({"op": 11})).await,
                    Some(2) => identify(&shared, &mut socket, &v, conn_id, &tx, &mut seq).await,
                    Some(6) => resume(&shared, &mut socket, &v, conn_id, &tx, &mut seq).await,
                    _ => true,
                };
                if !alive {
                    break;
                }
            }
            cmd = rx.recv() => match cmd {
                Some(GatewayCmd::Dispatch(t, d)) => {
                    seq += 1;
                    if !send(&mut socket, json!({"op": 0, "t": t, "s": seq, "d": d})).await { break }
                }
                Some(GatewayCmd::Close(code)) => {
                    close(&mut socket, code).await;
                    break;
                }
                Some(GatewayCmd::Drop) | None => break,
            }
        }
    }
    shared.lock().live.retain(|l| l.conn_id != conn_id);
    shared.bump();
}

/// IDENTIFY's `shard`: `[shard_id, shard_count]`, `[0, 1]` when absent; `None` when it is not
/// a valid pair (Discord closes with 4010).
fn shard_of_identify(v: &Value) -> Option<[u32; 2]> {
    let field = &v["d"]["shard"];
    if field.is_null() {
        return Some([0, 1]);
    }
    let pair = field.as_array().filter(|a| a.len() == 2)?;
    let id = u32::try_from(pair[0].as_u64()?).ok()?;
    let count = u32::try_from(pair[1].as_u64()?).ok()?;
    (count >= 1 && id < count).then_some([id, count])
}

/// Answers IDENTIFY with READY and one GUILD_CREATE per guild of the session's shard, then
/// makes this the live session of that shard.
async fn identify(
    shared: &Arc<Shared>,
    socket: &mut WebSocket,
    v: &Value,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<GatewayCmd>,
    seq: &mut u64,
) -> bool {
    let shard = shard_of_identify(v);
    let (token_ok, refused, too_many) = {
        let s = shared.lock();
        let token_ok = v["d"]["token"]
            .as_str()
            .map(|t| t.trim_start_matches("Bot "))
            == Some(s.token.as_str());
        let intents = v["d"]["intents"].as_u64().unwrap_or(0);
        let too_many = match (shard, s.sharding_required_above) {
            (Some(shard), Some(limit)) => s.guilds_of_shard(shard).len() > limit,
            _ => false,
        };
        (token_ok, intents & s.refused_intents != 0, too_many)
    };
    if !token_ok {
        close(socket, 4004).await;
        return false;
    }
    let Some(shard) = shard else {
        close(socket, 4010).await;
        return false;
    };
    if too_many {
        close(socket, 4011).await;
        return false;
    }
    if refused {
        close(socket, 4014).await;
        return false;
    }
    let (ready, guilds) = {
        let mut s = shared.lock();
        s.identifies += 1;
        s.intents = v["d"]["intents"].as_u64().unwrap_or(0);
        let session_id = format!("sim-session-{}", s.identifies);
        // A new session of a shard replaces the shard's earlier one: that can no longer resume.
        s.sessions.retain(|_, old| old.shard != shard);
        s.sessions.insert(
            session_id.clone(),
            crate::Session {
                shard,
                resumable: true,
            },
        );
        let guild_ids = s.guilds_of_shard(shard);
        let ready = json!({
            "v": 10,
            "user": s.model.user_json(s.bot_id),
            "guilds": guild_ids.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": session_id,
            "session_type": "normal",
            "resume_gateway_url": format!("ws://{}/gateway", s.public_addr),
            "shard": shard,
            "application": {"id": s.app_id.to_string(), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
        });
        let guilds: Vec<Value> = guild_ids
            .iter()
            .map(|g| s.model.guild_create_json(&s.model.guilds[g]))
            .collect();
        // A new session starts from the current state: events queued for its shard are stale.
        s.pending_events
            .retain(|(guild, _, _)| !crate::routes_to(*guild, shard));
        (ready, guilds)
    };
    *seq += 1;
    if !send(
        socket,
        json!({"op": 0, "t": "READY", "s": *seq, "d": ready}),
    )
    .await
    {
        return false;
    }
    for g in guilds {
        *seq += 1;
        if !send(
            socket,
            json!({"op": 0, "t": "GUILD_CREATE", "s": *seq, "d": g}),
        )
        .await
        {
            return false;
        }
    }
    go_live(shared, conn_id, shard, tx);
    true
}

/// Answers RESUME with RESUMED and replays what was dispatched while disconnected.
async fn resume(
    shared: &Arc<Shared>,
    socket: &mut WebSocket,
    v: &Value,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<GatewayCmd>,
    seq: &mut u64,
) -> bool {
    let session_id = v["d"]["session_id"].as_str().unwrap_or_default();
    let valid = {
        let mut s = shared.lock();
        let token_ok = v["d"]["token"]
            .as_str()
            .map(|t| t.trim_start_matches("Bot "))
            == Some(s.token.as_str());
        let shard = s
            .sessions
            .get(session_id)
            .filter(|session| session.resumable && token_ok)
            .map(|session| session.shard);
        if shard.is_some() {
            s.resumes += 1;
        }
        shard
    };
    let Some(shard) = valid else {
        // Not resumable: the client must identify again.
        return send(socket, json!({"op": 9, "d": false})).await;
    };
    if let Some(s) = v["d"]["seq"].as_u64() {
        *seq = s;
    }
    *seq += 1;
    if !send(socket, json!({"op": 0, "t": "RESUMED", "s": *seq, "d": {}})).await {
        return false;
    }
    go_live(shared, conn_id, shard, tx);
    true
}

/// Sends what was queued for the shard, then makes this connection the shard's live session
/// (in place of an earlier connection of the same shard).
fn go_live(
    shared: &Arc<Shared>,
    conn_id: u64,
    shard: [u32; 2],
    tx: &mpsc::UnboundedSender<GatewayCmd>,
) {
    {
        let mut s = shared.lock();
        let queued = std::mem::take(&mut s.pending_events);
        for (guild, t, d) in queued {
            if crate::routes_to(guild, shard) {
                let _ = tx.send(GatewayCmd::Dispatch(t, d));
            } else {
                s.pending_events.push_back((guild, t, d));
            }
        }
        s.live.retain(|l| l.shard != shard && l.conn_id != conn_id);
        s.live.push(crate::Live {
            conn_id,
            shard,
            tx: tx.clone(),
        });
    }
    shared.bump();
}
