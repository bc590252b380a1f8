-- The requests engine (src/engine): one row per request run and one per checkpointed step of it. A run is
-- found again by `resume_key` (a keyed hash of type, identities, datasets and connections; never the
-- identities themselves). `state` holds a step's checkpoint (the subject's row keys, or the prepared changes)
-- as JSON text and is cleared when the run completes. Times are ISO-8601 text.
CREATE TABLE request_runs (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('access', 'portability', 'erasure', 'rectification')),
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'partial', 'failed', 'cancelled')),
  resume_key TEXT NOT NULL,
  owner TEXT,
  input TEXT NOT NULL,
  progress_done INTEGER NOT NULL DEFAULT 0,
  progress_total INTEGER NOT NULL DEFAULT 0,
  result TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX request_runs_resume ON request_runs (resume_key, created_at);

CREATE TABLE request_steps (
  run_id TEXT NOT NULL REFERENCES request_runs (id) ON DELETE CASCADE,
  step_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  phase TEXT NOT NULL,
  collection TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'prepared', 'done', 'failed')),
  attempt INTEGER NOT NULL DEFAULT 0,
  state TEXT,
  result TEXT,
  error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, step_key)
);
