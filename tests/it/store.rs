//! Store tests on the real migrations.

use chrono::Utc;
use chrono_tz::Tz;
use sqlx::SqlitePool;
use tandem::domain::guild::GuildSettings;
use tandem::store::{AuditEntry, Db};

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

#[sqlx::test]
async fn guild_settings_round_trip_and_update_in_place(pool: SqlitePool) {
    let db = Db::from_pool(pool);
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

#[sqlx::test]
async fn settings_and_audit_entries_of_one_server_do_not_leak_into_another(pool: SqlitePool) {
    let db = Db::from_pool(pool);
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
    assert_eq!(db.migrate().await.unwrap(), 1);
    assert_eq!(
        db.migrate().await.unwrap(),
        0,
        "migrating twice changes nothing"
    );
    db.close().await;
    assert!(path.is_file());
}
