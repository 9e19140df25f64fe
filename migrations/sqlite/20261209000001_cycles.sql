-- Programme cycles (`/programme start name weeks`): a term or cohort with an end date. Pairs
-- made while one runs belong to it (`pairs.cycle_id`), as do the pairs open when it starts.
-- Two weeks before the end each pair is asked whether to continue into the next cycle or
-- finish (`cycle_choices`, one answer per pair, either member may change it); at the end the
-- pairs that chose to finish end as completed. At most one cycle runs per server.
CREATE TABLE cycles (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           INTEGER NOT NULL,
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    started_at         TEXT    NOT NULL,
    ends_at            TEXT    NOT NULL,
    ended_at           TEXT,
    started_by_user_id INTEGER,
    CHECK (ends_at > started_at)
) STRICT;

CREATE UNIQUE INDEX cycles_one_running ON cycles (guild_id) WHERE ended_at IS NULL;

ALTER TABLE pairs ADD COLUMN cycle_id INTEGER REFERENCES cycles (id);

CREATE TABLE cycle_choices (
    cycle_id          INTEGER NOT NULL REFERENCES cycles (id),
    pair_id           INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    guild_id          INTEGER NOT NULL,
    choice            TEXT    NOT NULL CHECK (choice IN ('continue', 'finish')),
    chosen_by_user_id INTEGER,
    chosen_at         TEXT    NOT NULL,
    PRIMARY KEY (cycle_id, pair_id)
) STRICT;
