//! The statements that SQLite and PostgreSQL spell differently, in one place. Everything
//! else is one text for both (`?` placeholders, `ON CONFLICT … DO UPDATE`, `RETURNING`,
//! `CAST(… AS BIGINT)`, `CASE`, `LIKE`), so a query is written once.

use super::Engine;

/// The first day (Monday, UTC) of the week of the time in `column`, as a date.
pub(crate) fn week_of(engine: Engine, column: &str) -> String {
    match engine {
        Engine::Sqlite => format!("date({column}, 'weekday 0', '-6 days')"),
        Engine::Postgres => {
            format!("CAST(date_trunc('week', {column} AT TIME ZONE 'UTC') AS DATE)")
        }
    }
}

/// Whole days from date `from` to date `to` (either a column or `?`).
pub(crate) fn days_between(engine: Engine, from: &str, to: &str) -> String {
    match engine {
        Engine::Sqlite => format!("CAST(julianday({to}) - julianday({from}) AS BIGINT)"),
        Engine::Postgres => format!("CAST({to} - CAST({from} AS DATE) AS BIGINT)"),
    }
}

/// Tables whose rows belong to one server (they have a `guild_id` column), by name.
pub(crate) fn server_tables(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "SELECT m.name FROM sqlite_master m
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'
               AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'guild_id')
             ORDER BY m.name"
        }
        Engine::Postgres => {
            "SELECT CAST(t.table_name AS TEXT) FROM information_schema.tables t
             WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
               AND t.table_name NOT LIKE '\\_sqlx%'
               AND EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                             AND c.column_name = 'guild_id')
             ORDER BY 1"
        }
    }
}

/// Every text column of the tables that belong to a server: (table, column).
pub(crate) fn server_text_columns(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND p.type = 'TEXT'
               AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'
               AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) g WHERE g.name = 'guild_id')"
        }
        Engine::Postgres => {
            "SELECT CAST(c.table_name AS TEXT), CAST(c.column_name AS TEXT)
             FROM information_schema.columns c
             WHERE c.table_schema = current_schema() AND c.data_type = 'text'
               AND c.table_name NOT LIKE '\\_sqlx%'
               AND EXISTS (SELECT 1 FROM information_schema.columns g
                           WHERE g.table_schema = c.table_schema AND g.table_name = c.table_name
                             AND g.column_name = 'guild_id')"
        }
    }
}

/// Every column of every table, in table order then column order: (table, column).
pub(crate) fn schema_columns(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'
             ORDER BY m.name, p.cid"
        }
        Engine::Postgres => {
            "SELECT CAST(c.table_name AS TEXT), CAST(c.column_name AS TEXT)
             FROM information_schema.columns c
             JOIN information_schema.tables t
               ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
               AND c.table_name NOT LIKE '\\_sqlx%'
             ORDER BY 1, c.ordinal_position"
        }
    }
}

/// Matching previews of a server that name the person (binds: server, then the person three
/// times: as mentor, as mentee, among a circle's members): the people are inside the JSON
/// text of `proposals`.
pub(crate) fn naming_previews(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "guild_id = ? AND EXISTS (
                 SELECT 1 FROM json_each(proposals, '$.proposals') p
                 WHERE json_extract(p.value, '$.mentor_id') = ?
                    OR json_extract(p.value, '$.mentee_id') = ?
                    OR EXISTS (SELECT 1 FROM json_each(p.value, '$.members') m
                               WHERE m.value = ?))"
        }
        Engine::Postgres => {
            "guild_id = ? AND EXISTS (
                 SELECT 1 FROM jsonb_array_elements(CAST(proposals AS jsonb) -> 'proposals') p
                 WHERE CAST(p.value ->> 'mentor_id' AS BIGINT) = ?
                    OR CAST(p.value ->> 'mentee_id' AS BIGINT) = ?
                    OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.value -> 'members') m
                               WHERE CAST(m.value #>> '{}' AS BIGINT) = ?))"
        }
    }
}

/// Foreign keys checked at COMMIT instead of at each statement (deleting a whole server's
/// rows in table order).
pub(crate) fn defer_foreign_keys(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "PRAGMA defer_foreign_keys = ON",
        Engine::Postgres => "SET CONSTRAINTS ALL DEFERRED",
    }
}

/// Locks the rows a queue's SELECT returns, passing over rows another process has locked
/// (SQLite has one writer at a time and needs nothing).
pub(crate) fn skip_locked(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "",
        Engine::Postgres => "FOR UPDATE SKIP LOCKED",
    }
}

/// Now, in whole microseconds since 1970, by the database's clock (one value for the whole
/// statement on both engines). SQLite's clock has millisecond steps.
pub(crate) fn now_micros(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "CAST((julianday('now') - 2440587.5) * 86400000000.0 AS INTEGER)",
        Engine::Postgres => "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS BIGINT)",
    }
}
