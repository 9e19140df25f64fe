-- Circles: a group of 3 to 6 in one private space, wherever a pair works today.
--   * `pairs.kind`: `pair` (a mentor and a mentee, as before), `group` (a mentor and two to
--     five mentees: `mentor_id` is the mentor, `mentee_id` stays NULL) or `circle` (three to six
--     peers, no mentor: both stay NULL).
--   * `pair_members`: the mentees of a group and the peers of a circle, each with when they
--     joined and, once they left while the others carry on, when. `user_id` is NULL once that
--     person erased their data (the circle's size in past figures stays right).
ALTER TABLE pairs ADD COLUMN kind TEXT NOT NULL DEFAULT 'pair'
    CHECK (kind IN ('pair', 'group', 'circle'));

CREATE TABLE pair_members (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id   INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER,
    role      TEXT    NOT NULL CHECK (role IN ('mentee', 'peer')),
    joined_at TEXT    NOT NULL,
    left_at   TEXT
) STRICT;

CREATE UNIQUE INDEX pair_members_once ON pair_members (pair_id, user_id)
    WHERE user_id IS NOT NULL;
CREATE INDEX pair_members_by_user ON pair_members (guild_id, user_id);
