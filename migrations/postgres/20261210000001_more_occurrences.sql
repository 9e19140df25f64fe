-- PostgreSQL twin of migrations/sqlite/20261210000001_more_occurrences.sql: four more
-- occurrence kinds, `cycle_report`, `availability`, `availability_ask` and `availability_expire`.
ALTER TABLE occurrences DROP CONSTRAINT occurrences_kind_check;
ALTER TABLE occurrences ADD CONSTRAINT occurrences_kind_check
    CHECK (kind IN ('checkin', 'reminder', 'pulse', 'pulse_dm', 'digest', 'circle',
                    'circle_reminder', 'cycle_ask', 'cycle_end', 'cycle_report', 'availability',
                    'availability_ask', 'availability_expire'));
