//! discord-sim: a fake Discord (REST and gateway) on a loopback port.
//!
//! The unmodified serenity client connects to it (point its HTTP proxy at [`Sim::url`] with the
//! built-in ratelimiter disabled), identifies, receives READY and GUILD_CREATE, registers its
//! commands and receives interactions. Every REST request is recorded and answered from an
//! in-memory model, the way Discord would answer it. Tests drive it through the methods on
//! [`Sim`]: "user U runs `/setup …` in guild G", then wait for and inspect what the bot did.

mod gateway;
#[cfg(test)]
mod http_tests;
pub mod model;
mod rest;
mod scheduled_events;
mod threads;
mod validate;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};

pub use model::{
    channel_type, entity_type, event_status, format_timestamp, parse_timestamp, perms, Channel,
    Message, Model, ScheduledEvent, ThreadMeta, AUTO_ARCHIVE_DURATIONS,
    DEFAULT_AUTO_ARCHIVE_DURATION, MAX_ACTIVE_THREADS,
};
use model::{Guild, Overwrite, Role, User};
pub use scheduled_events::{GUILD_SCHEDULED_EVENTS_INTENT, SCHEDULED_EVENT_AUTO_CANCEL};

/// Default time a `wait_*` call waits before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// How long Discord answers a repeated `enforce_nonce` send with the earlier message.
pub const DEFAULT_NONCE_WINDOW: Duration = Duration::from_secs(5 * 60);

/// One REST request the bot made, as the simulator received it (headers are not kept, so the
/// token never lands in a test's output).
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    /// Path without the `/api/v10` prefix, e.g. `/channels/123/messages`.
    pub path: String,
    pub query: Option<String>,
    /// JSON body (for multipart requests: `payload_json`, with `attachments` describing files).
    pub body: Value,
    /// Status the simulator answered with.
    pub status: u16,
    /// When it took effect: half-way through the latency set with [`Sim::set_latency`], as the bot's
    /// clock sees it (real time, not [`Sim::now`]). A [`FaultKind::Timeout`] is recorded when
    /// it starts hanging.
    pub at: std::time::Instant,
}

/// A fault the next matching request(s) get instead of a normal answer.
#[derive(Debug, Clone)]
pub enum FaultKind {
    /// HTTP 429 with `retry_after` seconds.
    RateLimited { retry_after: f64, global: bool },
    /// An HTTP 5xx with Discord's plain error body.
    ServerError { status: u16 },
    /// A Discord JSON error, e.g. 403 with code 50001 (Missing Access).
    Error { status: u16, code: u64 },
    /// No answer until the client gives up (or 504 after [`TIMEOUT_HANG`]), as when Discord or
    /// the network stalls. The request has no effect; it is recorded with status 504.
    Timeout,
}

/// How long a [`FaultKind::Timeout`] request hangs before the simulator gives up itself.
pub const TIMEOUT_HANG: Duration = Duration::from_secs(120);

/// Discord's GUILD_MEMBERS intent: without it no GUILD_MEMBER_REMOVE arrives.
pub(crate) const GUILD_MEMBERS_INTENT: u64 = 1 << 1;

#[derive(Debug, Clone)]
struct Fault {
    method: Option<String>,
    path_contains: String,
    kind: FaultKind,
    remaining: u32,
}

/// The bot's visible answer to an interaction.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Interaction callback type that produced it (4 message, 5 deferred, 7 update, 8
    /// autocomplete, 9 modal).
    pub kind: u8,
    /// The message, modal or autocomplete data.
    pub data: Value,
}

impl Reply {
    pub fn content(&self) -> &str {
        self.data["content"].as_str().unwrap_or("")
    }
    pub fn ephemeral(&self) -> bool {
        self.data["flags"].as_u64().unwrap_or(0) & 64 != 0
    }
    pub fn embeds(&self) -> Vec<Value> {
        self.data["embeds"].as_array().cloned().unwrap_or_default()
    }
    /// All text the user sees: content plus embed titles, descriptions and fields.
    pub fn text(&self) -> String {
        let mut out = self.content().to_string();
        for e in self.embeds() {
            for key in ["title", "description"] {
                if let Some(s) = e[key].as_str() {
                    out.push('\n');
                    out.push_str(s);
                }
            }
            for f in e["fields"].as_array().into_iter().flatten() {
                out.push_str(&format!(
                    "\n{}\n{}",
                    f["name"].as_str().unwrap_or(""),
                    f["value"].as_str().unwrap_or("")
                ));
            }
            if let Some(s) = e["footer"]["text"].as_str() {
                out.push('\n');
                out.push_str(s);
            }
        }
        out
    }
    /// Custom ids of every button and select in the message.
    pub fn custom_ids(&self) -> Vec<String> {
        custom_ids(&self.data)
    }
    /// Choices of an autocomplete answer.
    pub fn choices(&self) -> Vec<Value> {
        self.data["choices"].as_array().cloned().unwrap_or_default()
    }
}

/// Custom ids of the buttons and menus in a message or interaction body, in order.
pub fn custom_ids(message: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for row in message["components"].as_array().into_iter().flatten() {
        for c in row["components"].as_array().into_iter().flatten() {
            if let Some(id) = c["custom_id"].as_str() {
                out.push(id.to_string());
            }
        }
    }
    out
}

#[derive(Debug, Clone, Default)]
pub(crate) struct InteractionRecord {
    pub token: String,
    pub channel_id: u64,
    pub callback: Option<(u8, Value)>,
    /// The message id of the original response (types 4 and 5), or the component's message.
    pub original: Option<u64>,
    /// Whether the original response was edited after a deferral.
    pub original_edited: bool,
    pub followups: Vec<u64>,
    /// When the simulator dispatched (or queued) INTERACTION_CREATE.
    pub sent_at: Option<Instant>,
    /// When the first callback was accepted (half-way through the request's latency, when
    /// Discord would judge its 3 seconds).
    pub acked_at: Option<Instant>,
}

/// A gateway session: the shard it identified for, and whether it can still be resumed.
pub(crate) struct Session {
    pub shard: [u32; 2],
    /// False after a close code that ends the session (4007, 4009): RESUME gets op 9.
    pub resumable: bool,
}

/// A connection with a live session (after IDENTIFY or RESUME).
pub(crate) struct Live {
    pub conn_id: u64,
    pub shard: [u32; 2],
    pub tx: mpsc::UnboundedSender<GatewayCmd>,
}

/// The shard Discord routes a guild's events to with `count` shards: `(guild_id >> 22) %
/// count`. Ids from [`Sim::create_guild`] are consecutive, so they share one shard for any
/// count; [`Sim::create_guild_on_shard`] makes a guild on a chosen one.
pub fn shard_of(guild_id: u64, count: u32) -> u32 {
    ((guild_id >> 22) % u64::from(count.max(1))) as u32
}

/// Whether an event about `guild` (`None`: not about a guild, e.g. a DM) goes to the session
/// of `shard` (`[shard_id, shard_count]`): DMs go to shard 0, as on Discord.
pub(crate) fn routes_to(guild: Option<u64>, shard: [u32; 2]) -> bool {
    match guild {
        Some(g) => shard_of(g, shard[1]) == shard[0],
        None => shard[0] == 0,
    }
}

/// The guild an event is routed by: `guild_id`, or `id` for the guild's own events.
fn event_guild(event: &str, data: &Value) -> Option<u64> {
    let key = match event {
        "GUILD_CREATE" | "GUILD_UPDATE" | "GUILD_DELETE" => "id",
        _ => "guild_id",
    };
    data[key].as_str().and_then(|g| g.parse::<u64>().ok())
}

pub(crate) enum GatewayCmd {
    Dispatch(String, Value),
    Drop,
    /// Send a Close frame with this code, then drop the connection.
    Close(u16),
}

pub(crate) struct State {
    pub model: Model,
    pub token: String,
    pub app_id: u64,
    pub bot_id: u64,
    pub requests: Vec<RecordedRequest>,
    faults: Vec<Fault>,
    /// Discord's global limit, when switched on: at most this many bot requests per second.
    pub global_limit: Option<u32>,
    /// When recent bot requests arrived (for the global limit).
    pub recent: VecDeque<std::time::Instant>,
    pub interactions: HashMap<u64, InteractionRecord>,
    /// Connections with a live session, at most one per shard.
    pub live: Vec<Live>,
    pub next_connection: u64,
    /// Events dispatched while no session of their shard was connected (with the guild they
    /// are routed by), sent when one resumes; a new session of the shard drops them.
    pub pending_events: VecDeque<(Option<u64>, String, Value)>,
    pub identifies: u32,
    pub resumes: u32,
    /// Sessions by id, each the latest of its shard.
    pub sessions: HashMap<String, Session>,
    /// Gateway intents the bot identified with.
    pub intents: u64,
    /// `host:port` the simulator listens on.
    pub public_addr: String,
    /// Bytes of uploaded attachments, by attachment id.
    pub files: HashMap<u64, Vec<u8>>,
    pub validator: Option<Arc<validate::Validator>>,
    /// Delay before every REST request is handled, like a real network's round trip.
    pub latency: Duration,
    /// How far [`Sim::advance_time`] has moved the simulator's clock past real time.
    pub clock_offset: Duration,
    /// How long Discord answers a repeated nonce with the earlier message.
    pub nonce_window: Duration,
    /// IDENTIFY with any of these intent bits is closed with 4014.
    pub refused_intents: u64,
    /// IDENTIFY for a shard with more guilds than this is closed with 4011 (sharding
    /// required); `None` (the default): no limit.
    pub sharding_required_above: Option<usize>,
    /// `shards` in `GET /gateway/bot`: the shard count Discord recommends.
    pub recommended_shards: u32,
    /// `session_start_limit.max_concurrency` in `GET /gateway/bot`.
    pub max_concurrency: u32,
    /// Interactions in the order they were sent.
    pub interaction_order: Vec<u64>,
    /// Guilds the bot was removed from, with its roles there (restored on re-adding).
    pub removed_bot: HashMap<u64, Vec<u64>>,
}

impl State {
    /// The simulator's clock: real time plus what [`Sim::advance_time`] added.
    pub fn now(&self) -> Instant {
        Instant::now() + self.clock_offset
    }

    /// The simulator's clock as a time of day: the system clock plus what
    /// [`Sim::advance_time`] added. Scheduled event times are compared with it.
    pub fn utc_now(&self) -> SystemTime {
        SystemTime::now() + self.clock_offset
    }

    /// [`State::utc_now`] in Unix milliseconds.
    pub fn utc_now_ms(&self) -> i64 {
        unix_ms(self.utc_now())
    }

    /// With the global limit on, `Some(retry_after)` when this request is one too many.
    fn over_global_limit(&mut self, token_route: bool) -> Option<f64> {
        let limit = self.global_limit? as usize;
        if token_route {
            return None;
        }
        let now = std::time::Instant::now();
        let window = Duration::from_secs(1);
        while self.recent.front().is_some_and(|t| now - *t >= window) {
            self.recent.pop_front();
        }
        if self.recent.len() >= limit {
            let oldest = *self.recent.front()?;
            return Some((window - (now - oldest)).as_secs_f64());
        }
        self.recent.push_back(now);
        None
    }

    fn take_fault(&mut self, method: &str, path: &str) -> Option<FaultKind> {
        let f = self.faults.iter_mut().find(|f| {
            f.remaining > 0
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path.contains(&f.path_contains)
        })?;
        f.remaining -= 1;
        let kind = f.kind.clone();
        self.faults.retain(|f| f.remaining > 0);
        Some(kind)
    }

    /// Sends an event to the bot now, or on its next connection. Events about a guild the bot is
    /// not in are dropped, as Discord never sends them.
    pub fn dispatch(&mut self, event: &str, data: Value) {
        let guild = data["guild_id"]
            .as_str()
            .and_then(|g| g.parse::<u64>().ok());
        if guild.is_some_and(|g| self.model.guilds.contains_key(&g) && !self.bot_in(g)) {
            return;
        }
        let route = event_guild(event, &data);
        let mut sent = false;
        for live in self.live.iter().filter(|l| routes_to(route, l.shard)) {
            sent |= live
                .tx
                .send(GatewayCmd::Dispatch(event.into(), data.clone()))
                .is_ok();
        }
        if !sent {
            self.pending_events.push_back((route, event.into(), data));
        }
    }

    /// Guilds the bot is in whose events go to `shard`, in id order.
    pub fn guilds_of_shard(&self, shard: [u32; 2]) -> Vec<u64> {
        self.model
            .guilds
            .values()
            .filter(|g| g.members.contains_key(&self.bot_id))
            .map(|g| g.id)
            .filter(|g| routes_to(Some(*g), shard))
            .collect()
    }

    /// Closes the live sessions whose shard id passes `which` with `code` (after 4007 or 4009
    /// their sessions cannot be resumed), or drops them without a Close frame (`None`).
    fn end_live(&mut self, which: impl Fn([u32; 2]) -> bool, code: Option<u16>) {
        if code.is_some_and(|c| matches!(c, 4007 | 4009)) {
            for session in self.sessions.values_mut().filter(|x| which(x.shard)) {
                session.resumable = false;
            }
        }
        let (ended, kept) = std::mem::take(&mut self.live)
            .into_iter()
            .partition(|l| which(l.shard));
        self.live = kept;
        for l in ended {
            let _ = l.tx.send(code.map_or(GatewayCmd::Drop, GatewayCmd::Close));
        }
    }

    /// Whether the bot is a member of the guild.
    pub fn bot_in(&self, guild: u64) -> bool {
        self.model.is_member(guild, self.bot_id)
    }
}

/// Unix milliseconds of a system time (0 before 1970).
pub(crate) fn unix_ms(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// GUILD_DELETE for a guild the bot was removed from: no `unavailable`, unlike an outage.
pub(crate) fn guild_delete_json(guild: u64) -> Value {
    json!({ "id": guild.to_string() })
}

/// GUILD_MEMBER_REMOVE as Discord sends it (to bots with the GUILD_MEMBERS intent).
pub(crate) fn member_remove_json(model: &Model, guild: u64, user: u64) -> Value {
    json!({ "guild_id": guild.to_string(), "user": model.user_json(user) })
}

pub(crate) struct Shared {
    pub state: Mutex<State>,
    /// Bumped after every change, so waiters re-check their condition.
    pub version: watch::Sender<u64>,
    pub addr: SocketAddr,
    /// Set when the [`Sim`] is dropped, so hanging requests end.
    pub closed: watch::Sender<bool>,
}

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
    pub fn bump(&self) {
        self.version.send_modify(|v| *v += 1);
    }
}

/// A handle to a running simulator. Dropping it stops the server.
pub struct Sim {
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Sim {
    fn drop(&mut self) {
        self.shared.closed.send_replace(true);
        self.server.abort();
    }
}

/// A guild created with [`Sim::create_guild`].
#[derive(Debug, Clone, Copy)]
pub struct GuildInfo {
    pub id: u64,
    pub owner_id: u64,
    /// A text channel every member can use.
    pub general_channel_id: u64,
    /// The role Discord gives the bot when it joins (holds its permissions).
    pub bot_role_id: u64,
}

/// What the bot's role may do in a new guild: what the README's invite URL asks for.
pub const BOT_DEFAULT_PERMISSIONS: u64 = perms::VIEW_CHANNEL
    | perms::SEND_MESSAGES
    | perms::EMBED_LINKS
    | perms::ATTACH_FILES
    | perms::READ_MESSAGE_HISTORY
    | perms::MANAGE_CHANNELS
    | perms::MANAGE_ROLES;

impl Sim {
    /// Starts a simulator on a free loopback port. Request bodies are checked against
    /// Discord's OpenAPI description when it can be found (see [`validate`]).
    pub async fn start() -> Sim {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let mut model = Model::default();
        let app_id = model.next_id();
        let bot_id = app_id;
        model.bot_id = bot_id;
        model.users.insert(
            bot_id,
            User {
                id: bot_id,
                name: "tandem".into(),
                bot: true,
                dms_open: false,
                locale: "en-US".into(),
            },
        );
        let state = State {
            model,
            token: "sim-bot-token".into(),
            app_id,
            bot_id,
            requests: Vec::new(),
            faults: Vec::new(),
            global_limit: None,
            recent: VecDeque::new(),
            interactions: HashMap::new(),
            live: Vec::new(),
            next_connection: 0,
            pending_events: VecDeque::new(),
            identifies: 0,
            resumes: 0,
            sessions: HashMap::new(),
            intents: 0,
            public_addr: addr.to_string(),
            files: HashMap::new(),
            validator: validate::Validator::shared(),
            latency: Duration::ZERO,
            clock_offset: Duration::ZERO,
            nonce_window: DEFAULT_NONCE_WINDOW,
            refused_intents: 0,
            sharding_required_above: None,
            recommended_shards: 1,
            max_concurrency: 1,
            interaction_order: Vec::new(),
            removed_bot: HashMap::new(),
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            version: watch::channel(0).0,
            addr,
            closed: watch::channel(false).0,
        });
        let app = axum::Router::new()
            .route("/gateway", axum::routing::get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Sim { shared, server }
    }

    /// Base URL of the simulator, for the bot's `discord.api_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.shared.addr)
    }

    /// The bot token the simulator accepts.
    pub fn token(&self) -> String {
        self.shared.lock().token.clone()
    }

    pub fn bot_id(&self) -> u64 {
        self.shared.lock().bot_id
    }

    pub fn application_id(&self) -> u64 {
        self.shared.lock().app_id
    }

    /// Stops checking request bodies against the OpenAPI description.
    pub fn disable_validation(&self) {
        self.shared.lock().validator = None;
    }

    /// Whether request bodies are checked against Discord's OpenAPI description.
    pub fn validates_requests(&self) -> bool {
        self.shared.lock().validator.is_some()
    }

    fn mutate<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let r = f(&mut self.shared.lock());
        self.shared.bump();
        r
    }

    /// Read access to the model (guilds, channels, messages, commands).
    pub fn with_model<R>(&self, f: impl FnOnce(&Model) -> R) -> R {
        f(&self.shared.lock().model)
    }

    pub fn create_user(&self, name: &str) -> u64 {
        self.mutate(|s| {
            let id = s.model.next_id();
            s.model.users.insert(
                id,
                User {
                    id,
                    name: name.into(),
                    bot: false,
                    dms_open: true,
                    locale: "en-US".into(),
                },
            );
            id
        })
    }

    /// Sets the language of the user's Discord client (e.g. `es-ES`): their interactions carry
    /// it as `locale` from now on.
    pub fn set_locale(&self, user: u64, locale: &str) {
        self.mutate(|s| {
            if let Some(u) = s.model.users.get_mut(&user) {
                u.locale = locale.into();
            }
        });
    }

    /// Makes DMs from the bot to this user fail with 50007, as when a member closes them.
    pub fn close_dms(&self, user: u64) {
        self.mutate(|s| {
            if let Some(u) = s.model.users.get_mut(&user) {
                u.dms_open = false;
            }
        });
    }

    /// Creates a guild with an owner, `@everyone`, a `#general` channel and the bot as a member
    /// (with [`BOT_DEFAULT_PERMISSIONS`]); the bot receives GUILD_CREATE. Its id follows the
    /// ids made before it, so it is on the same shard as the guild created before it (see
    /// [`shard_of`]); [`Sim::create_guild_on_shard`] picks the shard.
    pub fn create_guild(&self, name: &str) -> GuildInfo {
        self.create_guild_with(name, None)
    }

    /// As [`Sim::create_guild`], with an id on shard `shard` of `count`: `shard_of(id, count)
    /// == shard`. Ids still increase (the guild's is a later "millisecond" than any before it).
    pub fn create_guild_on_shard(&self, name: &str, shard: u32, count: u32) -> GuildInfo {
        assert!(shard < count, "shard {shard} of {count}");
        self.create_guild_with(name, Some((shard, count)))
    }

    fn create_guild_with(&self, name: &str, shard: Option<(u32, u32)>) -> GuildInfo {
        let owner_id = self.create_user("owner");
        self.mutate(|s| {
            let id = match shard {
                Some((shard, count)) => s.model.next_id_on_shard(shard, count),
                None => s.model.next_id(),
            };
            let bot_role_id = s.model.next_id();
            let mut roles = std::collections::BTreeMap::new();
            roles.insert(
                id,
                Role {
                    id,
                    name: "@everyone".into(),
                    permissions: perms::EVERYONE_DEFAULT,
                    position: 0,
                },
            );
            roles.insert(
                bot_role_id,
                Role {
                    id: bot_role_id,
                    name: "tandem".into(),
                    permissions: BOT_DEFAULT_PERMISSIONS,
                    position: 1,
                },
            );
            let mut members = std::collections::BTreeMap::new();
            members.insert(owner_id, vec![]);
            members.insert(s.bot_id, vec![bot_role_id]);
            s.model.guilds.insert(
                id,
                Guild {
                    id,
                    name: name.into(),
                    owner_id,
                    roles,
                    members,
                    scheduled_events: std::collections::BTreeMap::new(),
                },
            );
            let general_channel_id = s.model.next_id();
            s.model.channels.insert(
                general_channel_id,
                Channel {
                    id: general_channel_id,
                    kind: channel_type::TEXT,
                    guild_id: Some(id),
                    name: "general".into(),
                    parent_id: None,
                    position: 0,
                    topic: None,
                    overwrites: vec![],
                    recipient: None,
                    last_message_id: None,
                    thread: None,
                },
            );
            let payload = s.model.guild_create_json(&s.model.guilds[&id]);
            s.dispatch("GUILD_CREATE", payload);
            GuildInfo {
                id,
                owner_id,
                general_channel_id,
                bot_role_id,
            }
        })
    }

    /// Adds a user to a guild with the given roles.
    pub fn add_member(&self, guild: u64, user: u64, roles: &[u64]) {
        self.mutate(|s| {
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            g.members.insert(user, roles.to_vec());
            let g = &s.model.guilds[&guild];
            let mut member = s.model.member_json(g, user);
            member["guild_id"] = json!(guild.to_string());
            s.dispatch("GUILD_MEMBER_ADD", member);
        });
    }

    pub fn create_role(&self, guild: u64, name: &str, permissions: u64) -> u64 {
        self.mutate(|s| {
            let id = s.model.next_id();
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            let position = g.roles.len() as i64;
            let role = Role {
                id,
                name: name.into(),
                permissions,
                position,
            };
            let payload = json!({"guild_id": guild.to_string(), "role": Model::role_json(&role)});
            g.roles.insert(id, role);
            s.dispatch("GUILD_ROLE_CREATE", payload);
            id
        })
    }

    /// Changes a role's permissions (e.g. to take a permission away from the bot).
    pub fn set_role_permissions(&self, guild: u64, role: u64, permissions: u64) {
        self.mutate(|s| {
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            let r = g.roles.get_mut(&role).expect("unknown role");
            r.permissions = permissions;
            let payload = json!({"guild_id": guild.to_string(), "role": Model::role_json(r)});
            s.dispatch("GUILD_ROLE_UPDATE", payload);
        });
    }

    /// Creates a channel as a person would in Discord's client; the bot receives CHANNEL_CREATE.
    /// Threads are made with [`Sim::create_thread_as`] (or by the bot), not here.
    pub fn create_channel(&self, guild: u64, name: &str, kind: u64, parent: Option<u64>) -> u64 {
        assert!(
            !channel_type::is_thread(kind),
            "threads are made with Sim::create_thread_as"
        );
        self.mutate(|s| {
            let id = s.model.next_id();
            let c = Channel {
                id,
                kind,
                guild_id: Some(guild),
                name: name.into(),
                parent_id: parent,
                position: 0,
                topic: None,
                overwrites: vec![],
                recipient: None,
                last_message_id: None,
                thread: None,
            };
            let payload = s.model.channel_json(&c);
            s.model.channels.insert(id, c);
            s.dispatch("CHANNEL_CREATE", payload);
            id
        })
    }

    /// Sets a permission overwrite on a channel (kind 0 = role, 1 = member).
    pub fn set_overwrite(&self, channel: u64, target: u64, kind: u8, allow: u64, deny: u64) {
        self.mutate(|s| {
            let c = s.model.channels.get_mut(&channel).expect("unknown channel");
            c.overwrites.retain(|o| o.id != target);
            c.overwrites.push(Overwrite {
                id: target,
                kind,
                allow,
                deny,
            });
            let payload = s.model.channel_json(&s.model.channels[&channel]);
            s.dispatch("CHANNEL_UPDATE", payload);
        });
    }

    /// Deletes a channel by hand, as a moderator might; the bot receives CHANNEL_DELETE (its
    /// threads go with it). A thread is deleted with THREAD_DELETE instead, if the bot could
    /// see it.
    pub fn delete_channel(&self, channel: u64) {
        self.mutate(|s| {
            if s.model
                .channels
                .get(&channel)
                .is_some_and(Channel::is_thread)
            {
                s.remove_thread(channel);
            } else if let Some(c) = s.model.channels.remove(&channel) {
                s.model.deleted_channels.insert(channel);
                s.remove_threads_of(channel);
                let payload = s.model.channel_json(&c);
                s.dispatch("CHANNEL_DELETE", payload);
            }
        });
    }

    /// The bytes of the `index`th attachment of a message body (a [`Message`]'s or a
    /// [`Reply`]'s).
    pub fn attachment(&self, body: &Value, index: usize) -> Option<Vec<u8>> {
        let id: u64 = body["attachments"][index]["id"].as_str()?.parse().ok()?;
        self.shared.lock().files.get(&id).cloned()
    }

    /// Every REST request the bot has made so far.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Requests whose method matches and whose path contains `path_part`.
    pub fn requests_to(&self, method: &str, path_part: &str) -> Vec<RecordedRequest> {
        self.shared
            .lock()
            .requests
            .iter()
            .filter(|r| r.method.eq_ignore_ascii_case(method) && r.path.contains(path_part))
            .cloned()
            .collect()
    }

    /// A member writes `text` in a channel: stored, and sent to the bot as MESSAGE_CREATE. As on
    /// Discord, the event carries no content unless the bot asked for the message-content
    /// intent (or is mentioned). Returns the message id.
    ///
    /// In a thread, as Discord's client would: an archived thread is unarchived first
    /// (THREAD_UPDATE), the member joins it, and MESSAGE_CREATE reaches the bot only if it can
    /// see the thread. Panics if the client would not let them post (a thread they cannot see,
    /// no SEND_MESSAGES_IN_THREADS, a locked thread without MANAGE_THREADS).
    pub fn say(&self, user: u64, channel: u64, text: &str) -> u64 {
        const MESSAGE_CONTENT: u64 = 1 << 15;
        let mut s = self.shared.lock();
        let in_thread = s
            .model
            .channels
            .get(&channel)
            .is_some_and(Channel::is_thread);
        if in_thread {
            if let Err(why) = threads::prepare_member_post(&mut s, user, channel) {
                drop(s);
                panic!("Discord's client would not send this: {why}");
            }
        }
        let mid = s.model.next_id();
        let m = Message {
            id: mid,
            channel_id: channel,
            author_id: user,
            body: json!({ "content": text }),
            edited: false,
            created_at: s.now(),
        };
        s.model.messages.insert(mid, m);
        if let Some(c) = s.model.channels.get_mut(&channel) {
            c.last_message_id = Some(mid);
        }
        threads::note_message(&mut s, channel);
        let mut event = s.model.message_create_json(&s.model.messages[&mid]);
        let mentions_bot = text.contains(&format!("<@{}>", s.bot_id));
        if s.intents & MESSAGE_CONTENT == 0 && !mentions_bot {
            event["content"] = json!("");
        }
        if let Some(g) = s.model.channels.get(&channel).and_then(|c| c.guild_id) {
            if let Some(guild) = s.model.guilds.get(&g) {
                let mut member = s.model.member_json(guild, user);
                if let Some(obj) = member.as_object_mut() {
                    obj.remove("user");
                }
                event["member"] = member;
            }
        }
        // Discord tells nobody about messages in a thread they cannot see.
        if !in_thread || s.model.can_view(s.bot_id, channel) {
            s.dispatch("MESSAGE_CREATE", event);
        }
        drop(s);
        self.shared.bump();
        mid
    }

    /// Messages in a channel, oldest first.
    pub fn messages_in(&self, channel: u64) -> Vec<Message> {
        self.shared
            .lock()
            .model
            .messages
            .values()
            .filter(|m| m.channel_id == channel)
            .cloned()
            .collect()
    }

    /// Messages the bot sent to a user's DM channel, oldest first.
    pub fn dms_to(&self, user: u64) -> Vec<Message> {
        self.shared.lock().model.dms_to(user)
    }

    /// Waits until the bot has sent `user` at least `count` DMs, and returns them all.
    pub async fn wait_for_dms(&self, user: u64, count: usize) -> Vec<Message> {
        self.wait_for(DEFAULT_WAIT, |m, _| {
            let dms = m.dms_to(user);
            (dms.len() >= count).then_some(dms)
        })
        .await
        .unwrap_or_else(|| panic!("fewer than {count} DMs to {user} within {DEFAULT_WAIT:?}"))
    }

    /// Enforces Discord's global rate limit: more than `per_second` bot requests within one
    /// second get a global 429 (interaction callbacks are not counted, as on Discord).
    pub fn set_global_rate_limit(&self, per_second: u32) {
        self.shared.lock().global_limit = Some(per_second);
    }

    /// Makes the next `times` requests matching `method` (any if `None`) and containing
    /// `path_part` fail with `kind`.
    pub fn inject_fault(&self, method: Option<&str>, path_part: &str, kind: FaultKind, times: u32) {
        self.mutate(|s| {
            s.faults.push(Fault {
                method: method.map(str::to_string),
                path_contains: path_part.into(),
                kind,
                remaining: times,
            })
        });
    }

    /// Closes the bot's gateway connections (every shard's) without warning, as a network drop
    /// would.
    pub fn drop_gateway(&self) {
        self.mutate(|s| s.end_live(|_| true, None));
    }

    /// Closes the bot's gateway connections (every shard's) with a Close frame carrying `code`
    /// (and Discord's reason text). After 4007 (invalid seq) or 4009 (session timed out) the
    /// sessions cannot be resumed: RESUME gets op 9 and the client must identify again.
    pub fn close_gateway(&self, code: u16) {
        self.mutate(|s| s.end_live(|_| true, Some(code)));
    }

    /// As [`Sim::close_gateway`], for the session(s) of shard `shard_id` only.
    pub fn close_shard(&self, shard_id: u32, code: u16) {
        self.mutate(|s| s.end_live(|shard| shard[0] == shard_id, Some(code)));
    }

    /// The shard count `GET /gateway/bot` recommends (`shards`; default 1).
    pub fn set_recommended_shards(&self, shards: u32) {
        self.mutate(|s| s.recommended_shards = shards.max(1));
    }

    /// `session_start_limit.max_concurrency` in `GET /gateway/bot` (default 1: one IDENTIFY
    /// per 5 seconds).
    pub fn set_max_concurrency(&self, max_concurrency: u32) {
        self.mutate(|s| s.max_concurrency = max_concurrency.max(1));
    }

    /// Makes IDENTIFY fail with close code 4011 (sharding required) when the session's shard
    /// would hold more than `guilds` guilds, as Discord does above 2,500 (off by default).
    pub fn require_sharding_above(&self, guilds: usize) {
        self.mutate(|s| s.sharding_required_above = Some(guilds));
    }

    /// `[shard_id, shard_count]` of every live session, in order.
    pub fn live_shards(&self) -> Vec<[u32; 2]> {
        let mut shards: Vec<[u32; 2]> = self.shared.lock().live.iter().map(|l| l.shard).collect();
        shards.sort_unstable();
        shards
    }

    /// Waits until every one of `shards` (`[shard_id, shard_count]`) has a live session.
    pub async fn wait_shards_connected(&self, shards: &[[u32; 2]], timeout: Duration) -> bool {
        self.wait_until(timeout, |s| {
            shards
                .iter()
                .all(|want| s.live.iter().any(|l| l.shard == *want))
        })
        .await
    }

    /// Makes IDENTIFY with any of these intent bits fail with close code 4014, as Discord does
    /// for privileged intents not enabled in the developer portal.
    pub fn refuse_intents(&self, mask: u64) {
        self.mutate(|s| s.refused_intents = mask);
    }

    /// Gives every REST request a round trip of `latency` (Discord answers in 50–300 ms): it
    /// takes effect half-way, and its answer arrives at the end; concurrent requests wait
    /// concurrently.
    pub fn set_latency(&self, latency: Duration) {
        self.mutate(|s| s.latency = latency);
    }

    /// The simulator's clock: real time plus everything [`Sim::advance_time`] added. Only
    /// time-limited Discord memory (the nonce window, scheduled event times: see
    /// [`Sim::utc_now`]) follows it; rate limits use real time.
    pub fn now(&self) -> Instant {
        self.shared.lock().now()
    }

    /// The simulator's clock as a time of day (the system clock plus everything
    /// [`Sim::advance_time`] added): a scheduled event must start after it, and external events
    /// start and end by it.
    pub fn utc_now(&self) -> SystemTime {
        self.shared.lock().utc_now()
    }

    /// The ISO 8601 time `from_now` after [`Sim::utc_now`], e.g. for a scheduled event's
    /// `scheduled_start_time`.
    pub fn timestamp_in(&self, from_now: Duration) -> String {
        format_timestamp(unix_ms(self.utc_now() + from_now))
    }

    /// Moves the simulator's clock forward, e.g. past the nonce window after an "outage". Scheduled
    /// events change status as Discord changes them meanwhile (see
    /// [`scheduled_events`](Sim::scheduled_events)), and threads idle for their
    /// `auto_archive_duration` are archived (THREAD_UPDATE), as Discord does at the earliest
    /// (see [`Sim::auto_archive`]).
    pub fn advance_time(&self, by: Duration) {
        self.mutate(|s| {
            s.clock_offset += by;
            s.tick_scheduled_events();
            s.tick_threads();
        });
    }

    /// How long a repeated `enforce_nonce` send returns the earlier message (default
    /// [`DEFAULT_NONCE_WINDOW`]); after that it creates a new one.
    pub fn set_nonce_window(&self, window: Duration) {
        self.mutate(|s| s.nonce_window = window);
    }

    /// A member leaves (or is kicked from) a guild. GUILD_MEMBER_REMOVE reaches the bot only if
    /// it identified with the GUILD_MEMBERS intent, as on Discord. Removing the bot itself is
    /// [`Sim::remove_bot_from_guild`].
    pub fn remove_member(&self, guild: u64, user: u64) {
        if user == self.bot_id() {
            return self.remove_bot_from_guild(guild);
        }
        self.mutate(|s| {
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            if g.members.remove(&user).is_some() && s.intents & GUILD_MEMBERS_INTENT != 0 {
                let payload = member_remove_json(&s.model, guild, user);
                s.dispatch("GUILD_MEMBER_REMOVE", payload);
            }
        });
    }

    /// The bot is kicked from a guild: it receives GUILD_DELETE and from then on gets 403 50001
    /// on the guild's channels and 404 10004 on `/guilds/{id}/…`. The guild's data is kept for
    /// [`Sim::add_bot_to_guild`].
    pub fn remove_bot_from_guild(&self, guild: u64) {
        self.mutate(|s| {
            let bot = s.bot_id;
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            if let Some(roles) = g.members.remove(&bot) {
                s.removed_bot.insert(guild, roles);
                s.dispatch("GUILD_DELETE", guild_delete_json(guild));
            }
        });
    }

    /// The bot is invited back to a guild it was removed from (with its former roles); it
    /// receives GUILD_CREATE.
    pub fn add_bot_to_guild(&self, guild: u64) {
        self.mutate(|s| {
            let bot = s.bot_id;
            let roles = s.removed_bot.remove(&guild).unwrap_or_default();
            let g = s.model.guilds.get_mut(&guild).expect("unknown guild");
            if g.members.contains_key(&bot) {
                return;
            }
            g.members.insert(bot, roles);
            let payload = s.model.guild_create_json(&s.model.guilds[&guild]);
            s.dispatch("GUILD_CREATE", payload);
        });
    }

    /// Requests that took effect at or after `since` (see [`RecordedRequest::at`]).
    pub fn requests_since(&self, since: Instant) -> Vec<RecordedRequest> {
        self.shared
            .lock()
            .requests
            .iter()
            .filter(|r| r.at >= since)
            .cloned()
            .collect()
    }

    /// Number of IDENTIFY and RESUME handshakes the gateway has completed.
    pub fn sessions(&self) -> (u32, u32) {
        let s = self.shared.lock();
        (s.identifies, s.resumes)
    }

    /// Waits until `check` returns `Some`, re-checking after every change in the simulator.
    pub async fn wait_for<R>(
        &self,
        timeout: Duration,
        mut check: impl FnMut(&Model, &[RecordedRequest]) -> Option<R>,
    ) -> Option<R> {
        let mut rx = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            {
                let s = self.shared.lock();
                if let Some(r) = check(&s.model, &s.requests) {
                    return Some(r);
                }
            }
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => {}
                _ => return None,
            }
        }
    }

    /// Waits until the gateway has a live session (after IDENTIFY or RESUME), of any shard.
    pub async fn wait_connected(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, |s| !s.live.is_empty()).await
    }

    async fn wait_until(&self, timeout: Duration, check: impl Fn(&State) -> bool) -> bool {
        let mut rx = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if check(&self.shared.lock()) {
                return true;
            }
            if !matches!(
                tokio::time::timeout_at(deadline, rx.changed()).await,
                Ok(Ok(()))
            ) {
                return false;
            }
        }
    }

    /// Starts building a slash command as `user` would run it in `guild`.
    pub fn command(&self, guild: u64, user: u64, name: &str) -> CommandCall<'_> {
        CommandCall {
            sim: self,
            guild,
            user,
            channel: None,
            name: name.into(),
            options: Vec::new(),
            bypass_permissions: false,
            unchecked: false,
        }
    }

    /// `user` picks `values` in the string select menu `custom_id` on message `message`.
    pub async fn select(
        &self,
        guild: u64,
        user: u64,
        message: u64,
        custom_id: &str,
        values: &[&str],
    ) -> u64 {
        self.component(
            guild,
            user,
            message,
            json!({"custom_id": custom_id, "component_type": 3, "values": values}),
        )
    }

    /// `user` clicks the button `custom_id` on message `message`.
    pub async fn click(&self, guild: u64, user: u64, message: u64, custom_id: &str) -> u64 {
        self.component(
            guild,
            user,
            message,
            json!({"custom_id": custom_id, "component_type": 2}),
        )
    }

    fn component(&self, guild: u64, user: u64, message: u64, data: Value) -> u64 {
        let (payload, id) = self.mutate(|s| {
            let m = s
                .model
                .messages
                .get(&message)
                .expect("unknown message")
                .clone();
            let msg_json = s.model.message_json(&m);
            rest::new_interaction(
                s,
                3,
                guild,
                m.channel_id,
                user,
                data,
                Some((message, msg_json)),
            )
        });
        self.send_interaction(payload);
        id
    }

    /// `user` submits the modal `custom_id` with `(field custom_id, value)` pairs.
    pub async fn submit_modal(
        &self,
        guild: u64,
        channel: u64,
        user: u64,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> u64 {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| {
                json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]})
            })
            .collect();
        let (payload, id) = self.mutate(|s| {
            rest::new_interaction(
                s,
                5,
                guild,
                channel,
                user,
                json!({"custom_id": custom_id, "components": rows}),
                None,
            )
        });
        self.send_interaction(payload);
        id
    }

    fn send_interaction(&self, payload: Value) {
        self.mutate(|s| {
            if let Some(id) = payload["id"].as_str().and_then(|i| i.parse::<u64>().ok()) {
                if let Some(rec) = s.interactions.get_mut(&id) {
                    rec.sent_at = Some(Instant::now());
                }
                s.interaction_order.push(id);
            }
            s.dispatch("INTERACTION_CREATE", payload)
        });
    }

    /// Ids of all interactions sent to the bot so far, in order.
    pub fn interaction_ids(&self) -> Vec<u64> {
        self.shared.lock().interaction_order.clone()
    }

    /// How long the bot took to acknowledge an interaction (Discord allows 3 s), measured from
    /// dispatch to the accepted first callback; `None` if it never did.
    pub fn ack_time(&self, interaction: u64) -> Option<Duration> {
        let s = self.shared.lock();
        let rec = s.interactions.get(&interaction)?;
        Some(rec.acked_at?.saturating_duration_since(rec.sent_at?))
    }

    /// Waits for the bot's visible answer to an interaction: the immediate message, or after a
    /// deferral the edited original or first follow-up.
    pub async fn reply(&self, interaction: u64) -> Reply {
        self.try_reply(interaction, DEFAULT_WAIT)
            .await
            .unwrap_or_else(|| {
                panic!("no reply to interaction {interaction} within {DEFAULT_WAIT:?}")
            })
    }

    /// Waits for the bot's answer to an interaction once it has edited it: the final word of
    /// a handler that acknowledged first ("Leaving…") and finished later.
    pub async fn edited_reply(&self, interaction: u64) -> Reply {
        let mut rx = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + DEFAULT_WAIT;
        loop {
            let edited = self
                .shared
                .lock()
                .interactions
                .get(&interaction)
                .is_some_and(|r| r.original_edited);
            if edited {
                return self.reply(interaction).await;
            }
            if !matches!(
                tokio::time::timeout_at(deadline, rx.changed()).await,
                Ok(Ok(()))
            ) {
                panic!("interaction {interaction} was not edited within {DEFAULT_WAIT:?}");
            }
        }
    }

    pub async fn try_reply(&self, interaction: u64, timeout: Duration) -> Option<Reply> {
        let mut rx = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if let Some(r) = self.visible_reply(interaction) {
                return Some(r);
            }
            if !matches!(
                tokio::time::timeout_at(deadline, rx.changed()).await,
                Ok(Ok(()))
            ) {
                return None;
            }
        }
    }

    fn visible_reply(&self, interaction: u64) -> Option<Reply> {
        let s = self.shared.lock();
        let rec = s.interactions.get(&interaction)?;
        let (kind, data) = rec.callback.clone()?;
        let message = |id: &u64| s.model.messages.get(id).map(|m| m.body.clone());
        match kind {
            4 | 7 => Some(Reply {
                kind,
                data: rec.original.as_ref().and_then(message).unwrap_or(data),
            }),
            5 | 6 => {
                let data = if rec.original_edited {
                    rec.original.as_ref().and_then(message)
                } else {
                    rec.followups.first().and_then(message)
                }?;
                Some(Reply { kind, data })
            }
            _ => Some(Reply { kind, data }),
        }
    }

    /// Follow-up messages the bot sent for an interaction, in order.
    pub fn followups(&self, interaction: u64) -> Vec<Value> {
        let s = self.shared.lock();
        s.interactions
            .get(&interaction)
            .map(|r| {
                r.followups
                    .iter()
                    .filter_map(|id| s.model.messages.get(id).map(|m| m.body.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A slash command (or autocomplete request) being built by a test.
pub struct CommandCall<'a> {
    sim: &'a Sim,
    guild: u64,
    user: u64,
    channel: Option<u64>,
    name: String,
    options: Vec<(String, Value)>,
    bypass_permissions: bool,
    unchecked: bool,
}

impl CommandCall<'_> {
    /// Sets an option. Values are given as JSON; the option's registered type decides how the
    /// simulator sends it (users, channels and roles by id, with `resolved` data).
    pub fn opt(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.options.push((name.into(), value.into()));
        self
    }

    /// Runs the command in this channel (default: the guild's `#general`).
    pub fn in_channel(mut self, channel: u64) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Sends the interaction even if the command's `default_member_permissions` would hide it
    /// from this user: what a modified client or a misconfigured server override allows.
    pub fn bypass_permissions(mut self) -> Self {
        self.bypass_permissions = true;
        self
    }

    /// Sends option values Discord's client would not offer: a value outside an option's
    /// choices (as a modified client can), and users, roles and channels the simulator does
    /// not know, resolved as Discord resolved them just before they were deleted.
    pub fn unchecked(mut self) -> Self {
        self.unchecked = true;
        self
    }

    /// Sends the command; returns the interaction id, or why Discord would not let the user
    /// run it (unknown command or option, hidden by permissions).
    pub async fn send(self) -> Result<u64, String> {
        let (payload, id) = self.sim.shared.lock().build_command(&self, None)?;
        self.sim.send_interaction(payload);
        Ok(id)
    }

    /// Sends the command and waits for the bot's visible answer.
    pub async fn run(self) -> Reply {
        let sim = self.sim;
        let id = self.send().await.expect("command could not be sent");
        sim.reply(id).await
    }

    /// Asks for autocomplete choices of `option` while the user has typed `partial`.
    pub async fn autocomplete(self, option: &str, partial: &str) -> Vec<String> {
        let sim = self.sim;
        let (payload, id) = sim
            .shared
            .lock()
            .build_command(&self, Some((option, partial)))
            .expect("autocomplete could not be sent");
        sim.send_interaction(payload);
        let reply = sim.reply(id).await;
        assert_eq!(
            reply.kind, 8,
            "autocomplete answered with callback type {}",
            reply.kind
        );
        reply
            .choices()
            .iter()
            .map(|c| c["name"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

#[cfg(test)]
mod serenity_shapes {
    //! Every JSON shape the simulator sends must deserialise into serenity's model types:
    //! serenity silently drops an event it cannot parse.
    use super::*;
    use serenity::model::prelude as m;

    fn parse<T: serde::de::DeserializeOwned>(what: &str, v: Value) -> T {
        serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("{what} does not parse as serenity's type: {e}\n{v:#}"))
    }

    async fn sim_with_guild() -> (Sim, GuildInfo, u64) {
        let sim = Sim::start().await;
        let g = sim.create_guild("Shapes");
        let alice = sim.create_user("alice");
        let role = sim.create_role(g.id, "mods", perms::MANAGE_GUILD);
        sim.add_member(g.id, alice, &[role]);
        (sim, g, alice)
    }

    #[tokio::test]
    async fn guild_create_channels_members_and_roles_parse() {
        let (sim, g, alice) = sim_with_guild().await;
        let s = sim.shared.lock();
        let guild = &s.model.guilds[&g.id];
        let parsed: m::Guild = parse("GUILD_CREATE", s.model.guild_create_json(guild));
        assert_eq!(parsed.channels.len(), 1);
        assert_eq!(parsed.roles.len(), 3);
        assert!(parsed.members.contains_key(&m::UserId::new(alice)));
        let _: m::PartialGuild = parse("guild", s.model.guild_json(guild));
        let ch = &s.model.channels[&g.general_channel_id];
        let _: m::GuildChannel = parse("channel", s.model.channel_json(ch));
        let mut member = s.model.member_json(guild, alice);
        member["guild_id"] = json!(g.id.to_string());
        let _: m::Member = parse("member", member);
    }

    #[tokio::test]
    async fn events_and_interactions_parse_as_gateway_events() {
        let (sim, g, alice) = sim_with_guild().await;
        // A command as the bot would register it, so the simulator can build the interaction.
        sim.shared.lock().model.global_commands = vec![json!({
            "id": "1", "name": "setup", "type": 1, "default_member_permissions": null,
            "options": [
                {"name": "timezone", "type": 3, "required": false},
                {"name": "moderator_role", "type": 8},
                {"name": "digest_channel", "type": 7},
                {"name": "who", "type": 6},
            ],
        })];
        let role = sim.create_role(g.id, "mentors", 0);
        let call = sim
            .command(g.id, alice, "setup")
            .opt("timezone", "Europe/Berlin")
            .opt("moderator_role", role.to_string())
            .opt("digest_channel", g.general_channel_id.to_string())
            .opt("who", alice.to_string());
        let (payload, _) = sim.shared.lock().build_command(&call, None).unwrap();
        let event = json!({"op": 0, "t": "INTERACTION_CREATE", "s": 1, "d": payload});
        match parse::<m::GatewayEvent>("INTERACTION_CREATE", event) {
            m::GatewayEvent::Dispatch(_, m::Event::InteractionCreate(e)) => {
                let cmd = e.interaction.command().expect("a command interaction");
                assert_eq!(cmd.data.name, "setup");
                assert_eq!(cmd.data.options().len(), 4);
                let perms = cmd.member.unwrap().permissions.unwrap();
                assert!(perms.manage_guild());
            }
            other => panic!("not an interaction event: {other:?}"),
        }

        let msg = {
            let mut s = sim.shared.lock();
            let mid = rest::store_message(
                &mut s,
                g.general_channel_id,
                &json!({"content": "hi", "components": [{"type": 1, "components": [
                    {"type": 2, "style": 1, "label": "Go", "custom_id": "go"}]}]}),
                vec![],
            );
            let m = s.model.messages[&mid].clone();
            s.model.message_json(&m)
        };
        let _: m::Message = parse("message", msg);
        let mid = sim.with_model(|m| *m.messages.keys().next().unwrap());
        let (click, _) = {
            let mut s = sim.shared.lock();
            let m = s.model.messages[&mid].clone();
            let mj = s.model.message_json(&m);
            rest::new_interaction(
                &mut s,
                3,
                g.id,
                g.general_channel_id,
                alice,
                json!({"custom_id": "go", "component_type": 2}),
                Some((mid, mj)),
            )
        };
        let i: m::Interaction = parse("component interaction", click);
        assert_eq!(i.message_component().unwrap().data.custom_id, "go");
        let (modal, _) = {
            let mut s = sim.shared.lock();
            rest::new_interaction(
                &mut s,
                5,
                g.id,
                g.general_channel_id,
                alice,
                json!({"custom_id": "m", "components": [
                {"type": 1, "components": [{"type": 4, "custom_id": "f", "value": "v"}]}]}),
                None,
            )
        };
        let i: m::Interaction = parse("modal interaction", modal);
        assert_eq!(i.modal_submit().unwrap().data.custom_id, "m");
    }

    #[tokio::test]
    async fn guild_delete_and_member_remove_parse_as_gateway_events() {
        let (sim, g, alice) = sim_with_guild().await;
        let event = json!({"op": 0, "t": "GUILD_DELETE", "s": 1, "d": guild_delete_json(g.id)});
        match parse::<m::GatewayEvent>("GUILD_DELETE", event) {
            m::GatewayEvent::Dispatch(_, m::Event::GuildDelete(e)) => {
                assert_eq!(e.guild.id.get(), g.id);
                assert!(!e.guild.unavailable, "removed, not an outage");
            }
            other => panic!("not a guild delete: {other:?}"),
        }
        let d = member_remove_json(&sim.shared.lock().model, g.id, alice);
        let event = json!({"op": 0, "t": "GUILD_MEMBER_REMOVE", "s": 2, "d": d});
        match parse::<m::GatewayEvent>("GUILD_MEMBER_REMOVE", event) {
            m::GatewayEvent::Dispatch(_, m::Event::GuildMemberRemove(e)) => {
                assert_eq!((e.guild_id.get(), e.user.id.get()), (g.id, alice));
            }
            other => panic!("not a member remove: {other:?}"),
        }
    }

    #[tokio::test]
    async fn scheduled_events_parse_as_serenitys_type() {
        let (sim, g, alice) = sim_with_guild().await;
        let voice = sim.create_channel(g.id, "Voice", channel_type::VOICE, None);
        let start = sim.timestamp_in(Duration::from_secs(3600));
        let end = sim.timestamp_in(Duration::from_secs(7200));
        let v = sim.create_scheduled_event_as(
            g.id,
            alice,
            json!({"name": "Call", "privacy_level": 2, "entity_type": 2,
                   "channel_id": voice.to_string(), "scheduled_start_time": start}),
        );
        let x = sim.create_scheduled_event_as(
            g.id,
            alice,
            json!({"name": "Meetup", "description": "Bring a friend", "privacy_level": 2,
                   "entity_type": 3, "entity_metadata": {"location": "Room 4"},
                   "scheduled_start_time": start, "scheduled_end_time": end}),
        );
        let s = sim.shared.lock();
        let events = &s.model.guilds[&g.id].scheduled_events;
        let parsed: m::ScheduledEvent = parse(
            "voice event",
            s.model.scheduled_event_json(&events[&v], false),
        );
        assert_eq!(parsed.id.get(), v);
        assert_eq!(parsed.guild_id.get(), g.id);
        assert_eq!(parsed.channel_id.map(|c| c.get()), Some(voice));
        assert_eq!(parsed.creator_id.map(|u| u.get()), Some(alice));
        assert_eq!(parsed.creator.map(|u| u.id.get()), Some(alice));
        assert_eq!(parsed.kind, m::ScheduledEventType::Voice);
        assert_eq!(parsed.status, m::ScheduledEventStatus::Scheduled);
        assert_eq!(
            parsed.privacy_level,
            m::ScheduledEventPrivacyLevel::GuildOnly
        );
        assert_eq!(
            parsed.start_time.unix_timestamp() * 1000,
            parse_timestamp(&start).unwrap() / 1000 * 1000
        );
        assert!(parsed.end_time.is_none() && parsed.metadata.is_none());
        assert!(parsed.user_count.is_none() && parsed.image.is_none());

        let parsed: m::ScheduledEvent = parse(
            "external event",
            s.model.scheduled_event_json(&events[&x], true),
        );
        assert_eq!(parsed.kind, m::ScheduledEventType::External);
        assert_eq!(parsed.metadata.unwrap().location.as_deref(), Some("Room 4"));
        assert_eq!(parsed.description.as_deref(), Some("Bring a friend"));
        assert!(parsed.channel_id.is_none() && parsed.end_time.is_some());
        assert_eq!(parsed.user_count, Some(0));

        let guild: m::Guild = parse(
            "GUILD_CREATE",
            s.model.guild_create_json(&s.model.guilds[&g.id]),
        );
        assert_eq!(guild.scheduled_events.len(), 2);
    }

    #[tokio::test]
    async fn threads_thread_members_and_guild_create_threads_parse() {
        let (sim, g, alice) = sim_with_guild().await;
        let bot = sim.bot_id();
        // Not invitable: only a moderator may add members.
        sim.set_role_permissions(
            g.id,
            g.bot_role_id,
            BOT_DEFAULT_PERMISSIONS | perms::MANAGE_THREADS,
        );
        let thread = {
            let mut s = sim.shared.lock();
            let body = json!({"name": "Ana & Bo", "type": 12, "auto_archive_duration": 10080,
                              "invitable": false});
            let t = threads::create(&mut s, bot, g.general_channel_id, &body).unwrap();
            threads::add_member(&mut s, bot, t, alice).unwrap();
            t
        };
        let s = sim.shared.lock();
        let parsed: m::GuildChannel =
            parse("thread", s.model.channel_json(&s.model.channels[&thread]));
        assert_eq!(parsed.kind, m::ChannelType::PrivateThread);
        assert_eq!(parsed.guild_id.get(), g.id);
        assert_eq!(
            parsed.parent_id.map(|p| p.get()),
            Some(g.general_channel_id)
        );
        assert_eq!(parsed.owner_id.map(|o| o.get()), Some(bot));
        assert_eq!(parsed.name, "Ana & Bo");
        assert_eq!(
            (
                parsed.member_count,
                parsed.message_count,
                parsed.total_message_sent
            ),
            (Some(2), Some(0), Some(0))
        );
        let meta = parsed.thread_metadata.expect("thread_metadata");
        assert!(!meta.archived && !meta.locked && !meta.invitable);
        assert_eq!(meta.auto_archive_duration, m::AutoArchiveDuration::OneWeek);
        assert!(meta.archive_timestamp.is_some() && meta.create_timestamp.is_some());
        assert!(parsed.member.is_some(), "the bot's own thread member");

        let guild: m::Guild = parse(
            "GUILD_CREATE",
            s.model.guild_create_json(&s.model.guilds[&g.id]),
        );
        assert_eq!(
            guild.channels.len(),
            1,
            "threads are not among the channels"
        );
        assert_eq!(guild.threads.len(), 1);
        assert_eq!(guild.threads[0].id.get(), thread);
        assert!(guild.threads[0].member.is_some());

        let (status, list) = threads::list_members_route(&s, thread, Some("with_member=true"));
        assert_eq!(status, 200);
        let members: Vec<m::ThreadMember> = parse("thread members", list);
        assert_eq!(members.len(), 2);
        assert!(members
            .iter()
            .all(|t| t.id.get() == thread && t.member.is_some()));
        let (_, active) = threads::active_route(&s, g.id);
        let data: m::ThreadsData = parse("active threads", active);
        assert_eq!((data.threads.len(), data.members.len()), (1, 1));
    }

    #[tokio::test]
    async fn thread_events_parse_as_gateway_events() {
        let (sim, g, alice) = sim_with_guild().await;
        let bot = sim.bot_id();
        let thread = {
            let mut s = sim.shared.lock();
            s.pending_events.clear();
            s.intents = threads::GUILDS_INTENT | GUILD_MEMBERS_INTENT;
            let body = json!({"name": "pair", "type": 12});
            let t = threads::create(&mut s, bot, g.general_channel_id, &body).unwrap();
            threads::add_member(&mut s, bot, t, alice).unwrap();
            threads::remove_member(&mut s, bot, t, alice).unwrap();
            threads::modify(&mut s, bot, t, &json!({"archived": true})).unwrap();
            threads::unarchive_for_post(&mut s, t);
            threads::delete(&mut s, bot, t).ok();
            t
        };
        // The bot lacks MANAGE_THREADS: it cannot delete, so the thread is still there.
        assert!(sim.thread(thread).is_some());
        sim.set_role_permissions(
            g.id,
            g.bot_role_id,
            BOT_DEFAULT_PERMISSIONS | perms::MANAGE_THREADS,
        );
        sim.delete_channel(thread);
        let events: Vec<(String, Value)> = sim
            .shared
            .lock()
            .pending_events
            .iter()
            .map(|(_, t, d)| (t.clone(), d.clone()))
            .filter(|(t, _)| t.starts_with("THREAD_"))
            .collect();
        let names: Vec<&str> = events.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "THREAD_CREATE",
                "THREAD_MEMBERS_UPDATE",
                "THREAD_MEMBERS_UPDATE",
                "THREAD_MEMBERS_UPDATE",
                "THREAD_UPDATE",
                "THREAD_UPDATE",
                "THREAD_MEMBER_UPDATE",
                "THREAD_DELETE",
            ]
        );
        for (i, (t, d)) in events.into_iter().enumerate() {
            let event = json!({"op": 0, "t": t, "s": i + 1, "d": d});
            let m::GatewayEvent::Dispatch(_, e) = parse::<m::GatewayEvent>(&t, event) else {
                panic!("{t} is not a dispatch");
            };
            match e {
                m::Event::ThreadCreate(e) => {
                    assert_eq!(e.thread.id.get(), thread);
                    assert!(e.thread.thread_metadata.is_some());
                }
                m::Event::ThreadUpdate(e) => {
                    assert_eq!(e.thread.id.get(), thread);
                    assert_eq!(
                        e.thread.parent_id.map(|p| p.get()),
                        Some(g.general_channel_id)
                    );
                }
                m::Event::ThreadMembersUpdate(e) => {
                    assert_eq!((e.id.get(), e.guild_id.get()), (thread, g.id));
                    let changed = e.added_members.len() + e.removed_member_ids.len();
                    assert_eq!(changed, 1, "{t}");
                    assert!(e.added_members.iter().all(|m| m.member.is_some()));
                }
                m::Event::ThreadMemberUpdate(e) => {
                    assert_eq!(e.member.user_id.get(), bot);
                    assert_eq!(e.member.guild_id.map(|g| g.get()), Some(g.id));
                }
                m::Event::ThreadDelete(e) => {
                    assert_eq!(e.thread.id.get(), thread);
                    assert_eq!(e.thread.parent_id.get(), g.general_channel_id);
                    assert_eq!(e.thread.kind, m::ChannelType::PrivateThread);
                }
                other => panic!("{t} parsed as {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn ready_parses() {
        let (sim, g, _) = sim_with_guild().await;
        let s = sim.shared.lock();
        let ready = json!({
            "v": 10,
            "user": s.model.user_json(s.bot_id),
            "guilds": [{"id": g.id.to_string(), "unavailable": true}],
            "session_id": "x",
            "resume_gateway_url": "ws://127.0.0.1:1/gateway",
            "shard": [0, 1],
            "application": {"id": s.app_id.to_string(), "flags": 0},
            "private_channels": [],
            "presences": [],
        });
        let _: m::Ready = parse("READY", ready);
        let role = s.model.guilds[&g.id].roles.values().next().unwrap().clone();
        let _: m::Role = parse("role", Model::role_json(&role));
    }
}
