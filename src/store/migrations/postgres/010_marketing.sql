-- Marketing lists (src/consent/marketing): lists tied to a consent purpose, their subscriptions with double
-- opt-in, and e-mail tracking events recorded only with consent. The consent itself (given on confirmation,
-- withdrawn on unsubscribe) is proven by the consent ledger; these tables hold the per-list status.
CREATE TABLE marketing_lists (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  purpose_key TEXT NOT NULL,
  texts TEXT NOT NULL,
  public INTEGER NOT NULL CHECK (public IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE marketing_subscriptions (
  list_key TEXT NOT NULL REFERENCES marketing_lists (key),
  email TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed')),
  locale TEXT,
  -- SHA-256 of the nonce inside the newest confirmation token; a confirmation must name it.
  confirm_nonce_hash TEXT,
  requested_at TEXT,
  confirmed_at TEXT,
  unsubscribed_at TEXT,
  last_event_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (list_key, email)
);
CREATE INDEX marketing_subscriptions_email ON marketing_subscriptions (email);

CREATE TABLE marketing_tracking_events (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'click')),
  list_key TEXT NOT NULL,
  email TEXT NOT NULL,
  campaign TEXT NOT NULL,
  url TEXT
);
CREATE INDEX marketing_tracking_events_campaign ON marketing_tracking_events (campaign, at);

-- What a short link in a mail stands for (one-click unsubscribe, open pixel, click redirect). The URL holds
-- the random id and an HMAC of it, so it stays short enough for a path segment whatever the address is.
CREATE TABLE marketing_links (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('unsubscribe', 'open', 'click')),
  email TEXT NOT NULL,
  list_key TEXT NOT NULL,
  campaign TEXT,
  url TEXT,
  created_at TEXT NOT NULL
);
-- One stable unsubscribe link per address and list: a mailer asking twice gets the same URL.
CREATE UNIQUE INDEX marketing_links_unsubscribe ON marketing_links (email, list_key) WHERE kind = 'unsubscribe';
