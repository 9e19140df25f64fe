-- PostgreSQL twin of migrations/sqlite/20261210000002_availability.sql: why and until when a
-- mentor is paused, and each monthly availability question with its answer.
ALTER TABLE members ADD COLUMN paused_reason TEXT
    CHECK (paused_reason IN ('no_answer', 'chose', 'stepped_back'));
ALTER TABLE members ADD COLUMN paused_at TIMESTAMPTZ;
ALTER TABLE members ADD COLUMN paused_until TIMESTAMPTZ;

CREATE TABLE availability_asks (
    occurrence_id BIGINT      PRIMARY KEY,
    guild_id      BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    asked_at      TIMESTAMPTZ NOT NULL,
    answer        TEXT CHECK (answer IN ('yes', 'pause', 'back')),
    answered_at   TIMESTAMPTZ,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);

CREATE INDEX availability_asks_by_member ON availability_asks (guild_id, user_id);
