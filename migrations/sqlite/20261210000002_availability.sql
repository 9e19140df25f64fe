-- Living mentor availability: once a month each active mentor is asked by DM whether they are
-- still up for mentoring (Yes / Pause a month / Step back). No answer in time pauses them.
--   * `members.paused_reason`, `paused_at`, `paused_until`: why a mentor is paused (their own
--     status; their pairs carry on), since when, and until when (NULL: until they say so).
--   * `availability_asks`: each question (keyed by its `availability_ask` occurrence) and the
--     answer, if any; the no-answer check reads it.
ALTER TABLE members ADD COLUMN paused_reason TEXT
    CHECK (paused_reason IN ('no_answer', 'chose', 'stepped_back'));
ALTER TABLE members ADD COLUMN paused_at TEXT;
ALTER TABLE members ADD COLUMN paused_until TEXT;

CREATE TABLE availability_asks (
    occurrence_id INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    asked_at      TEXT    NOT NULL,
    answer        TEXT CHECK (answer IN ('yes', 'pause', 'back')),
    answered_at   TEXT,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
) STRICT;

CREATE INDEX availability_asks_by_member ON availability_asks (guild_id, user_id);
