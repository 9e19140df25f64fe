-- Problems raised privately with "Report a problem" or /report. The text is the reporter's
-- and goes with their data (/mydata export and delete); the audit log records only that a
-- report was made. `message_id` is the moderators' copy in the digest channel.
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id        INTEGER NOT NULL,
    reporter_id     INTEGER NOT NULL,
    pair_id         INTEGER,
    what            TEXT    NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
    contact         INTEGER NOT NULL CHECK (contact IN (0, 1)),
    created_at      TEXT    NOT NULL,
    channel_id      INTEGER,
    message_id      INTEGER,
    acknowledged_by INTEGER, -- NULL after that moderator erased their data, or while open
    acknowledged_at TEXT
) STRICT;

CREATE INDEX reports_by_reporter ON reports (guild_id, reporter_id, created_at);
CREATE INDEX reports_open ON reports (guild_id) WHERE acknowledged_at IS NULL;
