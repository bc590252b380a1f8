-- Erasure reaching consent (src/consent/decisions): when an erasure request completes, the person's current
-- consent state, and that of the devices seen with them in the ledger, is deleted, and one row per subject
-- tells every replica's decider to drop the subject's entries up to `up_to_seq` (the chain's head at the
-- erasure; a consent given later is kept). `seq` grows under the consent ledger's lock: deciders poll
-- `seq > last`. The ledger itself is kept as the proof of consent (Art. 7(1)).
CREATE TABLE consent_erasures (
  seq INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('person', 'device')),
  subject_id TEXT NOT NULL,
  up_to_seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (request_id, subject_type, subject_id)
);

-- Marketing campaigns (src/consent/marketing): what staff sent to a list and how far the sending got. Large
-- lists are sent by a job in batches; `cursor` (the last address handled) moves in the same transaction as
-- the batch's mails, so a retried job neither skips nor repeats a recipient.
CREATE TABLE marketing_campaigns (
  id TEXT PRIMARY KEY,
  list_key TEXT NOT NULL REFERENCES marketing_lists (key),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link_text TEXT NOT NULL,
  link_url TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  recipients INTEGER NOT NULL,
  queued INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  tracked INTEGER NOT NULL,
  cursor TEXT,
  job_id TEXT,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX marketing_campaigns_created ON marketing_campaigns (created_at);
