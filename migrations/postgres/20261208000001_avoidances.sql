-- PostgreSQL twin of migrations/sqlite/20261208000001_avoidances.sql: private matching
-- preferences (`/profile avoid`), erased with either person's data.
CREATE TABLE avoidances (
    guild_id        BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    avoided_user_id BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, user_id, avoided_user_id),
    CONSTRAINT avoidances_check CHECK (user_id <> avoided_user_id)
);

CREATE INDEX avoidances_by_avoided ON avoidances (guild_id, avoided_user_id);
