//! The language each member's Discord was set to when they last used tandem, so that what
//! tandem sends them unasked (DMs, their pair channel) reads in it.

use chrono::{DateTime, Utc};

use super::{sql, to_db, Db, Result};
use crate::domain::locale::Locale;

impl Db {
    /// Keeps `locale` as the language of a member who is enrolled in this server (nothing is
    /// kept about anyone else); writes only when it changed.
    #[tracing::instrument(skip(self))]
    pub async fn remember_locale(
        &self,
        guild_id: u64,
        user_id: u64,
        locale: Locale,
        at: DateTime<Utc>,
    ) -> Result<()> {
        if self.member_locale(guild_id, user_id).await? == Some(locale) {
            return Ok(());
        }
        let mut tx = self.write().await?;
        // One statement: an erasure committed meanwhile leaves no members row, so no
        // language is written back after it.
        sql(
            "INSERT INTO member_locales (guild_id, user_id, locale, updated_at)
             SELECT ?, ?, ?, ?
             WHERE EXISTS (SELECT 1 FROM members WHERE guild_id = ? AND user_id = ?)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET
               locale = excluded.locale, updated_at = excluded.updated_at",
        )
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .bind(locale.code())
        .bind(at)
        .bind(to_db(guild_id))
        .bind(to_db(user_id))
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The member's language, if tandem has seen it (and still speaks it).
    pub async fn member_locale(&self, guild_id: u64, user_id: u64) -> Result<Option<Locale>> {
        let code: Option<String> =
            sql("SELECT locale FROM member_locales WHERE guild_id = ? AND user_id = ?")
                .bind(to_db(guild_id))
                .bind(to_db(user_id))
                .scalar_optional(self)
                .await?;
        Ok(code.as_deref().and_then(Locale::from_code))
    }
}
