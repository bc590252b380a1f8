import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { openTestStore, type TestStore } from '../../test/support/test-stores.ts';
import type { JobDefinition } from './job-definition.ts';
import { createJobRegistry } from './job-registry.ts';
import {
  blockingJob,
  chainingJob,
  countingJob,
  createCallLog,
  flakyJob,
  runsOf,
  spawnCrashWorker,
  waitFor,
} from './job-test-kit.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue, JobQueueOptions } from './queue.ts';

const fast: JobQueueOptions = { pollIntervalMs: 20, maintenanceIntervalSeconds: 1 };

describe('pg-boss queue', () => {
  let testStore: TestStore;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    testStore = await openTestStore('postgres');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await testStore.cleanup();
  });

  /** A queue on its own pool (as another process would have); cleanup closes both. */
  function queueOn(jobs: readonly JobDefinition[], workerId: string, ownPool = false): JobQueue {
    let store: Store = testStore.store;
    if (ownPool) {
      const own = openStore(testStore.url);
      cleanups.push(() => own.close());
      store = own;
    }
    const queue = createPgBossQueue(
      { store, clock: systemClock, registry: createJobRegistry(jobs), workerId },
      fast,
    );
    cleanups.push(() => queue.close());
    return queue;
  }

  function startWorker(queue: JobQueue, concurrency = 1): { abort: AbortController; done: Promise<void> } {
    const abort = new AbortController();
    const done = queue.work({ signal: abort.signal, concurrency });
    cleanups.push(async () => {
      abort.abort();
      await done;
    });
    return { abort, done };
  }

  async function messageStates(): Promise<string[]> {
    const result = await sql<{
      state: string;
    }>`select state::text from pgboss.job where name = 'privet-jobs' order by created_on`.execute(
      testStore.store.db,
    );
    return result.rows.map((r) => r.state);
  }

  it('refuses a SQLite store', async () => {
    const sqlite = await openTestStore('sqlite');
    try {
      const attempt = (): JobQueue =>
        createPgBossQueue({ store: sqlite.store, clock: systemClock, registry: createJobRegistry([]) });
      expect(attempt).toThrow(expect.objectContaining({ code: 'config_invalid' }) as Error);
    } finally {
      await sqlite.cleanup();
    }
  });

  it('runs a job, records it and completes its pg-boss message', async () => {
    const calls = createCallLog();
    const queue = queueOn([countingJob(calls)], 'w1');
    const { id } = await queue.enqueue('test.count', { key: 'one' });
    const again = await queue.enqueue('test.count', { key: 'one' }, { idempotencyKey: 'k' });
    expect(await queue.enqueue('test.count', { key: 'one' }, { idempotencyKey: 'k' })).toEqual({
      id: again.id,
      created: false,
    });
    const unknown = await queue.enqueue('test.nope', {}).catch((e: unknown) => e);
    expect(isPrivetError(unknown, 'bad_request')).toBe(true);
    startWorker(queue);
    await waitFor('both jobs', async () => (await queue.depth()).completed === 2);
    expect(await runsOf(testStore.store, id)).toMatchObject([
      { attempt: 1, outcome: 'completed', worker: 'w1' },
    ]);
    expect(calls.count('one')).toBe(2);
    expect(await messageStates()).toEqual(['completed', 'completed']);
  });

  it('lets a job queue a follow-up job through its context', async () => {
    const calls = createCallLog();
    const queue = queueOn([chainingJob(), countingJob(calls)], 'w1');
    await queue.enqueue('test.chain', { key: 'child' });
    startWorker(queue);
    await waitFor('both jobs', async () => (await queue.depth()).completed === 2);
    expect(calls.count('child')).toBe(1);
    expect(await messageStates()).toEqual(['completed', 'completed']);
  });

  it('retries a failing job with backoff through new messages, then records the failure', async () => {
    const queue = queueOn([flakyJob(1)], 'w1');
    const { id } = await queue.enqueue('test.flaky', { key: 'f' });
    startWorker(queue);
    const failed = await waitFor('the failure', async () => {
      const view = await queue.get(id);
      return view?.status === 'failed' && view;
    });
    expect(failed).toMatchObject({ attempts: 3, lastError: 'Error: boom 3' });
    expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(await messageStates()).toEqual(['completed', 'completed', 'completed']);
  });

  it('runs each of many jobs exactly once with two queues working one database', async () => {
    const calls = createCallLog();
    const first = queueOn([countingJob(calls)], 'w1', true);
    const second = queueOn([countingJob(calls)], 'w2', true);
    const keys = Array.from({ length: 60 }, (_, i) => `job-${i}`);
    const ids = await Promise.all(
      keys.map((key, i) => (i % 2 === 0 ? first : second).enqueue('test.count', { key })),
    );
    startWorker(first, 4);
    startWorker(second, 4);
    await waitFor('every job', async () => (await first.depth()).completed === keys.length);
    for (const key of keys) expect(calls.count(key)).toBe(1);
    const runs = await testStore.store.db
      .selectFrom('job_runs')
      .select(['job_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('job_id')
      .execute();
    expect(runs).toHaveLength(ids.length);
    expect(runs.every((r) => Number(r.n) === 1)).toBe(true);
    expect((await messageStates()).filter((s) => s !== 'completed')).toEqual([]);
  });

  it('hands an interrupted job back on shutdown and resolves after its handler returned', async () => {
    const started: string[] = [];
    const cleaned: string[] = [];
    const queue = queueOn(
      [blockingJob({ onStart: (j) => started.push(j), cleanupMs: 50, onCleanedUp: (j) => cleaned.push(j) })],
      'w1',
    );
    const { id } = await queue.enqueue('test.block', { key: 'b' });
    const abort = new AbortController();
    const done = queue.work({ signal: abort.signal });
    await waitFor('the handler', () => started.includes(id));
    abort.abort();
    await done;
    expect(cleaned).toEqual([id]);
    expect(await queue.get(id)).toMatchObject({
      status: 'queued',
      lastError: 'interrupted by worker shutdown',
    });
    expect(await messageStates()).toEqual(['completed', 'created']);

    const calls = createCallLog();
    const next = queueOn([countingJob(calls, 'test.block')], 'w2');
    startWorker(next);
    await waitFor('the rerun', async () => (await next.get(id))?.status === 'completed');
    expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['interrupted', 'completed']);
  });

  it('re-runs the job of a worker process killed with SIGKILL once pg-boss expires its message', async () => {
    const calls = createCallLog();
    const survivor = queueOn([countingJob(calls, 'test.block')], 'survivor');
    const { id } = await survivor.enqueue('test.block', { key: 'k' });
    const child = spawnCrashWorker(testStore.url, 'pg-boss');
    cleanups.push(() => child.kill());
    await child.started(id);
    await child.kill();
    // The message would expire after the job's timeout; moving its start back an hour lets maintenance expire it now.
    await sql`update pgboss.job set started_on = now() - interval '1 hour' where name = 'privet-jobs' and state = 'active'`.execute(
      testStore.store.db,
    );
    startWorker(survivor);
    await waitFor('the retry', async () => (await survivor.get(id))?.status === 'completed');
    expect((await runsOf(testStore.store, id)).map((r) => [r.attempt, r.worker, r.outcome])).toEqual([
      [1, 'doomed-worker', 'lost'],
      [2, 'survivor', 'completed'],
    ]);
    expect(calls.count('k')).toBe(1);
  });

  it('skips a cancelled job and completes its message', async () => {
    const calls = createCallLog();
    const queue = queueOn([countingJob(calls)], 'w1');
    const cancelled = await queue.enqueue('test.count', { key: 'c' });
    expect(await queue.cancel(cancelled.id)).toBe(true);
    const ran = await queue.enqueue('test.count', { key: 'r' });
    startWorker(queue);
    await waitFor('the other job', async () => (await queue.get(ran.id))?.status === 'completed');
    await waitFor('both messages', async () => (await messageStates()).every((s) => s === 'completed'));
    expect(calls.count('c')).toBe(0);
    expect(await queue.get(cancelled.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
  });
});
