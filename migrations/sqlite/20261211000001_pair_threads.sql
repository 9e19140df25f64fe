-- Pair spaces as private threads (`/setup pair_space:threads`), for servers near Discord's
-- 500-channel limit: private threads do not count towards it.
--   * `guild_settings.pair_space`: where new pairs go, their own channel or a private thread;
--     `pair_hub_channel_id`: the text channel the bot made to hold the threads (hidden from
--     everyone but the pairs, through `pair_role_id`, a role the bot made and gives to each
--     member of a pair in a thread, and the moderators). Both are the bot's own records.
--   * `pairs.in_thread`: this pair's space is a private thread (its `channel_id` is the
--     thread's id); pairs made before a switch keep their channels.
ALTER TABLE guild_settings ADD COLUMN pair_space TEXT NOT NULL DEFAULT 'channels'
    CHECK (pair_space IN ('channels', 'threads'));
ALTER TABLE guild_settings ADD COLUMN pair_hub_channel_id INTEGER;
ALTER TABLE guild_settings ADD COLUMN pair_role_id INTEGER;

ALTER TABLE pairs ADD COLUMN in_thread INTEGER NOT NULL DEFAULT 0 CHECK (in_thread IN (0, 1));
