//! `tandem migrate-db`, and the same community on both engines: a community seeded through the
//! store on SQLite and moved by the real binary reads the same on PostgreSQL, row for row, and
//! the same community seeded on each engine gives the same digest.

use std::process::{Command, Output};
use tandem::text::Locale;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use tandem::config::Settings;
use tandem::domain::guild::{ArchiveMode, GuildSettings};
use tandem::domain::member::{Profile, ProfileInput, Role, Status};
use tandem::domain::pair::{EndReason, Pair};
use tandem::domain::schedule::{Kind, NewOccurrence};
use tandem::domain::shard::ShardPlan;
use tandem::domain::survey::CheckinAnswer;
use tandem::store::{AuditEntry, Db, Engine, Lease, Ticket};

use crate::database::{postgres_server, raw_pool, TestDatabase, POSTGRES_ENV};
use crate::support::{Dump, Dumper};

const GUILD: u64 = 1_100_000_000_000_000_001;
/// A server that removed the bot.
const GONE: u64 = 1_100_000_000_000_000_002;
const MODERATOR: u64 = 1_200_000_000_000_000_900;

fn user(n: u64) -> u64 {
    1_200_000_000_000_000_000 + n
}

fn channel(n: u64) -> u64 {
    1_300_000_000_000_000_000 + n
}

/// Monday of the community's first week.
fn week0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn entry(action: &str, at: DateTime<Utc>) -> AuditEntry {
    AuditEntry {
        guild_id: GUILD,
        actor_id: Some(MODERATOR),
        action: action.into(),
        target_id: None,
        detail: Some("seeded".into()),
        at,
    }
}

/// A server with a few months' worth of everything: settings, members in every state, pairs
/// active, paused and ended, goals, three weeks of check-ins (answered, late, missed), pulse
/// rounds, messages, meetings, kudos, matching previews, failed and retried sends, a server
/// that left. Written through the store, as the bot writes it, the same on either engine.
async fn seed_community(db: &Db) {
    let t0 = week0();
    let mut settings = GuildSettings::new(GUILD);
    settings.digest_channel_id = Some(channel(1));
    settings.moderator_role_id = Some(channel(900));
    settings.pair_category_id = Some(channel(2));
    settings.timezone = chrono_tz::Tz::Europe__Berlin;
    settings.require_mentor_approval = false;
    settings.archive_mode = ArchiveMode::Delete;
    settings.anonymity_min = Some(3);
    settings.bot_language = Some(Locale::Es);
    db.save_guild_settings(&settings, &entry("settings.update", t0 - Duration::days(8)))
        .await
        .unwrap();
    db.add_pair_category(GUILD, channel(3), 2).await.unwrap();

    let people = [
        (1, Role::Mentor, Status::Active),
        (2, Role::Mentor, Status::Active),
        (3, Role::Mentor, Status::Pending),
        (11, Role::Mentee, Status::Active),
        (12, Role::Mentee, Status::Active),
        (13, Role::Mentee, Status::Active),
        (14, Role::Mentee, Status::Active),
        (15, Role::Mentee, Status::Withdrawn),
        (16, Role::Mentee, Status::Active),
        (17, Role::Mentee, Status::Active),
        (18, Role::Mentee, Status::Active),
        (19, Role::Mentee, Status::Active),
    ];
    for (n, role, status) in people {
        let input = ProfileInput {
            topics: Some("rust, sql".into()),
            timezone: Some("Europe/Berlin".into()),
            capacity: (role == Role::Mentor).then_some(2),
            goals: (role == Role::Mentee).then(|| "ship a project".into()),
            about: Some("Backend dev, it's fun \\o/".into()),
            ..Default::default()
        };
        let enrolled = t0 - Duration::days(7) + Duration::minutes(n as i64);
        let profile = Profile::new(GUILD, user(n), role, status, &input, "en", enrolled).unwrap();
        db.save_profile(&profile, &entry("member.enrol", enrolled))
            .await
            .unwrap();
    }
    // The pending mentor answered the server's application question.
    let asked = vec!["Why do you want to mentor?".to_string()];
    db.set_application_questions(GUILD, &asked, &entry("settings.questions", t0))
        .await
        .unwrap();
    let answers = [(asked[0].clone(), "I like helping".to_string())];
    assert!(db
        .save_application_answers(GUILD, user(3), &answers, t0)
        .await
        .unwrap());
    // A mentee raised a problem, and a moderator read it.
    let filed = db
        .file_report(
            &tandem::store::NewReport {
                guild_id: GUILD,
                reporter: user(12),
                pair_id: None,
                what: "We never manage to meet",
                contact: true,
                at: t0,
            },
            3,
        )
        .await
        .unwrap();
    let tandem::store::Filed::Stored(report) = filed else {
        panic!("the report was not stored: {filed:?}");
    };
    db.set_report_message(report, channel(1), channel(500))
        .await
        .unwrap();
    let read = entry("report.acknowledge", t0 + Duration::hours(1));
    db.acknowledge_report(report, &read).await.unwrap();
    // The guide: one resource, and a mentor who read it.
    db.add_resource(
        GUILD,
        "Mentor handbook",
        "https://example.com/handbook",
        tandem::domain::guide::ResourceAudience::Mentors,
        &AuditEntry {
            actor_id: Some(user(1)),
            ..entry("resource.add", t0)
        },
    )
    .await
    .unwrap();
    db.mark_oriented(GUILD, user(1), &entry("member.orient", t0))
        .await
        .unwrap();
    // Two of them use Discord in another language.
    for (n, l) in [(1, Locale::Es), (11, Locale::Fr)] {
        db.remember_locale(GUILD, user(n), l, t0).await.unwrap();
    }

    // A mentee asked privately not to be paired with someone.
    db.avoid(GUILD, user(14), user(3), &entry("member.avoid", t0))
        .await
        .unwrap();
    // A spring cycle runs; the pairs made below belong to it.
    let started = db
        .start_cycle(
            GUILD,
            "Spring",
            t0 + Duration::weeks(12),
            &AuditEntry {
                actor_id: Some(user(1)),
                ..entry("cycle.start", t0)
            },
        )
        .await
        .unwrap();
    let tandem::store::Started::Started { cycle, .. } = started else {
        panic!("no cycle started: {started:?}");
    };

    // a thrives, b pauses in week 2, c ends after week 1, d goes quiet.
    let mut pairs: Vec<Pair> = Vec::new();
    for (i, (mentor, mentee)) in [(1, 11), (1, 12), (2, 13), (2, 14)].into_iter().enumerate() {
        let pair = db
            .create_pair(GUILD, user(mentor), user(mentee), &entry("pair.create", t0))
            .await
            .unwrap()
            .unwrap();
        assert!(db
            .activate_pair(pair.id, channel(10 + i as u64))
            .await
            .unwrap());
        pairs.push(db.pair(pair.id).await.unwrap().unwrap());
    }
    let [a, b, c, d] = [0, 1, 2, 3].map(|i| pairs[i].clone());
    // Pair a would like to continue into the next cycle.
    assert_eq!(
        db.choose(
            cycle.id,
            a.id,
            tandem::domain::cycle::Choice::Continue,
            user(11),
            t0
        )
        .await
        .unwrap(),
        tandem::store::Chose::Saved
    );
    let due = NaiveDate::from_ymd_opt(2026, 11, 20);
    db.add_goal(&a, "ship a CLI", due, &entry("goal.add", t0))
        .await
        .unwrap();
    db.add_goal(&a, "write the tests", None, &entry("goal.add", t0))
        .await
        .unwrap();
    db.add_goal(
        &d,
        "read the book",
        NaiveDate::from_ymd_opt(2026, 11, 10),
        &entry("goal.add", t0),
    )
    .await
    .unwrap();
    db.finish_goal(&a, 1, &entry("goal.done", t0 + Duration::days(9)))
        .await
        .unwrap();

    // A peer circle of three, one of whom left it again (the other two carry on).
    let circle = db
        .create_space(
            GUILD,
            None,
            &[user(17), user(18), user(19)],
            &entry("pair.create", t0),
        )
        .await
        .unwrap()
        .unwrap();
    assert!(db.activate_pair(circle.id, channel(20)).await.unwrap());
    let left = db
        .leave_space(
            circle.id,
            user(18),
            t0 + Duration::days(3),
            &entry("pair.leave", t0),
        )
        .await
        .unwrap();
    assert!(matches!(left, tandem::store::Left::Left(_)), "{left:?}");
    // It finished that week, so the weeks after compare pairs alone.
    db.end_pair(
        circle.id,
        tandem::domain::pair::EndReason::Completed,
        &entry("pair.end", t0 + Duration::days(4)),
    )
    .await
    .unwrap();

    // The monthly availability question: mentor 1 chose a month's pause (their pairs go on).
    db.record_availability_ask(9_000, GUILD, user(1), t0)
        .await
        .unwrap();
    assert_eq!(
        db.answer_availability(
            GUILD,
            user(1),
            9_000,
            tandem::domain::availability::Answer::PauseMonth,
            &entry("mentor.availability", t0)
        )
        .await
        .unwrap(),
        tandem::store::Answered::Saved { was_paused: None }
    );

    let lease = Lease {
        holder: "shards 0-0 of 1".into(),
        length: Duration::minutes(5),
    };
    let ticket = |o: &tandem::domain::schedule::Occurrence| Ticket {
        holder: lease.holder.as_str(),
        attempts: o.attempts,
    };
    let questions = ["How is mentoring going?".to_string()];
    for week in 0..3 {
        let monday = t0 + Duration::weeks(week);
        let mut plan: Vec<NewOccurrence> = [&a, &b, &d]
            .iter()
            .chain((week == 0).then_some(&&c))
            .map(|p| NewOccurrence {
                guild_id: GUILD,
                kind: Kind::Checkin,
                target: p.id as u64,
                scheduled_for: monday,
                parent_id: None,
            })
            .collect();
        for (kind, hour) in [(Kind::Pulse, 1), (Kind::Digest, 2)] {
            plan.push(NewOccurrence {
                guild_id: GUILD,
                kind,
                target: GUILD,
                scheduled_for: monday + Duration::hours(hour),
                parent_id: None,
            });
        }
        db.plan(&plan).await.unwrap();
        let sent = monday + Duration::hours(3);
        let claimed = db
            .claim_due(sent, Duration::hours(24), 100, ShardPlan::all(1), &lease)
            .await
            .unwrap();
        assert_eq!(claimed.due.len(), plan.len(), "week {week}");
        for o in claimed.due {
            let message = Some((o.channel_id.unwrap_or(channel(1)), 5_000 + o.id as u64));
            match o.kind {
                Kind::Checkin => {
                    let reminder = NewOccurrence {
                        guild_id: GUILD,
                        kind: Kind::Reminder,
                        target: o.target,
                        scheduled_for: o.scheduled_for + Duration::hours(24),
                        parent_id: Some(o.id),
                    };
                    db.mark_sent(o.id, ticket(&o), sent, message, &[reminder])
                        .await
                        .unwrap();
                    let pair = pairs.iter().find(|p| p.id as u64 == o.target).unwrap();
                    if pair.id == a.id || (pair.id == b.id && week == 0) {
                        db.save_checkin_answer(
                            o.id,
                            pair,
                            pair.mentor_id.unwrap(),
                            &CheckinAnswer::Mood(4),
                            sent + Duration::hours(2),
                            false,
                        )
                        .await
                        .unwrap();
                        db.save_checkin_answer(
                            o.id,
                            pair,
                            pair.mentee_id.unwrap(),
                            &CheckinAnswer::Words {
                                progress: format!("week {week}: parser done"),
                                blockers: (week == 1).then(|| "time, 'as usual'".into()),
                                next_step: Some("tests".into()),
                            },
                            sent + Duration::hours(30),
                            true,
                        )
                        .await
                        .unwrap();
                    }
                }
                Kind::Pulse => {
                    let asked: Vec<NewOccurrence> = [1, 2, 11, 12, 13]
                        .map(|n| NewOccurrence {
                            guild_id: GUILD,
                            kind: Kind::PulseDm,
                            target: user(n),
                            scheduled_for: o.scheduled_for,
                            parent_id: Some(o.id),
                        })
                        .to_vec();
                    db.mark_sent(o.id, ticket(&o), sent, None, &asked)
                        .await
                        .unwrap();
                    db.start_pulse_round(o.id, GUILD, &questions, sent, Duration::hours(72))
                        .await
                        .unwrap();
                    for (n, score) in [(1, 5), (11, 4), (12, 3 + week as u8 % 2), (13, 2)] {
                        db.save_pulse_score(o.id, GUILD, user(n), score, sent + Duration::hours(1))
                            .await
                            .unwrap();
                    }
                    db.save_pulse_comment(o.id, user(11), "more pairing, please", sent)
                        .await
                        .unwrap();
                }
                // The digest: sent, then failed and retried, then failed for good.
                _ => match week {
                    0 => db
                        .mark_sent(o.id, ticket(&o), sent, message, &[])
                        .await
                        .unwrap(),
                    1 => db
                        .retry_later(
                            o.id,
                            ticket(&o),
                            sent + Duration::minutes(10),
                            "rate limited",
                        )
                        .await
                        .unwrap(),
                    _ => db
                        .mark_failed(o.id, ticket(&o), sent, "Missing Access")
                        .await
                        .unwrap(),
                },
            }
        }
        for day in 0..7 {
            let date = (monday + Duration::days(day)).date_naive();
            for (p, n) in [(&a, 2), (&b, u64::from(day % 2 == 0))] {
                for _ in 0..n {
                    db.count_message(p.channel_id.unwrap(), p.mentee_id.unwrap(), date)
                        .await
                        .unwrap();
                }
                db.count_message(p.channel_id.unwrap(), p.mentor_id.unwrap(), date)
                    .await
                    .unwrap();
            }
        }
        // A fraction of a second, so times are compared with their fractions.
        let held = monday + Duration::days(2) + Duration::milliseconds(250);
        db.record_meeting(&a, a.mentee_id.unwrap(), 45, Some("weekly call"), held)
            .await
            .unwrap();
        if week == 1 {
            let ended = db
                .end_pair(c.id, EndReason::Completed, &entry("pair.end", monday))
                .await
                .unwrap()
                .unwrap();
            db.save_exit_survey(&ended, user(13), 5, Some("clear goals"), None, monday)
                .await
                .unwrap();
            db.save_exit_survey(&ended, user(2), 4, None, Some("more time"), monday)
                .await
                .unwrap();
            db.pause_pair(b.id, t0 + Duration::weeks(5), &entry("pair.pause", monday))
                .await
                .unwrap();
        }
    }
    db.give_kudos(
        GUILD,
        user(11),
        user(1),
        "it's been great \\o/",
        channel(10),
        t0 + Duration::days(4),
        5,
    )
    .await
    .unwrap();
    db.mark_unreachable(d.channel_id.unwrap(), t0 + Duration::days(15), true)
        .await
        .unwrap()
        .unwrap();
    let preview = serde_json::json!({"proposals": [{"mentor_id": user(2), "mentee_id": user(16),
        "score": 71, "reasons": "both like rust"}]});
    let approved = db
        .save_suggestion(GUILD, MODERATOR, &preview, t0 + Duration::days(3))
        .await
        .unwrap();
    assert!(db.close_suggestion(approved, true).await.unwrap());
    db.save_suggestion(GUILD, MODERATOR, &preview, t0 + Duration::days(17))
        .await
        .unwrap();
    db.guild_departed(GONE, t0 + Duration::days(1))
        .await
        .unwrap();
}

/// `tandem migrate-db --to <to>` on the SQLite database at `from`, as an operator runs it.
fn migrate_db(from: &str, to: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .env("TANDEM__DATABASE__URL", from)
        .env_remove("DISCORD_TOKEN")
        .env_remove("TANDEM__DISCORD__TOKEN")
        .env_remove("RUST_LOG")
        .args(["migrate-db", "--to", to])
        .output()
        .unwrap()
}

fn printed(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `url` with a password in it, and that password: the server's own if its URL has one, else
/// a made-up one (the throwaway test server trusts local connections and ignores it), so the
/// test can look for it in what the command prints.
fn with_password(url: &str) -> (String, String) {
    let mut parsed = reqwest::Url::parse(url).unwrap();
    if let Some(password) = parsed.password() {
        return (url.to_string(), password.to_string());
    }
    let password = "s3cret-move-password";
    parsed.set_password(Some(password)).unwrap();
    (parsed.to_string(), password.to_string())
}

/// The dump of tandem's own tables (not sqlx's bookkeeping, whose checksums differ by engine,
/// nor SQLite's internal tables).
async fn tandem_rows(url: &str) -> Dump {
    let mut dump = Dumper::open(url).await.dump().await;
    dump.retain(|table, _| !table.starts_with("_sqlx") && !table.starts_with("sqlite_"));
    dump
}

/// Prints why a test needs PostgreSQL and gives the server, or `None` to skip.
fn postgres_or_skip() -> Option<String> {
    let server = postgres_server();
    if server.is_none() {
        println!("skipped: needs PostgreSQL ({POSTGRES_ENV} is not set)");
    }
    server
}

#[tokio::test]
async fn a_community_moved_from_sqlite_reads_the_same_on_postgresql_and_carries_on_there() {
    let Some(server) = postgres_or_skip() else {
        return;
    };
    let sqlite = TestDatabase::sqlite();
    let db = sqlite.open().await;
    seed_community(&db).await;
    // More audit rows than one batch holds, so the copy goes page by page.
    for i in 0..1_100 {
        db.record_audit(&entry("settings.view", week0() + Duration::seconds(i)))
            .await
            .unwrap();
    }
    db.close().await;
    let source = tandem_rows(&sqlite.url).await;
    let empty: Vec<&String> = source
        .iter()
        .filter(|(_, r)| r.is_empty())
        .map(|(t, _)| t)
        .collect();
    assert!(
        empty.is_empty(),
        "seed_community leaves {empty:?} without rows"
    );

    let target = TestDatabase::postgres(&server).await;
    let (to, password) = with_password(&target.url);
    let moved = migrate_db(&sqlite.url, &to);
    let stdout = String::from_utf8_lossy(&moved.stdout);
    assert!(moved.status.success(), "{}", printed(&moved));
    assert!(!printed(&moved).contains(&password), "{}", printed(&moved));
    let copied = tandem_rows(&target.url).await;

    assert_eq!(copied, source, "every row, as it was");
    // One line per table with its count, then the total.
    let total: usize = source.values().map(Vec::len).sum();
    for (table, rows) in &source {
        let line = match rows.len() {
            1 => format!("{table}: 1 row"),
            n => format!("{table}: {n} rows"),
        };
        assert!(
            stdout.lines().any(|l| l == line),
            "no {line:?} in:\n{stdout}"
        );
    }
    // The Dumper leaves out the request budget (pacing, not data); the move copies it too.
    assert!(
        stdout.lines().any(|l| l == "rate_budget: 0 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "Total: {total} rows in {} tables",
            source.len() + 1
        )),
        "{stdout}"
    );

    // The bot carries on there: new rows get new ids (the sequences were moved on).
    let pg = Db::connect(&target.url, 2).await.unwrap();
    let highest = |table: &str| {
        source[table]
            .iter()
            .map(|row| row.split('|').next().unwrap().parse::<i64>().unwrap())
            .max()
            .unwrap()
    };
    db_writes_after_the_copy(
        &pg,
        &target.url,
        [highest("pairs"), highest("audit_log"), highest("kudos")],
    )
    .await;
    pg.close().await;

    // A second move into the database, now holding the community, is refused and changes
    // nothing.
    let before = Dumper::open(&target.url).await.dump().await;
    let again = migrate_db(&sqlite.url, &to);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success(), "{}", printed(&again));
    assert!(
        err.contains("the PostgreSQL database is not empty") && err.contains("wrote nothing"),
        "{err}"
    );
    assert!(!printed(&again).contains(&password), "{}", printed(&again));
    assert_eq!(Dumper::open(&target.url).await.dump().await, before);
}

/// Writes through the store on the moved database: a pair (mentee 16 and mentor 2, who has
/// room), an audit entry and kudos, each with an id above the copied ones.
async fn db_writes_after_the_copy(pg: &Db, url: &str, [pairs, audit, kudos]: [i64; 3]) {
    let now = week0() + Duration::days(21);
    let pair = pg
        .create_pair(GUILD, user(2), user(16), &entry("pair.create", now))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pair.id, pairs + 1);
    pg.give_kudos(GUILD, user(16), user(2), "welcome", channel(10), now, 5)
        .await
        .unwrap();
    let newest = pg.audit_entries(GUILD, 1).await.unwrap();
    assert_eq!(newest[0].action, "pair.create");
    let raw = raw_pool(url).await;
    let ids: (i64, i64) =
        sqlx::query_as("SELECT (SELECT MAX(id) FROM audit_log), (SELECT MAX(id) FROM kudos)")
            .fetch_one(&raw)
            .await
            .unwrap();
    assert!(ids.0 > audit && ids.1 == kudos + 1, "{ids:?}");
}

#[tokio::test]
async fn a_value_that_cannot_be_copied_stops_the_move_and_leaves_postgresql_without_rows() {
    let Some(server) = postgres_or_skip() else {
        return;
    };
    let sqlite = TestDatabase::sqlite();
    let db = sqlite.open().await;
    seed_community(&db).await;
    db.close().await;
    // Pulse answers come after the tables they refer to, near the end: most tables are
    // copied by then, and none of it may stay.
    let raw = raw_pool(&sqlite.url).await;
    sqlx::query("UPDATE pulse_answers SET answered_at = 'last Tuesday' WHERE score = 2")
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;

    let target = TestDatabase::postgres(&server).await;
    let out = migrate_db(&sqlite.url, &target.url);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{}", printed(&out));
    assert!(err.contains("pulse_answers.answered_at"), "{err}");
    let left = tandem_rows(&target.url).await;
    let kept: Vec<&String> = left
        .iter()
        .filter(|(_, r)| !r.is_empty())
        .map(|(t, _)| t)
        .collect();
    assert!(kept.is_empty(), "rows left in {kept:?}");
    assert!(
        left.contains_key("audit_log"),
        "the schema is there: {left:?}"
    );
}

#[test]
fn a_source_that_is_not_sqlite_or_a_target_that_is_not_postgresql_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}/tandem.db", dir.path().display());
    let postgres = "postgres://tandem:hunter2@127.0.0.1:1/tandem";
    let cases = [
        (postgres, postgres, "moves a SQLite database"),
        (
            sqlite.as_str(),
            "sqlite://copy.db",
            "--to must be a PostgreSQL database URL",
        ),
        (
            sqlite.as_str(),
            "mysql://tandem:hunter2@127.0.0.1/tandem",
            "--to must be a PostgreSQL database URL",
        ),
        (sqlite.as_str(), postgres, "there is no SQLite database at"),
    ];
    for (from, to, why) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .current_dir(dir.path())
            .env("TANDEM__DATABASE__URL", from)
            .env_remove("DISCORD_TOKEN")
            .env_remove("RUST_LOG")
            .args(["migrate-db", "--to", to])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{from} -> {to}: {}", printed(&out));
        assert_eq!(err.lines().count(), 1, "{from} -> {to}: {err}");
        assert!(err.contains(why), "{from} -> {to}: {err}");
        assert!(!printed(&out).contains("hunter2"), "{}", printed(&out));
        assert!(out.stdout.is_empty(), "{from} -> {to}: {}", printed(&out));
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "created {left:?}");
}

#[tokio::test]
async fn the_same_community_gives_the_same_digest_on_sqlite_and_on_postgresql() {
    let Some(server) = postgres_or_skip() else {
        return;
    };
    let settings = Settings::defaults();
    // Saturday of the third week: pairs of every health, pulse rounds closed.
    let now = week0() + Duration::days(19);
    let weeks = tandem::digest::DEFAULT_WEEKS;
    let mut digests = Vec::new();
    for database in [
        TestDatabase::sqlite(),
        TestDatabase::postgres(&server).await,
    ] {
        let db = database.open().await;
        seed_community(&db).await;
        let guild = db.guild_settings(GUILD).await.unwrap().unwrap();
        let report = tandem::digest::build(&db, &settings, &guild, now, weeks)
            .await
            .unwrap();
        let markdown = tandem::digest::digest_to_files(&db, &settings, GUILD, now, weeks, None)
            .await
            .unwrap();
        digests.push((db.engine(), report, markdown));
        db.close().await;
    }
    let engines: Vec<Engine> = digests.iter().map(|d| d.0).collect();
    assert_eq!(engines, [Engine::Sqlite, Engine::Postgres]);
    let (sqlite, postgres) = (&digests[0], &digests[1]);
    // Numbers worth comparing: a week with messages, answers and a pulse, pairs assessed.
    let week = sqlite.1.last_week();
    assert!(week.answers > 0 && week.median_messages > 0.0, "{week:?}");
    assert!(week.pulse.is_some(), "{week:?}");
    assert!(sqlite.1.health.len() >= 2, "{:?}", sqlite.1.health);
    assert_eq!(sqlite.1, postgres.1);
    assert_eq!(sqlite.2, postgres.2);
}
