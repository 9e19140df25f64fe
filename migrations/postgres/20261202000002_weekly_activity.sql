-- PostgreSQL twin of migrations/sqlite/20261202000002_weekly_activity.sql.

-- Messages per pair, member and week (weeks start on Monday, UTC), kept on write next to the
-- daily counts. The digest reads these: a number of rows bounded by pairs × members × the
-- weeks it shows, however long the server's history (the daily rows stay for health and
-- `/mydata`).
CREATE TABLE activity_weekly (
    pair_id  BIGINT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
    week     DATE   NOT NULL, -- the Monday (UTC)
    user_id  BIGINT NOT NULL,
    guild_id BIGINT NOT NULL,
    messages BIGINT NOT NULL CONSTRAINT activity_weekly_messages_check CHECK (messages > 0),
    PRIMARY KEY (pair_id, week, user_id)
);

-- The digest reads one guild's weeks; covering, so it never touches the table.
CREATE INDEX activity_weekly_by_guild ON activity_weekly (guild_id, week, pair_id, user_id, messages);

-- ISO weeks start on Monday: date_trunc('week', …) is that Monday (SQLite: date(day,
-- 'weekday 0', '-6 days')). The cast to timestamp (no time zone) keeps the session's time
-- zone out of it.
INSERT INTO activity_weekly (pair_id, week, user_id, guild_id, messages)
SELECT pair_id, date_trunc('week', day::timestamp)::date, user_id, guild_id, SUM(messages)
FROM activity_daily
GROUP BY pair_id, date_trunc('week', day::timestamp)::date, user_id, guild_id;
