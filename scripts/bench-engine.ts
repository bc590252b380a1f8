/**
 * `npm run bench:engine`: the requests engine on Chinook ×1000 in PostgreSQL (built once by
 * scripts/build-bench-chinook.ts into privet_bench_chinook, then reused), in one run on this machine:
 *   (a) access for one subject vs hand-written SQL fetching the same rows (goal ≤ 1.2×), also for the subject
 *       with 1M rows;
 *   (b) erasure of 1,000 subjects in one request vs hand-written set-based UPDATEs of the same fields (≤ 2×);
 *   (c) peak RSS of `privet request run --type access … --out F.zip` for the subject with 1M rows (≤ 150 MB):
 *       the CLI as users run it, compiled (npm run build:cli); also with V8's old space capped, without the
 *       build (through tsx), for a small subject and for `privet --version`.
 * Both sides of (a) and (b) connect, as a script would. The subjects (b) erases are put back afterwards.
 * Not a test: the figures depend on the machine. Options: --runs N (default 7) for (a), --erasure-runs N
 * (default 3) for (b), each round on the same subjects put back in between, after a first round reported apart.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDataConnection } from '../src/connectors/open-data-connection.ts';
import { openIntrospector } from '../src/connectors/open-introspector.ts';
import { scanDatabase } from '../src/datamap/discovery/scan-database.ts';
import { exportFidesYaml } from '../src/datamap/fides-yaml/export-fides-yaml.ts';
import { systemClock } from '../src/domain/clock.ts';
import type { DatasetBinding } from '../src/engine/execution/plan-request.ts';
import type { RequestEngineDeps } from '../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../src/engine/execution/run-request.ts';
import type { PlanStep } from '../src/engine/plan/request-plan.ts';
import { migrate } from '../src/store/migrate.ts';
import { openSqliteStore } from '../src/store/open-sqlite-store.ts';
import { ensureBenchChinook, MILLION_EMAIL, MILLION_ROWS, restoreCopies } from './build-bench-chinook.ts';
import { buildCli } from './build-cli.ts';

const signal = new AbortController().signal;
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const RUNS = Number(option('--runs') ?? 7) || 7;
/** `--erasure-runs N` (default 3): measured rounds of (b), after a first one. */
const ERASURE_RUNS = Number(option('--erasure-runs') ?? 3) || 3;
/** `--only a,c` runs those parts only. */
const ONLY = new Set((option('--only') ?? 'a,b,c').split(','));
const ONE_SUBJECT = 'k500.luisg@embraer.com.br';
// (c) is also run with V8's old space capped, to tell retained memory from garbage not yet collected.
const CAPPED_HEAP_MB = 100;
const ENGINE_COPIES = Array.from({ length: 17 }, (_, i) => 101 + i);
const HAND_COPIES = Array.from({ length: 17 }, (_, i) => 201 + i);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function withPg<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The hand-written access: the customer by email, their invoices, the invoices' lines; rows counted. */
function handAccess(url: string, email: string): Promise<number> {
  return withPg(url, async (client) => {
    const customers = await client.query('SELECT * FROM customer WHERE lower(trim(email)) = $1', [email]);
    const ids = customers.rows.map((r: { customer_id: number }) => r.customer_id);
    const invoices = await client.query('SELECT * FROM invoice WHERE customer_id = ANY($1)', [ids]);
    const invoiceIds = invoices.rows.map((r: { invoice_id: number }) => r.invoice_id);
    const lines = await client.query('SELECT * FROM invoice_line WHERE invoice_id = ANY($1)', [invoiceIds]);
    return customers.rowCount! + invoices.rowCount! + lines.rowCount!;
  });
}

/** The hand-written access for a subject too big to hold: one cursor over the join, 500 rows a fetch. */
function handStream(url: string, email: string): Promise<number> {
  return withPg(url, async (client) => {
    await client.query('BEGIN');
    let rows = 0;
    const customers = await client.query('SELECT * FROM customer WHERE lower(trim(email)) = $1', [email]);
    rows += customers.rowCount ?? 0;
    const ids = customers.rows.map((r: { customer_id: number }) => r.customer_id);
    for (const sql of [
      'SELECT * FROM invoice WHERE customer_id = ANY($1)',
      'SELECT l.* FROM invoice_line l JOIN invoice i ON i.invoice_id = l.invoice_id WHERE i.customer_id = ANY($1)',
    ]) {
      await client.query(`DECLARE c NO SCROLL CURSOR FOR ${sql}`, [ids]);
      for (;;) {
        const batch = await client.query('FETCH 500 FROM c');
        rows += batch.rowCount ?? 0;
        if ((batch.rowCount ?? 0) < 500) break;
      }
      await client.query('CLOSE c');
    }
    await client.query('COMMIT');
    return rows;
  });
}

/** The emails of the first 1,000 customers of these copies. */
function subjectsOf(url: string, copies: readonly number[]): Promise<string[]> {
  return withPg(url, async (client) => {
    const found = await client.query(
      'SELECT email FROM customer WHERE customer_id / 1000 = ANY($1) ORDER BY customer_id LIMIT 1000',
      [copies],
    );
    return found.rows.map((r: { email: string }) => r.email);
  });
}

// What the engine sets a masked field to, in SQL: NULL where allowed, else a unique `erased-…` text.
function maskSql(step: PlanStep, field: PlanStep['fields'][number]): string {
  const column = `"${field.name}"`;
  if (field.shape.nullable) return `${column} = NULL`;
  if (field.shape.family !== 'text') return `${column} = ${column}`;
  const key = step.primaryKey.map((k) => `"${k}"::text`).join(" || '/' || ");
  return `${column} = left('erased-' || md5(${key} || '${field.name}'), ${field.shape.length ?? 31})`;
}

/** The hand-written erasure: for each collection the engine masked, one UPDATE of the same fields. */
function handErase(url: string, emails: readonly string[], steps: readonly PlanStep[]): Promise<number> {
  return withPg(url, async (client) => {
    await client.query('BEGIN');
    const customerStep = steps.find((s) => s.table === 'customer');
    const invoiceStep = steps.find((s) => s.table === 'invoice');
    const sets = (step: PlanStep | undefined) =>
      step === undefined ? [] : step.fields.filter((f) => f.action === 'mask').map((f) => maskSql(step, f));
    const ids = await client.query('SELECT customer_id FROM customer WHERE lower(trim(email)) = ANY($1)', [
      emails,
    ]);
    const customerIds = ids.rows.map((r: { customer_id: number }) => r.customer_id);
    let changed = 0;
    const invoiceSets = sets(invoiceStep);
    if (invoiceSets.length > 0)
      changed +=
        (
          await client.query(`UPDATE invoice SET ${invoiceSets.join(', ')} WHERE customer_id = ANY($1)`, [
            customerIds,
          ])
        ).rowCount ?? 0;
    changed +=
      (
        await client.query(
          `UPDATE customer SET ${sets(customerStep).join(', ')} WHERE customer_id = ANY($1)`,
          [customerIds],
        )
      ).rowCount ?? 0;
    await client.query('COMMIT');
    return changed;
  });
}

const privetBin = fileURLToPath(new URL('../bin/privet.mjs', import.meta.url));

/**
 * Runs `privet <args>` (bin/privet.mjs, as `npx privet` does) in a child process and samples its peak
 * resident set (VmHWM of /proc/<pid>/status, which only grows) every 50 ms until it exits; the last sample
 * is the peak. `cli` is PRIVET_CLI: `build` runs the CLI compiled by `npm run build:cli` (rebuilt just
 * before, so that a source edited meanwhile does not make it fall back to tsx), `tsx` the TypeScript sources.
 */
async function peakRss(
  args: readonly string[],
  env: Record<string, string>,
  cli: 'build' | 'tsx',
  nodeFlags: readonly string[] = [],
): Promise<{ kb: number; ms: number; code: number | null; stdout: string }> {
  if (cli === 'build') await buildCli();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, privetBin, ...args], {
      env: { ...process.env, ...env, PRIVET_CLI: cli },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let kb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const sample = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, 'utf8')
        .then((status) => {
          kb = Math.max(kb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        })
        .catch(() => undefined);
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) log(stderr);
      resolve({ kb, ms: performance.now() - started, code, stdout });
    });
  });
}

async function main(): Promise<void> {
  const url = await ensureBenchChinook(log);
  await restoreCopies([...ENGINE_COPIES, ...HAND_COPIES]);
  const dir = await mkdtemp(join(tmpdir(), 'privet-bench-engine-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  await migrate(store);
  const deps: RequestEngineDeps = {
    store,
    clock: systemClock,
    secret: randomBytes(24).toString('hex'),
    openConnection: openDataConnection,
    openIntrospector,
  };
  const rows: string[][] = [];
  const goal = (ratio: number, limit: number) => (ratio <= limit ? 'met' : 'NOT met');
  try {
    log('scanning the database for its data map');
    const { dataset } = await scanDatabase({ openIntrospector, clock: systemClock }, { url }, signal);
    const bindings: DatasetBinding[] = [{ dataset, url }];
    const access = async (email: string) => {
      const result = await runRequest(
        deps,
        { type: 'access', bindings, identities: [{ type: 'email', value: email }] },
        signal,
      );
      if (result.status !== 'completed') throw new Error(`access ended ${result.status}`);
      return Object.values(result.collections).reduce((n, c) => n + c.rows, 0);
    };

    if (ONLY.has('a')) {
      log(`(a) access for ${ONE_SUBJECT}, ${RUNS} runs each after a warm-up`);
      const engineRows = await access(ONE_SUBJECT);
      const handRows = await handAccess(url, ONE_SUBJECT);
      if (engineRows !== handRows) throw new Error(`engine found ${engineRows} rows, SQL ${handRows}`);
      const engineMs: number[] = [];
      const handMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        engineMs.push((await timed(() => access(ONE_SUBJECT))).ms);
        handMs.push((await timed(() => handAccess(url, ONE_SUBJECT))).ms);
      }
      const a = median(engineMs) / median(handMs);
      rows.push([
        `(a) access, 1 subject (${engineRows} rows)`,
        `${median(engineMs).toFixed(1)} ms`,
        `${median(handMs).toFixed(1)} ms`,
        `${a.toFixed(2)}×`,
        '≤ 1.2×',
        goal(a, 1.2),
      ]);

      log(`(a) access for ${MILLION_EMAIL} (${MILLION_ROWS} rows), once each`);
      const big = await timed(() => access(MILLION_EMAIL));
      const bigHand = await timed(() => handStream(url, MILLION_EMAIL));
      if (big.value !== bigHand.value)
        throw new Error(`engine found ${big.value} rows, SQL ${bigHand.value}`);
      const a2 = big.ms / bigHand.ms;
      rows.push([
        `(a) access, 1 subject (${big.value} rows)`,
        `${(big.ms / 1000).toFixed(2)} s`,
        `${(bigHand.ms / 1000).toFixed(2)} s`,
        `${a2.toFixed(2)}×`,
        '≤ 1.2×',
        goal(a2, 1.2),
      ]);
    }
    if (ONLY.has('b')) {
      log(`(b) erasure of 1,000 subjects: a first run, then ${ERASURE_RUNS} runs each, restored in between`);
      const engineSubjects = await subjectsOf(url, ENGINE_COPIES);
      const handSubjects = await subjectsOf(url, HAND_COPIES);
      const round = async () => {
        const erase = await timed(() =>
          runRequest(
            deps,
            {
              type: 'erasure',
              bindings,
              identities: engineSubjects.map((value) => ({ type: 'email', value })),
              actor: 'bench',
            },
            signal,
          ),
        );
        if (erase.value.status !== 'completed') throw new Error(`erasure ended ${erase.value.status}`);
        const masked = Object.values(erase.value.collections).reduce((n, c) => n + c.masked, 0);
        const hand = await timed(() => handErase(url, handSubjects, erase.value.plan.steps));
        if (hand.value !== masked)
          log(`note: the engine masked ${masked} rows, the hand-written SQL ${hand.value}`);
        await restoreCopies([...ENGINE_COPIES, ...HAND_COPIES]);
        return { engineMs: erase.ms, handMs: hand.ms, masked };
      };
      // The first erasure of a process also pays for compiling the engine's code (V8 compiles as it goes):
      // reported on its own; the goal is judged, as (a) is, on the runs after it.
      const first = await round();
      const runs: Awaited<ReturnType<typeof round>>[] = [];
      for (let i = 0; i < ERASURE_RUNS; i++) runs.push(await round());
      const engineMs = median(runs.map((r) => r.engineMs));
      const handMs = median(runs.map((r) => r.handMs));
      const b = engineMs / handMs;
      rows.push([
        `(b) erasure, 1,000 subjects (${first.masked} rows masked), first in the process`,
        `${(first.engineMs / 1000).toFixed(2)} s`,
        `${(first.handMs / 1000).toFixed(2)} s`,
        `${(first.engineMs / first.handMs).toFixed(2)}×`,
        '',
        '',
      ]);
      rows.push([
        `(b) erasure, 1,000 subjects (${first.masked} rows masked)`,
        `${(engineMs / 1000).toFixed(2)} s`,
        `${(handMs / 1000).toFixed(2)} s`,
        `${b.toFixed(2)}×`,
        '≤ 2×',
        goal(b, 2),
      ]);
    }
    if (ONLY.has('c')) {
      log('(c) peak RSS of `privet request run --type access … --out F.zip` for the 1M-row subject');
      const yml = join(dir, 'chinook.yml');
      await writeFile(yml, exportFidesYaml([dataset]));
      // The CLI's own store (SQLite) and secret, as a user's first run creates them, made before measuring.
      const env = { PRIVET_DATA_DIR: join(dir, 'privet-cli') };
      const migrated = await peakRss(['migrate'], env, 'build');
      if (migrated.code !== 0) throw new Error(`privet migrate exited ${migrated.code}`);
      const zip = join(dir, 'export.zip');
      const export_ = async (email: string, cli: 'build' | 'tsx', flags: readonly string[] = []) => {
        const args = ['request', 'run', '--type', 'access', '--identity', `email=${email}`];
        args.push('--connection', url, '--dataset', yml, '--out', zip, '--json');
        const run = await peakRss(args, env, cli, flags);
        if (run.code !== 0) throw new Error(`privet request run exited ${run.code}`);
        const { collections } = JSON.parse(run.stdout) as { collections: Record<string, { rows: number }> };
        const rowCount = Object.values(collections).reduce((n, c) => n + c.rows, 0);
        return { ...run, rowCount, zipBytes: (await stat(zip)).size };
      };
      const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
      const version = await peakRss(['--version'], env, 'build');
      const small = await export_(ONE_SUBJECT, 'build');
      rows.push([
        `(c) peak RSS, \`privet --version\`; ZIP of ${small.rowCount} rows`,
        mb(version.kb),
        mb(small.kb),
        '',
        '',
        '',
      ]);
      const variants = [
        { cli: 'build', flags: [], label: '' },
        {
          cli: 'build',
          flags: [`--max-old-space-size=${CAPPED_HEAP_MB}`],
          label: `, --max-old-space-size=${CAPPED_HEAP_MB}`,
        },
        { cli: 'tsx', flags: [], label: ', no build (tsx)' },
      ] as const;
      for (const { cli, flags, label } of variants) {
        const million = await export_(MILLION_EMAIL, cli, flags);
        if (million.rowCount !== MILLION_ROWS) throw new Error(`the export has ${million.rowCount} rows`);
        rows.push([
          `(c) peak RSS, ZIP of ${MILLION_ROWS} rows (${(million.zipBytes / 1e6).toFixed(0)} MB, ${(million.ms / 1000).toFixed(0)} s)${label}`,
          mb(million.kb),
          `${mb(small.kb)} (${ONE_SUBJECT})`,
          `+${mb(million.kb - small.kb)}`,
          '≤ 150 MB',
          million.kb / 1024 <= 150 ? 'met' : 'NOT met',
        ]);
      }
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  const header = ['benchmark', 'engine', 'hand-written SQL / small subject', 'ratio', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

await main();
