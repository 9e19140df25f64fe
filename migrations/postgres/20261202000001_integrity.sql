-- PostgreSQL twin of migrations/sqlite/20261202000001_integrity.sql.
-- Rules kept by the schema, not only by code:
--   * a pair is created 'pending' (no channel yet) and becomes 'active' with its channel in one
--     update; start-up rolls back pending pairs left by a crash (and their channel, if any);
--   * one open (pending, active or paused) pair per mentee, and never a person paired with
--     themselves;
--   * pair channels follow the moderator role (`guild_settings.pair_channels_role`);
--   * a pulse round closes (`closes_at`): answers after it are refused, and results and exports
--     show closed rounds only, so two exports cannot be differenced to reveal one answer.
-- SQLite rebuilds the pairs table (it cannot change a CHECK constraint); PostgreSQL alters it in
-- place, inside the migration's transaction. The data fixes are the same as on SQLite (on a
-- fresh database they touch nothing).

-- Pairs made before this rule could leave a mentee in two open pairs: the oldest stays open,
-- the later ones end (reason 'other', audited below), so the unique index can be built.
CREATE TEMP TABLE duplicate_pairs AS
SELECT p.id, p.guild_id FROM pairs p
WHERE p.status IN ('active', 'paused') AND p.mentee_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM pairs q WHERE q.guild_id = p.guild_id AND q.mentee_id = p.mentee_id
              AND q.status IN ('active', 'paused') AND q.id < p.id);

-- Pairs gain the status 'pending'.
ALTER TABLE pairs DROP CONSTRAINT pairs_status_check;
ALTER TABLE pairs ADD CONSTRAINT pairs_status_check
    CHECK (status IN ('pending', 'active', 'paused', 'ended', 'broken'));

-- Duplicates end now. (SQLite writes the time as text to the second; the same here.)
UPDATE pairs
SET status = 'ended', paused_until = NULL, ended_at = date_trunc('second', now()),
    end_reason = 'other'
WHERE id IN (SELECT id FROM duplicate_pairs);

-- An active pair without a channel was left half-made by a crash: it becomes pending, so
-- start-up rolls it back like any other.
UPDATE pairs SET status = 'pending'
WHERE status = 'active' AND channel_id IS NULL AND id NOT IN (SELECT id FROM duplicate_pairs);

INSERT INTO audit_log (guild_id, actor_id, action, target_id, detail, at)
SELECT guild_id, NULL, 'pair.end', NULL, 'pair ' || id || ': mentee already in an older pair',
       date_trunc('second', now())
FROM duplicate_pairs
ORDER BY id;

DROP TABLE duplicate_pairs;

ALTER TABLE pairs ADD CONSTRAINT pairs_not_self_check
    CHECK (mentor_id IS NULL OR mentee_id IS NULL OR mentor_id <> mentee_id);
-- A pending pair has no channel yet; an active one always has.
ALTER TABLE pairs ADD CONSTRAINT pairs_pending_without_channel_check
    CHECK (status <> 'pending' OR channel_id IS NULL);
ALTER TABLE pairs ADD CONSTRAINT pairs_active_with_channel_check
    CHECK (status <> 'active' OR channel_id IS NOT NULL);
ALTER TABLE pairs ADD CONSTRAINT pairs_ended_with_reason_check
    CHECK (status <> 'ended' OR (ended_at IS NOT NULL AND end_reason IS NOT NULL));

CREATE UNIQUE INDEX pairs_one_open_per_mentee ON pairs (guild_id, mentee_id)
    WHERE status IN ('pending', 'active', 'paused') AND mentee_id IS NOT NULL;

-- Rounds close when the next one starts or `pulse.window_hours` after they started (72 h
-- for rounds that exist already).
ALTER TABLE pulse_rounds ADD COLUMN closes_at TIMESTAMPTZ;
UPDATE pulse_rounds r SET closes_at = COALESCE(
    (SELECT MIN(n.started_at) FROM pulse_rounds n
     WHERE n.guild_id = r.guild_id AND n.started_at > r.started_at
       AND n.started_at < r.started_at + INTERVAL '72 hours'),
    r.started_at + INTERVAL '72 hours');

-- The moderator role the pair channels' overwrites grant now. `/setup moderator_role:` moves
-- them to the new role channel by channel and sets this when done, so a sweep cut short by a
-- restart is finished at the next start (the overwrites are idempotent).
ALTER TABLE guild_settings ADD COLUMN pair_channels_role BIGINT;
UPDATE guild_settings SET pair_channels_role = moderator_role_id;
