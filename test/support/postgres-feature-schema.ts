/**
 * PostgreSQL shapes a catalog reader gets wrong easily: a partitioned table whose foreign key is declared only
 * on its (sub)partitions, a key referencing a partitioned table, inheritance, a self-reference, a cycle and a
 * second schema referring back to public.
 */
export const postgresFeatureSchema = `
CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT NOT NULL, referred_by INTEGER REFERENCES account (id));

CREATE TABLE event (id INTEGER NOT NULL, account_id INTEGER, at DATE NOT NULL, ip_address TEXT,
  PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE event_2025_a PARTITION OF event_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE event_2025_b PARTITION OF event_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
ALTER TABLE event_2024 ADD CONSTRAINT event_2024_account FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE event_2025_a ADD CONSTRAINT event_2025_a_account FOREIGN KEY (account_id) REFERENCES account (id);

CREATE TABLE ticket (id INTEGER PRIMARY KEY, event_id INTEGER, event_at DATE,
  CONSTRAINT ticket_event FOREIGN KEY (event_id, event_at) REFERENCES event (id, at));

CREATE TABLE contact_base (id INTEGER PRIMARY KEY, phone TEXT, account_id INTEGER);
CREATE TABLE contact_2024 (note TEXT, CONSTRAINT contact_2024_account FOREIGN KEY (account_id) REFERENCES account (id))
  INHERITS (contact_base);
CREATE TABLE contact_2025 (CONSTRAINT contact_2025_id FOREIGN KEY (id) REFERENCES account (id)) INHERITS (contact_base);

CREATE TABLE team (id INTEGER PRIMARY KEY, captain_id INTEGER);
CREATE TABLE player (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES team (id));
ALTER TABLE team ADD CONSTRAINT team_captain FOREIGN KEY (captain_id) REFERENCES player (id);

CREATE SCHEMA crm;
CREATE TABLE crm.lead (id INTEGER PRIMARY KEY, email TEXT, account_id INTEGER REFERENCES public.account (id));

INSERT INTO account VALUES (1, 'ada@example.com', NULL), (2, 'bob@example.com', 1);
INSERT INTO event VALUES (1, 1, '2024-03-01', '192.0.2.1'), (2, 2, '2025-03-01', '2001:db8::1'),
  (3, 1, '2025-04-01', '198.51.100.7');
INSERT INTO crm.lead VALUES (1, 'lead@example.com', 1);
`;
