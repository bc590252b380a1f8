-- Rate limits shared by every replica (src/http/shared-rate-limit-store.ts): one counter per route and client,
-- keyed by a keyed hash so that no client address is stored, counting hits until `resets_at_ms` (the database
-- clock, in ms since the epoch). PostgreSQL only: a SQLite deployment is one process, which counts in memory.
-- UNLOGGED: counters need no crash safety (a crash forgets a minute of counting) and skip the WAL.
CREATE UNLOGGED TABLE rate_limit_counters (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  resets_at_ms BIGINT NOT NULL
);
CREATE INDEX rate_limit_counters_resets ON rate_limit_counters (resets_at_ms);
