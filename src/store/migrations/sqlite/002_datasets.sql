-- Fides datasets of the data map. `document` is the whole FidesDataset as JSON text and is the source of
-- truth; the other columns exist so that lists need not parse every document.
CREATE TABLE datasets (
  fides_key TEXT PRIMARY KEY,
  name TEXT,
  description TEXT,
  system_key TEXT,
  document TEXT NOT NULL,
  collection_count INTEGER NOT NULL,
  field_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX datasets_system ON datasets (system_key);
