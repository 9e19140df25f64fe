-- PostgreSQL twin of migrations/sqlite/20261207000001_mentors_circle.sql.
--   * `circle_cron`: when the circle meets (NULL: no circle), in the server's time zone;
--     `circle_channel_id`: the voice or stage channel it meets in; `circle_text_channel_id`:
--     the mentors-only text channel the bot made for its announcements.
--   * two occurrence kinds, both with target = the meeting's start (Unix seconds):
--     `circle` (create the event and announce it, a week ahead) and `circle_reminder` (the
--     day before; parent = the announcement).
--   * and, for programme cycles (next migration), `cycle_ask` (target = a pair: continue or
--     finish?) and `cycle_end` (target = the cycle).
ALTER TABLE guild_settings ADD COLUMN circle_cron TEXT;
ALTER TABLE guild_settings ADD COLUMN circle_channel_id BIGINT;
ALTER TABLE guild_settings ADD COLUMN circle_text_channel_id BIGINT;

ALTER TABLE occurrences DROP CONSTRAINT occurrences_kind_check;
ALTER TABLE occurrences ADD CONSTRAINT occurrences_kind_check
    CHECK (kind IN ('checkin', 'reminder', 'pulse', 'pulse_dm', 'digest', 'circle',
                    'circle_reminder', 'cycle_ask', 'cycle_end'));
