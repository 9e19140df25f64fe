//! The gateway half of the simulator: HELLO, IDENTIFY/RESUME, READY, GUILD_CREATE, heartbeats
//! and dispatches, over a plain-text JSON WebSocket as serenity expects.

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
    {
        let mut s = shared.lock();
        if s.gateway.as_ref().is_some_and(|(id, _)| *id == conn_id) {
            s.gateway = None;
        }
    }
    shared.bump();
}

/// Answers IDENTIFY with READY and one GUILD_CREATE per guild, then makes this the live session.
async fn identify(
    shared: &Arc<Shared>,
    socket: &mut WebSocket,
    v: &Value,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<GatewayCmd>,
    seq: &mut u64,
) -> bool {
    let (token_ok, refused) = {
        let s = shared.lock();
        let token_ok = v["d"]["token"]
            .as_str()
            .map(|t| t.trim_start_matches("Bot "))
            == Some(s.token.as_str());
        let intents = v["d"]["intents"].as_u64().unwrap_or(0);
        (token_ok, intents & s.refused_intents != 0)
    };
    if !token_ok {
        close(socket, 4004).await;
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
        s.session_id = format!("sim-session-{}", s.identifies);
        s.resumable = true;
        let bot = s.bot_id;
        let guild_ids: Vec<u64> = s
            .model
            .guilds
            .values()
            .filter(|g| g.members.contains_key(&bot))
            .map(|g| g.id)
            .collect();
        let ready = json!({
            "v": 10,
            "user": s.model.user_json(s.bot_id),
            "guilds": guild_ids.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": s.session_id,
            "session_type": "normal",
            "resume_gateway_url": format!("ws://{}/gateway", s.public_addr),
            "shard": [0, 1],
            "application": {"id": s.app_id.to_string(), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
        });
        let guilds: Vec<Value> = s
            .model
            .guilds
            .values()
            .filter(|g| g.members.contains_key(&bot))
            .map(|g| s.model.guild_create_json(g))
            .collect();
        // A new session starts from the current state: queued events are stale.
        s.pending_events.clear();
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
    go_live(shared, conn_id, tx);
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
    let valid = {
        let mut s = shared.lock();
        let ok = s.resumable
            && v["d"]["session_id"].as_str() == Some(s.session_id.as_str())
            && v["d"]["token"]
                .as_str()
                .map(|t| t.trim_start_matches("Bot "))
                == Some(s.token.as_str());
        if ok {
            s.resumes += 1;
        }
        ok
    };
    if !valid {
        // Not resumable: the client must identify again.
        return send(socket, json!({"op": 9, "d": false})).await;
    }
    if let Some(s) = v["d"]["seq"].as_u64() {
        *seq = s;
    }
    *seq += 1;
    if !send(socket, json!({"op": 0, "t": "RESUMED", "s": *seq, "d": {}})).await {
        return false;
    }
    go_live(shared, conn_id, tx);
    true
}

fn go_live(shared: &Arc<Shared>, conn_id: u64, tx: &mpsc::UnboundedSender<GatewayCmd>) {
    {
        let mut s = shared.lock();
        while let Some((t, d)) = s.pending_events.pop_front() {
            let _ = tx.send(GatewayCmd::Dispatch(t, d));
        }
        s.gateway = Some((conn_id, tx.clone()));
    }
    shared.bump();
}
