//! Store tests on the real migrations.

use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Tz;
use sqlx::SqlitePool;

use crate::database::fresh_db;
use tandem::domain::guild::GuildSettings;
use tandem::domain::member::{Profile, ProfileInput, Role, Status};
use tandem::domain::pair::{EndReason, PairStatus};
use tandem::store::privacy::{is_user_column, USER_DATA};
use tandem::store::{AuditEntry, Db, GoalDone, Load, PairRefusal, StatusChange};

fn entry(guild: u64, action: &str) -> AuditEntry {
    AuditEntry {
        guild_id: guild,
        actor_id: Some(7),
        action: action.into(),
        target_id: None,
        detail: None,
        at: Utc::now(),
    }
}

#[tokio::test]
async fn guild_settings_round_trip_and_update_in_place() {
    let db = fresh_db().await;
    assert_eq!(db.guild_settings(1).await.unwrap(), None);
    let mut s = GuildSettings::new(1);
    s.digest_channel_id = Some(11);
    s.timezone = Tz::Asia__Tokyo;
    db.save_guild_settings(&s, &entry(1, "settings.update"))
        .await
        .unwrap();
    assert_eq!(db.guild_settings(1).await.unwrap(), Some(s.clone()));

    s.moderator_role_id = Some(22);
    db.save_guild_settings(&s, &entry(1, "settings.update"))
        .await
        .unwrap();
    assert_eq!(db.guild_settings(1).await.unwrap(), Some(s));
    assert_eq!(db.audit_entries(1, 10).await.unwrap().len(), 2);
}

#[tokio::test]
async fn settings_and_audit_entries_of_one_server_do_not_leak_into_another() {
    let db = fresh_db().await;
    db.save_guild_settings(&GuildSettings::new(1), &entry(1, "settings.update"))
        .await
        .unwrap();
    assert_eq!(db.guild_settings(2).await.unwrap(), None);
    assert!(db.audit_entries(2, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn connecting_creates_the_database_file_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/tandem.db");
    let db = Db::connect(&format!("sqlite://{}", path.display()), 2)
        .await
        .unwrap();
    let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .unwrap()
        .count();
    assert_eq!(db.migrate().await.unwrap(), shipped);
    assert_eq!(
        db.migrate().await.unwrap(),
        0,
        "migrating twice changes nothing"
    );
    db.close().await;
    assert!(path.is_file());
}

fn profile(guild: u64, user: u64, role: Role, status: Status, minutes: i64) -> Profile {
    let input = ProfileInput {
        topics: Some("rust, sql".into()),
        timezone: Some("Europe/Berlin".into()),
        goals: (role == Role::Mentee).then(|| "learn".to_string()),
        ..Default::default()
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::minutes(minutes);
    Profile::new(guild, user, role, status, &input, "en", at).unwrap()
}

#[tokio::test]
async fn a_saved_profile_reads_back_whole_and_saving_again_replaces_it() {
    let db = fresh_db().await;
    let p = profile(1, 10, Role::Mentee, Status::Active, 0);
    assert_eq!(
        db.save_profile(&p, &entry(1, "member.enrol"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.profile(1, 10, Role::Mentee).await.unwrap(),
        Some(p.clone())
    );
    assert_eq!(db.profile(1, 10, Role::Mentor).await.unwrap(), None);

    let mut changed = p.clone();
    changed.topics = vec!["go".into()];
    changed.status = Status::Withdrawn;
    let before = db
        .save_profile(&changed, &entry(1, "member.update"))
        .await
        .unwrap();
    assert_eq!(
        before,
        Some(Status::Active),
        "the previous status is returned"
    );
    assert_eq!(db.profiles_of(1, 10).await.unwrap(), vec![changed]);
}

#[tokio::test]
async fn profiles_of_a_person_list_mentor_before_mentee_and_only_in_that_server() {
    let db = fresh_db().await;
    for p in [
        profile(1, 10, Role::Mentee, Status::Active, 0),
        profile(1, 10, Role::Mentor, Status::Pending, 1),
        profile(2, 10, Role::Mentee, Status::Active, 2),
    ] {
        db.save_profile(&p, &entry(p.guild_id, "member.enrol"))
            .await
            .unwrap();
    }
    let roles: Vec<Role> = db
        .profiles_of(1, 10)
        .await
        .unwrap()
        .iter()
        .map(|p| p.role)
        .collect();
    assert_eq!(roles, [Role::Mentor, Role::Mentee]);
}

#[tokio::test]
async fn a_status_change_applies_only_from_the_expected_states_and_is_audited() {
    let db = fresh_db().await;
    db.save_profile(
        &profile(1, 10, Role::Mentor, Status::Pending, 0),
        &entry(1, "member.enrol"),
    )
    .await
    .unwrap();
    let approve = |db: Db| async move {
        db.change_status(
            1,
            10,
            Role::Mentor,
            &[Status::Pending],
            Status::Active,
            &entry(1, "member.approve"),
        )
        .await
        .unwrap()
    };
    assert_eq!(
        approve(db.clone()).await,
        StatusChange::Changed {
            from: Status::Pending
        }
    );
    assert_eq!(
        approve(db.clone()).await,
        StatusChange::Refused {
            current: Status::Active
        },
        "pressing twice changes nothing"
    );
    let missing = db
        .change_status(
            1,
            99,
            Role::Mentor,
            &[Status::Pending],
            Status::Active,
            &entry(1, "member.approve"),
        )
        .await
        .unwrap();
    assert_eq!(missing, StatusChange::Missing);
    let actions: Vec<String> = db
        .audit_entries(1, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["member.approve", "member.enrol"],
        "only real changes are audited"
    );
}

#[tokio::test]
async fn counts_group_by_role_and_status_and_waiting_lists_put_the_longest_wait_first() {
    let db = fresh_db().await;
    for p in [
        profile(1, 10, Role::Mentee, Status::Active, 30),
        profile(1, 11, Role::Mentee, Status::Active, 10),
        profile(1, 12, Role::Mentee, Status::Withdrawn, 0),
        profile(1, 13, Role::Mentor, Status::Pending, 5),
        profile(2, 14, Role::Mentee, Status::Active, 0),
    ] {
        db.save_profile(&p, &entry(p.guild_id, "member.enrol"))
            .await
            .unwrap();
    }
    let mut counts = db.member_counts(1).await.unwrap();
    counts.sort_by_key(|(r, s, _)| (r.as_str(), s.as_str()));
    assert_eq!(
        counts,
        [
            (Role::Mentee, Status::Active, 2),
            (Role::Mentee, Status::Withdrawn, 1),
            (Role::Mentor, Status::Pending, 1),
        ]
    );
    let waiting: Vec<u64> = db
        .members_with_status(1, Role::Mentee, Status::Active)
        .await
        .unwrap()
        .iter()
        .map(|p| p.user_id)
        .collect();
    assert_eq!(waiting, [11, 10]);
}

#[tokio::test]
async fn export_and_erase_touch_only_that_person_in_that_server() {
    let db = fresh_db().await;
    for p in [
        profile(1, 10, Role::Mentee, Status::Active, 0),
        profile(1, 11, Role::Mentee, Status::Active, 0),
        profile(2, 10, Role::Mentee, Status::Active, 0),
    ] {
        let mut e = entry(p.guild_id, "member.enrol");
        e.actor_id = Some(p.user_id);
        // The bare id in someone else's text is not a mention of the person.
        e.detail = Some(format!("{} topics, edition 2010", p.user_id));
        db.save_profile(&p, &e).await.unwrap();
    }
    let export = db.export_user(1, 10).await.unwrap();
    assert_eq!(export["members"].as_array().unwrap().len(), 1);
    assert_eq!(export["members"][0]["user_id"], 10);
    assert_eq!(export["audit_log"].as_array().unwrap().len(), 1);

    let erased = AuditEntry {
        actor_id: None,
        ..entry(1, "mydata.delete")
    };
    let counts = db.erase_user(1, 10, &erased).await.unwrap();
    assert_eq!((counts.deleted, counts.detached), (1, 1));
    let after = db.export_user(1, 10).await.unwrap();
    assert!(after["members"].as_array().unwrap().is_empty());
    assert!(after["audit_log"].as_array().unwrap().is_empty());
    assert_eq!(db.profiles_of(1, 11).await.unwrap().len(), 1, "others stay");
    assert_eq!(
        db.profiles_of(2, 10).await.unwrap().len(),
        1,
        "other servers stay"
    );
}

#[tokio::test]
async fn every_column_that_names_a_person_is_covered_by_export_and_erasure() {
    let db = fresh_db().await;
    let schema = db.schema_columns().await.unwrap();
    let covered = |t: &str, c: &str| USER_DATA.iter().any(|u| u.table == t && u.column == c);
    let forgotten: Vec<String> = schema
        .iter()
        .filter(|(t, c)| is_user_column(c) && !covered(t, c))
        .map(|(t, c)| format!("{t}.{c}"))
        .collect();
    assert!(
        forgotten.is_empty(),
        "add to privacy::USER_DATA: {forgotten:?}"
    );
    for u in USER_DATA {
        assert!(
            schema.iter().any(|(t, c)| t == u.table && c == u.column),
            "{}.{} is listed but not in the schema",
            u.table,
            u.column
        );
        assert!(
            schema.iter().any(|(t, c)| t == u.table && c == "guild_id"),
            "{} needs a guild_id so erasure stays in one server",
            u.table
        );
    }
}

async fn enrolled(db: &Db, guild: u64, user: u64, role: Role) {
    db.save_profile(
        &profile(guild, user, role, Status::Active, 0),
        &entry(guild, "member.enrol"),
    )
    .await
    .unwrap();
}

/// A mentor and a mentee of server 1, enrolled and paired (pending until activated).
async fn paired(db: &Db, mentor: u64, mentee: u64) -> tandem::domain::pair::Pair {
    enrolled(db, 1, mentor, Role::Mentor).await;
    enrolled(db, 1, mentee, Role::Mentee).await;
    db.create_pair(1, mentor, mentee, &entry(1, "pair.create"))
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_pair_needs_active_people_and_a_free_place_and_ending_frees_it() {
    let db = fresh_db().await;
    enrolled(&db, 1, 10, Role::Mentor).await;
    enrolled(&db, 1, 20, Role::Mentee).await;
    enrolled(&db, 1, 21, Role::Mentee).await;
    let create = |mentee: u64| {
        let db = db.clone();
        async move {
            let created = db
                .create_pair(1, 10, mentee, &entry(1, "pair.create"))
                .await
                .unwrap();
            if let Ok(pair) = &created {
                assert_eq!(pair.status, PairStatus::Pending);
                assert!(db
                    .activate_pair(pair.id, 1000 + pair.id as u64)
                    .await
                    .unwrap());
            }
            created
        }
    };
    assert_eq!(create(99).await, Err(PairRefusal::NotActive(Role::Mentee)));
    let pair = create(20).await.unwrap();
    assert_eq!(
        create(20).await,
        Err(PairRefusal::MentorFull { capacity: 1 })
    );
    assert_eq!(
        create(21).await,
        Err(PairRefusal::MentorFull { capacity: 1 })
    );
    let waiting: Vec<u64> = db
        .waiting_mentees(1)
        .await
        .unwrap()
        .iter()
        .map(|p| p.user_id)
        .collect();
    assert_eq!(waiting, [21]);
    assert_eq!(
        db.mentor_loads(1).await.unwrap()[&10],
        Load {
            capacity: 1,
            open: 1
        }
    );

    let ended = db
        .end_pair(pair.id, EndReason::Completed, &entry(1, "pair.end"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ended.status, PairStatus::Ended);
    assert!(db
        .end_pair(pair.id, EndReason::Other, &entry(1, "pair.end"))
        .await
        .unwrap()
        .is_none());
    assert!(create(21).await.is_ok(), "the place is free again");
    assert_eq!(
        create(21).await,
        Err(PairRefusal::MentorFull { capacity: 1 })
    );
    assert!(db.previous_pairs(1).await.unwrap().contains(&(10, 20)));
}

#[tokio::test]
async fn a_lost_channel_breaks_its_pair_only_once() {
    let db = fresh_db().await;
    let pair = paired(&db, 10, 20).await;
    db.activate_pair(pair.id, 555).await.unwrap();
    let broken = db.mark_broken(555, Utc::now()).await.unwrap().unwrap();
    assert_eq!(broken.status, PairStatus::Broken);
    assert!(db.mark_broken(555, Utc::now()).await.unwrap().is_none());
    assert!(db.open_pairs(1).await.unwrap().is_empty());
}

#[tokio::test]
async fn goals_are_numbered_per_pair_and_finished_once() {
    let db = fresh_db().await;
    enrolled(&db, 1, 10, Role::Mentor).await;
    enrolled(&db, 1, 20, Role::Mentee).await;
    enrolled(&db, 1, 21, Role::Mentee).await;
    let mut mentor = profile(1, 10, Role::Mentor, Status::Active, 0);
    mentor.capacity = Some(2);
    db.save_profile(&mentor, &entry(1, "member.update"))
        .await
        .unwrap();
    let a = db
        .create_pair(1, 10, 20, &entry(1, "pair.create"))
        .await
        .unwrap()
        .unwrap();
    let b = db
        .create_pair(1, 10, 21, &entry(1, "pair.create"))
        .await
        .unwrap()
        .unwrap();
    db.activate_pair(a.id, 601).await.unwrap();
    db.activate_pair(b.id, 602).await.unwrap();
    let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    assert_eq!(
        db.add_goal(&a, "one", None, &entry(1, "goal.add"))
            .await
            .unwrap()
            .number,
        1
    );
    assert_eq!(
        db.add_goal(&a, "two", due, &entry(1, "goal.add"))
            .await
            .unwrap()
            .number,
        2
    );
    assert_eq!(
        db.add_goal(&b, "other", None, &entry(1, "goal.add"))
            .await
            .unwrap()
            .number,
        1
    );
    assert!(matches!(
        db.finish_goal(&a, 1, &entry(1, "goal.done")).await.unwrap(),
        GoalDone::Done(_)
    ));
    assert!(matches!(
        db.finish_goal(&a, 1, &entry(1, "goal.done")).await.unwrap(),
        GoalDone::AlreadyDone(_)
    ));
    assert_eq!(
        db.finish_goal(&a, 7, &entry(1, "goal.done")).await.unwrap(),
        GoalDone::Missing
    );
    let titles: Vec<String> = db
        .goals(a.id)
        .await
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    assert_eq!(titles, ["two", "one"], "open goals first");
}

#[tokio::test]
async fn erasing_a_person_detaches_them_from_pairs_and_drops_previews_naming_them() {
    let db = fresh_db().await;
    let pair = paired(&db, 10, 20).await;
    db.activate_pair(pair.id, 603).await.unwrap();
    db.end_pair(pair.id, EndReason::Completed, &entry(1, "pair.end"))
        .await
        .unwrap();
    db.save_exit_survey(&pair, 20, 5, Some("calls"), None, Utc::now())
        .await
        .unwrap();
    let preview = serde_json::json!({"proposals": [{"mentee_id": 20, "mentor_id": 10, "reasons": "", "score": 50}]});
    let sid = db
        .save_suggestion(1, 7, &preview, Utc::now())
        .await
        .unwrap();
    let kept = db
        .save_suggestion(1, 7, &serde_json::json!({"proposals": [{"mentee_id": 200, "mentor_id": 10, "reasons": "", "score": 1}]}), Utc::now())
        .await
        .unwrap();

    let erased = AuditEntry {
        actor_id: None,
        ..entry(1, "mydata.delete")
    };
    db.erase_user(1, 20, &erased).await.unwrap();
    let pair = db.pair(pair.id).await.unwrap().unwrap();
    assert_eq!(
        (pair.mentor_id, pair.mentee_id),
        (Some(10), None),
        "the pair stays for the mentor"
    );
    assert!(db.export_user(1, 20).await.unwrap()["exit_surveys"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(db.open_suggestion(sid).await.unwrap().is_none());
    assert!(
        db.open_suggestion(kept).await.unwrap().is_some(),
        "mentee 200 is not mentee 20"
    );
}

#[tokio::test]
async fn my_data_covers_message_counts_meetings_and_kudos_and_erasure_keeps_only_others_share() {
    let db = fresh_db().await;
    let pair = paired(&db, 10, 20).await;
    db.activate_pair(pair.id, 500).await.unwrap();
    let day = Utc::now().date_naive();
    assert!(db.count_message(500, 20, day).await.unwrap());
    assert!(db.count_message(500, 20, day).await.unwrap());
    assert!(db.count_message(500, 10, day).await.unwrap());
    assert!(
        !db.count_message(500, 99, day).await.unwrap(),
        "not in the pair"
    );
    assert!(
        !db.count_message(501, 20, day).await.unwrap(),
        "not a pair channel"
    );
    db.record_meeting(&pair, 20, 30, Some("intro call"), Utc::now())
        .await
        .unwrap();
    db.give_kudos(1, 20, 10, "great help", 500, Utc::now(), 5)
        .await
        .unwrap();
    db.give_kudos(1, 10, 20, "well done", 500, Utc::now(), 5)
        .await
        .unwrap();

    let mine = db.export_user(1, 20).await.unwrap();
    assert_eq!(mine["activity_daily"][0]["messages"], 2);
    assert_eq!(mine["meetings"][0]["minutes"], 30);
    assert_eq!(
        mine["kudos"].as_array().unwrap().len(),
        2,
        "given and received"
    );

    let erased = AuditEntry {
        actor_id: None,
        ..entry(1, "mydata.delete")
    };
    db.erase_user(1, 20, &erased).await.unwrap();
    let after = db.export_user(1, 20).await.unwrap();
    for table in ["activity_daily", "meetings", "kudos"] {
        assert!(after[table].as_array().unwrap().is_empty(), "{table}");
    }
    let counts = db.message_counts(pair.id).await.unwrap();
    assert_eq!(counts.len(), 1, "the mentor's count stays");
    assert_eq!(
        db.meeting_totals(pair.id).await.unwrap(),
        (1, 30),
        "the pair's meeting stays"
    );
    let mentor = db.export_user(1, 10).await.unwrap();
    assert_eq!(
        mentor["kudos"].as_array().unwrap().len(),
        1,
        "kudos the mentor received stay; the ones to the erased person go"
    );
}

/// Saves the settings of server `guild` with a long audit detail, so each save takes space.
async fn save_bulky(db: &Db, guild: u64) -> Result<(), String> {
    let mut e = entry(guild, "settings.update");
    e.detail = Some("x".repeat(3000));
    db.save_guild_settings(&GuildSettings::new(guild), &e)
        .await
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn a_full_disk_fails_writes_plainly_and_the_database_recovers_when_space_returns() {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
    use std::str::FromStr;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/tandem.db", dir.path().display());
    let plain = Db::connect(&url, 1).await.unwrap();
    plain.migrate().await.unwrap();
    plain.close().await;
    let other = SqlitePool::connect(&url).await.unwrap();
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&other)
        .await
        .unwrap();
    // A disk with room for a few dozen more pages, for every connection of the pool.
    let options = SqliteConnectOptions::from_str(&url)
        .unwrap()
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .pragma("max_page_count", (pages + 40).to_string());
    let db = Db::connect_with(options, 3).await.unwrap();

    let mut guild = 1;
    let full = loop {
        match save_bulky(&db, guild).await {
            Ok(()) => guild += 1,
            Err(e) => break e,
        }
        assert!(guild < 10_000, "the disk never filled up");
    };
    assert!(full.contains("full"), "{full}");
    // While the disk is full every write fails with that reason, never with a broken
    // connection's transaction error.
    for n in 0..12 {
        let e = save_bulky(&db, 100_000 + n).await.unwrap_err();
        assert!(e.contains("full"), "write {n}: {e}");
    }

    // Space comes back (another process deletes rows; SQLite reuses the freed pages).
    sqlx::query("DELETE FROM audit_log")
        .execute(&other)
        .await
        .unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&other)
        .await
        .unwrap();
    let mut after = Vec::new();
    for n in 0..12 {
        after.push(save_bulky(&db, 200_000 + n).await);
    }
    let failed: Vec<_> = after.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failed.is_empty(),
        "{} of 12 writes failed after space returned: {failed:?}",
        failed.len()
    );
}

#[tokio::test]
async fn a_mentee_has_one_open_pair_even_when_the_code_checks_are_bypassed() {
    let db = fresh_db().await;
    let pool = db.raw().await;
    enrolled(&db, 1, 10, Role::Mentor).await;
    enrolled(&db, 1, 11, Role::Mentor).await;
    enrolled(&db, 1, 20, Role::Mentee).await;
    let first = db
        .create_pair(1, 10, 20, &entry(1, "pair.create"))
        .await
        .unwrap()
        .unwrap();
    // Still pending (its channel not made yet), it already holds the mentee's place.
    assert_eq!(
        db.create_pair(1, 11, 20, &entry(1, "pair.create"))
            .await
            .unwrap(),
        Err(PairRefusal::MenteeTaken)
    );
    assert!(db.activate_pair(first.id, 700).await.unwrap());
    assert!(
        !db.activate_pair(first.id, 701).await.unwrap(),
        "activates once"
    );
    assert_eq!(
        db.create_pair(1, 11, 20, &entry(1, "pair.create"))
            .await
            .unwrap(),
        Err(PairRefusal::MenteeTaken)
    );
    // The schema keeps the rule on its own: a direct insert of a second open pair fails,
    // as does a pair of one person with themselves or an active pair without a channel.
    let insert = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query(sql).execute(&pool).await }
    };
    let second = insert(
        "INSERT INTO pairs (guild_id, mentor_id, mentee_id, status, channel_id, started_at)
         VALUES (1, 11, 20, 'active', 702, '2026-11-23T09:00:00+00:00')",
    )
    .await;
    assert!(second.is_err(), "a second open pair for the mentee");
    let same = insert(
        "INSERT INTO pairs (guild_id, mentor_id, mentee_id, status, channel_id, started_at)
         VALUES (1, 20, 20, 'active', 703, '2026-11-23T09:00:00+00:00')",
    )
    .await;
    assert!(same.is_err(), "a pair of one person");
    let no_channel = insert(
        "INSERT INTO pairs (guild_id, mentor_id, mentee_id, status, started_at)
         VALUES (1, 11, 21, 'active', '2026-11-23T09:00:00+00:00')",
    )
    .await;
    assert!(no_channel.is_err(), "an active pair without a channel");
    // Ended, the mentee is free again (for another mentor: no repeats of the same pair).
    db.end_pair(first.id, EndReason::Completed, &entry(1, "pair.end"))
        .await
        .unwrap()
        .unwrap();
    assert!(db
        .create_pair(1, 11, 20, &entry(1, "pair.create"))
        .await
        .unwrap()
        .is_ok());
}

#[tokio::test]
async fn a_pending_pair_that_is_discarded_frees_its_places_and_cannot_be_activated() {
    let db = fresh_db().await;
    let pair = paired(&db, 10, 20).await;
    let pending = db.pending_pairs(Utc::now()).await.unwrap();
    assert_eq!(pending.iter().map(|p| p.id).collect::<Vec<_>>(), [pair.id]);
    assert!(db.all_pairs(1).await.unwrap().is_empty(), "not history yet");
    assert!(db
        .discard_new_pair(pair.id, &entry(1, "pair.discard"))
        .await
        .unwrap());
    assert!(!db.activate_pair(pair.id, 800).await.unwrap());
    assert!(db.pending_pairs(Utc::now()).await.unwrap().is_empty());
    assert!(db
        .create_pair(1, 10, 20, &entry(1, "pair.create"))
        .await
        .unwrap()
        .is_ok());
}

#[tokio::test]
async fn upgrading_ends_a_mentees_second_pair_rolls_half_made_ones_back_and_closes_old_rounds() {
    // The database as the previous release left it: every migration before the integrity one.
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old-migrations");
    std::fs::create_dir(&old).unwrap();
    let shipped = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"));
    let mut newer = 0;
    for file in std::fs::read_dir(shipped).unwrap() {
        let file = file.unwrap();
        let name = file.file_name().into_string().unwrap();
        if name.as_str() < "20261202000001" {
            std::fs::copy(file.path(), old.join(&name)).unwrap();
        } else {
            newer += 1;
        }
    }
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("tandem.db").display()
    );
    let pool = SqlitePool::connect(&url).await.unwrap();
    let db = Db::from_pool(pool.clone());
    sqlx::migrate::Migrator::new(old.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    for sql in [
        // Mentee 20 in two open pairs (the bug), mentee 21 in an active pair without a channel.
        "INSERT INTO pairs (id, guild_id, mentor_id, mentee_id, status, channel_id, started_at)
         VALUES (1, 1, 10, 20, 'active', 500, '2026-11-01T09:00:00+00:00'),
                (2, 1, 11, 20, 'active', 501, '2026-11-02T09:00:00+00:00'),
                (3, 1, 12, 21, 'active', NULL, '2026-11-03T09:00:00+00:00')",
        "INSERT INTO occurrences (id, guild_id, kind, target, scheduled_for)
         VALUES (1, 1, 'pulse', 1, '2026-11-02T09:00:00+00:00'),
                (2, 1, 'pulse', 1, '2026-11-03T09:00:00+00:00'),
                (3, 1, 'pulse', 1, '2026-11-09T09:00:00+00:00')",
        "INSERT INTO pulse_rounds (occurrence_id, guild_id, question, started_at)
         VALUES (1, 1, 'q', '2026-11-02T09:00:00+00:00'),
                (2, 1, 'q', '2026-11-03T09:00:00+00:00'),
                (3, 1, 'q', '2026-11-09T09:00:00+00:00')",
        // Messages on Sunday 1, Monday 2 and Sunday 8 November: two weeks.
        "INSERT INTO activity_daily (pair_id, day, user_id, guild_id, messages)
         VALUES (1, '2026-11-01', 10, 1, 3), (1, '2026-11-02', 10, 1, 4),
                (1, '2026-11-08', 10, 1, 5), (1, '2026-11-08', 20, 1, 1)",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    assert_eq!(db.migrate().await.unwrap(), newer);
    let weekly: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT week, user_id, messages FROM activity_weekly ORDER BY week, user_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        weekly,
        [
            ("2026-10-26".to_string(), 10, 3),
            ("2026-11-02".to_string(), 10, 9),
            ("2026-11-02".to_string(), 20, 1),
        ],
        "the weekly roll-up is built from the days already counted"
    );
    let statuses: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, status, end_reason FROM pairs ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        statuses,
        [
            (1, "active".to_string(), None),
            (2, "ended".to_string(), Some("other".to_string())),
            (3, "pending".to_string(), None),
        ]
    );
    let closes: Vec<String> =
        sqlx::query_scalar("SELECT closes_at FROM pulse_rounds ORDER BY occurrence_id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        closes,
        [
            "2026-11-03T09:00:00+00:00",
            "2026-11-06T09:00:00+00:00",
            "2026-11-12T09:00:00+00:00"
        ],
        "closed by the next round, else 72 hours after the start"
    );
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'pair 2:%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn after_erasure_no_column_of_the_server_holds_the_persons_id_or_their_pulse_comment() {
    let db = fresh_db().await;
    let pool = db.raw().await;
    // A real-sized snowflake, so a match in any column is this person and nothing else.
    let (mentor, person) = (412_345_678_901_234_567u64, 812_345_678_901_234_567u64);
    let pair = paired(&db, mentor, person).await;
    db.activate_pair(pair.id, 900).await.unwrap();
    let now = Utc::now();
    let by_mentor = |action: &str| AuditEntry {
        actor_id: Some(mentor),
        target_id: Some(person),
        ..entry(1, action)
    };
    db.add_goal(
        &pair,
        &format!("help <@{person}> ship"),
        None,
        &by_mentor("goal.add"),
    )
    .await
    .unwrap();
    db.record_meeting(
        &pair,
        mentor,
        30,
        Some(&format!("call with <@!{person}>")),
        now,
    )
    .await
    .unwrap();
    db.give_kudos(
        1,
        mentor,
        person,
        &format!("thanks <@{person}>"),
        900,
        now,
        5,
    )
    .await
    .unwrap();
    let preview = serde_json::json!({"proposals": [{"mentor_id": mentor, "mentee_id": person,
        "reasons": format!("<@{person}> likes rust"), "score": 50}]});
    let closed = db.save_suggestion(1, 7, &preview, now).await.unwrap();
    assert!(db.close_suggestion(closed, true).await.unwrap());
    sqlx::query(
        "INSERT INTO occurrences (id, guild_id, kind, target, scheduled_for)
         VALUES (77, 1, 'pulse', 1, '2026-11-02T09:00:00+00:00')",
    )
    .execute(&pool)
    .await
    .unwrap();
    db.start_pulse_round(77, 1, &["q".to_string()], now, Duration::hours(72))
        .await
        .unwrap();
    db.save_pulse_score(77, 1, person, 4, now).await.unwrap();
    db.save_pulse_comment(77, person, "a very private remark", now)
        .await
        .unwrap();

    // A resource the person added for the guide stays, without them.
    db.add_resource(
        1,
        &format!("notes from <@{person}>"),
        "https://example.com/notes",
        tandem::domain::guide::ResourceAudience::Everyone,
        &AuditEntry {
            actor_id: Some(person),
            ..entry(1, "resource.add")
        },
    )
    .await
    .unwrap();

    let erased = AuditEntry {
        actor_id: None,
        ..entry(1, "mydata.delete")
    };
    db.erase_user(1, person, &erased).await.unwrap();

    let id = person.to_string();
    let mut found = Vec::new();
    for (table, column) in db.schema_columns().await.unwrap() {
        if table.starts_with('_') || table.starts_with("sqlite") {
            continue;
        }
        let sql = format!(
            "SELECT COUNT(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE '%' || $1 || '%'
               OR CAST({column} AS TEXT) LIKE '%very private%'"
        );
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(&id)
            .fetch_one(&pool)
            .await
            .unwrap();
        if n > 0 {
            found.push(format!("{table}.{column}: {n}"));
        }
    }
    assert!(found.is_empty(), "still naming the person: {found:?}");
    let score: (Option<i64>, i64, Option<String>) =
        sqlx::query_as("SELECT user_id, score, comment FROM pulse_answers")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(score, (None, 4, None), "the score stays in the aggregate");
    let goal: String = sqlx::query_scalar("SELECT title FROM goals")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(goal, "help @former member ship");
    let resource: (String, Option<i64>) = sqlx::query_as("SELECT title, added_by FROM resources")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(resource, ("notes from @former member".to_string(), None));
}

#[tokio::test]
async fn a_pulse_round_closes_when_the_next_starts_or_its_window_ends_and_only_closed_rounds_show()
{
    let db = fresh_db().await;
    let pool = db.raw().await;
    let t0 = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap();
    sqlx::query(
        "INSERT INTO occurrences (id, guild_id, kind, target, scheduled_for)
         VALUES (1, 1, 'pulse', 1, '2026-11-02T12:00:00+00:00'),
                (2, 1, 'pulse', 1, '2026-11-03T12:00:00+00:00')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let window = Duration::hours(72);
    let questions = ["q".to_string()];
    db.start_pulse_round(1, 1, &questions, t0, window)
        .await
        .unwrap();
    use tandem::store::PulseAnswer;
    assert_eq!(
        db.save_pulse_score(1, 1, 20, 3, t0 + Duration::hours(1))
            .await
            .unwrap(),
        PulseAnswer::Saved
    );
    assert!(
        db.latest_pulse_results(1, t0 + Duration::hours(2))
            .await
            .unwrap()
            .is_none(),
        "an open round is not shown"
    );
    assert_eq!(
        db.pulse_totals(1, t0 + Duration::hours(2)).await.unwrap(),
        []
    );
    // The next round closes the first at once.
    let t1 = t0 + Duration::days(1);
    db.start_pulse_round(2, 1, &questions, t1, window)
        .await
        .unwrap();
    assert_eq!(
        db.save_pulse_score(1, 1, 21, 5, t1).await.unwrap(),
        PulseAnswer::Closed
    );
    assert_eq!(
        db.save_pulse_comment(1, 20, "late", t1).await.unwrap(),
        PulseAnswer::Closed
    );
    let shown = db.latest_pulse_results(1, t1).await.unwrap().unwrap();
    assert_eq!((shown.round_id, shown.answered()), (1, 1));
    assert_eq!(db.pulse_totals(1, t1).await.unwrap().len(), 1);
    // The second closes when its window ends.
    assert_eq!(
        db.save_pulse_score(2, 1, 20, 2, t1 + window - Duration::seconds(1))
            .await
            .unwrap(),
        PulseAnswer::Saved
    );
    assert_eq!(
        db.save_pulse_score(2, 1, 21, 2, t1 + window).await.unwrap(),
        PulseAnswer::Closed
    );
    let shown = db
        .latest_pulse_results(1, t1 + window)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((shown.round_id, shown.answered()), (2, 1));
}

#[tokio::test]
async fn a_profile_edit_never_undoes_a_decision_made_while_it_was_being_saved() {
    let db = fresh_db().await;
    let applicant = profile(1, 30, Role::Mentor, Status::Pending, 0);
    db.save_profile(&applicant, &entry(1, "member.enrol"))
        .await
        .unwrap();
    // `/profile edit` read the pending profile and changed its topics…
    let mut edited = db.profile(1, 30, Role::Mentor).await.unwrap().unwrap();
    let input = ProfileInput {
        topics: Some("go, testing".into()),
        ..Default::default()
    };
    edited.apply(&input).unwrap();
    // …while a moderator approved it.
    db.change_status(
        1,
        30,
        Role::Mentor,
        &[Status::Pending],
        Status::Active,
        &entry(1, "member.approve"),
    )
    .await
    .unwrap();
    assert!(db
        .update_profile(&edited, &input, &entry(1, "member.update"))
        .await
        .unwrap());
    let now = db.profile(1, 30, Role::Mentor).await.unwrap().unwrap();
    assert_eq!(now.status, Status::Active, "the approval stands");
    assert_eq!(now.topics, ["go", "testing"]);
    assert_eq!(now.timezone, applicant.timezone, "untouched fields stay");
    // A profile that left meanwhile is not edited back to life, and enrolling anew does not
    // replace a current one.
    db.change_status(
        1,
        30,
        Role::Mentor,
        &[Status::Active],
        Status::Withdrawn,
        &entry(1, "member.withdraw"),
    )
    .await
    .unwrap();
    assert!(!db
        .update_profile(&edited, &input, &entry(1, "member.update"))
        .await
        .unwrap());
    assert!(db
        .enrol_profile(&applicant, &entry(1, "member.enrol"))
        .await
        .unwrap());
    assert!(!db
        .enrol_profile(&applicant, &entry(1, "member.enrol"))
        .await
        .unwrap());
}

#[tokio::test]
async fn messages_are_rolled_up_by_week_as_they_are_counted() {
    use tandem::domain::metrics::Period;
    let db = fresh_db().await;
    let pair = paired(&db, 10, 20).await;
    db.activate_pair(pair.id, 500).await.unwrap();
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    // Sunday 15 Nov closes one week; Monday 16 and Sunday 22 Nov are the next.
    for (d, user, n) in [
        ("2026-11-15", 10, 2),
        ("2026-11-16", 10, 1),
        ("2026-11-22", 10, 3),
        ("2026-11-22", 20, 1),
    ] {
        for _ in 0..n {
            assert!(db.count_message(500, user, day(d)).await.unwrap());
        }
    }
    // Asked on Wednesday 25 Nov: the two whole weeks before this one.
    let period = Period::ending(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap(), 2);
    let mut weekly = db.weekly_messages(1, period).await.unwrap();
    weekly.sort();
    assert_eq!(
        weekly,
        [
            (pair.id, 10, 0, 2),
            (pair.id, 10, 1, 4),
            (pair.id, 20, 1, 1)
        ]
    );
    let daily: u32 = db
        .message_counts(pair.id)
        .await
        .unwrap()
        .iter()
        .map(|(_, _, n)| n)
        .sum();
    assert_eq!(daily, 7, "the days are kept too");
}

/// Plans one check-in (pair 9 of server 1) and returns when it is due.
async fn one_checkin_due(db: &Db) -> chrono::DateTime<Utc> {
    use tandem::domain::schedule::{Kind, NewOccurrence};
    let due = Utc.with_ymd_and_hms(2026, 11, 24, 17, 0, 0).unwrap();
    db.plan(&[NewOccurrence {
        guild_id: 1,
        kind: Kind::Checkin,
        target: 9,
        scheduled_for: due,
        parent_id: None,
    }])
    .await
    .unwrap();
    due
}

#[tokio::test]
async fn an_outcome_from_a_process_whose_claim_was_taken_over_is_not_recorded() {
    use tandem::domain::schedule::{Kind, NewOccurrence};
    use tandem::domain::shard::ShardPlan;
    use tandem::store::{Lease, Ticket};
    let db = fresh_db().await;
    let due = one_checkin_due(&db).await;
    let lease = |holder: &str| Lease {
        holder: holder.into(),
        length: Duration::seconds(10),
    };
    let (slow, other) = (lease("shards 0"), lease("shards 1"));
    let all = ShardPlan::all(1);
    let claimed = db
        .claim_due(due, Duration::hours(6), 10, all, &slow)
        .await
        .unwrap();
    let id = claimed.due[0].id;
    let slow_ticket = Ticket {
        holder: &slow.holder,
        attempts: claimed.due[0].attempts,
    };
    // The slow process's lease runs out; the other process takes the occurrence over.
    let later = due + Duration::seconds(11);
    let taken = db
        .claim_due(later, Duration::hours(6), 10, all, &other)
        .await
        .unwrap();
    assert_eq!(taken.due.iter().map(|o| o.id).collect::<Vec<_>>(), [id]);
    let other_ticket = Ticket {
        holder: &other.holder,
        attempts: taken.due[0].attempts,
    };
    let reminder = NewOccurrence {
        guild_id: 1,
        kind: Kind::Reminder,
        target: 9,
        scheduled_for: due + Duration::hours(24),
        parent_id: Some(id),
    };

    // The slow one's outcomes, whatever they are, change nothing now.
    db.retry_later(id, slow_ticket, later, "HTTP 502")
        .await
        .unwrap();
    db.mark_failed(id, slow_ticket, later, "Missing Access")
        .await
        .unwrap();
    db.mark_sent(
        id,
        slow_ticket,
        later,
        Some((5, 6)),
        std::slice::from_ref(&reminder),
    )
    .await
    .unwrap();
    let state = |db: &Db| {
        let db = db.clone();
        async move {
            let states = db.occurrence_states(Kind::Checkin).await.unwrap();
            let message = db.occurrence(id).await.unwrap().unwrap().message_id;
            (states.into_keys().collect::<Vec<_>>(), message)
        }
    };
    assert_eq!(state(&db).await, (vec!["claimed".to_string()], None));
    assert!(db
        .occurrence_states(Kind::Reminder)
        .await
        .unwrap()
        .is_empty());

    // The holder's outcome is recorded, and a late word from the slow one does not undo it.
    db.mark_sent(id, other_ticket, later, Some((5, 7)), &[reminder])
        .await
        .unwrap();
    db.retry_later(id, slow_ticket, later, "HTTP 502")
        .await
        .unwrap();
    assert_eq!(state(&db).await, (vec!["sent".to_string()], Some(7)));
    assert_eq!(
        db.occurrence_states(Kind::Reminder).await.unwrap()["pending"],
        1
    );
}

#[tokio::test]
async fn an_outcome_from_before_a_restart_with_the_same_shards_is_not_recorded() {
    use tandem::domain::schedule::Kind;
    use tandem::domain::shard::ShardPlan;
    use tandem::store::{Lease, Ticket};
    let db = fresh_db().await;
    let due = one_checkin_due(&db).await;
    let lease = Lease {
        holder: "shards 0-0 of 1".into(),
        length: Duration::seconds(60),
    };
    let all = ShardPlan::all(1);
    let first = db
        .claim_due(due, Duration::hours(6), 10, all, &lease)
        .await
        .unwrap()
        .due[0]
        .clone();
    // A new process with the same shards starts while the old one still lives: it takes the
    // claim back at once and claims it again.
    db.reset_claimed(&lease, all).await.unwrap();
    let again = db
        .claim_due(due, Duration::hours(6), 10, all, &lease)
        .await
        .unwrap()
        .due[0]
        .clone();
    let old = Ticket {
        holder: &lease.holder,
        attempts: first.attempts,
    };
    let new = Ticket {
        holder: &lease.holder,
        attempts: again.attempts,
    };
    assert_ne!(old.attempts, new.attempts);
    db.retry_later(first.id, old, due, "HTTP 502")
        .await
        .unwrap();
    db.mark_sent(first.id, new, due, Some((5, 7)), &[])
        .await
        .unwrap();
    db.mark_failed(first.id, old, due, "Missing Access")
        .await
        .unwrap();
    let states = db.occurrence_states(Kind::Checkin).await.unwrap();
    assert_eq!(states.into_keys().collect::<Vec<_>>(), ["sent"]);
}

#[tokio::test]
async fn a_mentor_who_owes_the_guide_is_not_paired_while_the_server_requires_it() {
    let db = fresh_db().await;
    let mut settings = GuildSettings::new(1);
    settings.require_orientation = true;
    db.save_guild_settings(&settings, &entry(1, "settings.update"))
        .await
        .unwrap();
    // Pending, then approved while orientation is required: owed from the approval.
    db.save_profile(
        &profile(1, 10, Role::Mentor, Status::Pending, 0),
        &entry(1, "member.enrol"),
    )
    .await
    .unwrap();
    // A mentor active before the setting owes nothing.
    enrolled(&db, 1, 11, Role::Mentor).await;
    enrolled(&db, 1, 20, Role::Mentee).await;
    enrolled(&db, 1, 21, Role::Mentee).await;
    assert!(matches!(
        db.approve_mentor(1, 10, true, &entry(1, "member.approve"))
            .await
            .unwrap(),
        StatusChange::Changed {
            from: Status::Pending
        }
    ));
    assert!(db.owes_orientation(1, 10).await.unwrap());
    assert!(!db.owes_orientation(1, 11).await.unwrap());
    assert_eq!(db.mentors_awaiting_orientation(1).await.unwrap(), vec![10]);
    let pair = |mentor: u64, mentee: u64| {
        let db = db.clone();
        async move {
            db.create_pair(1, mentor, mentee, &entry(1, "pair.create"))
                .await
                .unwrap()
        }
    };
    assert_eq!(pair(10, 20).await, Err(PairRefusal::NotOriented));
    assert!(
        pair(11, 21).await.is_ok(),
        "the earlier mentor is not blocked"
    );

    // With the setting off, the same mentor may be paired (nothing is forgotten).
    settings.require_orientation = false;
    db.save_guild_settings(&settings, &entry(1, "settings.update"))
        .await
        .unwrap();
    let made = pair(10, 20).await.unwrap();
    assert!(db
        .discard_new_pair(made.id, &entry(1, "pair.discard"))
        .await
        .unwrap());
    settings.require_orientation = true;
    db.save_guild_settings(&settings, &entry(1, "settings.update"))
        .await
        .unwrap();
    assert_eq!(pair(10, 20).await, Err(PairRefusal::NotOriented));

    // Read once: recorded, audited; a second time changes nothing.
    let read = entry(1, "member.orient");
    assert_eq!(
        db.mark_oriented(1, 10, &read).await.unwrap(),
        tandem::store::Oriented::Recorded
    );
    assert!(matches!(
        db.mark_oriented(1, 10, &read).await.unwrap(),
        tandem::store::Oriented::Already { .. }
    ));
    assert_eq!(
        db.mark_oriented(1, 99, &read).await.unwrap(),
        tandem::store::Oriented::NotAMentor
    );
    let reads = db
        .audit_entries(1, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "member.orient")
        .count();
    assert_eq!(reads, 1);
    assert!(db.mentors_awaiting_orientation(1).await.unwrap().is_empty());
    assert!(pair(10, 20).await.is_ok());
}
