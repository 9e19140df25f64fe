-- Discord's global rate limit is per bot, not per process: every process of the bot takes
-- its requests' turns from this one row (a generic cell rate algorithm: `tat_us` is the
-- earliest free turn, in microseconds since 1970 by the database's clock). Not community
-- data; the row is created by the first request.
CREATE TABLE rate_budget (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tat_us BIGINT NOT NULL
);
