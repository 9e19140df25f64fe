-- no-transaction
-- Rules kept by the schema, not only by code:
--   * a pair is created 'pending' (no channel yet) and becomes 'active' with its channel in one
--     update; start-up rolls back pending pairs left by a crash (and their channel, if any);
--   * one open (pending, active or paused) pair per mentee, and never a person paired with
--     themselves;
--   * pair channels follow the moderator role (`guild_settings.pair_channels_role`);
--   * a pulse round closes (`closes_at`): answers after it are refused, and results and exports
--     show closed rounds only, so two exports cannot be differenced to reveal one answer.
-- The pairs table is rebuilt (SQLite cannot change a CHECK constraint) as in the
-- reachability migration.
PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

-- Pairs made before this rule could leave a mentee in two open pairs: the oldest stays open,
-- the later ones end (reason 'other', audited below), so the unique index can be built.
CREATE TEMP TABLE duplicate_pairs AS
SELECT p.id, p.guild_id FROM pairs p
WHERE p.status IN ('active', 'paused') AND p.mentee_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM pairs q WHERE q.guild_id = p.guild_id AND q.mentee_id = p.mentee_id
              AND q.status IN ('active', 'paused') AND q.id < p.id);

CREATE TABLE pairs_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    mentor_id     INTEGER,
    mentee_id     INTEGER,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'paused', 'ended', 'broken')),
    channel_id    INTEGER,
    started_at    TEXT    NOT NULL,
    paused_until  TEXT,
    ended_at      TEXT,
    end_reason    TEXT CHECK (end_reason IN ('completed', 'not_a_good_fit', 'inactive', 'withdrawn',
                                             'left_server', 'other')),
    broken_notified INTEGER NOT NULL DEFAULT 0,
    unreachable_since  TEXT,
    unreachable_rounds INTEGER NOT NULL DEFAULT 0,
    CHECK (mentor_id IS NULL OR mentee_id IS NULL OR mentor_id <> mentee_id),
    -- A pending pair has no channel yet; an active one always has.
    CHECK (status <> 'pending' OR channel_id IS NULL),
    CHECK (status <> 'active' OR channel_id IS NOT NULL),
    CHECK (status <> 'ended' OR (ended_at IS NOT NULL AND end_reason IS NOT NULL))
) STRICT;

-- An active pair without a channel was left half-made by a crash: it becomes pending, so
-- start-up rolls it back like any other. Duplicates end now.
INSERT INTO pairs_new (id, guild_id, mentor_id, mentee_id, status, channel_id, started_at,
                       paused_until, ended_at, end_reason, broken_notified, unreachable_since,
                       unreachable_rounds)
SELECT id, guild_id, mentor_id, mentee_id,
       CASE
         WHEN id IN (SELECT id FROM duplicate_pairs) THEN 'ended'
         WHEN status = 'active' AND channel_id IS NULL THEN 'pending'
         ELSE status
       END,
       channel_id, started_at,
       CASE WHEN id IN (SELECT id FROM duplicate_pairs) THEN NULL ELSE paused_until END,
       CASE WHEN id IN (SELECT id FROM duplicate_pairs)
            THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') ELSE ended_at END,
       CASE WHEN id IN (SELECT id FROM duplicate_pairs) THEN 'other' ELSE end_reason END,
       broken_notified, unreachable_since, unreachable_rounds
FROM pairs;

INSERT INTO audit_log (guild_id, actor_id, action, target_id, detail, at)
SELECT guild_id, NULL, 'pair.end', NULL, 'pair ' || id || ': mentee already in an older pair',
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM duplicate_pairs;

DROP TABLE duplicate_pairs;
DROP TABLE pairs;
ALTER TABLE pairs_new RENAME TO pairs;

CREATE INDEX pairs_by_guild_status ON pairs (guild_id, status);
CREATE INDEX pairs_by_mentor ON pairs (guild_id, mentor_id);
CREATE INDEX pairs_by_mentee ON pairs (guild_id, mentee_id);
CREATE UNIQUE INDEX pairs_by_channel ON pairs (channel_id) WHERE channel_id IS NOT NULL;
CREATE UNIQUE INDEX pairs_one_open_per_mentee ON pairs (guild_id, mentee_id)
    WHERE status IN ('pending', 'active', 'paused') AND mentee_id IS NOT NULL;

-- Rounds close when the next one starts or `pulse.window_hours` after they started (72 h
-- for rounds that exist already).
ALTER TABLE pulse_rounds ADD COLUMN closes_at TEXT;
UPDATE pulse_rounds SET closes_at = COALESCE(
    (SELECT MIN(n.started_at) FROM pulse_rounds n
     WHERE n.guild_id = pulse_rounds.guild_id AND n.started_at > pulse_rounds.started_at
       AND n.started_at < strftime('%Y-%m-%dT%H:%M:%S+00:00', pulse_rounds.started_at, '+72 hours')),
    strftime('%Y-%m-%dT%H:%M:%S+00:00', pulse_rounds.started_at, '+72 hours'));

-- The moderator role the pair channels' overwrites grant now. `/setup moderator_role:` moves
-- them to the new role channel by channel and sets this when done, so a sweep cut short by a
-- restart is finished at the next start (the overwrites are idempotent).
ALTER TABLE guild_settings ADD COLUMN pair_channels_role INTEGER;
UPDATE guild_settings SET pair_channels_role = moderator_role_id;

COMMIT;

PRAGMA foreign_keys = ON;
