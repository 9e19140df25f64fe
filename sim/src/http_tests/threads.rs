//! Threads over real HTTP and WebSocket: creating private and public threads, the bodies and
//! permissions Discord refuses, members, visibility of private threads, posting (unarchiving,
//! locks), editing, deleting, auto-archiving by the clock, the lists of active and archived
//! threads, and the THREAD_* gateway events.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use serde_json::{json, Value};

use super::{code, request, Answer, Ws, GUILDS, GUILD_MEMBERS, GUILD_MESSAGES};
use crate::{
    channel_type, parse_timestamp, perms, unix_ms, GuildInfo, Sim, BOT_DEFAULT_PERMISSIONS,
};

const MINUTE: Duration = Duration::from_secs(60);

struct Place {
    sim: Sim,
    g: GuildInfo,
    /// The text channel the threads live in (`#general`).
    parent: u64,
    alice: u64,
    bob: u64,
    /// A member with MANAGE_THREADS (a moderator).
    moderator: u64,
}

/// A guild with two members and a moderator.
async fn place() -> Place {
    let sim = Sim::start().await;
    let g = sim.create_guild("G");
    let alice = sim.create_user("alice");
    let bob = sim.create_user("bob");
    let moderator = sim.create_user("mod");
    let mods = sim.create_role(g.id, "mods", perms::MANAGE_THREADS);
    sim.add_member(g.id, alice, &[]);
    sim.add_member(g.id, bob, &[]);
    sim.add_member(g.id, moderator, &[mods]);
    Place {
        parent: g.general_channel_id,
        sim,
        g,
        alice,
        bob,
        moderator,
    }
}

fn id_of(a: &Answer) -> u64 {
    a.body["id"]
        .as_str()
        .and_then(|i| i.parse().ok())
        .unwrap_or_else(|| panic!("no id: {} {}", a.status, a.body))
}

async fn start_thread(sim: &Sim, parent: u64, body: Value) -> Answer {
    request(
        sim,
        "POST",
        &format!("/channels/{parent}/threads"),
        Some(body),
    )
    .await
}

/// A private thread the bot starts in `parent`; its id.
async fn private_thread(sim: &Sim, parent: u64) -> u64 {
    let a = start_thread(sim, parent, json!({"name": "Ana & Bo", "type": 12})).await;
    assert_eq!(a.status, 201, "{}", a.body);
    id_of(&a)
}

async fn add(sim: &Sim, thread: u64, user: u64) -> Answer {
    let path = format!("/channels/{thread}/thread-members/{user}");
    request(sim, "PUT", &path, None).await
}

async fn post(sim: &Sim, channel: u64, text: &str) -> Answer {
    let path = format!("/channels/{channel}/messages");
    request(sim, "POST", &path, Some(json!({ "content": text }))).await
}

async fn patch(sim: &Sim, channel: u64, body: Value) -> Answer {
    request(sim, "PATCH", &format!("/channels/{channel}"), Some(body)).await
}

/// Gives the bot's role its default permissions plus `extra`.
fn give_bot(p: &Place, extra: u64) {
    p.sim
        .set_role_permissions(p.g.id, p.g.bot_role_id, BOT_DEFAULT_PERMISSIONS | extra);
}

/// A connected gateway client with these intents.
async fn connect(sim: &Sim, intents: u64) -> Ws {
    let mut ws = Ws::connect(sim).await;
    ws.identify(sim, intents).await;
    ws
}

/// Asserts that nothing was dispatched before a marker event made now.
async fn assert_quiet(sim: &Sim, g: u64, ws: &mut Ws) {
    sim.create_role(g, "marker", 0);
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "GUILD_ROLE_CREATE", "unexpected {t}: {d}");
}

#[tokio::test]
async fn a_private_thread_is_created_with_its_metadata_and_the_bot_as_owner_and_member() {
    let p = place().await;
    let sim = &p.sim;
    let before = unix_ms(sim.utc_now());
    let body = json!({"name": "Ana & Bo: mentoring", "type": 12, "auto_archive_duration": 10080,
                      "invitable": false});
    let a = start_thread(sim, p.parent, body).await;
    assert_eq!(a.status, 201, "{}", a.body);
    let b = &a.body;
    let bot = sim.bot_id().to_string();
    assert_eq!(b["type"], 12);
    assert_eq!(
        b["name"], "Ana & Bo: mentoring",
        "thread names keep case and spaces"
    );
    assert_eq!(b["guild_id"], p.g.id.to_string());
    assert_eq!(b["parent_id"], p.parent.to_string());
    assert_eq!(b["owner_id"], bot);
    assert_eq!(
        (
            &b["member_count"],
            &b["message_count"],
            &b["total_message_sent"],
            &b["flags"]
        ),
        (&json!(1), &json!(0), &json!(0), &json!(0))
    );
    let meta = &b["thread_metadata"];
    assert_eq!(
        (&meta["archived"], &meta["locked"], &meta["invitable"]),
        (&json!(false), &json!(false), &json!(false))
    );
    assert_eq!(meta["auto_archive_duration"], 10080);
    let created = parse_timestamp(meta["create_timestamp"].as_str().unwrap()).unwrap();
    assert!(created >= before / 1000 * 1000, "{meta}");
    assert_eq!(meta["archive_timestamp"], meta["create_timestamp"]);
    assert_eq!(b["member"]["user_id"], bot, "the creator's thread member");
    assert!(b.get("permission_overwrites").is_none() && b.get("position").is_none());

    let thread = id_of(&a);
    let got = request(sim, "GET", &format!("/channels/{thread}"), None).await;
    assert_eq!((got.status, &got.body["id"]), (200, &b["id"]));
    assert_eq!(got.body["member"]["id"], thread.to_string());

    // Not a channel of the guild's list; listed among its active threads.
    let channels = request(sim, "GET", &format!("/guilds/{}/channels", p.g.id), None).await;
    assert_eq!(channels.body.as_array().unwrap().len(), 1);
    let active = request(
        sim,
        "GET",
        &format!("/guilds/{}/threads/active", p.g.id),
        None,
    )
    .await;
    assert_eq!(active.status, 200);
    assert_eq!(active.body["threads"][0]["id"], b["id"]);
    assert_eq!(active.body["members"][0]["user_id"], bot);

    let t = sim.thread(thread).expect("a thread");
    assert_eq!(
        (t.owner_id, t.archived, t.locked),
        (sim.bot_id(), false, false)
    );
    assert_eq!((t.auto_archive_duration, t.invitable), (10080, false));
    assert_eq!(sim.thread_members(thread), [sim.bot_id()]);
    assert_eq!(sim.threads_in(p.parent).len(), 1);

    // Discord still makes a private thread when `type` is left out; a day is the default.
    let a = start_thread(sim, p.parent, json!({"name": "untyped"})).await;
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(a.body["type"], 12);
    assert_eq!(a.body["thread_metadata"]["auto_archive_duration"], 1440);
    assert_eq!(a.body["thread_metadata"]["invitable"], true);
    let a = start_thread(sim, p.parent, json!({"name": "open", "type": 11})).await;
    assert_eq!(a.body["type"], 11);
    assert!(
        a.body["thread_metadata"].get("invitable").is_none(),
        "private only"
    );
}

#[tokio::test]
async fn thread_bodies_and_parents_discord_would_reject_are_refused() {
    let p = place().await;
    let sim = &p.sim;
    let category = sim.create_channel(p.g.id, "Mentoring", channel_type::CATEGORY, None);
    let voice = sim.create_channel(p.g.id, "Calls", channel_type::VOICE, None);
    let thread = private_thread(sim, p.parent).await;
    for validate in [true, false] {
        if !validate {
            // The simulator's own checks give Discord's answers without the schema too.
            sim.disable_validation();
        }
        for body in [
            json!({"type": 12}),
            json!({"name": "", "type": 12}),
            json!({"name": "x".repeat(101), "type": 12}),
            json!({"name": "pair", "type": 0}),
            json!({"name": "pair", "type": 10}),
            json!({"name": "pair", "type": 12, "auto_archive_duration": 30}),
            json!({"name": "pair", "type": 12, "invitable": "no"}),
        ] {
            let a = start_thread(sim, p.parent, body.clone()).await;
            assert_eq!(
                code(&a),
                (400, Some(50035)),
                "{body} ({validate}): {}",
                a.body
            );
        }
        for parent in [category, voice, thread] {
            let a = start_thread(sim, parent, json!({"name": "pair", "type": 12})).await;
            assert_eq!(code(&a), (400, Some(50024)), "{parent}: {}", a.body);
        }
        let a = start_thread(sim, 42, json!({"name": "pair", "type": 12})).await;
        assert_eq!(code(&a), (404, Some(10003)));
    }
    assert_eq!(sim.threads_in(p.parent).len(), 1);
}

#[tokio::test]
async fn starting_a_thread_needs_view_channel_and_the_create_threads_permission() {
    let p = place().await;
    let sim = &p.sim;
    let everyone = p.g.id;
    sim.set_role_permissions(
        p.g.id,
        everyone,
        perms::EVERYONE_DEFAULT & !perms::CREATE_PRIVATE_THREADS,
    );
    let private = json!({"name": "pair", "type": 12});
    let public = json!({"name": "pair", "type": 11});
    let a = start_thread(sim, p.parent, private.clone()).await;
    assert_eq!(code(&a), (403, Some(50013)), "no CREATE_PRIVATE_THREADS");
    assert_eq!(
        start_thread(sim, p.parent, public.clone()).await.status,
        201
    );

    // Overwrites on the parent count: allowed for the bot's role there, denied elsewhere.
    let pairs = sim.create_channel(p.g.id, "pairs", channel_type::TEXT, None);
    sim.set_overwrite(pairs, p.g.bot_role_id, 0, perms::CREATE_PRIVATE_THREADS, 0);
    assert_eq!(start_thread(sim, pairs, private.clone()).await.status, 201);
    sim.set_overwrite(pairs, sim.bot_id(), 1, 0, perms::CREATE_PUBLIC_THREADS);
    let a = start_thread(sim, pairs, public.clone()).await;
    assert_eq!(code(&a), (403, Some(50013)), "denied to the bot itself");

    let hidden = sim.create_channel(p.g.id, "hidden", channel_type::TEXT, None);
    sim.set_overwrite(hidden, everyone, 0, 0, perms::VIEW_CHANNEL);
    let a = start_thread(sim, hidden, public.clone()).await;
    assert_eq!(code(&a), (403, Some(50001)), "cannot see the parent");

    // An administrator may do anything.
    give_bot(&p, perms::ADMINISTRATOR);
    assert_eq!(start_thread(sim, hidden, private).await.status, 201);
    assert_eq!(start_thread(sim, pairs, public).await.status, 201);
}

#[tokio::test]
async fn members_are_added_listed_and_removed_and_a_private_thread_shows_only_to_them() {
    let p = place().await;
    let sim = &p.sim;
    let thread = private_thread(sim, p.parent).await;
    assert!(!sim.can_view(p.alice, thread) && !sim.can_view(p.bob, thread));
    assert!(
        sim.can_view(p.moderator, thread),
        "MANAGE_THREADS sees every thread"
    );
    assert!(sim.can_view(sim.bot_id(), thread) && sim.can_view(p.alice, p.parent));

    assert_eq!(add(sim, thread, p.alice).await.status, 204);
    assert_eq!(
        add(sim, thread, p.alice).await.status,
        204,
        "already a member"
    );
    let mut want = vec![sim.bot_id(), p.alice];
    want.sort_unstable();
    assert_eq!(sim.thread_members(thread), want);
    assert!(sim.can_view(p.alice, thread) && !sim.can_view(p.bob, thread));
    let joined = sim.thread(thread).unwrap().members[&p.alice];
    assert!(joined + 60_000 >= unix_ms(sim.utc_now()), "joined just now");

    let stranger = sim.create_user("stranger");
    assert_eq!(code(&add(sim, thread, stranger).await), (404, Some(10007)));
    assert_eq!(code(&add(sim, thread, 42).await), (404, Some(10007)));
    assert_eq!(
        code(&add(sim, p.parent, p.alice).await),
        (400, Some(50024)),
        "not a thread"
    );

    let members = format!("/channels/{thread}/thread-members");
    let list = request(sim, "GET", &members, None).await;
    assert_eq!(list.status, 200);
    let ids: Vec<&str> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(list.body[0].get("member").is_none());
    let page = request(
        sim,
        "GET",
        &format!("{members}?with_member=true&limit=1"),
        None,
    )
    .await;
    assert_eq!(page.body.as_array().unwrap().len(), 1);
    assert!(
        page.body[0]["member"]["user"]["id"].is_string(),
        "{}",
        page.body
    );
    let after = page.body[0]["user_id"].as_str().unwrap();
    let rest = request(
        sim,
        "GET",
        &format!("{members}?with_member=true&after={after}"),
        None,
    )
    .await;
    assert_eq!(rest.body.as_array().unwrap().len(), 1);
    let one = request(sim, "GET", &format!("{members}/{}", p.alice), None).await;
    assert_eq!(
        (one.status, one.body["user_id"].as_str()),
        (200, Some(p.alice.to_string().as_str()))
    );
    assert_eq!(
        code(&request(sim, "GET", &format!("{members}/{}", p.bob), None).await),
        (404, Some(10007))
    );

    // The member's view follows the parent: hidden from them there, hidden here.
    sim.set_overwrite(p.parent, p.alice, 1, 0, perms::VIEW_CHANNEL);
    assert!(
        !sim.can_view(p.alice, thread),
        "still a member, but cannot see the parent"
    );
    sim.set_overwrite(p.parent, p.alice, 1, 0, 0);

    let remove = format!("{members}/{}", p.alice);
    assert_eq!(request(sim, "DELETE", &remove, None).await.status, 204);
    assert_eq!(
        code(&request(sim, "DELETE", &remove, None).await),
        (404, Some(10007))
    );
    assert_eq!(sim.thread_members(thread), [sim.bot_id()]);
    assert!(!sim.can_view(p.alice, thread));

    // Discord refuses the member list to an app whose GUILD_MEMBERS intent is off.
    sim.refuse_intents(GUILD_MEMBERS);
    assert_eq!(
        code(&request(sim, "GET", &members, None).await),
        (403, Some(50001))
    );
}

#[tokio::test]
async fn who_may_add_and_remove_thread_members() {
    let p = place().await;
    let sim = &p.sim;
    // Alice's private thread that others may not invite to.
    let closed = sim.create_thread_as(
        p.alice,
        p.parent,
        json!({"name": "closed", "type": 12, "invitable": false}),
    );
    assert_eq!(sim.thread(closed).unwrap().owner_id, p.alice);
    let refused = catch_unwind(AssertUnwindSafe(|| {
        sim.add_thread_member_as(p.alice, closed, p.bob)
    }));
    assert!(
        refused.is_err(),
        "only moderators add to a non-invitable thread"
    );
    sim.add_thread_member_as(p.moderator, closed, p.bob);
    // The creator of a private thread may remove members; others may not.
    let open = sim.create_thread_as(p.alice, p.parent, json!({"name": "open", "type": 12}));
    sim.add_thread_member_as(p.alice, open, p.bob);
    sim.add_thread_member_as(p.alice, open, sim.bot_id());
    let path = format!("/channels/{open}/thread-members/{}", p.bob);
    assert_eq!(
        code(&request(sim, "DELETE", &path, None).await),
        (403, Some(50013))
    );
    sim.remove_thread_member_as(p.alice, open, p.bob);
    assert!(!sim.thread_members(open).contains(&p.bob));
    // Anyone may leave.
    let leave = format!("/channels/{open}/thread-members/@me");
    assert_eq!(request(sim, "DELETE", &leave, None).await.status, 204);
    assert!(!sim.thread_members(open).contains(&sim.bot_id()));
    assert_eq!(
        code(&request(sim, "GET", &format!("/channels/{open}"), None).await),
        (403, Some(50001)),
        "a private thread the bot left is hidden from it"
    );

    // Adding someone needs SEND_MESSAGES_IN_THREADS on the parent.
    let thread = private_thread(sim, p.parent).await;
    sim.set_overwrite(
        p.parent,
        p.g.bot_role_id,
        0,
        0,
        perms::SEND_MESSAGES_IN_THREADS,
    );
    assert_eq!(code(&add(sim, thread, p.alice).await), (403, Some(50013)));
}

#[tokio::test]
async fn an_archived_thread_takes_no_members_until_it_is_unarchived() {
    let p = place().await;
    let sim = &p.sim;
    let thread = private_thread(sim, p.parent).await;
    sim.auto_archive(thread);
    assert!(sim.thread(thread).unwrap().archived);
    assert_eq!(code(&add(sim, thread, p.alice).await), (400, Some(50083)));
    let a = patch(sim, thread, json!({"archived": false})).await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["thread_metadata"]["archived"], false);
    assert_eq!(add(sim, thread, p.alice).await.status, 204);
}

#[tokio::test]
async fn a_private_thread_the_bot_is_not_in_is_hidden_unless_it_manages_threads() {
    let p = place().await;
    let sim = &p.sim;
    let mut ws = connect(sim, GUILDS | GUILD_MESSAGES).await;
    let thread = sim.create_thread_as(p.alice, p.parent, json!({"name": "secret", "type": 12}));
    sim.say(p.alice, thread, "just us");
    assert_quiet(sim, p.g.id, &mut ws).await;
    assert!(!sim.can_view(sim.bot_id(), thread));
    let get = request(sim, "GET", &format!("/channels/{thread}"), None).await;
    assert_eq!(code(&get), (403, Some(50001)));
    let history = request(sim, "GET", &format!("/channels/{thread}/messages"), None).await;
    assert_eq!(code(&history), (403, Some(50001)));
    assert_eq!(code(&post(sim, thread, "hello?").await), (403, Some(50001)));
    assert_eq!(code(&add(sim, thread, p.bob).await), (403, Some(50001)));
    let active = request(
        sim,
        "GET",
        &format!("/guilds/{}/threads/active", p.g.id),
        None,
    )
    .await;
    assert_eq!(active.body["threads"], json!([]));

    give_bot(&p, perms::MANAGE_THREADS);
    assert_eq!(ws.dispatch().await.0, "GUILD_ROLE_UPDATE");
    assert_eq!(
        request(sim, "GET", &format!("/channels/{thread}"), None)
            .await
            .status,
        200
    );
    let history = request(sim, "GET", &format!("/channels/{thread}/messages"), None).await;
    assert_eq!(history.body[0]["content"], "just us");
    let active = request(
        sim,
        "GET",
        &format!("/guilds/{}/threads/active", p.g.id),
        None,
    )
    .await;
    assert_eq!(active.body["threads"].as_array().unwrap().len(), 1);
    assert_eq!(active.body["members"], json!([]), "not a member");
    // Posting joins the thread.
    assert_eq!(post(sim, thread, "a moderator speaks").await.status, 200);
    assert!(sim.thread_members(thread).contains(&sim.bot_id()));
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["added_members"][0]["user_id"]),
        ("THREAD_MEMBERS_UPDATE", &json!(sim.bot_id().to_string()))
    );
    assert_eq!(
        ws.dispatch().await.0,
        "THREAD_CREATE",
        "whoever joins gets the thread"
    );
    assert_eq!(ws.dispatch().await.0, "MESSAGE_CREATE");
}

#[tokio::test]
async fn posting_in_a_thread_needs_send_messages_in_threads_not_send_messages() {
    let p = place().await;
    let sim = &p.sim;
    let thread = private_thread(sim, p.parent).await;
    sim.set_overwrite(
        p.parent,
        p.g.bot_role_id,
        0,
        0,
        perms::SEND_MESSAGES_IN_THREADS,
    );
    assert_eq!(code(&post(sim, thread, "hi").await), (403, Some(50013)));
    assert_eq!(post(sim, p.parent, "hi").await.status, 200);
    sim.set_overwrite(
        p.parent,
        p.g.bot_role_id,
        0,
        perms::SEND_MESSAGES_IN_THREADS,
        perms::SEND_MESSAGES,
    );
    assert_eq!(code(&post(sim, p.parent, "hi").await), (403, Some(50013)));
    let a = post(sim, thread, "hi").await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["channel_id"], thread.to_string());
    let t = sim.thread(thread).unwrap();
    assert_eq!((t.message_count, t.total_message_sent), (1, 1));
    let id = a.body["id"].as_str().unwrap();
    let path = format!("/channels/{thread}/messages/{id}");
    assert_eq!(request(sim, "DELETE", &path, None).await.status, 204);
    let t = sim.thread(thread).unwrap();
    assert_eq!((t.message_count, t.total_message_sent), (0, 1));
}

#[tokio::test]
async fn a_post_unarchives_an_archived_thread_but_a_locked_one_only_for_moderators() {
    let p = place().await;
    let sim = &p.sim;
    let mut ws = connect(sim, GUILDS | GUILD_MESSAGES).await;
    let thread = private_thread(sim, p.parent).await;
    assert_eq!(ws.dispatch().await.0, "THREAD_CREATE");
    assert_eq!(ws.dispatch().await.0, "THREAD_MEMBERS_UPDATE");
    assert_eq!(add(sim, thread, p.alice).await.status, 204);
    assert_quiet(sim, p.g.id, &mut ws).await; // Alice's joining needs GUILD_MEMBERS.

    sim.auto_archive(thread);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["thread_metadata"]["archived"]),
        ("THREAD_UPDATE", &json!(true))
    );
    let archived_at = d["thread_metadata"]["archive_timestamp"].clone();
    sim.advance_time(MINUTE);
    let a = post(sim, thread, "check-in time").await;
    assert_eq!(a.status, 200, "{}", a.body);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["thread_metadata"]["archived"]),
        ("THREAD_UPDATE", &json!(false))
    );
    assert_ne!(d["thread_metadata"]["archive_timestamp"], archived_at);
    assert_eq!(ws.dispatch().await.0, "THREAD_MEMBER_UPDATE");
    assert_eq!(ws.dispatch().await.0, "MESSAGE_CREATE");

    // A moderator locks and archives it: only MANAGE_THREADS may post or unarchive now.
    sim.edit_thread_as(
        p.moderator,
        thread,
        json!({"locked": true, "archived": true}),
    );
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "THREAD_UPDATE");
    assert_eq!(d["thread_metadata"]["locked"], true);
    assert_eq!(code(&post(sim, thread, "hello?").await), (403, Some(50083)));
    assert_eq!(
        code(&patch(sim, thread, json!({"archived": false})).await),
        (403, Some(50013))
    );
    let said = catch_unwind(AssertUnwindSafe(|| sim.say(p.alice, thread, "let me in")));
    assert!(
        said.is_err(),
        "Discord's client does not post in a locked thread"
    );
    assert!(sim.thread(thread).unwrap().archived);
    assert_eq!(sim.messages_in(thread).len(), 1);
    // Unarchived but still locked: the bot gets 160005.
    sim.edit_thread_as(p.moderator, thread, json!({"archived": false}));
    assert_eq!(
        code(&post(sim, thread, "hello?").await),
        (403, Some(160005))
    );

    give_bot(&p, perms::MANAGE_THREADS);
    sim.auto_archive(thread);
    assert_eq!(post(sim, thread, "moderator here").await.status, 200);
    let t = sim.thread(thread).unwrap();
    assert!(!t.archived && t.locked);
    sim.say(p.moderator, thread, "and me");
    assert!(
        sim.thread_members(thread).contains(&p.moderator),
        "posting joins"
    );
}

#[tokio::test]
async fn a_members_post_unarchives_an_auto_archived_thread() {
    let p = place().await;
    let sim = &p.sim;
    let mut ws = connect(sim, GUILDS | GUILD_MESSAGES).await;
    let thread = private_thread(sim, p.parent).await;
    assert_eq!(add(sim, thread, p.alice).await.status, 204);
    for want in ["THREAD_CREATE", "THREAD_MEMBERS_UPDATE"] {
        assert_eq!(ws.dispatch().await.0, want);
    }
    sim.auto_archive(thread);
    assert_eq!(ws.dispatch().await.0, "THREAD_UPDATE");
    let mid = sim.say(p.alice, thread, "are we still on for Tuesday?");
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["thread_metadata"]["archived"]),
        ("THREAD_UPDATE", &json!(false))
    );
    assert_eq!(ws.dispatch().await.0, "THREAD_MEMBER_UPDATE");
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "MESSAGE_CREATE");
    assert_eq!(
        (d["id"].as_str(), d["channel_id"].as_str()),
        (
            Some(mid.to_string().as_str()),
            Some(thread.to_string().as_str())
        )
    );
    assert_eq!(d["guild_id"], p.g.id.to_string());
    assert!(!sim.thread(thread).unwrap().archived);
    assert_eq!(sim.thread(thread).unwrap().message_count, 1);
}

#[tokio::test]
async fn the_clock_archives_idle_threads_after_their_auto_archive_duration() {
    let p = place().await;
    let sim = &p.sim;
    let a = start_thread(
        sim,
        p.parent,
        json!({"name": "hourly", "type": 12, "auto_archive_duration": 60}),
    )
    .await;
    let short = id_of(&a);
    let long = private_thread(sim, p.parent).await; // a day
    let mut ws = connect(sim, GUILDS).await;
    let created = sim.thread(short).unwrap().create_timestamp_ms;

    sim.advance_time(59 * MINUTE);
    assert!(!sim.thread(short).unwrap().archived);
    sim.advance_time(2 * MINUTE);
    let t = sim.thread(short).unwrap();
    assert!(t.archived);
    assert_eq!(
        t.archive_timestamp_ms,
        created + 60 * 60_000,
        "archived when it fell idle"
    );
    let (e, d) = ws.dispatch().await;
    assert_eq!(
        (e.as_str(), d["id"].as_str()),
        ("THREAD_UPDATE", Some(short.to_string().as_str()))
    );
    assert!(!sim.thread(long).unwrap().archived);

    // Activity (a message) restarts the idle time.
    sim.advance_time(22 * 60 * MINUTE);
    assert_eq!(post(sim, long, "still here").await.status, 200);
    sim.advance_time(23 * 60 * MINUTE);
    assert!(!sim.thread(long).unwrap().archived);
    sim.advance_time(2 * 60 * MINUTE);
    assert!(sim.thread(long).unwrap().archived);

    // GUILD_CREATE carries only the active threads.
    let mut ws = Ws::connect(sim).await;
    ws.send_identify(&sim.token(), GUILDS).await;
    assert_eq!(ws.text().await["t"], "READY");
    let created = ws.text().await;
    assert_eq!(created["d"]["threads"], json!([]));
}

#[tokio::test]
async fn editing_a_thread_follows_discords_rules() {
    let p = place().await;
    let sim = &p.sim;
    let thread = private_thread(sim, p.parent).await;
    // The owner may rename it and change its duration.
    let a = patch(sim, thread, json!({"name": "Ana & Bo (2026)"})).await;
    assert_eq!(
        (a.status, a.body["name"].as_str()),
        (200, Some("Ana & Bo (2026)"))
    );
    let before = sim.thread(thread).unwrap().archive_timestamp_ms;
    sim.advance_time(MINUTE);
    let a = patch(sim, thread, json!({"auto_archive_duration": 4320})).await;
    assert_eq!(a.body["thread_metadata"]["auto_archive_duration"], 4320);
    assert!(
        sim.thread(thread).unwrap().archive_timestamp_ms > before,
        "a new duration moves it"
    );
    for bad in [
        json!({"auto_archive_duration": 61}),
        json!({"name": ""}),
        json!({"archived": "yes"}),
    ] {
        assert_eq!(
            code(&patch(sim, thread, bad.clone()).await),
            (400, Some(50035)),
            "{bad}"
        );
    }
    // Locking needs MANAGE_THREADS; archiving one's own thread does not.
    assert_eq!(
        code(&patch(sim, thread, json!({"locked": true})).await),
        (403, Some(50013))
    );
    let a = patch(sim, thread, json!({"archived": true})).await;
    assert_eq!(
        (a.status, &a.body["thread_metadata"]["archived"]),
        (200, &json!(true))
    );
    // An archived thread changes only by being unarchived.
    assert_eq!(
        code(&patch(sim, thread, json!({"name": "x"})).await),
        (400, Some(50083))
    );
    let a = patch(sim, thread, json!({"archived": false, "name": "back"})).await;
    assert_eq!((a.status, a.body["name"].as_str()), (200, Some("back")));

    // Someone else's public thread: the bot may unarchive it, not rename or archive it.
    let theirs = sim.create_thread_as(p.alice, p.parent, json!({"name": "open", "type": 11}));
    assert_eq!(
        code(&patch(sim, theirs, json!({"name": "mine"})).await),
        (403, Some(50013))
    );
    assert_eq!(
        code(&patch(sim, theirs, json!({"archived": true})).await),
        (403, Some(50013))
    );
    sim.auto_archive(theirs);
    assert_eq!(
        patch(sim, theirs, json!({"archived": false})).await.status,
        200
    );

    // With MANAGE_THREADS: anything, including locking.
    give_bot(&p, perms::MANAGE_THREADS);
    let a = patch(
        sim,
        theirs,
        json!({"name": "mine", "locked": true, "archived": true}),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    let t = sim.thread(theirs).unwrap();
    assert!(t.locked && t.archived);
    let a = patch(sim, theirs, json!({"archived": false, "locked": false})).await;
    assert_eq!(a.status, 200, "{}", a.body);
}

#[tokio::test]
async fn deleting_a_thread_needs_manage_threads_and_sends_thread_delete() {
    let p = place().await;
    let sim = &p.sim;
    let thread = private_thread(sim, p.parent).await;
    let path = format!("/channels/{thread}");
    assert_eq!(
        code(&request(sim, "DELETE", &path, None).await),
        (403, Some(50013))
    );
    let mut ws = connect(sim, GUILDS).await;
    give_bot(&p, perms::MANAGE_THREADS);
    assert_eq!(ws.dispatch().await.0, "GUILD_ROLE_UPDATE");
    let a = request(sim, "DELETE", &path, None).await;
    assert_eq!((a.status, &a.body["id"]), (200, &json!(thread.to_string())));
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "THREAD_DELETE");
    assert_eq!(
        d,
        json!({"id": thread.to_string(), "guild_id": p.g.id.to_string(),
               "parent_id": p.parent.to_string(), "type": 12})
    );
    assert_eq!(
        code(&request(sim, "GET", &path, None).await),
        (404, Some(10003))
    );

    // A deleted channel takes its threads with it.
    let other = sim.create_channel(p.g.id, "pairs", channel_type::TEXT, None);
    let inside = private_thread(sim, other).await;
    sim.delete_channel(other);
    assert!(sim.thread(inside).is_none());
    assert_eq!(
        code(&request(sim, "GET", &format!("/channels/{inside}"), None).await),
        (404, Some(10003))
    );
}

#[tokio::test]
async fn threads_count_towards_neither_channel_limit() {
    let p = place().await;
    let sim = &p.sim;
    let category = sim.create_channel(p.g.id, "Mentoring", channel_type::CATEGORY, None);
    let pairs = sim.create_channel(p.g.id, "pairs", channel_type::TEXT, Some(category));
    for _ in 0..5 {
        private_thread(sim, pairs).await;
    }
    // 48 more children make 49 in the category: the 50th may still be made.
    for i in 0..48 {
        sim.create_channel(p.g.id, &format!("c{i}"), channel_type::TEXT, Some(category));
    }
    let path = format!("/guilds/{}/channels", p.g.id);
    let body = json!({"name": "fiftieth", "type": 0, "parent_id": category.to_string()});
    assert_eq!(request(sim, "POST", &path, Some(body)).await.status, 201);
    // The guild: #general, the category and its 50 make 52; fill it to 499: the 500th is
    // allowed, the 501st not.
    for i in 0..447 {
        sim.create_channel(p.g.id, &format!("g{i}"), channel_type::TEXT, None);
    }
    let body = json!({"name": "five-hundredth", "type": 0});
    let a = request(sim, "POST", &path, Some(body.clone())).await;
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(
        code(&request(sim, "POST", &path, Some(body)).await),
        (400, Some(30013))
    );
    // And a full guild still takes threads.
    assert_eq!(
        start_thread(sim, pairs, json!({"name": "more"}))
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn the_gateway_carries_threads_and_thread_member_changes() {
    let p = place().await;
    let sim = &p.sim;
    let seen = private_thread(sim, p.parent).await;
    let hidden = sim.create_thread_as(p.alice, p.parent, json!({"name": "hidden", "type": 12}));
    let archived = private_thread(sim, p.parent).await;
    sim.auto_archive(archived);

    // GUILD_CREATE: the active threads the bot can see, with its membership.
    let mut ws = Ws::connect(sim).await;
    ws.send_identify(&sim.token(), GUILDS | GUILD_MESSAGES)
        .await;
    assert_eq!(ws.text().await["t"], "READY");
    let created = ws.text().await;
    assert_eq!(created["t"], "GUILD_CREATE");
    let threads = created["d"]["threads"].as_array().unwrap();
    assert_eq!(threads.len(), 1, "{threads:?}");
    assert_eq!(threads[0]["id"], seen.to_string());
    assert!(threads[0]["member"]["join_timestamp"].is_string());
    let seen_id = json!(seen.to_string());
    let channels = created["d"]["channels"].as_array().unwrap();
    assert!(channels.iter().all(|c| c["id"] != seen_id), "not a channel");
    assert!(sim.wait_connected(Duration::from_secs(5)).await);

    // Without GUILD_MEMBERS: only the bot's own membership changes.
    assert_eq!(add(sim, seen, p.alice).await.status, 204);
    let other = sim.create_thread_as(p.bob, p.parent, json!({"name": "bob's", "type": 12}));
    sim.add_thread_member_as(p.bob, other, sim.bot_id());
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "THREAD_MEMBERS_UPDATE");
    assert_eq!(d["added_members"][0]["user_id"], sim.bot_id().to_string());
    assert!(d["added_members"][0]["member"]["user"].is_object());
    let (t, d) = ws.dispatch().await;
    assert_eq!(t, "THREAD_CREATE", "whoever is added gets the thread");
    assert_eq!(d["member"]["user_id"], sim.bot_id().to_string());
    assert!(d.get("newly_created").is_none());

    // With GUILD_MEMBERS: everyone's, in threads the bot can see.
    sim.drop_gateway();
    let mut ws = connect(sim, GUILDS | GUILD_MEMBERS).await;
    assert_eq!(add(sim, seen, p.bob).await.status, 204);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["member_count"]),
        ("THREAD_MEMBERS_UPDATE", &json!(3))
    );
    sim.remove_thread_member_as(p.alice, seen, p.alice);
    let (t, d) = ws.dispatch().await;
    assert_eq!(
        (t.as_str(), &d["removed_member_ids"]),
        ("THREAD_MEMBERS_UPDATE", &json!([p.alice.to_string()]))
    );
    sim.add_thread_member_as(p.alice, hidden, p.bob);
    assert_quiet(sim, p.g.id, &mut ws).await;

    // Without GUILDS, no thread events at all.
    sim.drop_gateway();
    let mut ws = connect(sim, GUILD_MESSAGES).await;
    private_thread(sim, p.parent).await;
    assert_quiet(sim, p.g.id, &mut ws).await;
}

#[tokio::test]
async fn archived_threads_are_listed_by_kind_newest_archive_first() {
    let p = place().await;
    let sim = &p.sim;
    let mut private = Vec::new();
    for _ in 0..3 {
        private.push(private_thread(sim, p.parent).await);
    }
    let public = id_of(&start_thread(sim, p.parent, json!({"name": "open", "type": 11})).await);
    let theirs = sim.create_thread_as(p.alice, p.parent, json!({"name": "hers", "type": 12}));
    // Archived one minute apart, in this order.
    for t in [private[1], public, private[0], theirs, private[2]] {
        sim.auto_archive(t);
        sim.advance_time(MINUTE);
    }
    let ids = |a: &Answer| -> Vec<u64> {
        a.body["threads"]
            .as_array()
            .unwrap_or_else(|| panic!("{}", a.body))
            .iter()
            .map(|t| t["id"].as_str().unwrap().parse().unwrap())
            .collect()
    };
    let base = format!("/channels/{}", p.parent);
    let a = request(sim, "GET", &format!("{base}/threads/archived/public"), None).await;
    assert_eq!(ids(&a), [public]);
    assert_eq!(a.body["has_more"], false);
    let a = request(
        sim,
        "GET",
        &format!("{base}/threads/archived/private"),
        None,
    )
    .await;
    assert_eq!(code(&a), (403, Some(50013)), "needs MANAGE_THREADS");
    let joined = format!("{base}/users/@me/threads/archived/private");
    let a = request(sim, "GET", &joined, None).await;
    assert_eq!(
        ids(&a),
        [private[2], private[1], private[0]],
        "by id, newest first"
    );
    assert_eq!(a.body["members"].as_array().unwrap().len(), 3);
    let a = request(
        sim,
        "GET",
        &format!("{joined}?before={}&limit=1", private[2]),
        None,
    )
    .await;
    assert_eq!(
        (ids(&a), &a.body["has_more"]),
        (vec![private[1]], &json!(true))
    );

    give_bot(&p, perms::MANAGE_THREADS);
    let all = format!("{base}/threads/archived/private");
    let a = request(sim, "GET", &all, None).await;
    assert_eq!(
        ids(&a),
        [private[2], theirs, private[0], private[1]],
        "by archive time"
    );
    let before = sim.thread(private[0]).unwrap().archive_timestamp_ms;
    let stamp = crate::format_timestamp(before).replace('+', "%2B");
    let a = request(sim, "GET", &format!("{all}?before={stamp}"), None).await;
    assert_eq!(ids(&a), [private[1]]);
    let a = request(sim, "GET", &format!("{all}?before=yesterday"), None).await;
    assert_eq!(code(&a), (400, Some(50035)));
}
