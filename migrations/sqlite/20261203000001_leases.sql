-- A claim says who holds it and until when. A process that dies loses its claims when the
-- lease runs out, and another process sends them (delivery checks Discord first, so still
-- once). A process that restarts takes its own claims back at once.
ALTER TABLE occurrences ADD COLUMN claimed_by TEXT;
ALTER TABLE occurrences ADD COLUMN lease_until TEXT;

CREATE INDEX occurrences_leases ON occurrences (lease_until) WHERE state = 'claimed';
