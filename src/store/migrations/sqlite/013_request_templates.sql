-- Request messages as staff edited them (src/requests/messages): one row per message and language replaces the
-- shipped template's subject and plain-text body (the HTML part is derived from the body). No row means the
-- shipped template is used; resetting deletes the row.
CREATE TABLE request_templates (
  message TEXT NOT NULL,
  language TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (message, language)
);
