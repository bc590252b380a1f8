-- The demo shop: a small web shop's database, the kind of system Privet connects to.
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  street TEXT NOT NULL,
  city TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  country TEXT NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  phone TEXT,
  date_of_birth TEXT,
  address_id INTEGER REFERENCES addresses (id),
  loyalty_id TEXT UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX customers_address ON customers (address_id);
-- phone is an identity of the data map: requests look customers up by it.
CREATE INDEX customers_phone ON customers (phone);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  job_title TEXT NOT NULL,
  hired_at TEXT NOT NULL
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  price_cents INTEGER NOT NULL
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  shipping_address_id INTEGER REFERENCES addresses (id),
  status TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  total_cents INTEGER NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  quantity INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL
);
CREATE INDEX order_lines_order ON order_lines (order_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  method TEXT NOT NULL,
  card_holder TEXT,
  card_last4 TEXT,
  provider_reference TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  paid_at TEXT NOT NULL
);
CREATE INDEX payments_order ON payments (order_id);

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  number TEXT NOT NULL UNIQUE,
  billing_name TEXT NOT NULL,
  billing_address TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX invoices_order ON invoices (order_id);

CREATE TABLE newsletter_subscriptions (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  customer_id INTEGER REFERENCES customers (id),
  source TEXT NOT NULL,
  subscribed_at TEXT NOT NULL,
  confirmed_at TEXT,
  unsubscribed_at TEXT
);
CREATE INDEX newsletter_customer ON newsletter_subscriptions (customer_id);

CREATE TABLE support_tickets (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  assigned_staff_id INTEGER REFERENCES staff (id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  opened_at TEXT NOT NULL
);
CREATE INDEX tickets_customer ON support_tickets (customer_id);

CREATE TABLE web_visits (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers (id),
  ip_address TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  path TEXT NOT NULL,
  visited_at TEXT NOT NULL
);
CREATE INDEX visits_customer ON web_visits (customer_id);
