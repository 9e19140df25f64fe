-- Private matching preferences (`/profile avoid`): a member asks not to be paired with
-- someone. `/pair suggest` never proposes the two together and `/pair create` refuses them
-- "for a private reason"; nobody else ever sees the row. Erased with either person's data.
CREATE TABLE avoidances (
    guild_id        INTEGER NOT NULL,
    user_id         INTEGER NOT NULL,
    avoided_user_id INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id, avoided_user_id),
    CHECK (user_id <> avoided_user_id)
) STRICT;

CREATE INDEX avoidances_by_avoided ON avoidances (guild_id, avoided_user_id);
