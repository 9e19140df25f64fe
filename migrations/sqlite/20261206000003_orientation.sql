-- Orientation and resources:
--   * `/setup orientation:required` (default off): a mentor approved (or enrolled without
--     approval) after it is set owes the programme guide and cannot be paired until they press
--     "I've read it". `orientation_owed_at` says since when a mentor owes it (NULL: never owed,
--     as for every mentor who existed before the setting), `oriented_at` when they read it.
--   * the resource list moderators keep for `/guide` (at most 25 per server); `added_by` is
--     NULL once that moderator erased their data, the resource stays.
ALTER TABLE guild_settings ADD COLUMN require_orientation INTEGER NOT NULL DEFAULT 0;

ALTER TABLE members ADD COLUMN orientation_owed_at TEXT;
ALTER TABLE members ADD COLUMN oriented_at TEXT;

CREATE TABLE resources (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER NOT NULL,
    title    TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    url      TEXT    NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    audience TEXT    NOT NULL CHECK (audience IN ('everyone', 'mentors', 'mentees')),
    added_by INTEGER,
    added_at TEXT    NOT NULL
) STRICT;

CREATE INDEX resources_by_guild ON resources (guild_id, id);
