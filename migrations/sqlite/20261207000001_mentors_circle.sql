-- no-transaction
-- The mentors' circle (`/setup mentor_circle: circle_channel:`):
--   * `circle_cron`: when the circle meets (NULL: no circle), in the server's time zone;
--     `circle_channel_id`: the voice or stage channel it meets in; `circle_text_channel_id`:
--     the mentors-only text channel the bot made for its announcements.
--   * two occurrence kinds, both with target = the meeting's start (Unix seconds):
--     `circle` (create the event and announce it, a week ahead) and `circle_reminder` (the
--     day before; parent = the announcement).
--   * and, for programme cycles (next migration), `cycle_ask` (target = a pair: continue or
--     finish?) and `cycle_end` (target = the cycle).
-- SQLite cannot change a CHECK constraint, so `occurrences` is rebuilt the documented way
-- (foreign keys off outside the transaction), keeping its ids and the AUTOINCREMENT counter.
PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

ALTER TABLE guild_settings ADD COLUMN circle_cron TEXT;
ALTER TABLE guild_settings ADD COLUMN circle_channel_id INTEGER;
ALTER TABLE guild_settings ADD COLUMN circle_text_channel_id INTEGER;

CREATE TABLE occurrences_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('checkin', 'reminder', 'pulse', 'pulse_dm', 'digest',
                                                   'circle', 'circle_reminder', 'cycle_ask',
                                                   'cycle_end')),
    target        INTEGER NOT NULL,
    user_id       INTEGER,
    scheduled_for TEXT    NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'claimed', 'sent', 'skipped', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before    TEXT,
    last_error    TEXT,
    parent_id     INTEGER REFERENCES occurrences (id),
    channel_id    INTEGER,
    message_id    INTEGER,
    done_at       TEXT,
    claimed_by    TEXT,
    lease_until   TEXT,
    UNIQUE (guild_id, kind, target, scheduled_for)
) STRICT;

INSERT INTO occurrences_new (id, guild_id, kind, target, user_id, scheduled_for, state, attempts,
                             not_before, last_error, parent_id, channel_id, message_id, done_at,
                             claimed_by, lease_until)
SELECT id, guild_id, kind, target, user_id, scheduled_for, state, attempts, not_before,
       last_error, parent_id, channel_id, message_id, done_at, claimed_by, lease_until
FROM occurrences;

-- An id once used is never used again, as before the rebuild.
UPDATE sqlite_sequence
SET seq = (SELECT MAX(seq) FROM sqlite_sequence WHERE name IN ('occurrences', 'occurrences_new'))
WHERE name = 'occurrences_new';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'occurrences_new', seq FROM sqlite_sequence
WHERE name = 'occurrences'
  AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'occurrences_new');

DROP TABLE occurrences;
ALTER TABLE occurrences_new RENAME TO occurrences;

CREATE INDEX occurrences_due ON occurrences (state, scheduled_for);
CREATE INDEX occurrences_by_parent ON occurrences (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX occurrences_leases ON occurrences (lease_until) WHERE state = 'claimed';

COMMIT;

PRAGMA foreign_keys = ON;
