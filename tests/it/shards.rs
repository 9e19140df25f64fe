//! Shards across processes: bots that each serve some shards (`discord.shards` of
//! `discord.shard_count`) on one database, against one simulator that routes every server's
//! events to the session of its shard, `(guild_id >> 22) % shard_count`.

use std::sync::Arc;
use std::time::Duration;

use discord_sim::{perms, shard_of, GuildInfo};
use serde_json::json;
use tandem::discord::Running;

use crate::support::{TestApp, READY_TIMEOUT};

/// A server on `shard` of 2 with an admin (Manage Server) in it.
fn server_on(app: &TestApp, name: &str, shard: u32) -> (GuildInfo, u64) {
    let g = app.sim.create_guild_on_shard(name, shard, 2);
    let admins = app.sim.create_role(g.id, "Admins", perms::MANAGE_GUILD);
    let admin = app.sim.create_user(&format!("{name}-admin"));
    app.sim.add_member(g.id, admin, &[admins]);
    (g, admin)
}

/// Starts a bot process on the app's database serving `shards` (`None`: as configured).
async fn launch(app: &TestApp, shards: Option<&str>) -> Running {
    let mut settings = app.settings.clone();
    if let Some(shards) = shards {
        settings.discord.shards = Some(shards.parse().unwrap());
    }
    let db = tandem::open_database(&settings).await.unwrap();
    let mut bot = tandem::discord::start(Arc::new(settings), db, app.clock.clone())
        .await
        .unwrap();
    assert!(
        bot.wait_ready(READY_TIMEOUT).await,
        "shards {shards:?} did not become ready"
    );
    bot
}

/// Runs `/setup timezone` in `guild` and returns the interaction id once it is answered.
async fn set_timezone(app: &TestApp, guild: u64, admin: u64) -> u64 {
    let id = app
        .sim
        .command(guild, admin, "setup")
        .opt("timezone", json!("Europe/Berlin"))
        .send()
        .await
        .unwrap();
    let reply = app.sim.reply(id).await;
    assert!(reply.text().contains("Saved"), "{}", reply.text());
    id
}

/// How many times the bot answered (called back for) an interaction.
fn answers(app: &TestApp, interaction: u64) -> usize {
    app.sim
        .requests_to("POST", &format!("/interactions/{interaction}/"))
        .iter()
        .filter(|r| r.path.ends_with("/callback"))
        .count()
}

#[tokio::test]
async fn two_processes_each_answer_only_the_servers_of_their_shard() {
    let app = TestApp::unstarted(|s| s.discord.shard_count = Some(2)).await;
    let (zero, zero_admin) = server_on(&app, "Zero", 0);
    let (one, one_admin) = server_on(&app, "One", 1);

    let bot0 = launch(&app, Some("0")).await;
    let bot1 = launch(&app, Some("1")).await;
    assert_eq!(app.sim.live_shards(), [[0, 2], [1, 2]]);
    // The commands are the application's: only the process with shard 0 registers them.
    assert_eq!(app.sim.requests_to("PUT", "/commands").len(), 1);

    for (guild, admin) in [(zero.id, zero_admin), (one.id, one_admin)] {
        let setup = set_timezone(&app, guild, admin).await;
        let help = app.sim.command(guild, admin, "help").send().await.unwrap();
        app.sim.reply(help).await;
        // Give a second process the time it would need to answer too.
        tokio::time::sleep(Duration::from_millis(300)).await;
        for id in [setup, help] {
            assert_eq!(answers(&app, id), 1, "interaction {id} in {guild}");
        }
    }
    // The first server (from the harness) is on whichever shard its id gives; it is answered
    // once as well.
    let first = shard_of(app.guild.id, 2);
    let help = app
        .sim
        .command(app.guild.id, app.member, "help")
        .send()
        .await
        .unwrap();
    app.sim.reply(help).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(answers(&app, help), 1, "first server, shard {first}");

    // With shard 1's process gone, shard 1's server goes unanswered: shard 0's process never
    // sees it, and still answers its own.
    bot1.shutdown(Duration::from_secs(5)).await;
    assert_eq!(app.sim.live_shards(), [[0, 2]]);
    let unanswered = app
        .sim
        .command(one.id, one_admin, "help")
        .send()
        .await
        .unwrap();
    let help = app
        .sim
        .command(zero.id, zero_admin, "help")
        .send()
        .await
        .unwrap();
    app.sim.reply(help).await;
    let late = app.sim.try_reply(unanswered, Duration::from_secs(1)).await;
    assert!(
        late.is_none(),
        "shard 0's process answered shard 1's server"
    );

    // Shard 0's process restarts while shard 1's is down: its READY lists only shard 0's
    // servers, and shard 1's server (with data) is not taken for one that removed the bot.
    bot0.shutdown(Duration::from_secs(5)).await;
    let bot0 = launch(&app, Some("0")).await;
    let db = app.db().await;
    assert!(db.guilds_with_data().await.unwrap().contains(&one.id));
    assert!(
        db.departed_guilds().await.unwrap().is_empty(),
        "shard 0's start-up marked another shard's server departed"
    );

    // A server of shard 0 that removed the bot while shard 0 was away is recorded as gone by
    // shard 0's process, at its next start; shard 1's process leaves it alone.
    bot0.shutdown(Duration::from_secs(5)).await;
    app.sim.remove_bot_from_guild(zero.id);
    let bot1 = launch(&app, Some("1")).await;
    assert!(db.departed_guilds().await.unwrap().is_empty());
    let bot0 = launch(&app, Some("0")).await;
    let departed = db.departed_guilds().await.unwrap();
    assert_eq!(departed.into_iter().collect::<Vec<_>>(), [zero.id]);
    let help = app
        .sim
        .command(one.id, one_admin, "help")
        .send()
        .await
        .unwrap();
    app.sim.reply(help).await;
    db.close().await;
    bot0.shutdown(Duration::from_secs(5)).await;
    bot1.shutdown(Duration::from_secs(5)).await;
}

#[tokio::test]
async fn one_process_serves_every_shard_discord_recommends_and_is_ready_when_all_are() {
    let app = TestApp::unstarted(|_| {}).await;
    app.sim.set_recommended_shards(2);
    let (zero, zero_admin) = server_on(&app, "Zero", 0);
    let (one, one_admin) = server_on(&app, "One", 1);
    let bot = launch(&app, None).await;
    // serenity starts the second shard 5 s after the first; ready means both are.
    assert_eq!(app.sim.live_shards(), [[0, 2], [1, 2]]);
    assert_eq!(app.sim.requests_to("PUT", "/commands").len(), 1);
    for (guild, admin) in [(zero.id, zero_admin), (one.id, one_admin)] {
        let id = set_timezone(&app, guild, admin).await;
        assert_eq!(answers(&app, id), 1);
    }
    bot.shutdown(Duration::from_secs(8)).await;
}

#[tokio::test]
async fn shards_beyond_the_count_stop_start_up_naming_the_keys() {
    let app = TestApp::unstarted(|s| s.discord.shards = Some("1".parse().unwrap())).await;
    let db = tandem::open_database(&app.settings).await.unwrap();
    let err = tandem::discord::start(Arc::new(app.settings.clone()), db, app.clock.clone())
        .await
        .err()
        .expect("start-up refused shard 1 of the 1 recommended");
    let why = format!("{err:#}");
    assert!(
        why.contains("discord.shards") && why.contains("discord.shard_count"),
        "{why}"
    );
    assert!(app.sim.live_shards().is_empty());
}

/// Check-in prompts per pair channel so far.
fn prompts_in(m: &discord_sim::Model, channels: &[u64]) -> Vec<usize> {
    channels
        .iter()
        .map(|c| {
            m.messages
                .values()
                .filter(|msg| msg.channel_id == *c && msg.content().contains("Check-in time"))
                .count()
        })
        .collect()
}

fn prompts(app: &TestApp, channels: &[u64]) -> Vec<usize> {
    app.sim.with_model(|m| prompts_in(m, channels))
}

#[tokio::test]
async fn each_process_sends_the_check_ins_of_its_own_shards_and_no_pair_gets_two() {
    use tandem::clock::Clock as _;
    let app = TestApp::migrated(|s| s.discord.shard_count = Some(2)).await;
    let mut channels = Vec::new();
    for shard in [0, 1] {
        let (guild, _) = server_on(&app, &format!("Shard{shard}"), shard);
        assert_eq!(shard_of(guild.id, 2), shard);
        let category = app.sim.create_channel(
            guild.id,
            "Mentoring",
            discord_sim::channel_type::CATEGORY,
            None,
        );
        let pairs = app
            .seed_pairs_in(guild.id, category, 5, "Europe/Berlin", "Europe/Berlin")
            .await;
        // A round due now in each server.
        app.plan_round(guild.id, &pairs, app.clock.now()).await;
        channels.push(pairs.iter().map(|p| p.channel).collect::<Vec<_>>());
    }

    // Shard 0's process sends shard 0's round and leaves shard 1's alone.
    let bot0 = launch(&app, Some("0")).await;
    let sent = app
        .sim
        .wait_for(Duration::from_secs(20), |m, _| {
            (prompts_in(m, &channels[0]) == [1; 5]).then_some(())
        })
        .await;
    assert!(sent.is_some(), "{:?}", prompts(&app, &channels[0]));
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(prompts(&app, &channels[1]), [0; 5], "not its shard");

    // Shard 1's process, started later, sends its own; a restart of shard 0 resends nothing.
    let bot1 = launch(&app, Some("1")).await;
    let sent = app
        .sim
        .wait_for(Duration::from_secs(20), |m, _| {
            (prompts_in(m, &channels[1]) == [1; 5]).then_some(())
        })
        .await;
    assert!(sent.is_some(), "{:?}", prompts(&app, &channels[1]));
    bot0.shutdown(Duration::from_secs(5)).await;
    let bot0 = launch(&app, Some("0")).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(prompts(&app, &channels[0]), [1; 5]);
    assert_eq!(prompts(&app, &channels[1]), [1; 5]);
    bot0.shutdown(Duration::from_secs(5)).await;
    bot1.shutdown(Duration::from_secs(5)).await;
}
