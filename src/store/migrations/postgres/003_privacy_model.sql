-- The privacy side of the data map: taxonomy extensions, systems, recipients, purposes (processing
-- activities) and international transfers. Times are ISO-8601 text, booleans 0/1, lists JSON text; free text
-- is '' when not given, codes and references are NULL.
CREATE TABLE taxonomy_extensions (
  kind TEXT NOT NULL CHECK (kind IN ('data_category', 'data_use', 'data_subject')),
  fides_key TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_key TEXT,
  sensitivity TEXT CHECK (sensitivity IN ('art9', 'art10')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, fides_key)
);

CREATE TABLE systems (
  fides_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  business_function TEXT NOT NULL,
  owner TEXT NOT NULL,
  dataset_keys TEXT NOT NULL,
  recipient_keys TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE recipients (
  fides_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('processor', 'controller', 'joint_controller', 'third_party')),
  country TEXT NOT NULL,
  dpa_signed_on TEXT,
  contract_url TEXT NOT NULL,
  contact TEXT NOT NULL,
  description TEXT NOT NULL,
  internal_notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE purposes (
  fides_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  data_use TEXT NOT NULL,
  system_key TEXT REFERENCES systems (fides_key),
  acting_as TEXT NOT NULL CHECK (acting_as IN ('controller', 'processor')),
  on_behalf_of TEXT REFERENCES recipients (fides_key),
  legal_basis TEXT CHECK (legal_basis IN ('6.1.a', '6.1.b', '6.1.c', '6.1.d', '6.1.e', '6.1.f')),
  special_category_condition TEXT,
  criminal_offence_authority TEXT NOT NULL,
  legitimate_interest TEXT NOT NULL,
  legitimate_interest_assessment TEXT NOT NULL,
  assessment_public INTEGER NOT NULL CHECK (assessment_public IN (0, 1)),
  data_subjects TEXT NOT NULL,
  data_categories TEXT NOT NULL,
  retention_period TEXT,
  retention_criteria TEXT NOT NULL,
  retention_by_category TEXT NOT NULL,
  recipient_keys TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('data_subject', 'other_source', 'both')),
  source_description TEXT NOT NULL,
  automated_decision_making INTEGER NOT NULL CHECK (automated_decision_making IN (0, 1)),
  automated_decision_logic TEXT NOT NULL,
  security_measures TEXT NOT NULL,
  consent_record TEXT NOT NULL,
  internal_notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX purposes_system ON purposes (system_key);

CREATE TABLE transfers (
  id TEXT PRIMARY KEY,
  recipient_key TEXT NOT NULL REFERENCES recipients (fides_key),
  system_key TEXT REFERENCES systems (fides_key),
  destination_country TEXT NOT NULL,
  safeguard TEXT CHECK (safeguard IN ('adequacy', 'scc', 'bcr', 'derogation_49')),
  safeguard_reference TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX transfers_recipient ON transfers (recipient_key);
