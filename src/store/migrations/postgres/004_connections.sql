CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  engine TEXT NOT NULL CHECK (engine IN ('postgres', 'mysql', 'sqlite', 'redis')),
  url_redacted TEXT NOT NULL,
  url_sealed TEXT NOT NULL,
  dataset_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_tested_at TEXT,
  last_test_ok INTEGER,
  last_test_error TEXT
);
