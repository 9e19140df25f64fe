-- The language of tandem's words (not the programme's language for matching):
-- a server may choose one for its shared posts, and each enrolled member's latest Discord
-- language is kept so that scheduled DMs and pair channels read in it. A code tandem no
-- longer speaks reads as unset.
ALTER TABLE guild_settings ADD COLUMN bot_language TEXT;

CREATE TABLE member_locales (
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    locale     TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) STRICT;
