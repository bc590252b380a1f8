-- Notice versions (src/notices) and the consent capability (src/consent): banner categories, the
-- hash-chained consent ledger and the current state it maintains. Times are ISO-8601 text, booleans 0/1,
-- lists and per-language texts JSON text.
CREATE TABLE notice_versions (
  id TEXT PRIMARY KEY,
  notice_key TEXT NOT NULL,
  version TEXT NOT NULL,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  purpose_keys TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT,
  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  UNIQUE (notice_key, version)
);
-- At most one version of a notice is the one in force.
CREATE UNIQUE INDEX notice_versions_current ON notice_versions (notice_key) WHERE is_current = 1;

CREATE TABLE consent_categories (
  key TEXT PRIMARY KEY,
  purpose_key TEXT NOT NULL,
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  gpc_opt_out INTEGER NOT NULL CHECK (gpc_opt_out IN (0, 1)),
  services TEXT NOT NULL,
  texts TEXT NOT NULL,
  google_consent_mode TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE consent_events (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  person_id TEXT,
  person_verified INTEGER NOT NULL CHECK (person_verified IN (0, 1)),
  device_id TEXT,
  category_key TEXT,
  purpose_key TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('given', 'withdrawn', 'objected')),
  method TEXT NOT NULL CHECK (method IN ('banner', 'portal', 'email', 'staff', 'gpc', 'api')),
  gpc INTEGER NOT NULL CHECK (gpc IN (0, 1)),
  notice_version TEXT NOT NULL,
  notice_hash TEXT NOT NULL,
  ip_truncated TEXT,
  user_agent_family TEXT,
  language TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  CHECK (person_id IS NOT NULL OR device_id IS NOT NULL)
);
-- Partial: a banner event has no person id, a staff entry often no device id; neither needs an index entry.
CREATE INDEX consent_events_device ON consent_events (device_id, seq) WHERE device_id IS NOT NULL;
CREATE INDEX consent_events_person ON consent_events (person_id, seq) WHERE person_id IS NOT NULL;
CREATE FUNCTION consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_events is append-only';
END;
$$;
CREATE TRIGGER consent_events_no_change BEFORE UPDATE OR DELETE ON consent_events
FOR EACH ROW EXECUTE FUNCTION consent_events_append_only();

-- The latest event per subject and purpose, written in the same transaction as the event.
CREATE TABLE consent_state (
  subject_type TEXT NOT NULL CHECK (subject_type IN ('person', 'device')),
  subject_id TEXT NOT NULL,
  purpose_key TEXT NOT NULL,
  category_key TEXT,
  action TEXT NOT NULL,
  method TEXT NOT NULL,
  notice_version TEXT NOT NULL,
  notice_hash TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (subject_type, subject_id, purpose_key)
);
