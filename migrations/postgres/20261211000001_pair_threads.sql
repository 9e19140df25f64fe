-- PostgreSQL twin of migrations/sqlite/20261211000001_pair_threads.sql: where new pairs go
-- (their own channel or a private thread), the bot's hub channel and role for the threads,
-- and whether each pair's space is a thread.
ALTER TABLE guild_settings ADD COLUMN pair_space TEXT NOT NULL DEFAULT 'channels'
    CHECK (pair_space IN ('channels', 'threads'));
ALTER TABLE guild_settings ADD COLUMN pair_hub_channel_id BIGINT;
ALTER TABLE guild_settings ADD COLUMN pair_role_id BIGINT;

ALTER TABLE pairs ADD COLUMN in_thread BOOLEAN NOT NULL DEFAULT FALSE;
