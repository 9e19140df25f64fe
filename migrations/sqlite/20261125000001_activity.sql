-- Messages a member wrote in their pair's channel, counted per UTC day from gateway events.
-- Counts only: the bot never sees message text (no message-content intent). One row per
-- (pair, day, member) however busy the channel, so a busy server does not mean a row a message.
CREATE TABLE activity_daily (
    pair_id  INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    day      TEXT    NOT NULL, -- YYYY-MM-DD (UTC)
    user_id  INTEGER NOT NULL,
    guild_id INTEGER NOT NULL,
    messages INTEGER NOT NULL CHECK (messages > 0),
    PRIMARY KEY (pair_id, day, user_id)
) STRICT;

-- The digest reads one guild's recent days; covering, so it never touches the table.
CREATE INDEX activity_by_guild_day ON activity_daily (guild_id, day, pair_id, user_id, messages);

-- Meetings a pair recorded with /meet.
CREATE TABLE meetings (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id  INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    guild_id INTEGER NOT NULL,
    user_id  INTEGER, -- who recorded it; NULL after that person erased their data
    minutes  INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    note     TEXT,
    held_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX meetings_by_pair ON meetings (pair_id, held_at);
CREATE INDEX meetings_by_guild ON meetings (guild_id, held_at);

-- Public thanks given with /kudos.
CREATE TABLE kudos (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    giver_id    INTEGER, -- NULL after the giver erased their data (the count stays)
    receiver_id INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    channel_id  INTEGER NOT NULL,
    given_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX kudos_by_giver ON kudos (guild_id, giver_id, given_at);
CREATE INDEX kudos_by_guild ON kudos (guild_id, given_at);
