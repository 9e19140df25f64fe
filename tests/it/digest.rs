//! The digest and the export end to end: `/digest`, `/export` and the command line.

use std::time::Duration;

use chrono::Duration as Days;
use serde_json::Value;

use crate::support::{start_time, SeededPair, Server, TestApp};

/// A set-up server with a moderator and `n` pairs started at the harness's start time.
async fn programme(n: usize) -> (TestApp, Server, u64, Vec<SeededPair>) {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mona", Some(s.mods));
    let pairs = app
        .seed_pairs(s.category, n, "Europe/Berlin", "Europe/Berlin")
        .await;
    (app, s, moderator, pairs)
}

/// Writes in a pair's channel and waits until the bot has counted it.
async fn talk(app: &TestApp, pair: SeededPair) {
    let db = app.db().await;
    let before = db.message_counts(pair.id).await.unwrap().len();
    app.sim.say(pair.mentor, pair.channel, "hello");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while db.message_counts(pair.id).await.unwrap().len() == before {
        assert!(
            tokio::time::Instant::now() < deadline,
            "message not counted"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    db.close().await;
}

fn embed_text(reply: &discord_sim::Reply) -> String {
    reply
        .embeds()
        .first()
        .map(Value::to_string)
        .unwrap_or_default()
}

#[tokio::test]
async fn a_quiet_pair_is_named_red_in_the_digest_with_its_reasons_and_a_suggested_action() {
    let (app, _, moderator, pairs) = programme(3).await;
    app.clock.set(start_time() + Days::days(16));
    talk(&app, pairs[0]).await;
    talk(&app, pairs[2]).await;

    let reply = app.run(moderator, "digest", &[]).await;
    assert!(reply.ephemeral());
    let text = embed_text(&reply);
    assert!(text.contains("🔴 1 red"), "{text}");
    assert!(
        text.contains(&format!(
            "<@{}> & <@{}> in <#{}>: no messages or meetings since they were paired 16 days ago",
            pairs[1].mentor, pairs[1].mentee, pairs[1].channel
        )),
        "{text}"
    );
    assert!(
        text.contains("Suggested: say hello in their channel"),
        "{text}"
    );
    // The healthy pairs are counted, not named.
    assert!(!text.contains(&format!("<@{}>", pairs[0].mentor)), "{text}");
    assert!(text.contains("🟢 2 green"), "{text}");
    assert_eq!(reply.data["attachments"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn the_digest_is_refused_to_members_who_are_not_moderators() {
    let (app, _, _, pairs) = programme(1).await;
    for user in [app.member, pairs[0].mentor] {
        let reply = app.run(user, "digest", &[]).await;
        assert!(reply.ephemeral());
        assert!(
            reply.content().contains("Only moderators"),
            "{}",
            reply.content()
        );
        assert!(reply.embeds().is_empty());
    }
    let export = app.run(app.member, "export", &[]).await;
    assert!(
        export.content().contains("/mydata export"),
        "{}",
        export.content()
    );
}

#[tokio::test]
async fn the_export_gives_moderators_csv_files_that_parse_with_one_row_per_pair() {
    let (app, _, moderator, pairs) = programme(2).await;
    app.clock.set(start_time() + Days::days(3));
    talk(&app, pairs[0]).await;
    let meet = app
        .sim
        .command(app.guild.id, pairs[0].mentee, "meet")
        .opt("minutes", 40)
        .in_channel(pairs[0].channel)
        .run()
        .await;
    assert!(!meet.ephemeral());

    let reply = app.run(moderator, "export", &[]).await;
    assert!(reply.ephemeral());
    let names: Vec<&str> = reply.data["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["filename"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "members.csv",
            "pairs.csv",
            "checkins.csv",
            "pulse.csv",
            "activity.csv"
        ]
    );
    let table = |i: usize| -> Vec<csv::StringRecord> {
        let bytes = app.sim.attachment(&reply.data, i).expect("file bytes");
        csv::Reader::from_reader(bytes.as_slice())
            .records()
            .collect::<Result<_, _>>()
            .expect("valid CSV")
    };
    assert_eq!(table(0).len(), 4, "two mentors and two mentees");
    let pairs_csv = table(1);
    assert_eq!(pairs_csv.len(), 2);
    assert_eq!(&pairs_csv[0][0], pairs[0].id.to_string().as_str());
    assert_eq!(&pairs_csv[0][3], "active");
    assert_eq!(&pairs_csv[0][9], "1", "messages");
    assert_eq!(&pairs_csv[0][10], "1", "meetings");
    let activity = table(4);
    assert_eq!(activity.len(), 1);
    assert_eq!(&activity[0][0], "2026-11-23", "weeks start on Monday");
    assert_eq!(
        (&activity[0][2], &activity[0][3], &activity[0][4]),
        ("1", "1", "40")
    );
    let audit = app.db().await.audit_entries(app.guild.id, 5).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "export" && e.actor_id == Some(moderator)));
}

#[tokio::test]
async fn the_command_line_writes_the_digest_chart_and_csv_files_for_operators() {
    let (app, _, _, pairs) = programme(2).await;
    talk(&app, pairs[0]).await;
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("chart.png");
    let guild = app.guild.id.to_string();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(args)
            .env("TANDEM__DATABASE__URL", &app.settings.database.url)
            .env_remove("DISCORD_TOKEN")
            .output()
            .unwrap()
    };
    let digest = run(&["digest", "--guild", &guild, "--png", png.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&digest.stdout);
    assert!(
        digest.status.success(),
        "{}",
        String::from_utf8_lossy(&digest.stderr)
    );
    assert!(stdout.starts_with("# Mentoring digest"), "{stdout}");
    assert!(stdout.contains("| Active pairs |"), "{stdout}");
    assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");

    let out = dir.path().join("export");
    let export = run(&["export", "--guild", &guild, "--out", out.to_str().unwrap()]);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    for name in [
        "members.csv",
        "pairs.csv",
        "checkins.csv",
        "pulse.csv",
        "activity.csv",
    ] {
        assert!(out.join(name).exists(), "{name}");
    }

    let unknown = run(&["digest", "--guild", "42"]);
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("server 42 is not in this database"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
}

#[tokio::test]
async fn a_topic_written_as_a_spreadsheet_formula_reaches_the_csv_as_text() {
    let (app, _, moderator, _) = programme(1).await;
    let formula = "=HYPERLINK(\"http://ev.il\")";
    let enrolled = app
        .run(
            app.member,
            "enrol mentee",
            &[
                ("topics", serde_json::json!(format!("{formula}, @SUM(A1)"))),
                ("timezone", serde_json::json!("UTC")),
                ("goals", serde_json::json!("learn")),
            ],
        )
        .await;
    assert!(enrolled.text().contains("mentee"), "{}", enrolled.text());
    let reply = app.run(moderator, "export", &[]).await;
    let bytes = app.sim.attachment(&reply.data, 0).expect("members.csv");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(bytes.as_slice())
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    let row = rows
        .iter()
        .find(|r| &r[0] == app.member.to_string().as_str())
        .expect("the member's row");
    let topics = &row[3];
    assert!(topics.starts_with('\''), "{topics}");
    assert!(topics.contains("=hyperlink"), "the words stay: {topics}");
    for record in &rows {
        for cell in record {
            let runs = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!runs, "a cell a spreadsheet would run: {cell:?}");
        }
    }
}
