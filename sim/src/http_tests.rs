//! The simulator's REST side over real HTTP: authentication, recorded requests, injected
//! faults and bodies Discord would reject.

use crate::{channel_type, perms, FaultKind, Sim};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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
