//! The built binary, as an operator runs it.

use std::process::Command;

fn tandem() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tandem"));
    c.env_remove("DISCORD_TOKEN")
        .env_remove("TANDEM__DISCORD__TOKEN")
        .env_remove("RUST_LOG");
    c
}

#[test]
fn help_lists_every_command() {
    let out = tandem().arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for cmd in [
        "run",
        "migrate",
        "migrate-db",
        "check-config",
        "backup",
        "demo",
        "digest",
        "export",
        "report",
    ] {
        assert!(text.contains(cmd), "{cmd} missing from:\n{text}");
    }
}

#[test]
fn check_config_without_a_token_fails_with_one_line_naming_discord_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = tandem()
        .current_dir(dir.path())
        .arg("check-config")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("DISCORD_TOKEN"), "{err}");
}

#[test]
fn check_config_with_a_token_passes_and_never_prints_it() {
    let out = tandem()
        .env("DISCORD_TOKEN", "MTIz.secret-value.xyz")
        .arg("check-config")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("secret-value"), "{all}");
}

#[test]
fn run_without_a_token_exits_with_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = tandem()
        .current_dir(dir.path())
        .arg("run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("DISCORD_TOKEN") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn migrate_creates_the_database_from_the_environment_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/tandem.db");
    let out = tandem()
        .env(
            "TANDEM__DATABASE__URL",
            format!("sqlite://{}", db.display()),
        )
        .arg("migrate")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.is_file());
}

#[test]
fn a_bad_config_file_value_is_reported_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tandem.toml");
    std::fs::write(&file, "[discord]\napi_url = \"discord.com\"\n").unwrap();
    let out = tandem()
        .env("DISCORD_TOKEN", "abc")
        .arg("--config")
        .arg(&file)
        .arg("check-config")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("discord.api_url"), "{err}");
}

#[test]
fn backup_writes_a_usable_copy_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
    let out = dir.path().join("backups/copy.db");
    let backup = || {
        tandem()
            .env("TANDEM__DATABASE__URL", &url)
            .arg("backup")
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap()
    };
    let first = backup();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"SQLite format 3"),
        "a SQLite database file"
    );
    let second = backup();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists"));
}

#[cfg(feature = "demo")]
#[test]
fn the_demo_needs_no_token_and_writes_a_digest_with_red_pairs_and_its_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let run = tandem()
        .current_dir(dir.path())
        .args(["demo", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("week 9 of 9"),
        "progress is shown: {stdout}"
    );
    assert!(
        stdout.contains(out.to_str().unwrap()),
        "names its folder: {stdout}"
    );

    let digest = std::fs::read_to_string(out.join("digest.md")).unwrap();
    assert!(digest.starts_with("# Mentoring digest"), "{digest}");
    assert!(digest.contains("**Needs attention**"), "{digest}");
    assert!(digest.contains("no messages or meetings for"), "{digest}");
    assert!(
        !digest.contains("<@"),
        "mentions are shown as names: {digest}"
    );
    let png = std::fs::read(out.join("digest.png")).unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
    let posted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("digest-message.json")).unwrap())
            .unwrap();
    // The chart of a scheduled digest is named by its date (also its mark on Discord).
    let chart = posted["posted_to_discord"]["attachments"][0]["filename"]
        .as_str()
        .unwrap_or_default();
    assert!(
        chart.starts_with("digest-") && chart.ends_with(".png"),
        "{chart}"
    );

    // The 8-week cycle's impact report, as the moderators got it a week after its end.
    let report = std::fs::read_to_string(out.join("impact-autumn-cohort.md")).unwrap();
    assert!(
        report.starts_with("# Autumn cohort: impact report\n\n"),
        "{report}"
    );
    for part in [
        "· 8 weeks",
        "- Finished as planned: ",
        "- Went quiet: 1",
        "The exit survey averaged **",
        "### What worked",
    ] {
        assert!(report.contains(part), "{part} in {report}");
    }
    let png = std::fs::read(out.join("impact-autumn-cohort.png")).unwrap();
    let page = image::load_from_memory(&png).unwrap();
    assert_eq!((page.width(), page.height()), (1240, 1754));
    let csv = std::fs::read_to_string(out.join("impact-autumn-cohort.csv")).unwrap();
    assert!(csv.lines().any(|l| l == "outcome,inactive,,1"), "{csv}");

    // `tandem report` makes it again from the database alone (no token), and says plainly
    // when there is no such cycle.
    let guild = stdout
        .split("--guild ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the demo names its server");
    let again = dir.path().join("again");
    let db_url = format!("sqlite://{}/tandem-demo.db", out.display());
    let run = tandem()
        .env("TANDEM__DATABASE__URL", &db_url)
        .args(["report", "--guild", guild, "--out", again.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let made = std::fs::read_to_string(again.join("impact-autumn-cohort.md")).unwrap();
    let glance = |md: &str| md.split("## Week by week").next().unwrap().to_string();
    assert_eq!(glance(&made), glance(&report));
    assert!(again.join("impact-autumn-cohort.png").is_file());
    assert!(again.join("impact-autumn-cohort.csv").is_file());
    let run = tandem()
        .env("TANDEM__DATABASE__URL", &db_url)
        .args(["report", "--guild", guild, "--cycle", "99", "--out"])
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("has no cycle 99"), "{err}");
    assert!(!dir.path().join("none").exists(), "nothing written");
}

/// `tandem run` as a child process against `sim`, with its database in `dir`.
pub(crate) fn bot_process(sim: &discord_sim::Sim, dir: &std::path::Path) -> Command {
    let mut c = tandem();
    c.env("DISCORD_TOKEN", sim.token())
        .env("TANDEM__DISCORD__API_URL", sim.url())
        .env(
            "TANDEM__DATABASE__URL",
            format!("sqlite://{}/tandem.db", dir.display()),
        )
        .env("NO_PROXY", "127.0.0.1,localhost")
        .arg("run")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    c
}

/// Waits up to `limit` for `child` to exit by itself (killing it otherwise); returns its
/// exit code and what it wrote to stderr.
pub(crate) async fn exit_within(
    mut child: std::process::Child,
    limit: std::time::Duration,
) -> (Option<i32>, String) {
    let deadline = std::time::Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?} (connected but not answering?):\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_rejected_token_ends_the_process_at_once_with_a_clear_line() {
    let sim = discord_sim::Sim::start().await;
    sim.create_guild("Club");
    let dir = tempfile::tempdir().unwrap();
    let child = bot_process(&sim, dir.path())
        .env("DISCORD_TOKEN", "not-the-token")
        .spawn()
        .unwrap();
    let (code, err) = exit_within(child, std::time::Duration::from_secs(20)).await;
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("token"), "{err}");
    assert!(
        !err.contains("not-the-token"),
        "the token is never printed: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[tokio::test]
async fn disallowed_intents_end_the_process_at_once_with_a_clear_line() {
    let sim = discord_sim::Sim::start().await;
    sim.create_guild("Club");
    // GUILD_MESSAGES: what the bot asks for to count messages.
    sim.refuse_intents(1 << 9);
    let dir = tempfile::tempdir().unwrap();
    let child = bot_process(&sim, dir.path()).spawn().unwrap();
    let (code, err) = exit_within(child, std::time::Duration::from_secs(20)).await;
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("intent"), "{err}");
}

#[tokio::test]
async fn a_guild_id_of_a_server_the_bot_is_not_in_ends_the_process_naming_the_setting() {
    let sim = discord_sim::Sim::start().await;
    sim.create_guild("Club");
    let dir = tempfile::tempdir().unwrap();
    let child = bot_process(&sim, dir.path())
        .env("TANDEM__DISCORD__GUILD_ID", "123456789012345678")
        .spawn()
        .unwrap();
    let (code, err) = exit_within(child, std::time::Duration::from_secs(20)).await;
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("discord.guild_id 123456789012345678")
            && err.contains("the bot is not in that server"),
        "{err}"
    );
}

#[tokio::test]
async fn commands_that_cannot_be_registered_end_the_process_so_a_supervisor_restarts_it() {
    let sim = discord_sim::Sim::start().await;
    sim.create_guild("Club");
    sim.inject_fault(
        Some("PUT"),
        "/commands",
        discord_sim::FaultKind::ServerError { status: 500 },
        1000,
    );
    let dir = tempfile::tempdir().unwrap();
    let child = bot_process(&sim, dir.path()).spawn().unwrap();
    let (code, err) = exit_within(child, std::time::Duration::from_secs(40)).await;
    assert_eq!(code, Some(1), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.contains("could not register the slash commands"),
        "{err}"
    );
}

#[tokio::test]
async fn a_gateway_that_closes_with_authentication_failed_ends_the_process() {
    let sim = discord_sim::Sim::start().await;
    sim.create_guild("Club");
    let dir = tempfile::tempdir().unwrap();
    let child = bot_process(&sim, dir.path()).spawn().unwrap();
    assert!(sim.wait_connected(std::time::Duration::from_secs(20)).await);
    // Discord revokes the token of a connected bot (it was reset in the portal): 4004.
    sim.close_gateway(4004);
    let (code, err) = exit_within(child, std::time::Duration::from_secs(20)).await;
    assert_eq!(code, Some(1), "{err}");
    assert!(err.to_lowercase().contains("authentication"), "{err}");
}

#[test]
fn every_database_subcommand_refuses_a_database_url_it_cannot_use_and_creates_nothing() {
    // `migrate` once printed "Database ready" for a URL it could not use and exited 0, while
    // `run` and `check-config` refused it. The refusal never echoes the URL's password.
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("copy.db");
    let out_dir = dir.path().join("csv");
    let cases: [Vec<&str>; 5] = [
        vec!["migrate"],
        vec!["backup", "--out", backup.to_str().unwrap()],
        vec!["digest", "--guild", "1"],
        vec!["export", "--guild", "1", "--out", out_dir.to_str().unwrap()],
        vec!["report", "--guild", "1", "--out", out_dir.to_str().unwrap()],
    ];
    for args in cases {
        let out = tandem()
            .current_dir(dir.path())
            .env(
                "TANDEM__DATABASE__URL",
                "mysql://tandem:hunter2@127.0.0.1/tandem",
            )
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded: {err}");
        assert!(err.contains("database.url"), "{args:?}: {err}");
        assert!(!err.contains("hunter2"), "{args:?}: {err}");
        assert!(
            !err.contains("DISCORD_TOKEN"),
            "{args:?} needs no token: {err}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "created {left:?}");
}

#[test]
fn the_token_is_refused_for_a_plain_http_api_url_off_this_machine() {
    let out = tandem()
        .env("DISCORD_TOKEN", "MTIz.secret-value.xyz")
        .env("TANDEM__DISCORD__API_URL", "http://10.1.2.3:8080")
        .arg("check-config")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("discord.api_url") && err.contains("https"),
        "{err}"
    );
    assert!(!err.contains("secret-value"), "{err}");
}
