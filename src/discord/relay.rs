//! serenity's REST requests (commands, buttons, channel set-up) pass through this loopback
//! relay on their way to Discord, so they take their turns from the bot's one request budget
//! (`jobs::Budget`, shared with the scheduled sends and with the bot's other processes)
//! before Discord's global limit does it for them with a 429. serenity's own rate limiter
//! knows only its own process; it is off, and the relay does its work: a 429 is waited out
//! (`retry_after`) and retried, and a global one holds the whole budget. Interaction
//! callbacks and webhooks (followups) do not count towards the global limit and go straight
//! through.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use http_body_util::{BodyExt as _, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{
    HeaderName, CONNECTION, CONTENT_LENGTH, HOST, PROXY_AUTHORIZATION, TE, TRANSFER_ENCODING,
    UPGRADE,
};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

use super::courier::RateLimited;
use crate::jobs::{Budget, Lane};
use crate::ops::Ops;

/// 429s one request waits out before its caller hears of it.
const MAX_RATE_LIMITED: u32 = 5;
/// The longest `retry_after` waited out here; longer, the caller gets the 429.
const MAX_WAIT: Duration = Duration::from_secs(10);

/// Hop-by-hop headers, not forwarded (the body's length is set again on each side).
const HOP: [HeaderName; 8] = [
    HOST,
    CONNECTION,
    CONTENT_LENGTH,
    TRANSFER_ENCODING,
    TE,
    UPGRADE,
    PROXY_AUTHORIZATION,
    HeaderName::from_static("keep-alive"),
];

struct State {
    client: reqwest::Client,
    upstream: String,
    budget: Arc<Budget>,
    ops: Ops,
    /// Set by [`Relay::freeze`]: nothing more goes in or out.
    frozen: AtomicBool,
}

/// The running relay; stops when dropped.
pub struct Relay {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl Relay {
    /// Listens on a free loopback port and forwards to `upstream` (Discord's address, or the
    /// simulator's).
    pub async fn start(upstream: &str, budget: Arc<Budget>, ops: Ops) -> anyhow::Result<Relay> {
        let listener = TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0))
            .await
            .context("the REST relay cannot listen on a loopback port")?;
        let addr = listener.local_addr()?;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()?;
        let state = Arc::new(State {
            client,
            upstream: upstream.trim_end_matches('/').to_string(),
            budget,
            ops,
            frozen: AtomicBool::new(false),
        });
        let task = tokio::spawn(accept(listener, state.clone()));
        Ok(Relay { addr, state, task })
    }

    /// Leaves every request under way, and every later one, without an answer for ever, and
    /// sends nothing more: what its callers see when the process has died (a crash in a
    /// test, where the callers live on).
    pub fn freeze(self) {
        self.state.frozen.store(true, Ordering::SeqCst);
        // Not dropped: closing the connections would answer the callers with an error.
        std::mem::forget(self);
    }

    /// The address serenity is given as its proxy.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept(listener: TcpListener, state: Arc<State>) {
    // Dropped (and with it every connection) when the relay is.
    let mut connections = JoinSet::new();
    loop {
        while connections.try_join_next().is_some() {}
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                tracing::warn!(error = %e, "REST relay: could not accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let state = state.clone();
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let state = state.clone();
                async move { Ok::<_, Infallible>(forward(&state, request).await) }
            });
            let served = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(error = %e, "REST relay: connection ended");
            }
        });
    }
}

/// Requests Discord does not count towards the bot's global limit.
fn exempt(path: &str) -> bool {
    let path = ["/api/v10", "/api/v9", "/api"]
        .iter()
        .find_map(|p| path.strip_prefix(p))
        .unwrap_or(path);
    path.starts_with("/interactions/") || path.starts_with("/webhooks/")
}

async fn forward(state: &State, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(b) => b.to_bytes(),
        Err(e) => return failure(StatusCode::BAD_REQUEST, &format!("request body: {e}")),
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let url = format!("{}{path}", state.upstream);
    let mut headers = parts.headers;
    for h in &HOP {
        headers.remove(h);
    }
    let counted = !exempt(parts.uri.path());
    let mut limited = 0;
    loop {
        if state.frozen.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        if counted {
            state.budget.acquire(Lane::Interactive).await;
        }
        // Checked again: the turn may have come after the freeze.
        if state.frozen.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        let sent = state
            .client
            .request(parts.method.clone(), &url)
            .headers(headers.clone())
            .body(body.clone())
            .send()
            .await;
        let answer = match sent {
            Ok(a) => a,
            Err(e) => {
                return failure(
                    StatusCode::BAD_GATEWAY,
                    &format!("Discord unreachable: {}", e.without_url()),
                )
            }
        };
        if state.frozen.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        let status = answer.status();
        let mut answer_headers = answer.headers().clone();
        let bytes = match answer.bytes().await {
            Ok(b) => b,
            Err(e) => {
                // The request reached Discord, but not its answer: say so, not "done".
                return failure(
                    StatusCode::BAD_GATEWAY,
                    &format!("Discord's answer was cut off: {}", e.without_url()),
                );
            }
        };
        if status == StatusCode::TOO_MANY_REQUESTS && limited < MAX_RATE_LIMITED {
            limited += 1;
            state.ops.rate_limited();
            let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let RateLimited {
                after,
                wait,
                global,
            } = RateLimited::read(&answer_headers, &value);
            // An exempt route's path holds an interaction's token: not for the logs.
            let route = if counted {
                parts.uri.path()
            } else {
                "interaction"
            };
            tracing::info!(route, retry_after = after, global, "rate limited");
            if global {
                // Everyone waits, whether or not this request is tried again.
                state.budget.hold_for(wait).await;
            }
            if wait <= MAX_WAIT {
                tokio::time::sleep(wait).await;
                continue;
            }
        }
        for h in &HOP {
            answer_headers.remove(h);
        }
        let mut response = Response::new(Full::new(bytes));
        *response.status_mut() = status;
        *response.headers_mut() = answer_headers;
        return response;
    }
}

/// An answer in Discord's error shape, so serenity reports it as it would Discord's.
fn failure(status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "code": 0, "message": message }).to_string();
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::exempt;

    #[test]
    fn interaction_callbacks_and_webhooks_are_not_counted_and_everything_else_is() {
        assert!(exempt("/api/v10/interactions/1/token/callback"));
        assert!(exempt("/api/v10/webhooks/2/token/messages/@original"));
        assert!(!exempt("/api/v10/channels/3/messages"));
        assert!(!exempt("/api/v10/guilds/4/channels"));
        assert!(!exempt("/api/v10/users/@me/channels"));
    }
}
