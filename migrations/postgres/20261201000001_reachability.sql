-- PostgreSQL twin of migrations/sqlite/20261201000001_reachability.sql. SQLite rebuilds the
-- pairs table to change a CHECK constraint; PostgreSQL alters it in place, inside the
-- migration's transaction (no `-- no-transaction` here). Safe to run again, like the original.

-- Pairs gain the end reason 'left_server'.
ALTER TABLE pairs DROP CONSTRAINT IF EXISTS pairs_end_reason_check;
ALTER TABLE pairs ADD CONSTRAINT pairs_end_reason_check
    CHECK (end_reason IN ('completed', 'not_a_good_fit', 'inactive', 'withdrawn', 'left_server',
                          'other'));

-- When a round last failed for missing permissions (NULL: the bot can post there), and how
-- many check-in rounds in a row did; the pair breaks after `jobs.unreachable_rounds`.
ALTER TABLE pairs ADD COLUMN IF NOT EXISTS unreachable_since TIMESTAMPTZ;
ALTER TABLE pairs ADD COLUMN IF NOT EXISTS unreachable_rounds BIGINT NOT NULL DEFAULT 0;

-- Servers that removed the bot (GUILD_DELETE): nothing is scheduled for them, and their data
-- is purged `data.retention_days` after `left_at` unless the bot is added back.
CREATE TABLE IF NOT EXISTS departed_guilds (
    guild_id BIGINT      PRIMARY KEY NOT NULL,
    left_at  TIMESTAMPTZ NOT NULL
);
