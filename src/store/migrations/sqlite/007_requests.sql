-- Data-subject requests (src/requests): the request, its timeline, verification codes (hashed), tasks and
-- access packages, plus the per-address throttle counters. Times are ISO-8601 text, booleans 0/1, JSON text.
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  channel TEXT NOT NULL,
  language TEXT NOT NULL,
  email TEXT NOT NULL,
  identity TEXT NOT NULL,
  details TEXT NOT NULL,
  received_at TEXT NOT NULL,
  verified_at TEXT,
  acknowledge_by TEXT,
  due_at TEXT NOT NULL,
  extension_notice_by TEXT NOT NULL,
  extended_due_at TEXT NOT NULL,
  extended INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
  completed_at TEXT,
  assignee_id TEXT,
  fee TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX requests_email ON requests (email, received_at);
CREATE INDEX requests_status_due ON requests (status, due_at);

CREATE TABLE request_events (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor TEXT NOT NULL,
  reason TEXT,
  message TEXT,
  public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
  data TEXT NOT NULL DEFAULT '{}',
  notified_at TEXT,
  UNIQUE (request_id, seq)
);
CREATE INDEX request_events_pending ON request_events (kind, notified_at);

CREATE TABLE request_verifications (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('identity', 'download', 'status')),
  code_hash TEXT NOT NULL,
  link_hash TEXT UNIQUE,
  tries INTEGER NOT NULL DEFAULT 0,
  max_tries INTEGER NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT,
  voided_at TEXT
);
CREATE INDEX request_verifications_request ON request_verifications (request_id, purpose, created_at);

CREATE TABLE request_tasks (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('automatic', 'manual')),
  target TEXT NOT NULL,
  title TEXT NOT NULL,
  instructions TEXT NOT NULL DEFAULT '',
  assignee_id TEXT,
  due_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
  result TEXT,
  error TEXT,
  upload_path TEXT,
  upload_sha256 TEXT,
  reminded_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  completed_by TEXT
);
CREATE INDEX request_tasks_request ON request_tasks (request_id, created_at);
CREATE INDEX request_tasks_due ON request_tasks (status, due_at);

CREATE TABLE request_packages (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  purged_at TEXT,
  download_token_hash TEXT UNIQUE,
  download_expires_at TEXT,
  downloaded_at TEXT
);
CREATE INDEX request_packages_request ON request_packages (request_id, created_at);

CREATE TABLE request_throttle (
  key_hash TEXT NOT NULL,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key_hash, window_start)
);
