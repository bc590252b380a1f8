import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedDecider } from '../consent/decisions/shared-decider.ts';
import { silentLogger } from '../jobs/job-logger.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import type { PrivetApp } from './app-deps.ts';
import { createApp } from './create-app.ts';
import { createMetrics } from './metrics.ts';
import { PURGE_RATE_LIMITS_JOB_KIND, rateLimitJobs } from './rate-limit-jobs.ts';
import { sharedRateLimitStore } from './shared-rate-limit-store.ts';

// Test-only public routes with a small limit, on both replicas.
function addLimitedRoutes(app: PrivetApp): void {
  for (const path of ['/api/public/test-limit', '/api/public/test-other']) {
    app.get(path, { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
  }
}

describe('rate limits shared by replicas on PostgreSQL', () => {
  let t: TestApp;
  let replicaStore: Store;
  let replica: PrivetApp;
  beforeAll(async () => {
    t = await startTestApp({ kind: 'postgres', beforeReady: addLimitedRoutes });
    // A second replica: its own connection pool on the same database, its own app, as another process has.
    replicaStore = openStore(t.storeUrl);
    replica = await createApp({
      config: t.config,
      store: replicaStore,
      clock: { now: () => new Date() },
      queue: t.queue,
      metrics: createMetrics(),
      decisions: createSharedDecider({ store: replicaStore }),
      webDist: '/nonexistent',
    });
    addLimitedRoutes(replica);
    await replica.ready();
  });
  afterAll(async () => {
    await replica.close();
    await replicaStore.close();
    await t.stop();
  });

  const hit = (app: PrivetApp, remoteAddress: string, url = '/api/public/test-limit') =>
    app.inject({ method: 'GET', url, remoteAddress });

  it('counts one client across both replicas: the sixth request is refused wherever it lands', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await hit(i % 2 === 0 ? t.app : replica, '203.0.113.10')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await hit(t.app, '203.0.113.10');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['x-ratelimit-limit']).toBe('5');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client, and another route of the same client, count on their own.
    expect((await hit(replica, '203.0.113.11')).statusCode).toBe(200);
    expect((await hit(replica, '203.0.113.10', '/api/public/test-other')).statusCode).toBe(200);
  });

  it('lets exactly the limit through when requests arrive together on both replicas', async () => {
    const all = await Promise.all(
      Array.from({ length: 16 }, (_, i) => hit(i % 2 === 0 ? t.app : replica, '203.0.113.20')),
    );
    const statuses = all.map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    // Each allowed request was told a distinct remaining count: 4, 3, 2, 1, 0.
    const remaining = all
      .filter((res) => res.statusCode === 200)
      .map((res) => Number(res.headers['x-ratelimit-remaining']))
      .sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
  });

  it('starts a new window once the last one ended', async () => {
    for (let i = 0; i < 5; i += 1) expect((await hit(replica, '203.0.113.30')).statusCode).toBe(200);
    expect((await hit(t.app, '203.0.113.30')).statusCode).toBe(429);
    // The window ends (as a minute passing would end it).
    await t.store.db.updateTable('rate_limit_counters').set({ resets_at_ms: '0' }).execute();
    const again = await hit(t.app, '203.0.113.30');
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-ratelimit-remaining']).toBe('4');
  });

  it('stores no client address, only keyed hashes', async () => {
    await hit(t.app, '198.51.100.77');
    const rows = await t.store.db.selectFrom('rate_limit_counters').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key).not.toContain('198.51.100.77');
    }
  });

  it('purges counters whose window ended, on a ten-minute schedule, and keeps live ones', async () => {
    const jobs = rateLimitJobs({ store: t.store });
    expect(jobs.schedules.map((s) => s.kind)).toEqual([PURGE_RATE_LIMITS_JOB_KIND]);
    await hit(t.app, '198.51.100.88');
    // Live: a window that ends in the future (earlier tests ended some windows on purpose).
    const live = await t.store.db
      .selectFrom('rate_limit_counters')
      .select('key')
      .where('resets_at_ms', '>', String(Date.now()))
      .execute();
    expect(live.length).toBeGreaterThan(0);
    await t.store.db
      .insertInto('rate_limit_counters')
      .values({ key: 'ended-long-ago', hits: 3, resets_at_ms: '1000' })
      .execute();
    const handler = jobs.definitions[0]?.handler;
    await handler?.(
      {},
      {
        signal: new AbortController().signal,
        jobId: 'job_t',
        attempt: 1,
        idempotencyKey: null,
        log: silentLogger,
      },
    );
    const left = (await t.store.db.selectFrom('rate_limit_counters').select('key').execute()).map(
      (r) => r.key,
    );
    expect(left).not.toContain('ended-long-ago');
    expect(left.sort()).toEqual(live.map((r) => r.key).sort());
  });

  it('finishes the counts under way when closed, then refuses new ones', async () => {
    const counts = sharedRateLimitStore(t.store.db, t.config.secret);
    const store = new counts.Store({}).child({ routeInfo: { method: 'GET', url: '/closing' } } as never);
    const counted = new Promise<{ current: number } | Error>((resolve) =>
      store.incr(
        '203.0.113.40',
        (error, result) => resolve(error ?? result ?? new Error('no result')),
        60_000,
        5,
      ),
    );
    await counts.close();
    expect(await counted).toMatchObject({ current: 1 });
    const refused = await new Promise<Error | null>((resolve) =>
      store.incr('203.0.113.40', (error) => resolve(error), 60_000, 5),
    );
    expect(refused?.message).toMatch(/Shutting down/);
  });

  it('has no purge job on SQLite, whose one process counts in memory', async () => {
    const sqlite = await startTestApp({ kind: 'sqlite' });
    try {
      expect(rateLimitJobs({ store: sqlite.store })).toEqual({ definitions: [], schedules: [] });
    } finally {
      await sqlite.stop();
    }
  });
});
