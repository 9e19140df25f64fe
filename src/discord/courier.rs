//! Scheduled sends, paced and retried by tandem itself. serenity's client hides a 429's
//! `retry_after` and (with its own limiter off, as under the simulator) does not retry, so the
//! few requests a fan-out makes go through here: the same bodies serenity's builders produce,
//! sent with the bot's token, under one token bucket, in both modes.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use serde_json::{json, Value};

use crate::config::Settings;
use std::sync::Arc;

use crate::jobs::{Budget, Lane};
use crate::ops::Ops;

/// Discord error codes that will not go away by retrying.
pub const UNKNOWN_CHANNEL: i64 = 10003;
pub const MISSING_ACCESS: i64 = 50001;
pub const MISSING_PERMISSIONS: i64 = 50013;
pub const CANNOT_DM: i64 = 50007;
pub const UNKNOWN_MEMBER: i64 = 10007;
const PERMANENT: [i64; 5] = [
    UNKNOWN_CHANNEL,
    10008,
    MISSING_ACCESS,
    CANNOT_DM,
    MISSING_PERMISSIONS,
];

/// 5xx and network errors get this many tries, with backoff, before the occurrence is retried
/// later by the scheduler; 429s do not count.
const TRIES: u32 = 4;
/// At most this many 429s for one request before giving up for now.
const MAX_RATE_LIMITED: u32 = 10;

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Discord refused for good (unknown channel, missing access, DMs closed …).
    #[error("Discord refused: {code} {message}")]
    Permanent { code: i64, message: String },
    /// Discord rejected the request itself (a bug on our side, e.g. an invalid body).
    #[error("Discord rejected the request ({status}): {code} {message}")]
    Rejected {
        status: u16,
        code: i64,
        message: String,
    },
    /// Discord or the network failed; worth trying again later.
    #[error("Discord unavailable: {0}")]
    Unavailable(String),
}

/// A request body: JSON, or a message with files.
enum Body<'a> {
    Json(Value),
    Multipart(Value, &'a [serenity::CreateAttachment]),
}

pub struct Courier {
    client: reqwest::Client,
    base: String,
    budget: Arc<Budget>,
    /// Counts the 429s.
    ops: Ops,
}

impl Courier {
    pub fn new(settings: &Settings, budget: Arc<Budget>, ops: Ops) -> anyhow::Result<Courier> {
        let token = settings
            .discord
            .token
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("DISCORD_TOKEN is not set"))?;
        let mut headers = HeaderMap::new();
        let mut auth = HeaderValue::from_str(&format!("Bot {}", token.expose()))
            .map_err(|_| anyhow::anyhow!("DISCORD_TOKEN contains characters a header cannot"))?;
        auth.set_sensitive(true);
        headers.insert(AUTHORIZATION, auth);
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static(concat!(
                "DiscordBot (tandem, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            )),
        );
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(Courier {
            client,
            base: format!("{}/api/v10", settings.discord.api_url.trim_end_matches('/')),
            budget,
            ops,
        })
    }

    /// Posts a message; returns its id. Give the message a nonce and `enforce_nonce` so a
    /// retry after a lost answer returns the first message instead of posting a second.
    pub async fn post(
        &self,
        channel: u64,
        message: &serenity::CreateMessage,
    ) -> Result<u64, SendError> {
        let body = serde_json::to_value(message)
            .map_err(|e| SendError::Unavailable(format!("message not serialisable: {e}")))?;
        let answer = self
            .request(
                reqwest::Method::POST,
                &format!("/channels/{channel}/messages"),
                Body::Json(body),
            )
            .await?;
        id_of(&answer)
    }

    /// Posts a message with files (multipart, as Discord takes uploads); returns its id. The
    /// message's attachment list is made from `files` (ids 0, 1, …, names, descriptions).
    pub async fn post_with_files(
        &self,
        channel: u64,
        message: &serenity::CreateMessage,
        files: &[serenity::CreateAttachment],
    ) -> Result<u64, SendError> {
        let mut payload = serde_json::to_value(message)
            .map_err(|e| SendError::Unavailable(format!("message not serialisable: {e}")))?;
        payload["attachments"] = files
            .iter()
            .enumerate()
            .map(|(i, f)| json!({ "id": i, "filename": f.filename, "description": f.description }))
            .collect();
        let answer = self
            .request(
                reqwest::Method::POST,
                &format!("/channels/{channel}/messages"),
                Body::Multipart(payload, files),
            )
            .await?;
        id_of(&answer)
    }

    /// The latest messages in a channel (up to 100, newest first), as Discord returns them.
    pub async fn recent_messages(&self, channel: u64) -> Result<Vec<Value>, SendError> {
        let answer = self
            .request(
                reqwest::Method::GET,
                &format!("/channels/{channel}/messages?limit=100"),
                Body::Json(Value::Null),
            )
            .await?;
        Ok(answer.as_array().cloned().unwrap_or_default())
    }

    /// Whether `user` is still a member of `guild` (a member look-up, which needs no
    /// privileged intent): `false` on Discord's 10007 Unknown Member.
    pub async fn is_member(&self, guild: u64, user: u64) -> Result<bool, SendError> {
        let path = format!("/guilds/{guild}/members/{user}");
        match self
            .request(reqwest::Method::GET, &path, Body::Json(Value::Null))
            .await
        {
            Ok(_) => Ok(true),
            Err(SendError::Rejected {
                code: UNKNOWN_MEMBER,
                ..
            }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The DM channel with a user.
    pub async fn dm_channel(&self, user: u64) -> Result<u64, SendError> {
        let body = json!({ "recipient_id": user.to_string() });
        let answer = self
            .request(
                reqwest::Method::POST,
                "/users/@me/channels",
                Body::Json(body),
            )
            .await?;
        id_of(&answer)
    }

    /// Any JSON request (e.g. registering the commands), with the same pacing and retries.
    pub async fn json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> Result<Value, SendError> {
        self.request(method, path, Body::Json(body)).await
    }

    async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Body<'_>,
    ) -> Result<Value, SendError> {
        let url = format!("{}{path}", self.base);
        let (mut failures, mut limited) = (0, 0);
        loop {
            self.budget.acquire(Lane::Scheduled).await;
            let request = self.client.request(method.clone(), &url);
            // A form is consumed by sending, so each try builds its own.
            let request = match &body {
                Body::Json(Value::Null) => request,
                Body::Json(v) => request
                    .header(CONTENT_TYPE, "application/json")
                    .body(v.to_string()),
                Body::Multipart(payload, files) => {
                    let mut form =
                        reqwest::multipart::Form::new().text("payload_json", payload.to_string());
                    for (i, f) in files.iter().enumerate() {
                        let part = reqwest::multipart::Part::bytes(f.data.clone())
                            .file_name(f.filename.clone());
                        form = form.part(format!("files[{i}]"), part);
                    }
                    request.multipart(form)
                }
            };
            let sent = request.send().await;
            let response = match sent {
                Ok(r) => r,
                Err(e) => {
                    failures += 1;
                    let why = format!("network: {}", e.without_url());
                    if failures >= TRIES {
                        return Err(SendError::Unavailable(why));
                    }
                    tokio::time::sleep(pause_after(failures)).await;
                    continue;
                }
            };
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let text = response.text().await.unwrap_or_default();
            let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            match status {
                200..=299 => return Ok(value),
                429 => {
                    limited += 1;
                    self.ops.rate_limited();
                    let limit = RateLimited::read(&headers, &value);
                    tracing::info!(
                        path,
                        retry_after = limit.after,
                        global = limit.global,
                        "rate limited"
                    );
                    if limited > MAX_RATE_LIMITED {
                        return Err(SendError::Unavailable("rate limited too often".into()));
                    }
                    if limit.global {
                        self.budget.hold_for(limit.wait).await;
                    }
                    tokio::time::sleep(limit.wait).await;
                }
                500..=599 => {
                    failures += 1;
                    if failures >= TRIES {
                        return Err(SendError::Unavailable(format!("HTTP {status}")));
                    }
                    tokio::time::sleep(pause_after(failures)).await;
                }
                _ => {
                    let code = value["code"].as_i64().unwrap_or(0);
                    let message = value["message"].as_str().unwrap_or_default().to_string();
                    return Err(if PERMANENT.contains(&code) {
                        SendError::Permanent { code, message }
                    } else {
                        SendError::Rejected {
                            status,
                            code,
                            message,
                        }
                    });
                }
            }
        }
    }
}

/// What a 429 says, from its body or else its headers: how long to wait, and whether the
/// whole bot must (Discord's global limit) or only this route.
pub(super) struct RateLimited {
    /// `retry_after` as Discord sent it, in seconds (1 if it sent none).
    pub after: f64,
    /// The same, as a wait of at most ten minutes.
    pub wait: Duration,
    pub global: bool,
}

impl RateLimited {
    pub(super) fn read(headers: &HeaderMap, body: &Value) -> RateLimited {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let after = body["retry_after"]
            .as_f64()
            .or_else(|| header("retry-after").and_then(|v| v.parse().ok()))
            .unwrap_or(1.0);
        RateLimited {
            after,
            wait: Duration::from_secs_f64(after.clamp(0.0, 600.0)),
            global: body["global"].as_bool() == Some(true)
                || header("x-ratelimit-global").is_some(),
        }
    }
}

/// 0.5 s, 1 s, 2 s … between tries of a failing request.
fn pause_after(failures: u32) -> Duration {
    Duration::from_millis(250 << failures.min(6))
}

fn id_of(v: &Value) -> Result<u64, SendError> {
    v["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| SendError::Unavailable("answer without an id".into()))
}
