-- Messages per pair, member and week (weeks start on Monday, UTC), kept on write next to the
-- daily counts. The digest reads these: a number of rows bounded by pairs × members × the
-- weeks it shows, however long the server's history (the daily rows stay for health and
-- `/mydata`).
CREATE TABLE activity_weekly (
    pair_id  INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    week     TEXT    NOT NULL, -- the Monday, YYYY-MM-DD (UTC)
    user_id  INTEGER NOT NULL,
    guild_id INTEGER NOT NULL,
    messages INTEGER NOT NULL CHECK (messages > 0),
    PRIMARY KEY (pair_id, week, user_id)
) STRICT;

-- The digest reads one guild's weeks; covering, so it never touches the table.
CREATE INDEX activity_weekly_by_guild ON activity_weekly (guild_id, week, pair_id, user_id, messages);

-- 'weekday 0' moves to the coming Sunday (or stays on one); six days back is its Monday.
INSERT INTO activity_weekly (pair_id, week, user_id, guild_id, messages)
SELECT pair_id, date(day, 'weekday 0', '-6 days'), user_id, guild_id, SUM(messages)
FROM activity_daily
GROUP BY pair_id, date(day, 'weekday 0', '-6 days'), user_id, guild_id;
