-- no-transaction
-- Four more occurrence kinds:
--   * `cycle_report` (target = a cycle): its impact report to the moderators, a week after the
--     end so the finishing pairs' exit surveys are in;
--   * for mentor availability (next migration): `availability` (target = the server: the
--     monthly round), `availability_ask` (target = a mentor: the DM; parent = the round) and
--     `availability_expire` (target = a mentor; parent = the DM: no answer in time pauses them).
-- SQLite cannot change a CHECK constraint, so `occurrences` is rebuilt as in
-- 20261207000001_mentors_circle.sql, keeping its ids and the AUTOINCREMENT counter.
PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE occurrences_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('checkin', 'reminder', 'pulse', 'pulse_dm', 'digest',
                                                   'circle', 'circle_reminder', 'cycle_ask',
                                                   'cycle_end', 'cycle_report', 'availability',
                                                   'availability_ask', 'availability_expire')),
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
