-- Signed webhooks (src/webhooks): endpoints with sealed secrets, events, deliveries and their attempts, the
-- consent feed's cursor, and Art. 19 notices to data-map recipients with each recipient's channel.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  event_kinds TEXT NOT NULL DEFAULT '[]',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE webhook_events (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  source_key TEXT UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES webhook_events (id),
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  next_attempt_at TEXT,
  claimed_until TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
  attempt INTEGER NOT NULL,
  at TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);

CREATE TABLE webhook_cursors (
  name TEXT PRIMARY KEY,
  position BIGINT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO webhook_cursors (name, position, updated_at) VALUES ('consent', 0, '1970-01-01T00:00:00.000Z');

CREATE TABLE art19_recipient_channels (
  recipient_key TEXT PRIMARY KEY,
  endpoint_id TEXT REFERENCES webhook_endpoints (id),
  email TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  updated_at TEXT NOT NULL
);

CREATE TABLE art19_notices (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  recipient_key TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email', 'none')),
  delivery_id TEXT REFERENCES webhook_deliveries (id),
  outbox_id TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (request_id, recipient_key)
);
