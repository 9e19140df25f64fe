-- Per-server settings chosen with /setup.
CREATE TABLE guild_settings (
    guild_id          INTEGER PRIMARY KEY NOT NULL,
    digest_channel_id INTEGER,
    moderator_role_id INTEGER,
    pair_category_id  INTEGER,
    timezone          TEXT    NOT NULL DEFAULT 'UTC',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
) STRICT;

-- Who did what to whom, and when. No message content, only ids and action names.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id  INTEGER NOT NULL,
    actor_id  INTEGER,
    action    TEXT    NOT NULL,
    target_id INTEGER,
    detail    TEXT,
    at        TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_log_by_guild_time ON audit_log (guild_id, at);
