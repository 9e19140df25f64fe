-- How a pair's channel is archived when the pair ends: kept read-only, or deleted.
ALTER TABLE guild_settings ADD COLUMN archive_mode TEXT NOT NULL DEFAULT 'read_only'
    CHECK (archive_mode IN ('read_only', 'delete'));

-- A mentor and a mentee working together. Rows are kept after the pair ends (history, no
-- repeat pairs, retention). A user column is NULL after that person erased their data.
CREATE TABLE pairs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    mentor_id     INTEGER,
    mentee_id     INTEGER,
    status        TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'ended', 'broken')),
    channel_id    INTEGER,
    started_at    TEXT    NOT NULL,
    paused_until  TEXT,
    ended_at      TEXT,
    end_reason    TEXT CHECK (end_reason IN ('completed', 'not_a_good_fit', 'inactive', 'withdrawn', 'other')),
    broken_notified INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX pairs_by_guild_status ON pairs (guild_id, status);
CREATE INDEX pairs_by_mentor ON pairs (guild_id, mentor_id);
CREATE INDEX pairs_by_mentee ON pairs (guild_id, mentee_id);
CREATE UNIQUE INDEX pairs_by_channel ON pairs (channel_id) WHERE channel_id IS NOT NULL;

-- Categories the bot made for pair channels when the chosen one filled up (50 channels).
CREATE TABLE pair_categories (
    guild_id    INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, category_id)
) STRICT;

-- A pair's goals, numbered within the pair (#1, #2, …).
CREATE TABLE goals (
    pair_id     INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    guild_id    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    due         TEXT,
    done_at     TEXT,
    created_by_user_id INTEGER,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (pair_id, number)
) STRICT;

-- Exit surveys, one per member per ended pair.
CREATE TABLE exit_surveys (
    pair_id     INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    worked      TEXT,
    change      TEXT,
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (pair_id, user_id)
) STRICT;

-- A matching preview waiting for a moderator's decision (its buttons carry the id).
CREATE TABLE pair_suggestions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    created_by_user_id INTEGER,
    proposals   TEXT    NOT NULL, -- JSON list of {mentor_id, mentee_id, score, reasons}
    state       TEXT    NOT NULL CHECK (state IN ('open', 'approved', 'discarded')),
    created_at  TEXT    NOT NULL
) STRICT;
