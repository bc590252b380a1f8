/**
 * Builds the engine benchmark's database once: Chinook (test/fixtures) scaled ×1000 in PostgreSQL. Customer n
 * of copy k (k = 1..999) gets id `k*1000 + n` and email `k<k>.<email>`; its invoices and invoice lines are
 * copied with it (about 59k customers, 412k invoices, 2.24M lines). One more customer,
 * `million@bench.example` (id 9000001), holds 100,000 invoices of 9 lines each: a subject with 1,000,001 rows.
 * A finished build is marked by a comment on the database and reused; `--rebuild` drops and builds it again.
 * Run alone with `npx tsx scripts/build-bench-chinook.ts [--rebuild]`; `npm run bench:engine` calls it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Where the bench database lives. */
export const BENCH_SERVER = 'postgres://postgres@127.0.0.1:5432';
export const BENCH_DATABASE = 'privet_bench_chinook';
/** The subject of the memory benchmark and its number of rows (customer + invoices + lines). */
export const MILLION_EMAIL = 'million@bench.example';
export const MILLION_ROWS = 1 + 100_000 + 900_000;

const MARK = 'privet bench chinook x1000 v1';
const SCRIPT = fileURLToPath(
  new URL('../test/fixtures/datasets/chinook/Chinook_PostgreSql.sql', import.meta.url),
);

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${BENCH_SERVER}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function isBuilt(): Promise<boolean> {
  return withClient('postgres', async (client) => {
    const found = await client.query<{ mark: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`,
      [BENCH_DATABASE],
    );
    return found.rows[0]?.mark === MARK;
  });
}

const SCALE_STEPS: readonly (readonly [string, string])[] = [
  [
    'customers',
    `INSERT INTO customer
       SELECT c.customer_id + k * 1000, c.first_name, c.last_name, c.company, c.address, c.city, c.state,
              c.country, c.postal_code, c.phone, c.fax, 'k' || k || '.' || c.email, c.support_rep_id
       FROM customer c CROSS JOIN generate_series(1, 999) AS k WHERE c.customer_id < 1000`,
  ],
  [
    'invoices',
    `INSERT INTO invoice
       SELECT i.invoice_id + k * 1000, i.customer_id + k * 1000, i.invoice_date, i.billing_address,
              i.billing_city, i.billing_state, i.billing_country, i.billing_postal_code, i.total
       FROM invoice i CROSS JOIN generate_series(1, 999) AS k WHERE i.invoice_id < 1000`,
  ],
  [
    'invoice lines',
    `INSERT INTO invoice_line
       SELECT l.invoice_line_id + k * 10000, l.invoice_id + k * 1000, l.track_id, l.unit_price, l.quantity
       FROM invoice_line l CROSS JOIN generate_series(1, 999) AS k WHERE l.invoice_line_id < 10000`,
  ],
  [
    'the 1M-row subject',
    `INSERT INTO customer (customer_id, first_name, last_name, address, city, country, phone, email, support_rep_id)
       VALUES (9000001, 'Mill', 'Ion', '1 Long Road', 'Berlin', 'Germany', '+49 30 1234567', '${MILLION_EMAIL}', 3)`,
  ],
  [
    'its invoices',
    `INSERT INTO invoice
       SELECT 10000000 + g, 9000001, timestamp '2020-01-01' + g * interval '1 minute', '1 Long Road',
              'Berlin', NULL, 'Germany', '10115', 8.91
       FROM generate_series(1, 100000) AS g`,
  ],
  [
    'its invoice lines',
    `INSERT INTO invoice_line
       SELECT 100000000 + g * 10 + j, 10000000 + g, 1 + (g * 9 + j) % 3503, 0.99, 1
       FROM generate_series(1, 100000) AS g CROSS JOIN generate_series(1, 9) AS j`,
  ],
];

/** Builds the bench database unless a finished build is there; logs each step to `log`. */
export async function ensureBenchChinook(
  log: (line: string) => void,
  options: { rebuild?: boolean } = {},
): Promise<string> {
  const url = `${BENCH_SERVER}/${BENCH_DATABASE}`;
  if (options.rebuild !== true && (await isBuilt())) return url;
  await withClient('postgres', async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
    await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  });
  const script = (await readFile(SCRIPT, 'utf8'))
    .split('\n')
    .filter((line) => !/^\s*(DROP DATABASE|CREATE DATABASE|\\c\s)/i.test(line))
    .join('\n');
  await withClient(BENCH_DATABASE, async (client) => {
    log('loading Chinook');
    await client.query(script);
    // The copies are consistent by construction; checking each copied row's foreign keys only costs time.
    await client.query('SET session_replication_role = replica');
    for (const [name, sql] of SCALE_STEPS) {
      const started = performance.now();
      const result = await client.query(sql);
      log(`${name}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query('SET session_replication_role = DEFAULT');
    await client.query('VACUUM ANALYZE');
  });
  await withClient('postgres', (client) =>
    client.query(`COMMENT ON DATABASE ${BENCH_DATABASE} IS '${MARK}'`),
  );
  return url;
}

/**
 * Puts the customers and invoices of the given copies back as built (after an erasure benchmark changed
 * them), from the original rows they were copied from; returns the rows restored.
 */
export async function restoreCopies(copies: readonly number[]): Promise<number> {
  return withClient(BENCH_DATABASE, async (client) => {
    const customers = await client.query(
      `UPDATE customer c SET first_name = o.first_name, last_name = o.last_name, company = o.company,
         address = o.address, city = o.city, state = o.state, country = o.country, postal_code = o.postal_code,
         phone = o.phone, fax = o.fax, email = 'k' || (c.customer_id / 1000) || '.' || o.email,
         support_rep_id = o.support_rep_id
       FROM customer o WHERE o.customer_id = c.customer_id % 1000 AND c.customer_id / 1000 = ANY($1)
         AND c.customer_id < 1000000`,
      [copies],
    );
    const invoices = await client.query(
      `UPDATE invoice c SET billing_address = o.billing_address, billing_city = o.billing_city,
         billing_state = o.billing_state, billing_country = o.billing_country,
         billing_postal_code = o.billing_postal_code, invoice_date = o.invoice_date, total = o.total
       FROM invoice o WHERE o.invoice_id = c.invoice_id % 1000 AND c.invoice_id / 1000 = ANY($1)
         AND c.invoice_id < 1000000`,
      [copies],
    );
    // Every erase-and-restore round leaves dead row versions behind; without a vacuum each round would run on
    // a more bloated table than the one before, and figures would depend on how many rounds came earlier.
    await client.query('VACUUM ANALYZE customer, invoice');
    return (customers.rowCount ?? 0) + (invoices.rowCount ?? 0);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = await ensureBenchChinook((line) => console.log(line), {
    rebuild: process.argv.includes('--rebuild'),
  });
  console.log(`ready: ${url}`);
}
