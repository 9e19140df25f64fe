-- no-transaction
-- Pairs gain the end reason 'left_server' and a record of rounds in which the bot could not
-- post in their channel. SQLite cannot change a CHECK constraint, so the table is rebuilt the
-- documented way (foreign keys off outside the transaction). Written to be safe to run again.
PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE pairs_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    mentor_id     INTEGER,
    mentee_id     INTEGER,
    status        TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'ended', 'broken')),
    channel_id    INTEGER,
    started_at    TEXT    NOT NULL,
    paused_until  TEXT,
    ended_at      TEXT,
    end_reason    TEXT CHECK (end_reason IN ('completed', 'not_a_good_fit', 'inactive', 'withdrawn',
                                             'left_server', 'other')),
    broken_notified INTEGER NOT NULL DEFAULT 0,
    -- When a round last failed for missing permissions (NULL: the bot can post there), and
    -- how many check-in rounds in a row did; the pair breaks after `jobs.unreachable_rounds`.
    unreachable_since  TEXT,
    unreachable_rounds INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO pairs_new (id, guild_id, mentor_id, mentee_id, status, channel_id, started_at,
                       paused_until, ended_at, end_reason, broken_notified)
SELECT id, guild_id, mentor_id, mentee_id, status, channel_id, started_at, paused_until,
       ended_at, end_reason, broken_notified
FROM pairs;

DROP TABLE pairs;
ALTER TABLE pairs_new RENAME TO pairs;

CREATE INDEX pairs_by_guild_status ON pairs (guild_id, status);
CREATE INDEX pairs_by_mentor ON pairs (guild_id, mentor_id);
CREATE INDEX pairs_by_mentee ON pairs (guild_id, mentee_id);
CREATE UNIQUE INDEX pairs_by_channel ON pairs (channel_id) WHERE channel_id IS NOT NULL;

-- Servers that removed the bot (GUILD_DELETE): nothing is scheduled for them, and their data
-- is purged `data.retention_days` after `left_at` unless the bot is added back.
CREATE TABLE IF NOT EXISTS departed_guilds (
    guild_id INTEGER PRIMARY KEY NOT NULL,
    left_at  TEXT    NOT NULL
) STRICT;

COMMIT;

PRAGMA foreign_keys = ON;
