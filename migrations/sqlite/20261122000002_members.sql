ALTER TABLE guild_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE guild_settings ADD COLUMN require_mentor_approval INTEGER NOT NULL DEFAULT 1;

-- One row per person per role per server: someone can be both mentor and mentee.
CREATE TABLE members (
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee')),
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'paused', 'withdrawn', 'declined')),
    topics      TEXT    NOT NULL, -- JSON array of lower-case tags
    timezone    TEXT    NOT NULL,
    languages   TEXT    NOT NULL, -- JSON array of language codes
    capacity    INTEGER,
    goals       TEXT,
    about       TEXT,
    enrolled_at TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id, role)
) STRICT;

CREATE INDEX members_by_status ON members (guild_id, role, status, enrolled_at);
