import SQLite from 'better-sqlite3';
import type { CollectionRows } from '../package-input.ts';

type Row = Record<string, unknown>;

/** The demo shop's rows of one customer, as the engine would stream them, with hand-written SQL. For tests. */
export interface DemoShopRows {
  /** Collection name → SQL returning the customer's rows (with an `@email` parameter). */
  readonly queries: Readonly<Record<string, string>>;
  /** Streams each collection's rows from the database, lazily. */
  collections(email: string): AsyncIterable<CollectionRows>;
  /** Rows read from each collection so far. */
  readonly consumed: Map<string, number>;
  /** The customer's row count per collection, by the same SQL, read at once. */
  counts(email: string): Record<string, number>;
  close(): void;
}

const customer = 'SELECT id FROM customers WHERE email = @email';
const orders = `SELECT id FROM orders WHERE customer_id IN (${customer})`;

const queries: Readonly<Record<string, string>> = {
  customers: 'SELECT * FROM customers WHERE email = @email ORDER BY id',
  addresses: `SELECT * FROM addresses WHERE id IN (SELECT address_id FROM customers WHERE email = @email
    UNION SELECT shipping_address_id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE email = @email))
    ORDER BY id`,
  orders: `SELECT * FROM orders WHERE customer_id IN (${customer}) ORDER BY id`,
  payments: `SELECT * FROM payments WHERE order_id IN (${orders}) ORDER BY id`,
  invoices: `SELECT * FROM invoices WHERE order_id IN (${orders}) ORDER BY id`,
  newsletter_subscriptions: `SELECT * FROM newsletter_subscriptions WHERE email = @email
    OR customer_id IN (SELECT id FROM customers WHERE email = @email) ORDER BY id`,
  support_tickets: `SELECT * FROM support_tickets WHERE customer_id IN (${customer}) ORDER BY id`,
  web_visits: `SELECT * FROM web_visits WHERE customer_id IN (${customer}) ORDER BY id`,
};

/** Opens the demo shop database read-only; `names` picks and orders the collections (default: all). */
export function demoShopRows(path: string, names: readonly string[] = Object.keys(queries)): DemoShopRows {
  const db = new SQLite(path, { readonly: true });
  const consumed = new Map<string, number>();
  async function* rowsOf(name: string, email: string): AsyncIterable<Row> {
    for (const row of db.prepare(queries[name] ?? '').iterate({ email }) as Iterable<Row>) {
      consumed.set(name, (consumed.get(name) ?? 0) + 1);
      yield row;
    }
  }
  return {
    queries,
    consumed,
    async *collections(email) {
      for (const name of names) yield { dataset: 'demo_shop', collection: name, rows: rowsOf(name, email) };
    },
    counts(email) {
      return Object.fromEntries(
        names.map((name) => [name, db.prepare(queries[name] ?? '').all({ email }).length]),
      );
    },
    close() {
      db.close();
    },
  };
}
