-- Purpose decisions (src/consent/decisions): processing limits from restriction and objection requests, an
-- index that lets every replica's decider catch up on consent changes by sequence, and the idempotency keys
-- of banner posts (src/consent) so that a retried post does not append a second event.

-- One limit per request; lifting keeps the row (who, when, why). `change_seq` grows with every record and lift,
-- assigned under one lock, so deciders poll `change_seq > last` and miss nothing. `purposes` is a JSON list,
-- ignored when `all_purposes` is 1.
CREATE TABLE processing_limits (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('restriction', 'objection')),
  purposes TEXT NOT NULL,
  all_purposes INTEGER NOT NULL CHECK (all_purposes IN (0, 1)),
  ground TEXT,
  change_seq INTEGER NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  lifted_at TEXT,
  lifted_by TEXT,
  lift_reason TEXT
);
CREATE INDEX processing_limits_email ON processing_limits (email) WHERE lifted_at IS NULL;

-- Every upsert of a state row sets the new event's seq, which grows with the chain: deciders read what changed.
CREATE INDEX consent_state_event_seq ON consent_state (event_seq);

-- A banner post's idempotency key, scoped by its device (or person), and what the first post recorded.
CREATE TABLE consent_post_keys (
  scope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  receipt_ids TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX consent_post_keys_recorded ON consent_post_keys (recorded_at);
