-- Data Rights Protocol 1.0 (src/drp): authorized agents added through the admin API (agents of the configured
-- directory file are read from that file), their pair-wise bearer tokens (stored hashed), the DRP view of each
-- request an agent submitted, and the status callbacks owed to agents. Times are ISO-8601 text.
CREATE TABLE drp_agents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  verify_key TEXT NOT NULL,
  web_url TEXT,
  identity_assurance_url TEXT,
  technical_contact TEXT,
  business_contact TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE drp_tokens (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  business_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX drp_tokens_agent ON drp_tokens (agent_id);

CREATE TABLE drp_requests (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE REFERENCES requests (id) ON DELETE CASCADE,
  agent_request_id TEXT,
  -- SHA-256 of the signed message: the same signed message submitted again yields the same request.
  message_hash TEXT NOT NULL UNIQUE,
  exercise TEXT NOT NULL,
  regime TEXT,
  relationships TEXT NOT NULL,
  status_callback TEXT,
  revoked_at TEXT,
  revoke_reason TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX drp_requests_agent ON drp_requests (agent_id, created_at);

CREATE TABLE drp_callbacks (
  id TEXT PRIMARY KEY,
  drp_request_id TEXT NOT NULL REFERENCES drp_requests (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'superseded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until TEXT,
  last_http_status INTEGER,
  last_error TEXT,
  sent_status TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX drp_callbacks_due ON drp_callbacks (status, next_attempt_at);
