import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { createJobQueue } from './create-job-queue.ts';
import { runsOf, waitFor } from './job-test-kit.ts';
import type { EnqueueResult } from './queue.ts';

const fixture = fileURLToPath(new URL('./enqueue-many.fixture.ts', import.meta.url));

/** Runs the enqueue fixture in its own process and returns what it printed. */
function enqueueInChild(url: string, key: string, count: number): Promise<EnqueueResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, url, key, String(count)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output) as EnqueueResult[]);
      else reject(new Error(`enqueue fixture exited with ${String(code)}`));
    });
  });
}

describe.each(storeKinds)('createJobQueue on %s', (kind) => {
  let testStore: TestStore;
  beforeEach(async () => {
    testStore = await openTestStore(kind);
  });
  afterEach(async () => {
    await testStore.cleanup();
  });

  it('creates exactly one job per idempotency key when several processes enqueue it at once', async () => {
    const queue = createJobQueue(
      { store: testStore.store, clock: systemClock, registry: builtInJobs() },
      { pollIntervalMs: 20 },
    );
    try {
      const results = (
        await Promise.all([
          enqueueInChild(testStore.url, 'same-key', 10),
          enqueueInChild(testStore.url, 'same-key', 10),
          enqueueInChild(testStore.url, 'same-key', 10),
          Promise.all(
            Array.from({ length: 10 }, () =>
              queue.enqueue('system.echo', { key: 'same-key' }, { idempotencyKey: 'same-key' }),
            ),
          ),
        ])
      ).flat();
      expect(results).toHaveLength(40);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const ids = new Set(results.map((r) => r.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids] as [string];
      expect(await testStore.store.db.selectFrom('jobs').select('id').execute()).toEqual([{ id }]);
      if (kind === 'postgres') {
        // The adapter is pg-boss here, and its message was sent once, with the row.
        const messages = await sql<{
          n: number;
        }>`select count(*)::int as n from pgboss.job where name = 'privet-jobs'`.execute(testStore.store.db);
        expect(messages.rows[0]?.n).toBe(1);
      }

      const abort = new AbortController();
      const working = queue.work({ signal: abort.signal, concurrency: 2 });
      await waitFor('the job', async () => (await queue.get(id))?.status === 'completed');
      abort.abort();
      await working;
      expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['completed']);
    } finally {
      await queue.close();
    }
  });
});
