import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { runCli, spawnCommand, type Spawned } from '../support/run-cli.ts';
import { createPostgresDatabase, type TestDatabase } from '../support/test-stores.ts';

const JOBS = 500;

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('scale-out: two servers without workers and two workers on one PostgreSQL', () => {
  let db: TestDatabase;
  let store: Store;
  const processes: Spawned[] = [];
  let env: Record<string, string>;
  let urls: string[] = [];
  let key = '';

  beforeAll(async () => {
    db = await createPostgresDatabase();
    env = {
      PRIVET_DATABASE_URL: db.url,
      PRIVET_SECRET: 'scale-out-secret-scale-out-secret-0001',
      PORT: '0',
      PRIVET_LOG_LEVEL: 'warn',
    };
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const created = await runCli(['admin', 'create-key', '--role', 'admin', '--json'], env);
    key = (JSON.parse(created.stdout) as { key: string }).key;
    for (let i = 0; i < 2; i += 1)
      processes.push(spawnCommand('node', ['bin/privet.mjs', 'serve', '--no-worker'], env));
    urls = await Promise.all(
      processes.map(async (p) => (await p.waitFor(/serving on (http:\/\/[\d.:]+)/))[1] ?? ''),
    );
    for (let i = 0; i < 2; i += 1)
      processes.push(spawnCommand('node', ['bin/privet.mjs', 'worker', '--concurrency', '4'], env));
    await Promise.all(processes.slice(2).map((p) => p.waitFor(/worker started/)));
    store = openStore(db.url);
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited()));
    await store?.close();
    await db?.drop();
  });

  it(`runs ${JOBS} jobs enqueued through both servers exactly once each`, async () => {
    const post = async (url: string, jobKey: string) => {
      const res = await fetch(`${url}/api/admin/jobs/echo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: jobKey, delayMs: 5 }),
      });
      return { status: res.status, body: (await res.json()) as { id: string; created: boolean } };
    };
    // Each key is sent to both servers at once: one creates the job, the other must get the same id back.
    const created: string[] = [];
    for (let start = 0; start < JOBS; start += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, JOBS - start) }, async (_, i) => {
          const jobKey = `k${start + i}`;
          const [a, b] = await Promise.all([post(urls[0] ?? '', jobKey), post(urls[1] ?? '', jobKey)]);
          expect(a.body.id).toBe(b.body.id);
          expect([a.body.created, b.body.created].filter(Boolean)).toHaveLength(1);
          return a.body.id;
        }),
      );
      created.push(...batch);
    }
    expect(new Set(created).size).toBe(JOBS);

    await waitUntil('every job to complete', async () => {
      const row = await store.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'system.echo')
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow();
      return Number(row.n) === JOBS;
    });

    // Privet's own schedules (mail, webhook and request sweeps) run beside the echo jobs: count only the latter.
    const jobs = await store.db
      .selectFrom('jobs')
      .select(['id', 'idempotency_key'])
      .where('kind', '=', 'system.echo')
      .execute();
    expect(jobs).toHaveLength(JOBS);
    expect(new Set(jobs.map((j) => j.idempotency_key)).size).toBe(JOBS);
    const runs = await store.db
      .selectFrom('job_runs as r')
      .innerJoin('jobs as j', 'j.id', 'r.job_id')
      .select(['r.job_id', 'r.worker', 'r.outcome'])
      .where('j.kind', '=', 'system.echo')
      .where('r.outcome', '=', 'completed')
      .execute();
    expect(runs).toHaveLength(JOBS);
    expect(new Set(runs.map((r) => r.job_id)).size).toBe(JOBS);
    // Both workers took part; neither server ran anything.
    const workers = new Set(runs.map((r) => r.worker));
    expect(workers.size).toBe(2);
    const echoRuns = await sql<{
      n: number;
    }>`select count(*)::int as n from job_runs r join jobs j on j.id = r.job_id where j.kind = 'system.echo'`.execute(
      store.db,
    );
    expect(echoRuns.rows[0]?.n).toBe(JOBS);
    const allRunners = await store.db.selectFrom('job_runs').select('worker').distinct().execute();
    expect(
      allRunners.every((r) => workers.has(r.worker)),
      'only the two workers ran jobs',
    ).toBe(true);
  });
});
