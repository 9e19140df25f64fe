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
        "check-config",
        "backup",
        "demo",
        "digest",
        "export",
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
    assert_eq!(
        posted["posted_to_discord"]["attachments"][0]["filename"],
        "digest.png"
    );
}
