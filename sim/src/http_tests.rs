//! The simulator over real HTTP and WebSocket: authentication, recorded requests, injected
//! faults, bodies Discord would reject, latency, close codes and membership changes.

use std::time::{Duration, Instant};

use crate::{channel_type, perms, FaultKind, Sim, DEFAULT_NONCE_WINDOW};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod scheduled_events;
mod threads;

struct Answer {
    status: u16,
    headers: String,
    body: Value,
}

async fn request(sim: &Sim, method: &str, path: &str, body: Option<Value>) -> Answer {
    send(sim, method, path, Some(&sim.token()), body).await
}

async fn send(
    sim: &Sim,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let addr = sim.url().trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let auth = token
        .map(|t| format!("Authorization: Bot {t}\r\n"))
        .unwrap_or_default();
    let req = format!(
        "{method} /api/v10{path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).await.unwrap();
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Answer {
        status,
        headers: head.to_ascii_lowercase(),
        body: serde_json::from_str(rest.trim()).unwrap_or(Value::Null),
    }
}

fn code(a: &Answer) -> (u16, Option<u64>) {
    (a.status, a.body["code"].as_u64())
}

#[tokio::test]
async fn requests_without_the_bot_token_are_unauthorised() {
    let sim = Sim::start().await;
    assert_eq!(
        send(&sim, "GET", "/users/@me", None, None).await.status,
        401
    );
    assert_eq!(
        send(&sim, "GET", "/users/@me", Some("wrong"), None)
            .await
            .status,
        401
    );
    let a = request(&sim, "GET", "/users/@me", None).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["bot"], true);
}

#[tokio::test]
async fn messages_are_recorded_and_stored_in_the_channel() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let path = format!("/channels/{}/messages", g.general_channel_id);
    let a = request(&sim, "POST", &path, Some(json!({"content": "hello"}))).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["content"], "hello");
    assert_eq!(sim.messages_in(g.general_channel_id).len(), 1);
    let recorded = sim.requests_to("POST", &path);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].body["content"], "hello");
}

#[tokio::test]
async fn an_injected_429_carries_retry_after_and_then_requests_succeed() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let path = format!("/channels/{}/messages", g.general_channel_id);
    let limited = FaultKind::RateLimited {
        retry_after: 1.5,
        global: false,
    };
    sim.inject_fault(Some("POST"), "/messages", limited, 1);
    let a = request(&sim, "POST", &path, Some(json!({"content": "x"}))).await;
    assert_eq!(a.status, 429);
    assert_eq!(a.body["retry_after"], 1.5);
    assert!(a.headers.contains("retry-after: 2"), "{}", a.headers);
    assert!(a.headers.contains("x-ratelimit-scope: user"));
    let a = request(&sim, "POST", &path, Some(json!({"content": "x"}))).await;
    assert_eq!(a.status, 200);
    assert_eq!(
        sim.messages_in(g.general_channel_id).len(),
        1,
        "the 429 stored nothing"
    );
}

#[tokio::test]
async fn an_injected_server_error_fails_only_the_given_number_of_requests() {
    let sim = Sim::start().await;
    sim.inject_fault(
        None,
        "/users/@me",
        FaultKind::ServerError { status: 502 },
        2,
    );
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(request(&sim, "GET", "/users/@me", None).await.status);
    }
    assert_eq!(statuses, [502, 502, 200]);
}

#[tokio::test]
async fn bodies_discord_would_reject_get_invalid_form_body() {
    let sim = Sim::start().await;
    assert!(
        sim.validates_requests(),
        "the OpenAPI description is built in"
    );
    let g = sim.create_guild("G");
    let path = format!("/channels/{}/messages", g.general_channel_id);
    let too_long = "x".repeat(2001);
    let a = request(&sim, "POST", &path, Some(json!({"content": too_long}))).await;
    assert_eq!(code(&a), (400, Some(50035)));
    let a = request(&sim, "POST", &path, Some(json!({}))).await;
    assert_eq!(code(&a), (400, Some(50006)), "empty message");
    let bad_button = json!({"components": [{"type": 1, "components": [
        {"type": 2, "style": 1, "label": "Go", "custom_id": "x".repeat(101)}]}]});
    let a = request(&sim, "POST", &path, Some(bad_button)).await;
    assert_eq!(
        code(&a),
        (400, Some(50035)),
        "custom_id over 100 chars: {}",
        a.body
    );
    let channels = format!("/guilds/{}/channels", g.id);
    let a = request(&sim, "POST", &channels, Some(json!({"name": ""}))).await;
    assert_eq!(code(&a), (400, Some(50035)), "empty channel name");
    assert!(sim.messages_in(g.general_channel_id).is_empty());
}

#[tokio::test]
async fn a_category_holds_at_most_fifty_channels() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let cat = sim.create_channel(g.id, "Mentoring", channel_type::CATEGORY, None);
    let path = format!("/guilds/{}/channels", g.id);
    for i in 0..50 {
        let body = json!({"name": format!("pair-{i}"), "type": 0, "parent_id": cat.to_string()});
        assert_eq!(request(&sim, "POST", &path, Some(body)).await.status, 201);
    }
    let body = json!({"name": "pair-50", "type": 0, "parent_id": cat.to_string()});
    let a = request(&sim, "POST", &path, Some(body)).await;
    assert_eq!(a.status, 400);
    assert!(a.body.to_string().contains("CHANNEL_PARENT_MAX_CHANNELS"));
}

#[tokio::test]
async fn dms_to_a_user_who_closed_them_fail_with_50007() {
    let sim = Sim::start().await;
    let u = sim.create_user("shy");
    sim.close_dms(u);
    let dm = request(
        &sim,
        "POST",
        "/users/@me/channels",
        Some(json!({"recipient_id": u.to_string()})),
    )
    .await;
    assert_eq!(dm.status, 200);
    let path = format!("/channels/{}/messages", dm.body["id"].as_str().unwrap());
    let a = request(&sim, "POST", &path, Some(json!({"content": "hi"}))).await;
    assert_eq!(code(&a), (403, Some(50007)));
}

#[tokio::test]
async fn a_deleted_channel_is_unknown_and_a_hidden_one_is_missing_access() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let c = sim.create_channel(g.id, "secret", channel_type::TEXT, None);
    sim.set_overwrite(c, g.bot_role_id, 0, 0, perms::VIEW_CHANNEL);
    let path = format!("/channels/{c}/messages");
    let a = request(&sim, "POST", &path, Some(json!({"content": "hi"}))).await;
    assert_eq!(code(&a), (403, Some(50001)));
    sim.delete_channel(c);
    let a = request(&sim, "POST", &path, Some(json!({"content": "hi"}))).await;
    assert_eq!(code(&a), (404, Some(10003)));
}

#[tokio::test]
async fn a_repeated_nonce_with_enforce_nonce_returns_the_first_message() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let path = format!("/channels/{}/messages", g.general_channel_id);
    let body = json!({"content": "check-in", "nonce": "occ-1", "enforce_nonce": true});
    let first = request(&sim, "POST", &path, Some(body.clone())).await;
    let second = request(&sim, "POST", &path, Some(body)).await;
    assert_eq!(first.body["id"], second.body["id"]);
    assert_eq!(sim.messages_in(g.general_channel_id).len(), 1);
}

fn contents(a: &Answer) -> Vec<String> {
    a.body
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {}", a.body))
        .iter()
        .map(|m| m["content"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn a_repeated_nonce_returns_the_first_message_only_within_the_nonce_window() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let c = g.general_channel_id;
    let path = format!("/channels/{c}/messages");
    let body = json!({"content": "check-in", "nonce": "occ-1", "enforce_nonce": true});
    let first = request(&sim, "POST", &path, Some(body.clone())).await;
    assert_eq!(
        first.body["nonce"], "occ-1",
        "the create response keeps the nonce"
    );
    sim.advance_time(DEFAULT_NONCE_WINDOW - Duration::from_secs(1));
    let again = request(&sim, "POST", &path, Some(body.clone())).await;
    assert_eq!(
        again.body["id"], first.body["id"],
        "still within the window"
    );

    sim.advance_time(Duration::from_secs(2));
    let late = request(&sim, "POST", &path, Some(body.clone())).await;
    assert_eq!(late.status, 200);
    assert_ne!(
        late.body["id"], first.body["id"],
        "Discord forgot the nonce"
    );
    let late_again = request(&sim, "POST", &path, Some(body.clone())).await;
    assert_eq!(
        late_again.body["id"], late.body["id"],
        "the newer message counts now"
    );

    sim.set_nonce_window(Duration::from_secs(10));
    sim.advance_time(Duration::from_secs(11));
    let third = request(&sim, "POST", &path, Some(body)).await;
    assert_ne!(third.body["id"], late.body["id"]);
    assert_eq!(sim.messages_in(c).len(), 3);

    let history = request(&sim, "GET", &path, None).await;
    assert_eq!(history.body.as_array().unwrap().len(), 3);
    assert!(
        history
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m.get("nonce").is_none()),
        "GET does not return the nonce: {}",
        history.body
    );
    let id = first.body["id"].as_str().unwrap();
    let one = request(&sim, "GET", &format!("{path}/{id}"), None).await;
    assert_eq!(one.status, 200);
    assert!(one.body.get("nonce").is_none(), "{}", one.body);
}

#[tokio::test]
async fn channel_history_is_newest_first_and_honours_limit_before_and_after() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let c = g.general_channel_id;
    let path = format!("/channels/{c}/messages");
    let mut ids = Vec::new();
    for i in 0..5 {
        let a = request(
            &sim,
            "POST",
            &path,
            Some(json!({"content": format!("m{i}")})),
        )
        .await;
        ids.push(a.body["id"].as_str().unwrap().to_string());
    }
    // An ephemeral interaction response is stored but is not part of the channel's history.
    crate::rest::store_message(
        &mut sim.shared.lock(),
        c,
        &json!({"content": "only you", "flags": 64}),
        vec![],
    );
    let get = |q: String| {
        let sim = &sim;
        let path = format!("{path}?{q}");
        async move { request(sim, "GET", &path, None).await }
    };
    assert_eq!(
        contents(&get(String::new()).await),
        ["m4", "m3", "m2", "m1", "m0"]
    );
    assert_eq!(contents(&get("limit=2".into()).await), ["m4", "m3"]);
    let before = get(format!("limit=2&before={}", ids[3])).await;
    assert_eq!(contents(&before), ["m2", "m1"]);
    let after = get(format!("after={}&limit=2", ids[0])).await;
    assert_eq!(
        contents(&after),
        ["m2", "m1"],
        "the messages right after, newest first"
    );
    assert_eq!(contents(&get(format!("after={}", ids[3])).await), ["m4"]);
    assert_eq!(get("limit=100".into()).await.status, 200);
    for bad in ["limit=0", "limit=101", "limit=x", "before=x"] {
        assert_eq!(code(&get(bad.into()).await), (400, Some(50035)), "{bad}");
    }

    let other = sim.create_channel(g.id, "other", channel_type::TEXT, None);
    let wrong = request(
        &sim,
        "GET",
        &format!("/channels/{other}/messages/{}", ids[0]),
        None,
    )
    .await;
    assert_eq!(
        code(&wrong),
        (404, Some(10008)),
        "a message of another channel"
    );
}

#[tokio::test]
async fn latency_delays_every_request_concurrently_and_requests_take_effect_half_way() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let latency = Duration::from_millis(300);
    sim.set_latency(latency);
    let path = format!("/channels/{}/messages", g.general_channel_id);
    let start = Instant::now();
    let (a, b) = tokio::join!(
        request(&sim, "POST", &path, Some(json!({"content": "one"}))),
        request(&sim, "GET", "/users/@me", None),
    );
    let elapsed = start.elapsed();
    assert_eq!((a.status, b.status), (200, 200));
    assert!(elapsed >= latency, "{elapsed:?}");
    assert!(
        elapsed < 2 * latency,
        "concurrent requests wait concurrently: {elapsed:?}"
    );
    let recorded = sim.requests_since(start);
    assert_eq!(recorded.len(), 2);
    // Requests take effect half-way through the round trip; the answer comes at its end.
    assert!(recorded.iter().all(|r| r.at >= start + latency / 2));
    assert!(sim.requests_since(Instant::now()).is_empty());

    sim.set_latency(Duration::ZERO);
    let start = Instant::now();
    request(&sim, "GET", "/users/@me", None).await;
    assert!(start.elapsed() < latency);
}

#[tokio::test]
async fn ack_time_runs_from_dispatch_to_the_accepted_callback_half_way_through_its_latency() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let commands = format!("/applications/{}/commands", sim.application_id());
    let ping = json!([{"name": "ping", "description": "Ping", "type": 1}]);
    let a = request(&sim, "PUT", &commands, Some(ping)).await;
    assert_eq!(a.status, 200, "{}", a.body);

    let latency = Duration::from_millis(200);
    sim.set_latency(latency);
    let id = sim.command(g.id, g.owner_id, "ping").send().await.unwrap();
    assert_eq!(sim.interaction_ids(), [id]);
    assert_eq!(sim.ack_time(id), None, "not acknowledged yet");
    let token = sim.shared.lock().interactions[&id].token.clone();
    let callback = format!("/interactions/{id}/{token}/callback");
    let pong = json!({"type": 4, "data": {"content": "pong"}});
    assert_eq!(
        request(&sim, "POST", &callback, Some(pong.clone()))
            .await
            .status,
        204
    );
    let ack = sim.ack_time(id).expect("acknowledged");
    assert!(
        ack >= latency / 2,
        "the callback took effect half-way through its round trip: {ack:?}"
    );

    let again = request(&sim, "POST", &callback, Some(pong)).await;
    assert_eq!(code(&again), (400, Some(40060)));
    assert_eq!(
        sim.ack_time(id),
        Some(ack),
        "only the first callback counts"
    );

    let start = Instant::now();
    let webhook = format!("/webhooks/{}/{token}", sim.application_id());
    let followup = request(&sim, "POST", &webhook, Some(json!({"content": "more"}))).await;
    assert_eq!(followup.status, 200);
    assert!(start.elapsed() >= latency, "webhooks have latency too");

    let second = sim.command(g.id, g.owner_id, "ping").send().await.unwrap();
    assert_eq!(sim.interaction_ids(), [id, second]);
}

#[tokio::test]
async fn a_timeout_fault_hangs_only_its_own_request() {
    let sim = Sim::start().await;
    sim.inject_fault(Some("GET"), "/users/@me", FaultKind::Timeout, 1);
    let (hung, other) = tokio::join!(
        tokio::time::timeout(
            Duration::from_millis(800),
            request(&sim, "GET", "/users/@me", None)
        ),
        async {
            tokio::time::sleep(Duration::from_millis(100)).await;
            tokio::time::timeout(
                Duration::from_secs(2),
                request(&sim, "GET", "/gateway/bot", None),
            )
            .await
            .expect("another request is answered while one hangs")
        },
    );
    assert!(hung.is_err(), "the request was answered");
    assert_eq!(other.status, 200);
    assert_eq!(sim.requests_to("GET", "/users/@me")[0].status, 504);
    assert_eq!(request(&sim, "GET", "/users/@me", None).await.status, 200);
}

#[tokio::test]
async fn a_member_who_left_is_unknown_and_cannot_be_messaged() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let other = sim.create_guild("Other");
    let gone = sim.create_user("gone");
    let stays = sim.create_user("stays");
    sim.add_member(g.id, gone, &[]);
    sim.add_member(g.id, stays, &[]);
    sim.add_member(other.id, stays, &[]);
    let pair = sim.create_channel(g.id, "pair", channel_type::TEXT, None);
    sim.set_overwrite(pair, gone, 1, perms::VIEW_CHANNEL | perms::SEND_MESSAGES, 0);
    let member = format!("/guilds/{}/members/{gone}", g.id);
    assert_eq!(request(&sim, "GET", &member, None).await.status, 200);

    sim.remove_member(g.id, gone);
    sim.remove_member(g.id, stays);
    assert_eq!(
        code(&request(&sim, "GET", &member, None).await),
        (404, Some(10007))
    );
    let dm = |user: u64| {
        let sim = &sim;
        async move {
            let open = json!({"recipient_id": user.to_string()});
            let dm = request(sim, "POST", "/users/@me/channels", Some(open)).await;
            assert_eq!(dm.status, 200);
            let path = format!("/channels/{}/messages", dm.body["id"].as_str().unwrap());
            request(sim, "POST", &path, Some(json!({"content": "hi"}))).await
        }
    };
    assert_eq!(
        code(&dm(gone).await),
        (403, Some(50007)),
        "no mutual server"
    );
    assert_eq!(dm(stays).await.status, 200, "still shares the other server");

    // The left member's overwrite stays on the channel; permission checks must cope.
    let p = sim.with_model(|m| m.channel_permissions(&m.guilds[&g.id], &m.channels[&pair], gone));
    assert_eq!(p & perms::VIEW_CHANNEL, perms::VIEW_CHANNEL);
    assert_eq!(
        request(&sim, "GET", &format!("/channels/{pair}"), None)
            .await
            .status,
        200
    );
    let post = format!("/channels/{pair}/messages");
    let a = request(&sim, "POST", &post, Some(json!({"content": "hello?"}))).await;
    assert_eq!(a.status, 200);
}

/// A minimal WebSocket client (no TLS, no fragmentation): enough to see the gateway's frames and
/// close codes on the wire without another dependency.
struct Ws {
    stream: TcpStream,
    buf: Vec<u8>,
}

#[derive(Debug)]
enum Frame {
    Text(Value),
    Close(Option<u16>, String),
    Gone,
}

impl Ws {
    async fn connect(sim: &Sim) -> Ws {
        let addr = sim.url().trim_start_matches("http://").to_string();
        let mut stream = TcpStream::connect(&addr).await.unwrap();
        let req = format!(
            "GET /gateway?v=10&encoding=json HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\n\r\n"
        );
        stream.write_all(req.as_bytes()).await.unwrap();
        let mut ws = Ws {
            stream,
            buf: Vec::new(),
        };
        let end = loop {
            if let Some(i) = ws.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            assert!(ws.read_more().await, "closed during the handshake");
        };
        let head = String::from_utf8_lossy(&ws.buf[..end]).to_string();
        assert!(head.starts_with("HTTP/1.1 101"), "{head}");
        ws.buf.drain(..end);
        let hello = ws.text().await;
        assert_eq!(hello["op"], 10, "{hello}");
        ws
    }

    async fn read_more(&mut self) -> bool {
        let mut chunk = [0u8; 4096];
        match self.stream.read(&mut chunk).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    async fn fill(&mut self, n: usize) -> bool {
        while self.buf.len() < n {
            if !self.read_more().await {
                return false;
            }
        }
        true
    }

    /// The next text or close frame, or `Gone` when the connection ends.
    async fn next(&mut self) -> Frame {
        tokio::time::timeout(Duration::from_secs(5), self.next_frame())
            .await
            .expect("no gateway frame within 5 s")
    }

    async fn next_frame(&mut self) -> Frame {
        loop {
            if !self.fill(2).await {
                return Frame::Gone;
            }
            let opcode = self.buf[0] & 0x0f;
            let (len, header) = match self.buf[1] & 0x7f {
                126 if self.fill(4).await => {
                    (u16::from_be_bytes([self.buf[2], self.buf[3]]) as usize, 4)
                }
                127 if self.fill(10).await => (
                    u64::from_be_bytes(self.buf[2..10].try_into().unwrap()) as usize,
                    10,
                ),
                126 | 127 => return Frame::Gone,
                n => (n as usize, 2),
            };
            if !self.fill(header + len).await {
                return Frame::Gone;
            }
            let payload: Vec<u8> = self.buf.drain(..header + len).skip(header).collect();
            match opcode {
                1 => return Frame::Text(serde_json::from_slice(&payload).unwrap()),
                8 => {
                    let code =
                        (payload.len() >= 2).then(|| u16::from_be_bytes([payload[0], payload[1]]));
                    let reason = String::from_utf8_lossy(payload.get(2..).unwrap_or_default());
                    return Frame::Close(code, reason.into_owned());
                }
                _ => continue,
            }
        }
    }

    async fn text(&mut self) -> Value {
        match self.next().await {
            Frame::Text(v) => v,
            other => panic!("expected a text frame, got {other:?}"),
        }
    }

    /// The next dispatch: event name and data.
    async fn dispatch(&mut self) -> (String, Value) {
        let v = self.text().await;
        assert_eq!(v["op"], 0, "{v}");
        (v["t"].as_str().unwrap().to_string(), v["d"].clone())
    }

    async fn close_code(&mut self) -> (u16, String) {
        match self.next().await {
            Frame::Close(Some(code), reason) => (code, reason),
            other => panic!("expected a close frame, got {other:?}"),
        }
    }

    /// Sends a masked text frame, as a client must.
    async fn send(&mut self, v: Value) {
        let payload = v.to_string().into_bytes();
        let mask = [0x12, 0x34, 0x56, 0x78];
        let mut frame = vec![0x81];
        if payload.len() < 126 {
            frame.push(0x80 | payload.len() as u8);
        } else {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(payload.len() as u16).to_be_bytes());
        }
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.stream.write_all(&frame).await.unwrap();
    }

    async fn send_identify(&mut self, token: &str, intents: u64) {
        self.send(json!({"op": 2, "d": {
            "token": format!("Bot {token}"),
            "intents": intents,
            "properties": {"os": "linux", "browser": "test", "device": "test"},
        }}))
        .await;
    }

    /// Identifies and reads READY and the GUILD_CREATEs; returns READY's data and the last seq,
    /// once the simulator counts the session as live.
    async fn identify(&mut self, sim: &Sim, intents: u64) -> (Value, u64) {
        self.send_identify(&sim.token(), intents).await;
        self.read_ready(sim).await
    }

    /// As [`Ws::identify`] for shard `[shard_id, shard_count]`; returns READY's data and the
    /// GUILD_CREATEs' guild ids.
    async fn identify_shard(&mut self, sim: &Sim, shard: [u32; 2]) -> (Value, Vec<String>) {
        self.send(json!({"op": 2, "d": {
            "token": format!("Bot {}", sim.token()),
            "intents": GUILDS | GUILD_MESSAGES,
            "properties": {"os": "linux", "browser": "test", "device": "test"},
            "shard": shard,
        }}))
        .await;
        let ready = self.text().await;
        assert_eq!(ready["t"], "READY", "{ready}");
        let mut created = Vec::new();
        for _ in 0..ready["d"]["guilds"].as_array().unwrap().len() {
            let (t, d) = self.dispatch().await;
            assert_eq!(t, "GUILD_CREATE");
            created.push(d["id"].as_str().unwrap().to_string());
        }
        assert!(
            sim.wait_shards_connected(&[shard], Duration::from_secs(5))
                .await
        );
        (ready["d"].clone(), created)
    }

    async fn read_ready(&mut self, sim: &Sim) -> (Value, u64) {
        let ready = self.text().await;
        assert_eq!(ready["t"], "READY", "{ready}");
        let mut seq = ready["s"].as_u64().unwrap();
        for _ in 0..ready["d"]["guilds"].as_array().unwrap().len() {
            let g = self.text().await;
            assert_eq!(g["t"], "GUILD_CREATE");
            seq = g["s"].as_u64().unwrap();
        }
        assert!(sim.wait_connected(Duration::from_secs(5)).await);
        (ready["d"].clone(), seq)
    }
}

const GUILDS: u64 = 1 << 0;
const GUILD_MEMBERS: u64 = 1 << 1;
const GUILD_MESSAGES: u64 = 1 << 9;

#[tokio::test]
async fn a_gateway_close_carries_its_code_and_4007_or_4009_ends_the_session() {
    let sim = Sim::start().await;
    sim.create_guild("G");
    let mut ws = Ws::connect(&sim).await;
    let (ready, mut seq) = ws.identify(&sim, GUILDS).await;
    let mut session = ready["session_id"].as_str().unwrap().to_string();
    for (code, reason) in [
        (4000, "Unknown error."),
        (1001, ""),
        (4007, "Invalid seq."),
        (4009, "Session timed out."),
    ] {
        sim.close_gateway(code);
        assert_eq!(ws.close_code().await, (code, reason.to_string()));
        assert!(
            matches!(ws.next().await, Frame::Gone),
            "dropped after {code}"
        );

        ws = Ws::connect(&sim).await;
        ws.send(json!({"op": 6, "d": {
            "token": format!("Bot {}", sim.token()), "session_id": session, "seq": seq,
        }}))
        .await;
        let answer = ws.text().await;
        if matches!(code, 4000 | 1001) {
            assert_eq!(answer["t"], "RESUMED", "after {code}: {answer}");
            seq = answer["s"].as_u64().unwrap();
            assert!(sim.wait_connected(Duration::from_secs(5)).await);
        } else {
            assert_eq!(answer, json!({"op": 9, "d": false}), "after {code}");
            let (ready, s) = ws.identify(&sim, GUILDS).await;
            assert_ne!(ready["session_id"], session.as_str(), "a new session");
            session = ready["session_id"].as_str().unwrap().to_string();
            seq = s;
        }
    }
    assert_eq!(sim.sessions(), (3, 2));
}

#[tokio::test]
async fn identify_with_a_refused_intent_or_a_wrong_token_is_closed() {
    let sim = Sim::start().await;
    sim.refuse_intents(GUILD_MEMBERS);
    let mut ws = Ws::connect(&sim).await;
    ws.send_identify(&sim.token(), GUILDS | GUILD_MEMBERS | GUILD_MESSAGES)
        .await;
    assert_eq!(
        ws.close_code().await,
        (4014, "Disallowed intent(s).".into())
    );
    let mut ws = Ws::connect(&sim).await;
    ws.send_identify("wrong", GUILDS).await;
    assert_eq!(
        ws.close_code().await,
        (4004, "Authentication failed.".into())
    );
    assert_eq!(sim.sessions(), (0, 0));
    let mut ws = Ws::connect(&sim).await;
    ws.identify(&sim, GUILDS | GUILD_MESSAGES).await;
    assert_eq!(sim.sessions(), (1, 0));
}

#[tokio::test]
async fn a_member_leaving_is_announced_only_with_the_guild_members_intent() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let (a, b) = (sim.create_user("a"), sim.create_user("b"));
    sim.add_member(g.id, a, &[]);
    sim.add_member(g.id, b, &[]);
    let mut ws = Ws::connect(&sim).await;
    ws.identify(&sim, GUILDS | GUILD_MESSAGES).await;
    sim.remove_member(g.id, a);
    sim.create_role(g.id, "marker", 0);
    assert_eq!(
        ws.dispatch().await.0,
        "GUILD_ROLE_CREATE",
        "no GUILD_MEMBER_REMOVE"
    );

    sim.drop_gateway();
    let mut ws = Ws::connect(&sim).await;
    ws.identify(&sim, GUILDS | GUILD_MEMBERS).await;
    sim.remove_member(g.id, b);
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "GUILD_MEMBER_REMOVE");
    assert_eq!(d["guild_id"], g.id.to_string());
    assert_eq!(d["user"]["id"], b.to_string());
}

#[tokio::test]
async fn a_bot_removed_from_a_guild_gets_guild_delete_and_no_access_until_invited_back() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let keep = sim.create_guild("Keep");
    let c = g.general_channel_id;
    let mut ws = Ws::connect(&sim).await;
    ws.identify(&sim, GUILDS | GUILD_MESSAGES).await;

    sim.remove_bot_from_guild(g.id);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), d),
        ("GUILD_DELETE", json!({"id": g.id.to_string()}))
    );
    let app = sim.application_id();
    let missing_access = [
        ("GET", format!("/channels/{c}"), None),
        (
            "PATCH",
            format!("/channels/{c}"),
            Some(json!({"name": "x"})),
        ),
        ("DELETE", format!("/channels/{c}"), None),
        ("GET", format!("/channels/{c}/messages"), None),
        (
            "POST",
            format!("/channels/{c}/messages"),
            Some(json!({"content": "hi"})),
        ),
        (
            "PUT",
            format!("/channels/{c}/permissions/{}", g.owner_id),
            Some(json!({"type": 1, "allow": "1024", "deny": "0"})),
        ),
        (
            "PUT",
            format!("/applications/{app}/guilds/{}/commands", g.id),
            Some(json!([])),
        ),
    ];
    for (method, path, body) in missing_access {
        let a = request(&sim, method, &path, body).await;
        assert_eq!(code(&a), (403, Some(50001)), "{method} {path}: {}", a.body);
    }
    let unknown_guild = [
        ("GET", format!("/guilds/{}", g.id), None),
        ("GET", format!("/guilds/{}/channels", g.id), None),
        ("GET", format!("/guilds/{}/roles", g.id), None),
        (
            "GET",
            format!("/guilds/{}/members/{}", g.id, g.owner_id),
            None,
        ),
        (
            "POST",
            format!("/guilds/{}/channels", g.id),
            Some(json!({"name": "x"})),
        ),
    ];
    for (method, path, body) in unknown_guild {
        let a = request(&sim, method, &path, body).await;
        assert_eq!(code(&a), (404, Some(10004)), "{method} {path}: {}", a.body);
    }
    assert_eq!(
        request(&sim, "GET", &format!("/guilds/{}", keep.id), None)
            .await
            .status,
        200
    );
    assert!(
        sim.with_model(|m| m.channels.contains_key(&c)),
        "the data is kept"
    );

    // Nothing about the guild reaches the bot any more.
    sim.create_channel(g.id, "unseen", channel_type::TEXT, None);
    sim.create_channel(keep.id, "seen", channel_type::TEXT, None);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), d["name"].as_str()),
        ("CHANNEL_CREATE", Some("seen"))
    );
    sim.drop_gateway();
    let mut ws = Ws::connect(&sim).await;
    let (ready, _) = ws.identify(&sim, GUILDS).await;
    assert_eq!(
        ready["guilds"],
        json!([{"id": keep.id.to_string(), "unavailable": true}])
    );

    sim.add_bot_to_guild(g.id);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), d["id"].as_str()),
        ("GUILD_CREATE", Some(g.id.to_string().as_str()))
    );
    assert_eq!(
        request(&sim, "GET", &format!("/channels/{c}"), None)
            .await
            .status,
        200
    );
    let post = request(
        &sim,
        "POST",
        &format!("/channels/{c}/messages"),
        Some(json!({"content": "back"})),
    )
    .await;
    assert_eq!(post.status, 200, "the bot's role came back: {}", post.body);
}

// Sharding: IDENTIFY's `[shard_id, shard_count]`, routing by `(guild_id >> 22) % shard_count`.

#[tokio::test]
async fn guilds_can_be_made_on_each_shard_and_ids_keep_increasing() {
    let sim = Sim::start().await;
    // The simulator's consecutive ids share a timestamp: every plain guild is on one shard.
    let a = sim.create_guild("A");
    let b = sim.create_guild("B");
    for count in 1..=8 {
        assert_eq!(crate::shard_of(a.id, count), crate::shard_of(b.id, count));
    }
    let mut last = b.id;
    for count in [2, 3, 4] {
        for shard in (0..count).rev() {
            let g = sim.create_guild_on_shard("S", shard, count);
            assert_eq!(crate::shard_of(g.id, count), shard, "{shard} of {count}");
            assert!(g.id > last, "ids increase");
            assert!(g.general_channel_id > g.id && g.bot_role_id > g.id);
            // The next plain guild follows on, on the same shard.
            let next = sim.create_guild("after");
            assert_eq!(crate::shard_of(next.id, count), shard);
            last = next.general_channel_id;
        }
    }
    assert_eq!(crate::shard_of(42 << 22, 1), 0);
}

#[tokio::test]
async fn gateway_bot_recommends_the_configured_shard_count() {
    let sim = Sim::start().await;
    let a = request(&sim, "GET", "/gateway/bot", None).await;
    assert_eq!(a.body["shards"], 1);
    assert_eq!(a.body["session_start_limit"]["max_concurrency"], 1);
    sim.set_recommended_shards(4);
    sim.set_max_concurrency(16);
    let a = request(&sim, "GET", "/gateway/bot", None).await;
    assert_eq!(a.body["shards"], 4);
    assert_eq!(a.body["session_start_limit"]["max_concurrency"], 16);
    assert!(a.body["url"].as_str().unwrap().starts_with("ws://"));
}

/// Two shards of two, each with one guild of its own, connected: (sim, guilds, sockets).
async fn two_shards() -> (Sim, [crate::GuildInfo; 2], [Ws; 2]) {
    let sim = Sim::start().await;
    let g0 = sim.create_guild_on_shard("Zero", 0, 2);
    let g1 = sim.create_guild_on_shard("One", 1, 2);
    let mut ws0 = Ws::connect(&sim).await;
    let (ready0, created0) = ws0.identify_shard(&sim, [0, 2]).await;
    let mut ws1 = Ws::connect(&sim).await;
    let (ready1, created1) = ws1.identify_shard(&sim, [1, 2]).await;
    for (ready, created, g, shard) in [(ready0, created0, g0, 0), (ready1, created1, g1, 1)] {
        assert_eq!(ready["shard"], json!([shard, 2]));
        assert_eq!(
            ready["guilds"],
            json!([{"id": g.id.to_string(), "unavailable": true}]),
            "shard {shard}"
        );
        assert_eq!(created, [g.id.to_string()], "shard {shard}");
    }
    assert_eq!(sim.live_shards(), [[0, 2], [1, 2]]);
    (sim, [g0, g1], [ws0, ws1])
}

#[tokio::test]
async fn each_shard_gets_the_events_of_its_own_guilds_and_dms_go_to_shard_0() {
    let (sim, [g0, g1], [mut ws0, mut ws1]) = two_shards().await;
    let alice = sim.create_user("alice");
    sim.add_member(g1.id, alice, &[]);
    let (t, d) = ws1.dispatch().await;
    assert_eq!(
        (t.as_str(), d["guild_id"].as_str()),
        ("GUILD_MEMBER_ADD", Some(g1.id.to_string().as_str()))
    );
    sim.add_member(g0.id, alice, &[]);
    assert_eq!(ws0.dispatch().await.0, "GUILD_MEMBER_ADD");

    // Channel, role, message and interaction events of a guild reach only its shard.
    sim.create_channel(g1.id, "one", channel_type::TEXT, None);
    sim.create_role(g1.id, "r", 0);
    let said = sim.say(alice, g1.general_channel_id, "hi");
    sim.click(g1.id, alice, said, "press").await;
    sim.remove_bot_from_guild(g1.id);
    sim.add_bot_to_guild(g1.id);
    for want in [
        "CHANNEL_CREATE",
        "GUILD_ROLE_CREATE",
        "MESSAGE_CREATE",
        "INTERACTION_CREATE",
        "GUILD_DELETE",
        "GUILD_CREATE",
    ] {
        let (t, d) = ws1.dispatch().await;
        assert_eq!(t, want);
        let guild = d["guild_id"].as_str().or(d["id"].as_str()).unwrap();
        assert_eq!(guild, g1.id.to_string(), "{t}");
    }
    let said = sim.say(alice, g0.general_channel_id, "hello");
    sim.click(g0.id, alice, said, "press").await;
    for want in ["MESSAGE_CREATE", "INTERACTION_CREATE"] {
        let (t, d) = ws0.dispatch().await;
        assert_eq!(
            (t.as_str(), d["guild_id"].as_str()),
            (want, Some(g0.id.to_string().as_str()))
        );
    }

    // A DM (no guild) goes to shard 0 only.
    let open = json!({"recipient_id": alice.to_string()});
    let dm = request(&sim, "POST", "/users/@me/channels", Some(open)).await;
    let path = format!("/channels/{}/messages", dm.body["id"].as_str().unwrap());
    assert_eq!(
        request(&sim, "POST", &path, Some(json!({"content": "psst"})))
            .await
            .status,
        200
    );
    let (t, d) = ws0.dispatch().await;
    assert_eq!(
        (t.as_str(), d["guild_id"].is_null()),
        ("MESSAGE_CREATE", true)
    );

    // Shard 1 saw nothing of shard 0's guild nor the DM: its next event is this marker.
    sim.create_role(g1.id, "marker", 0);
    let (t, d) = ws1.dispatch().await;
    assert_eq!(
        (t.as_str(), d["role"]["name"].as_str()),
        ("GUILD_ROLE_CREATE", Some("marker"))
    );
    sim.create_role(g0.id, "marker0", 0);
    let (t, d) = ws0.dispatch().await;
    assert_eq!(
        (t.as_str(), d["role"]["name"].as_str()),
        ("GUILD_ROLE_CREATE", Some("marker0"))
    );
}

#[tokio::test]
async fn a_shard_that_is_away_gets_its_events_on_resume_and_the_other_shard_carries_on() {
    let (sim, [g0, g1], [mut ws0, mut ws1]) = two_shards().await;
    // The session id of shard 1, from its READY (read again by identifying is not needed:
    // the sim numbers sessions in order).
    let session1 = "sim-session-2";
    sim.close_shard(1, 4000);
    assert_eq!(ws1.close_code().await.0, 4000);
    assert_eq!(sim.live_shards(), [[0, 2]]);
    sim.create_channel(g1.id, "while-away", channel_type::TEXT, None);
    sim.create_channel(g0.id, "here", channel_type::TEXT, None);
    let (t, d) = ws0.dispatch().await;
    assert_eq!(
        (t.as_str(), d["name"].as_str()),
        ("CHANNEL_CREATE", Some("here"))
    );

    let mut ws1 = Ws::connect(&sim).await;
    ws1.send(json!({"op": 6, "d": {
        "token": format!("Bot {}", sim.token()), "session_id": session1, "seq": 1,
    }}))
    .await;
    assert_eq!(ws1.text().await["t"], "RESUMED");
    let (t, d) = ws1.dispatch().await;
    assert_eq!(
        (t.as_str(), d["name"].as_str()),
        ("CHANNEL_CREATE", Some("while-away"))
    );
    assert!(
        sim.wait_shards_connected(&[[0, 2], [1, 2]], Duration::from_secs(5))
            .await
    );

    // A fresh IDENTIFY of a shard drops what was queued for it (it starts from READY).
    sim.close_shard(1, 4009);
    assert_eq!(ws1.close_code().await.0, 4009);
    sim.create_channel(g1.id, "stale", channel_type::TEXT, None);
    let mut ws1 = Ws::connect(&sim).await;
    ws1.send(json!({"op": 6, "d": {
        "token": format!("Bot {}", sim.token()), "session_id": session1, "seq": 1,
    }}))
    .await;
    assert_eq!(
        ws1.text().await,
        json!({"op": 9, "d": false}),
        "4009 ended the session"
    );
    ws1.identify_shard(&sim, [1, 2]).await;
    sim.create_role(g1.id, "marker", 0);
    assert_eq!(
        ws1.dispatch().await.0,
        "GUILD_ROLE_CREATE",
        "no stale CHANNEL_CREATE"
    );
    // Shard 0's session was untouched by shard 1's close codes.
    sim.create_role(g0.id, "marker0", 0);
    assert_eq!(ws0.dispatch().await.0, "GUILD_ROLE_CREATE");
    assert_eq!(sim.sessions(), (3, 1));
}

#[tokio::test]
async fn identify_with_an_invalid_shard_is_closed_with_4010() {
    let sim = Sim::start().await;
    sim.create_guild("G");
    for shard in [
        json!([2, 2]),
        json!([0, 0]),
        json!([1]),
        json!([0, 1, 2]),
        json!([-1, 2]),
        json!("0-1"),
        json!([0, "2"]),
    ] {
        let mut ws = Ws::connect(&sim).await;
        ws.send(json!({"op": 2, "d": {
            "token": format!("Bot {}", sim.token()), "intents": GUILDS,
            "properties": {"os": "linux", "browser": "test", "device": "test"},
            "shard": shard,
        }}))
        .await;
        assert_eq!(
            ws.close_code().await,
            (4010, "Invalid shard.".into()),
            "{shard}"
        );
    }
    assert_eq!(sim.sessions(), (0, 0));
    // Absent means [0, 1]: the single session of before.
    let mut ws = Ws::connect(&sim).await;
    let (ready, _) = ws.identify(&sim, GUILDS).await;
    assert_eq!(ready["shard"], json!([0, 1]));
    assert_eq!(ready["guilds"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn identify_is_closed_with_4011_when_sharding_is_required() {
    let sim = Sim::start().await;
    sim.create_guild_on_shard("A", 0, 2);
    sim.create_guild_on_shard("B", 1, 2);
    sim.require_sharding_above(1);
    let mut ws = Ws::connect(&sim).await;
    ws.send_identify(&sim.token(), GUILDS).await;
    assert_eq!(ws.close_code().await, (4011, "Sharding required.".into()));
    for shard in 0..2 {
        let mut ws = Ws::connect(&sim).await;
        let (ready, _) = ws.identify_shard(&sim, [shard, 2]).await;
        assert_eq!(ready["guilds"].as_array().unwrap().len(), 1);
    }
}

#[tokio::test]
async fn a_role_the_bot_made_can_be_given_and_taken_back_but_not_one_above_its_own() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let alice = sim.create_user("alice");
    sim.add_member(g.id, alice, &[]);
    let made = request(
        &sim,
        "POST",
        &format!("/guilds/{}/roles", g.id),
        Some(json!({"name": "Mentoring pairs"})),
    )
    .await;
    assert_eq!(made.status, 200, "{}", made.body);
    let role: u64 = made.body["id"].as_str().unwrap().parse().unwrap();
    let path = format!("/guilds/{}/members/{alice}/roles/{role}", g.id);
    let roles_of = |sim: &Sim| sim.with_model(|m| m.guilds[&g.id].members[&alice].clone());
    assert_eq!(request(&sim, "PUT", &path, None).await.status, 204);
    assert_eq!(roles_of(&sim), vec![role]);
    // Again: nothing changes.
    assert_eq!(request(&sim, "PUT", &path, None).await.status, 204);
    assert_eq!(roles_of(&sim), vec![role]);
    assert_eq!(request(&sim, "DELETE", &path, None).await.status, 204);
    assert!(roles_of(&sim).is_empty());
    // A role above the bot's own (made by someone else, at the top) is refused.
    let high = sim.create_role(g.id, "admins", 0);
    let path = format!("/guilds/{}/members/{alice}/roles/{high}", g.id);
    assert_eq!(
        code(&request(&sim, "PUT", &path, None).await),
        (403, Some(50013))
    );
    // Unknown member, unknown role.
    let path = format!("/guilds/{}/members/1/roles/{role}", g.id);
    assert_eq!(
        code(&request(&sim, "PUT", &path, None).await),
        (404, Some(10007))
    );
    let path = format!("/guilds/{}/members/{alice}/roles/1", g.id);
    assert_eq!(
        code(&request(&sim, "PUT", &path, None).await),
        (404, Some(10011))
    );
}

#[tokio::test]
async fn overwrites_may_grant_only_what_the_bot_has_itself() {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let body = |allow: u64| {
        json!({"name": "hub", "type": 0, "permission_overwrites": [
            {"id": g.id.to_string(), "type": 0, "allow": allow.to_string(), "deny": "0"}
        ]})
    };
    let path = format!("/guilds/{}/channels", g.id);
    // The bot lacks Manage Threads, so it cannot hand it out.
    let refused = request(&sim, "POST", &path, Some(body(perms::MANAGE_THREADS))).await;
    assert_eq!(code(&refused), (403, Some(50013)));
    let ok = request(&sim, "POST", &path, Some(body(perms::VIEW_CHANNEL))).await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    sim.set_role_permissions(
        g.id,
        g.bot_role_id,
        crate::BOT_DEFAULT_PERMISSIONS | perms::MANAGE_THREADS,
    );
    let ok = request(&sim, "POST", &path, Some(body(perms::MANAGE_THREADS))).await;
    assert_eq!(ok.status, 201, "{}", ok.body);
}
