-- PostgreSQL twin of migrations/sqlite/20261122000002_members.sql.
ALTER TABLE guild_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- A flag (the Rust side binds bool): BOOLEAN here, INTEGER 0/1 on SQLite.
ALTER TABLE guild_settings ADD COLUMN require_mentor_approval BOOLEAN NOT NULL DEFAULT TRUE;

-- One row per person per role per server: someone can be both mentor and mentee.
CREATE TABLE members (
    guild_id    BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    role        TEXT        NOT NULL CONSTRAINT members_role_check CHECK (role IN ('mentor', 'mentee')),
    status      TEXT        NOT NULL CONSTRAINT members_status_check
                            CHECK (status IN ('pending', 'active', 'paused', 'withdrawn', 'declined')),
    topics      TEXT        NOT NULL, -- JSON array of lower-case tags
    timezone    TEXT        NOT NULL,
    languages   TEXT        NOT NULL, -- JSON array of language codes
    capacity    BIGINT,
    goals       TEXT,
    about       TEXT,
    enrolled_at TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, user_id, role)
);

CREATE INDEX members_by_status ON members (guild_id, role, status, enrolled_at);
