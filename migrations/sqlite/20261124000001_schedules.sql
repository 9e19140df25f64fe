-- Per-server schedules (5-field cron in the server's time zone); NULL = the configured default.
ALTER TABLE guild_settings ADD COLUMN checkin_cron TEXT;
ALTER TABLE guild_settings ADD COLUMN pulse_cron TEXT;
ALTER TABLE guild_settings ADD COLUMN digest_cron TEXT;
-- Fewest pulse answers before results are shown; NULL = the configured default.
ALTER TABLE guild_settings ADD COLUMN anonymity_min INTEGER CHECK (anonymity_min >= 3);

-- Everything the bot does on a schedule, one row per due occurrence. The unique key makes
-- planning idempotent; the state makes sending at most once across crashes and restarts.
--   checkin, reminder: target = pair id
--   pulse, digest:     target = guild id
--   pulse_dm:          target = user_id = the member asked (parent = the pulse round)
CREATE TABLE occurrences (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('checkin', 'reminder', 'pulse', 'pulse_dm', 'digest')),
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
    UNIQUE (guild_id, kind, target, scheduled_for)
) STRICT;

CREATE INDEX occurrences_due ON occurrences (state, scheduled_for);
CREATE INDEX occurrences_by_parent ON occurrences (parent_id) WHERE parent_id IS NOT NULL;

-- Answers to a check-in, one per member per check-in (answering again updates it).
CREATE TABLE checkin_answers (
    occurrence_id INTEGER NOT NULL REFERENCES occurrences (id),
    guild_id      INTEGER NOT NULL,
    pair_id       INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    mood          INTEGER CHECK (mood BETWEEN 1 AND 5),
    progress      TEXT,
    blockers      TEXT,
    next_step     TEXT,
    answered_at   TEXT    NOT NULL,
    late          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (occurrence_id, user_id)
) STRICT;

CREATE INDEX checkin_answers_by_pair ON checkin_answers (pair_id, answered_at);

-- A pulse round: the question every active member was asked (id = the pulse occurrence).
CREATE TABLE pulse_rounds (
    occurrence_id INTEGER PRIMARY KEY NOT NULL REFERENCES occurrences (id),
    guild_id      INTEGER NOT NULL,
    question      TEXT    NOT NULL,
    started_at    TEXT    NOT NULL
) STRICT;

-- Pulse answers. The user is kept only so a second answer replaces the first; results never
-- show it, and erasure detaches it (the score stays in the aggregate).
CREATE TABLE pulse_answers (
    round_id    INTEGER NOT NULL REFERENCES pulse_rounds (occurrence_id),
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER,
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     TEXT,
    answered_at TEXT    NOT NULL,
    UNIQUE (round_id, user_id)
) STRICT;
