//! Guild scheduled events over real HTTP and WebSocket: the three entity types, the fields each
//! needs, start times by the simulator's clock, permissions, status transitions, deletion,
//! unknown ids, the automation as time passes and the gateway events.

use std::time::Duration;

use serde_json::{json, Value};
use serenity::model::prelude as m;

use super::{code, request, Answer, Ws, GUILDS, GUILD_MESSAGES};
use crate::{
    channel_type, entity_type, event_status, perms, GuildInfo, Sim, BOT_DEFAULT_PERMISSIONS,
    GUILD_SCHEDULED_EVENTS_INTENT, SCHEDULED_EVENT_AUTO_CANCEL,
};

const HOUR: Duration = Duration::from_secs(3600);

/// What the bot needs for events of every kind, on top of its default permissions.
const EVENT_PERMISSIONS: u64 =
    perms::CREATE_EVENTS | perms::CONNECT | perms::MUTE_MEMBERS | perms::MOVE_MEMBERS;

struct Place {
    g: GuildInfo,
    voice: u64,
    stage: u64,
}

/// A guild whose bot may create events, with a voice and a stage channel.
fn place(sim: &Sim) -> Place {
    let g = sim.create_guild("G");
    sim.set_role_permissions(
        g.id,
        g.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | EVENT_PERMISSIONS,
    );
    let voice = sim.create_channel(g.id, "Pair calls", channel_type::VOICE, None);
    let stage = sim.create_channel(g.id, "Town hall", channel_type::STAGE, None);
    Place { g, voice, stage }
}

fn channel_body(sim: &Sim, kind: u8, channel: u64) -> Value {
    json!({
        "name": "Pair call",
        "privacy_level": 2,
        "entity_type": kind,
        "channel_id": channel.to_string(),
        "scheduled_start_time": sim.timestamp_in(HOUR),
    })
}

fn external_body(sim: &Sim) -> Value {
    json!({
        "name": "Meetup",
        "description": "Mentors and mentees, in person",
        "privacy_level": 2,
        "entity_type": 3,
        "entity_metadata": {"location": "Room 4"},
        "scheduled_start_time": sim.timestamp_in(HOUR),
        "scheduled_end_time": sim.timestamp_in(2 * HOUR),
    })
}

fn events_path(guild: u64) -> String {
    format!("/guilds/{guild}/scheduled-events")
}

fn event_path(guild: u64, event: &str) -> String {
    format!("/guilds/{guild}/scheduled-events/{event}")
}

/// The `_errors` code Discord gives for the field at `path` of an "Invalid Form Body".
fn field_code(a: &Answer, path: &[&str]) -> String {
    let mut node = &a.body["errors"];
    for key in path {
        node = &node[*key];
    }
    node["_errors"][0]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error at {path:?}: {}", a.body))
        .to_string()
}

async fn create(sim: &Sim, guild: u64, body: Value) -> Answer {
    request(sim, "POST", &events_path(guild), Some(body)).await
}

async fn patch(sim: &Sim, guild: u64, event: &str, body: Value) -> Answer {
    request(sim, "PATCH", &event_path(guild, event), Some(body)).await
}

fn id_of(a: &Answer) -> String {
    a.body["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id: {} {}", a.status, a.body))
        .to_string()
}

#[tokio::test]
async fn voice_stage_and_external_events_are_created_listed_and_fetched() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let voice = create(&sim, p.g.id, channel_body(&sim, 2, p.voice)).await;
    assert_eq!(voice.status, 200, "{}", voice.body);
    let b = &voice.body;
    assert_eq!(b["guild_id"], p.g.id.to_string());
    assert_eq!(b["channel_id"], p.voice.to_string());
    assert_eq!(b["creator_id"], sim.bot_id().to_string());
    assert_eq!(b["creator"]["id"], sim.bot_id().to_string());
    assert_eq!(
        (b["status"].as_u64(), b["entity_type"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(b["privacy_level"], 2);
    assert!(b["entity_metadata"].is_null() && b["image"].is_null() && b["entity_id"].is_null());
    assert!(b["scheduled_end_time"].is_null() && b.get("user_count").is_none());

    let stage = create(&sim, p.g.id, channel_body(&sim, 1, p.stage)).await;
    assert_eq!(
        (stage.status, stage.body["entity_type"].as_u64()),
        (200, Some(1))
    );
    let external = create(&sim, p.g.id, external_body(&sim)).await;
    assert_eq!(external.status, 200, "{}", external.body);
    assert_eq!(
        external.body["entity_metadata"],
        json!({"location": "Room 4"})
    );
    assert!(external.body["channel_id"].is_null());
    assert_eq!(
        external.body["description"],
        "Mentors and mentees, in person"
    );

    let events = sim.scheduled_events(p.g.id);
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].id.to_string(), id_of(&voice));
    assert_eq!(events[2].location.as_deref(), Some("Room 4"));
    assert!(events.iter().all(|e| e.creator_id == sim.bot_id()));
    assert_eq!(sim.requests_to("POST", "/scheduled-events").len(), 3);

    let list = request(&sim, "GET", &events_path(p.g.id), None).await;
    assert_eq!(list.status, 200);
    let ids: Vec<&str> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [id_of(&voice), id_of(&stage), id_of(&external)]);
    let path = format!("{}?with_user_count=true", events_path(p.g.id));
    let counted = request(&sim, "GET", &path, None).await;
    assert!(counted
        .body
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["user_count"] == 0));

    let one = request(&sim, "GET", &event_path(p.g.id, &id_of(&external)), None).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.body, external.body, "GET answers what POST did");
    // An event in a channel the bot cannot see is left out of the list.
    sim.set_overwrite(p.voice, p.g.bot_role_id, 0, 0, perms::VIEW_CHANNEL);
    let list = request(&sim, "GET", &events_path(p.g.id), None).await;
    assert_eq!(list.body.as_array().unwrap().len(), 2);
    let hidden = request(&sim, "GET", &event_path(p.g.id, &id_of(&voice)), None).await;
    assert_eq!(code(&hidden), (403, Some(50001)));
}

#[tokio::test]
async fn an_event_needs_a_channel_of_its_kind_or_for_external_a_location_and_an_end() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let text = p.g.general_channel_id;
    let a = create(&sim, g, channel_body(&sim, 2, text)).await;
    assert_eq!(
        code(&a),
        (400, Some(50035)),
        "voice event in a text channel"
    );
    assert_eq!(
        field_code(&a, &["channel_id"]),
        "GUILD_SCHEDULED_EVENT_INVALID_CHANNEL_TYPE"
    );
    let a = create(&sim, g, channel_body(&sim, 1, p.voice)).await;
    assert_eq!(
        field_code(&a, &["channel_id"]),
        "GUILD_SCHEDULED_EVENT_INVALID_CHANNEL_TYPE"
    );
    let a = create(&sim, g, channel_body(&sim, 2, p.stage)).await;
    assert_eq!(code(&a), (400, Some(50035)), "voice event on a stage");

    let mut no_channel = channel_body(&sim, 2, p.voice);
    no_channel.as_object_mut().unwrap().remove("channel_id");
    let a = create(&sim, g, no_channel).await;
    assert_eq!(field_code(&a, &["channel_id"]), "BASE_TYPE_REQUIRED");
    let mut located = channel_body(&sim, 2, p.voice);
    located["entity_metadata"] = json!({"location": "Room 4"});
    let a = create(&sim, g, located).await;
    assert_eq!(
        field_code(&a, &["entity_metadata", "location"]),
        "GUILD_SCHEDULED_EVENT_LOCATION_NOT_ALLOWED",
        "a voice event has no location"
    );
    let other = sim.create_guild("Other");
    let foreign = sim.create_channel(other.id, "Voice", channel_type::VOICE, None);
    let a = create(&sim, g, channel_body(&sim, 2, foreign)).await;
    assert_eq!(code(&a), (404, Some(10003)), "a channel of another guild");

    let mut with_channel = external_body(&sim);
    with_channel["channel_id"] = json!(p.voice.to_string());
    let a = create(&sim, g, with_channel).await;
    assert_eq!(
        field_code(&a, &["channel_id"]),
        "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED"
    );
    let mut no_end = external_body(&sim);
    no_end.as_object_mut().unwrap().remove("scheduled_end_time");
    let a = create(&sim, g, no_end).await;
    assert_eq!(
        field_code(&a, &["scheduled_end_time"]),
        "BASE_TYPE_REQUIRED"
    );
    let mut no_location = external_body(&sim);
    no_location
        .as_object_mut()
        .unwrap()
        .remove("entity_metadata");
    let a = create(&sim, g, no_location.clone()).await;
    assert_eq!(
        code(&a),
        (400, Some(50035)),
        "the schema requires entity_metadata"
    );
    // Without the OpenAPI check the simulator's own rule answers the same.
    sim.disable_validation();
    let a = create(&sim, g, no_location).await;
    assert_eq!(
        field_code(&a, &["entity_metadata", "location"]),
        "BASE_TYPE_REQUIRED"
    );
    let mut bad_type = external_body(&sim);
    bad_type["entity_type"] = json!(5);
    let a = create(&sim, g, bad_type).await;
    assert_eq!(field_code(&a, &["entity_type"]), "BASE_TYPE_CHOICES");

    assert!(sim.scheduled_events(g).is_empty(), "nothing was stored");
    assert!(sim
        .requests_to("POST", "/scheduled-events")
        .iter()
        .all(|r| r.status >= 400));
}

#[tokio::test]
async fn an_event_must_start_in_the_future_by_the_simulators_clock() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let mut past = channel_body(&sim, 2, p.voice);
    past["scheduled_start_time"] = json!(crate::format_timestamp(
        crate::unix_ms(sim.utc_now()) - 60_000
    ));
    let a = create(&sim, g, past).await;
    assert_eq!(code(&a), (400, Some(50035)));
    assert_eq!(
        field_code(&a, &["scheduled_start_time"]),
        "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST"
    );

    let mut backwards = external_body(&sim);
    backwards["scheduled_end_time"] = json!(sim.timestamp_in(HOUR / 2));
    let a = create(&sim, g, backwards).await;
    assert_eq!(
        field_code(&a, &["scheduled_end_time"]),
        "GUILD_SCHEDULED_EVENT_END_BEFORE_START"
    );
    let mut unparsable = channel_body(&sim, 2, p.voice);
    unparsable["scheduled_start_time"] = json!("next Tuesday");
    let a = create(&sim, g, unparsable).await;
    assert_eq!(code(&a), (400, Some(50035)));

    // serenity writes UTC with nanoseconds and `Z`.
    let whole_second = (crate::unix_ms(sim.utc_now()) / 1000 + 3600) * 1000;
    let start = crate::format_timestamp(whole_second);
    let mut body = channel_body(&sim, 2, p.voice);
    body["scheduled_start_time"] = json!(start.replace("+00:00", ".123456789Z"));
    let a = create(&sim, g, body).await;
    assert_eq!(a.status, 200, "{}", a.body);
    let event = id_of(&a);
    let parsed = crate::parse_timestamp(a.body["scheduled_start_time"].as_str().unwrap()).unwrap();
    assert_eq!(parsed, crate::parse_timestamp(&start).unwrap() + 123);

    // Two hours on, the same start time is in the past: sending it again is refused.
    sim.advance_time(2 * HOUR);
    let a = patch(&sim, g, &event, json!({"scheduled_start_time": start})).await;
    assert_eq!(
        field_code(&a, &["scheduled_start_time"]),
        "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST"
    );
    let later = sim.timestamp_in(HOUR);
    let a = patch(&sim, g, &event, json!({"scheduled_start_time": later})).await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(
        crate::parse_timestamp(a.body["scheduled_start_time"].as_str().unwrap()),
        crate::parse_timestamp(&later)
    );
}

#[tokio::test]
async fn creating_an_event_needs_create_events_and_the_channels_permissions() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    // MANAGE_EVENTS alone no longer lets a bot create events (since February 2026).
    sim.set_role_permissions(
        g,
        p.g.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | perms::MANAGE_EVENTS,
    );
    let a = create(&sim, g, external_body(&sim)).await;
    assert_eq!(code(&a), (403, Some(50013)));
    sim.set_role_permissions(
        g,
        p.g.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | perms::CREATE_EVENTS,
    );
    assert_eq!(create(&sim, g, external_body(&sim)).await.status, 200);
    let a = create(&sim, g, channel_body(&sim, 2, p.voice)).await;
    assert_eq!(code(&a), (403, Some(50013)), "a voice event needs CONNECT");
    let a = create(&sim, g, channel_body(&sim, 1, p.stage)).await;
    assert_eq!(
        code(&a),
        (403, Some(50013)),
        "a stage event needs MUTE and MOVE_MEMBERS"
    );

    sim.set_role_permissions(
        g,
        p.g.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | EVENT_PERMISSIONS,
    );
    assert_eq!(
        create(&sim, g, channel_body(&sim, 2, p.voice)).await.status,
        200
    );
    // Permissions are computed in the channel: an overwrite there counts.
    sim.set_overwrite(p.voice, p.g.bot_role_id, 0, 0, perms::CONNECT);
    let a = create(&sim, g, channel_body(&sim, 2, p.voice)).await;
    assert_eq!(
        code(&a),
        (403, Some(50013)),
        "CONNECT denied in the channel"
    );
    sim.set_overwrite(p.stage, p.g.bot_role_id, 0, 0, perms::CREATE_EVENTS);
    let a = create(&sim, g, channel_body(&sim, 1, p.stage)).await;
    assert_eq!(
        code(&a),
        (403, Some(50013)),
        "CREATE_EVENTS denied in the channel"
    );
    assert_eq!(sim.scheduled_events(g).len(), 2);
}

#[tokio::test]
async fn changing_or_deleting_someone_elses_event_needs_manage_events() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let moderator = sim.create_user("moderator");
    sim.add_member(g, moderator, &[]);
    let theirs = sim
        .create_scheduled_event_as(g, moderator, external_body(&sim))
        .to_string();
    let ours = id_of(&create(&sim, g, external_body(&sim)).await);
    let events = sim.scheduled_events(g);
    assert_eq!(events[0].creator_id, moderator);

    // CREATE_EVENTS covers the bot's own event, not the moderator's.
    let rename = json!({"name": "Renamed"});
    let a = patch(&sim, g, &theirs, rename.clone()).await;
    assert_eq!(code(&a), (403, Some(50013)));
    let a = request(&sim, "DELETE", &event_path(g, &theirs), None).await;
    assert_eq!(code(&a), (403, Some(50013)));
    let a = patch(&sim, g, &ours, rename.clone()).await;
    assert_eq!((a.status, a.body["name"].as_str()), (200, Some("Renamed")));

    sim.set_role_permissions(
        g,
        p.g.bot_role_id,
        BOT_DEFAULT_PERMISSIONS | perms::MANAGE_EVENTS,
    );
    let a = patch(&sim, g, &theirs, rename).await;
    assert_eq!((a.status, a.body["name"].as_str()), (200, Some("Renamed")));
    assert_eq!(a.body["creator_id"], moderator.to_string(), "still theirs");
    let a = request(&sim, "DELETE", &event_path(g, &ours), None).await;
    assert_eq!(
        a.status, 204,
        "MANAGE_EVENTS covers the bot's own events too"
    );
}

#[tokio::test]
async fn status_goes_scheduled_active_completed_or_scheduled_canceled_and_no_other_way() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let new_event = || async { id_of(&create(&sim, g, channel_body(&sim, 2, p.voice)).await) };

    let e = new_event().await;
    let a = patch(&sim, g, &e, json!({"status": 3})).await;
    assert_eq!(
        code(&a),
        (400, Some(50035)),
        "SCHEDULED cannot go to COMPLETED"
    );
    assert_eq!(
        field_code(&a, &["status"]),
        "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION"
    );
    let a = patch(&sim, g, &e, json!({"status": 2})).await;
    assert_eq!((a.status, a.body["status"].as_u64()), (200, Some(2)));
    for (status, why) in [
        (1, "back to SCHEDULED"),
        (4, "an active event cannot be canceled"),
    ] {
        let a = patch(&sim, g, &e, json!({"status": status})).await;
        assert_eq!(
            field_code(&a, &["status"]),
            "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION",
            "{why}"
        );
    }
    let a = patch(
        &sim,
        g,
        &e,
        json!({"scheduled_start_time": sim.timestamp_in(HOUR)}),
    )
    .await;
    assert_eq!(
        field_code(&a, &["scheduled_start_time"]),
        "GUILD_SCHEDULED_EVENT_INVALID_START_BY_STATUS"
    );
    let a = patch(&sim, g, &e, json!({"name": "Running", "status": 2})).await;
    assert_eq!((a.status, a.body["name"].as_str()), (200, Some("Running")));
    let a = patch(&sim, g, &e, json!({"status": 3})).await;
    assert_eq!((a.status, a.body["status"].as_u64()), (200, Some(3)));
    let a = patch(&sim, g, &e, json!({"name": "Again"})).await;
    assert_eq!(
        code(&a),
        (400, Some(180000)),
        "a finished event cannot change"
    );

    let e = new_event().await;
    let a = patch(&sim, g, &e, json!({"status": 4})).await;
    assert_eq!((a.status, a.body["status"].as_u64()), (200, Some(4)));
    let a = patch(&sim, g, &e, json!({"status": 1})).await;
    assert_eq!(code(&a), (400, Some(180000)));
    let statuses: Vec<u8> = sim.scheduled_events(g).iter().map(|e| e.status).collect();
    assert_eq!(statuses, [event_status::COMPLETED, event_status::CANCELED]);
}

#[tokio::test]
async fn an_event_can_move_between_kinds_with_the_fields_the_new_kind_needs() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let e = id_of(&create(&sim, g, channel_body(&sim, 2, p.voice)).await);
    let to_external = json!({
        "entity_type": 3,
        "entity_metadata": {"location": "Café"},
        "scheduled_end_time": sim.timestamp_in(3 * HOUR),
    });
    let a = patch(&sim, g, &e, to_external.clone()).await;
    assert_eq!(
        field_code(&a, &["channel_id"]),
        "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED"
    );
    let mut with_null = to_external;
    with_null["channel_id"] = Value::Null;
    let a = patch(&sim, g, &e, with_null).await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["entity_metadata"]["location"], "Café");

    let a = patch(
        &sim,
        g,
        &e,
        json!({"entity_type": 1, "channel_id": p.voice.to_string()}),
    )
    .await;
    assert_eq!(
        field_code(&a, &["channel_id"]),
        "GUILD_SCHEDULED_EVENT_INVALID_CHANNEL_TYPE"
    );
    let a = patch(
        &sim,
        g,
        &e,
        json!({"entity_type": 1, "channel_id": p.stage.to_string()}),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(
        a.body["entity_metadata"].is_null(),
        "the location is dropped"
    );
    // entity_metadata is silently discarded for stage and voice events.
    let a = patch(&sim, g, &e, json!({"entity_metadata": {"location": "x"}})).await;
    assert_eq!((a.status, a.body["entity_metadata"].is_null()), (200, true));
    let events = sim.scheduled_events(g);
    assert_eq!(
        (events[0].entity_type, events[0].channel_id),
        (entity_type::STAGE_INSTANCE, Some(p.stage))
    );
}

#[tokio::test]
async fn a_deleted_event_is_gone_and_unknown_ids_are_404() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let e = id_of(&create(&sim, g, external_body(&sim)).await);
    let a = request(&sim, "DELETE", &event_path(g, &e), None).await;
    assert_eq!(a.status, 204);
    assert!(sim.scheduled_events(g).is_empty());
    for method in ["GET", "DELETE"] {
        let a = request(&sim, method, &event_path(g, &e), None).await;
        assert_eq!(code(&a), (404, Some(10070)), "{method} after delete");
    }
    let a = patch(&sim, g, &e, json!({"name": "x"})).await;
    assert_eq!(code(&a), (404, Some(10070)));

    // An event of another guild is unknown here.
    let other = place(&sim);
    let theirs = id_of(&create(&sim, other.g.id, external_body(&sim)).await);
    let a = request(&sim, "GET", &event_path(g, &theirs), None).await;
    assert_eq!(code(&a), (404, Some(10070)));
    let a = request(&sim, "GET", &event_path(g, "not-an-id"), None).await;
    assert_eq!(code(&a), (404, Some(10070)));

    let unknown = 1_300_000_000_000_999_999_u64;
    let a = request(&sim, "GET", &events_path(unknown), None).await;
    assert_eq!(code(&a), (404, Some(10004)));
    let a = create(&sim, unknown, external_body(&sim)).await;
    assert_eq!(code(&a), (404, Some(10004)));
    sim.remove_bot_from_guild(other.g.id);
    let a = request(&sim, "GET", &event_path(other.g.id, &theirs), None).await;
    assert_eq!(code(&a), (404, Some(10004)), "the bot left the guild");
}

#[tokio::test]
async fn a_guild_holds_at_most_100_scheduled_or_active_events() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let someone = sim.create_user("someone");
    let first = sim.create_scheduled_event_as(g, someone, external_body(&sim));
    for _ in 1..100 {
        sim.create_scheduled_event_as(g, someone, external_body(&sim));
    }
    let a = create(&sim, g, external_body(&sim)).await;
    assert_eq!(code(&a), (400, Some(30038)));
    sim.set_scheduled_event_status(g, first, event_status::CANCELED);
    assert_eq!(
        create(&sim, g, external_body(&sim)).await.status,
        200,
        "a canceled one does not count"
    );
}

#[tokio::test]
async fn external_events_start_and_end_by_the_clock_and_unstarted_ones_are_canceled() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    create(&sim, g, external_body(&sim)).await;
    create(&sim, g, channel_body(&sim, 2, p.voice)).await;
    let statuses =
        |sim: &Sim| -> Vec<u8> { sim.scheduled_events(g).iter().map(|e| e.status).collect() };
    assert_eq!(statuses(&sim), [1, 1]);
    sim.advance_time(HOUR);
    assert_eq!(
        statuses(&sim),
        [2, 1],
        "the external event started by itself"
    );
    sim.advance_time(HOUR);
    assert_eq!(statuses(&sim), [3, 1], "and ended at its end time");
    sim.advance_time(SCHEDULED_EVENT_AUTO_CANCEL);
    assert_eq!(
        statuses(&sim),
        [3, 4],
        "a voice event nobody started is canceled"
    );
    let list = request(&sim, "GET", &events_path(g), None).await;
    let listed: Vec<u64> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_u64().unwrap())
        .collect();
    assert_eq!(listed, [3, 4]);
}

/// The next dispatch as serenity parses it.
async fn serenity_event(ws: &mut Ws) -> m::Event {
    let (t, d) = ws.dispatch().await;
    let frame = json!({"op": 0, "t": t, "s": 1, "d": d});
    match serde_json::from_value::<m::GatewayEvent>(frame.clone()) {
        Ok(m::GatewayEvent::Dispatch(_, event)) => event,
        other => panic!("serenity does not read {t}: {other:?}\n{frame:#}"),
    }
}

#[tokio::test]
async fn event_changes_reach_only_a_bot_with_the_guild_scheduled_events_intent() {
    let sim = Sim::start().await;
    let p = place(&sim);
    let g = p.g.id;
    let mut ws = Ws::connect(&sim).await;
    ws.identify(&sim, GUILDS | GUILD_MESSAGES).await;
    let first = id_of(&create(&sim, g, external_body(&sim)).await);
    sim.create_role(g, "marker", 0);
    assert_eq!(
        ws.dispatch().await.0,
        "GUILD_ROLE_CREATE",
        "no GUILD_SCHEDULED_EVENT_CREATE"
    );

    sim.drop_gateway();
    let mut ws = Ws::connect(&sim).await;
    ws.send_identify(&sim.token(), GUILDS | GUILD_SCHEDULED_EVENTS_INTENT)
        .await;
    assert_eq!(ws.text().await["t"], "READY");
    let (t, guild) = ws.dispatch().await;
    assert_eq!(t, "GUILD_CREATE");
    assert_eq!(
        guild["guild_scheduled_events"][0]["id"],
        first.as_str(),
        "GUILD_CREATE lists them"
    );
    assert!(sim.wait_connected(Duration::from_secs(5)).await);

    let e = id_of(&create(&sim, g, channel_body(&sim, 2, p.voice)).await);
    match serenity_event(&mut ws).await {
        m::Event::GuildScheduledEventCreate(c) => {
            assert_eq!(c.event.id.get().to_string(), e);
            assert_eq!(c.event.channel_id.map(|c| c.get()), Some(p.voice));
            assert_eq!(c.event.creator_id.map(|u| u.get()), Some(sim.bot_id()));
        }
        other => panic!("not a create: {other:?}"),
    }
    patch(&sim, g, &e, json!({"status": 2})).await;
    match serenity_event(&mut ws).await {
        m::Event::GuildScheduledEventUpdate(u) => {
            assert_eq!(u.event.status, m::ScheduledEventStatus::Active);
        }
        other => panic!("not an update: {other:?}"),
    }
    request(&sim, "DELETE", &event_path(g, &e), None).await;
    match serenity_event(&mut ws).await {
        m::Event::GuildScheduledEventDelete(d) => assert_eq!(d.event.id.get().to_string(), e),
        other => panic!("not a delete: {other:?}"),
    }
    // Discord's automation and a moderator's changes are announced too.
    sim.advance_time(HOUR);
    match serenity_event(&mut ws).await {
        m::Event::GuildScheduledEventUpdate(u) => {
            assert_eq!(u.event.id.get().to_string(), first);
            assert_eq!(u.event.status, m::ScheduledEventStatus::Active);
        }
        other => panic!("not an update: {other:?}"),
    }
    sim.delete_scheduled_event(g, first.parse().unwrap());
    assert!(matches!(
        serenity_event(&mut ws).await,
        m::Event::GuildScheduledEventDelete(_)
    ));
}
