//! The operator's HTTP listener: `GET /healthz` and `GET /metrics`, HTTP/1 over hyper. It has
//! no authentication (it shows counts, never people): keep it on loopback or a private network.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ALLOW, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::Ops;
use crate::clock::SharedClock;
use crate::store::Db;

/// Connections served at once; more wait in the kernel's backlog (a scraper needs one).
const MAX_CONNECTIONS: usize = 32;
/// A client that does not finish sending its request headers in this time is disconnected.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

const METRICS_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// A bound socket, not serving yet: binding comes first at start-up, so a port in use stops
/// the start with one clear line before anything connects to Discord.
pub struct Listener(TcpListener);

impl Listener {
    pub async fn bind(addr: SocketAddr) -> anyhow::Result<Listener> {
        let socket = TcpListener::bind(addr).await.with_context(|| {
            format!(
                "metrics.listen {addr}: cannot listen there; choose a free port, or remove the \
                 setting to run without the health and metrics listener"
            )
        })?;
        Ok(Listener(socket))
    }

    /// Serves /healthz and /metrics until [`Server::stop`].
    pub fn serve(self, ops: Ops, db: Db, clock: SharedClock) -> anyhow::Result<Server> {
        let addr = self
            .0
            .local_addr()
            .context("metrics.listen: no local address")?;
        let (stop, stopped) = watch::channel(false);
        let state = Arc::new(State { ops, db, clock });
        let task = tokio::spawn(accept(self.0, state, stopped));
        tracing::info!(%addr, "health check and metrics on http://{addr}/healthz and /metrics");
        Ok(Server { addr, stop, task })
    }
}

/// The running listener.
pub struct Server {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Where it listens (the port chosen when `metrics.listen` asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and closes open connections.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(Duration::from_secs(1), self.task)
            .await
            .is_err()
        {
            tracing::warn!("the metrics listener did not stop in time");
        }
    }

    /// Stops at once.
    pub fn abort(self) {
        self.task.abort();
    }
}

struct State {
    ops: Ops,
    db: Db,
    clock: SharedClock,
}

async fn accept(listener: TcpListener, state: Arc<State>, mut stop: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        while connections.try_join_next().is_some() {}
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, say: wait a little instead of spinning.
                tracing::warn!(error = %e, "metrics listener: could not accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        if connections.len() >= MAX_CONNECTIONS {
            continue;
        }
        let state = state.clone();
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let state = state.clone();
                async move { Ok::<_, Infallible>(answer(&state, request).await) }
            });
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(error = %e, "metrics listener: connection ended");
            }
        });
    }
    // Dropping the set closes the connections still open.
}

fn response(status: StatusCode, content_type: &'static str, body: String) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    r.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn answer(state: &State, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let path = request.uri().path();
    if !matches!(path, "/healthz" | "/metrics") {
        return response(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            "Not found: tandem serves /healthz and /metrics here.\n".into(),
        );
    }
    if request.method() != Method::GET {
        let mut r = response(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            "Only GET.\n".into(),
        );
        r.headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET"));
        return r;
    }
    if path == "/healthz" {
        let report = state.ops.health(&state.db).await;
        let status = if report.ok() {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        response(status, "application/json", report.to_json().to_string())
    } else {
        let text = state.ops.metrics_text(&state.db, &state.clock).await;
        response(StatusCode::OK, METRICS_TYPE, text)
    }
}
