import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, systemClock, type Clock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { createInProcessQueue } from './in-process-queue.ts';
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
import type { JobQueue, JobQueueOptions } from './queue.ts';

const fast: JobQueueOptions = { pollIntervalMs: 10, leaseMs: 2_000 };

describe.each(storeKinds)('in-process queue on %s', (kind) => {
  let testStore: TestStore;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    testStore = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await testStore.cleanup();
  });

  /** Starts a worker that the test's cleanup stops and awaits. */
  function startWorker(queue: JobQueue, concurrency = 1): { abort: AbortController; done: Promise<void> } {
    const abort = new AbortController();
    const done = queue.work({ signal: abort.signal, concurrency });
    cleanups.push(async () => {
      abort.abort();
      await done;
    });
    return { abort, done };
  }

  function queueOn(
    store: Store,
    jobs: readonly JobDefinition[],
    options: { clock?: Clock; workerId?: string } = {},
  ): JobQueue {
    return createInProcessQueue(
      {
        store,
        clock: options.clock ?? systemClock,
        registry: createJobRegistry(jobs),
        ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
      },
      fast,
    );
  }

  /**
   * A second connection to the same PostgreSQL database, as another process would have. On SQLite the same handle:
   * better-sqlite3 waits for a lock synchronously, so two connections in one process would block the event loop
   * that has to release the lock (other processes are covered by create-job-queue.test.ts).
   */
  function secondStore(): Store {
    if (kind === 'sqlite') return testStore.store;
    const store = openStore(testStore.url);
    cleanups.push(() => store.close());
    return store;
  }

  it('runs an enqueued system.echo job once and records the attempt', async () => {
    const finished: string[] = [];
    const queue = createInProcessQueue(
      {
        store: testStore.store,
        clock: systemClock,
        registry: builtInJobs(),
        onJobFinished: (jobKind, outcome) => finished.push(`${jobKind}:${outcome}`),
      },
      fast,
    );
    const { id, created } = await queue.enqueue('system.echo', { key: 'hello', delayMs: 5 });
    expect(created).toBe(true);
    startWorker(queue);
    const job = await waitFor('completion', async () => {
      const view = await queue.get(id);
      return view?.status === 'completed' && view;
    });
    expect(job).toMatchObject({ kind: 'system.echo', attempts: 1, lastError: null });
    expect(job.finishedAt).not.toBeNull();
    expect(await runsOf(testStore.store, id)).toMatchObject([
      { attempt: 1, outcome: 'completed', error: null },
    ]);
    expect(finished).toEqual(['system.echo:completed']);
    expect(await queue.depth()).toEqual({ queued: 0, running: 0, completed: 1, failed: 0, cancelled: 0 });
  });

  it('lets a job queue a follow-up job through its context', async () => {
    const calls = createCallLog();
    const queue = queueOn(testStore.store, [chainingJob(), countingJob(calls)]);
    await queue.enqueue('test.chain', { key: 'child' });
    startWorker(queue);
    await waitFor('both jobs', async () => (await queue.depth()).completed === 2);
    expect(calls.count('child')).toBe(1);
  });

  it('refuses unknown kinds and payloads that do not fit the schema', async () => {
    const queue = createInProcessQueue({
      store: testStore.store,
      clock: systemClock,
      registry: builtInJobs(),
    });
    const unknown = await queue.enqueue('system.nope', {}).catch((e: unknown) => e);
    expect(isPrivetError(unknown, 'bad_request')).toBe(true);
    const invalid = await queue.enqueue('system.echo', { key: 42 }).catch((e: unknown) => e);
    expect(isPrivetError(invalid, 'validation_failed')).toBe(true);
    expect(isPrivetError(invalid) && invalid.issues.map((i) => i.path)).toContain('/key');
    expect(await queue.depth()).toMatchObject({ queued: 0 });
  });

  it('returns the existing job for a repeated idempotency key, also under concurrent enqueues', async () => {
    const calls = createCallLog();
    const first = queueOn(testStore.store, [countingJob(calls)]);
    const second = queueOn(secondStore(), [countingJob(calls)]);
    const a = await first.enqueue('test.count', { key: 'a' }, { idempotencyKey: 'once:a' });
    const again = await first.enqueue('test.count', { key: 'a' }, { idempotencyKey: 'once:a' });
    expect(again).toEqual({ id: a.id, created: false });

    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? first : second).enqueue('test.count', { key: 'b' }, { idempotencyKey: 'once:b' }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const rows = await testStore.store.db
      .selectFrom('jobs')
      .select('id')
      .where('idempotency_key', '=', 'once:b')
      .execute();
    expect(rows).toHaveLength(1);

    startWorker(first);
    startWorker(second);
    await waitFor('both jobs', async () => (await first.depth()).completed === 2);
    expect(calls.count('a')).toBe(1);
    expect(calls.count('b')).toBe(1);
  });

  it('retries with exponential backoff, then records the failure', async () => {
    const clock = fixedClock('2025-03-01T10:00:00.000Z');
    const queue = queueOn(testStore.store, [flakyJob(1_000)], { clock });
    const { id } = await queue.enqueue('test.flaky', { key: 'x' });
    startWorker(queue);

    const first = await waitFor('attempt 1 to fail', async () => {
      const view = await queue.get(id);
      return view?.attempts === 1 && view.status === 'queued' && view;
    });
    // 1 s after the failure at 10:00:00 (the clock stands still); the worker must not start attempt 2 before it.
    expect(first.runAt).toBe('2025-03-01T10:00:01.000Z');
    expect(first.lastError).toBe('Error: boom 1');
    clock.advance(1_000);
    const second = await waitFor('attempt 2 to fail', async () => {
      const view = await queue.get(id);
      return view?.attempts === 2 && view.status === 'queued' && view;
    });
    expect(second.runAt).toBe('2025-03-01T10:00:03.000Z');
    clock.advance(2_000);
    const last = await waitFor('the job to fail', async () => {
      const view = await queue.get(id);
      return view?.status === 'failed' && view;
    });
    expect(last).toMatchObject({ attempts: 3, lastError: 'Error: boom 3' });
    const runs = await runsOf(testStore.store, id);
    expect(runs.map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
    ]);
    expect(runs[2]?.error).toContain('boom 3');
  });

  it('completes a job that succeeds on a retry', async () => {
    const queue = queueOn(testStore.store, [flakyJob(1)]);
    const { id } = await queue.enqueue('test.flaky', { key: 'y', succeedOn: 2 });
    startWorker(queue);
    await waitFor('completion', async () => (await queue.get(id))?.status === 'completed');
    expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['failed', 'completed']);
  });

  it('re-runs a job whose worker died holding an expired lease, and fails it when no attempt is left', async () => {
    const calls = createCallLog();
    const queue = queueOn(testStore.store, [countingJob(calls)]);
    const retried = await queue.enqueue('test.count', { key: 'r' });
    const exhausted = await queue.enqueue('test.count', { key: 'e' }, { maxAttempts: 1 });
    for (const id of [retried.id, exhausted.id]) {
      // What a worker killed mid-job leaves behind: a running row with a lease in the past and an open run.
      await testStore.store.db
        .updateTable('jobs')
        .set({ status: 'running', attempts: 1, locked_by: 'dead', locked_until: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      await testStore.store.db
        .insertInto('job_runs')
        .values({
          id: `run_${id}`,
          job_id: id,
          attempt: 1,
          worker: 'dead',
          started_at: '2000-01-01T00:00:00.000Z',
          finished_at: null,
          outcome: null,
          error: null,
        })
        .execute();
    }
    startWorker(queue);
    await waitFor('the retried job', async () => (await queue.get(retried.id))?.status === 'completed');
    expect((await runsOf(testStore.store, retried.id)).map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'lost'],
      [2, 'completed'],
    ]);
    const failed = await waitFor('the exhausted job', async () => {
      const view = await queue.get(exhausted.id);
      return view?.status === 'failed' && view;
    });
    expect(failed.lastError).toContain('lease expired');
    expect(calls.count('r')).toBe(1);
    expect(calls.count('e')).toBe(0);
  });

  it('re-runs the job of a worker process killed with SIGKILL', async () => {
    const calls = createCallLog();
    // The survivor knows `test.block` as a job that completes at once.
    const later: Clock = { now: () => new Date(Date.now() + 3_600_000) };
    const survivor = queueOn(testStore.store, [countingJob(calls, 'test.block')], {
      clock: later,
      workerId: 'survivor',
    });
    const { id } = await queueOn(testStore.store, [blockingJob({})]).enqueue('test.block', { key: 'k' });
    const child = spawnCrashWorker(testStore.url, 'in-process');
    cleanups.push(() => child.kill());
    await child.started(id);
    await child.kill();
    expect((await survivor.get(id))?.status).toBe('running');

    // The dead worker's lease runs for a minute; the survivor's clock, an hour ahead, sees it expired at once.
    startWorker(survivor);
    await waitFor('the retry', async () => (await survivor.get(id))?.status === 'completed');
    expect((await runsOf(testStore.store, id)).map((r) => [r.attempt, r.worker, r.outcome])).toEqual([
      [1, 'doomed-worker', 'lost'],
      [2, 'survivor', 'completed'],
    ]);
    expect(calls.count('k')).toBe(1);
  });

  it('keeps a long job to its worker by renewing the lease', async () => {
    const calls = createCallLog();
    const jobs = [countingJob(calls), blockingJob({})];
    // Long enough that a busy machine's event-loop stalls do not let the lease lapse between renewals.
    const short: JobQueueOptions = { pollIntervalMs: 10, leaseMs: 600 };
    const a = createInProcessQueue(
      { store: testStore.store, clock: systemClock, registry: createJobRegistry(jobs) },
      short,
    );
    const b = createInProcessQueue(
      { store: secondStore(), clock: systemClock, registry: createJobRegistry(jobs) },
      short,
    );
    const { id } = await a.enqueue('test.block', { key: 'long' });
    const workerA = startWorker(a);
    startWorker(b);
    await waitFor('the job to start', async () => (await a.get(id))?.status === 'running');
    // Many lease lengths pass while the handler blocks; a marker job shows the other worker is polling meanwhile.
    const marker = await a.enqueue('test.count', { key: 'marker' });
    for (let i = 0; i < 3; i += 1) {
      await waitFor('the marker', async () => (await a.get(marker.id))?.status === 'completed');
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    workerA.abort.abort();
    await workerA.done;
    expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['interrupted']);
  });

  it('aborts a handler whose job another worker took over, and leaves the new holder alone', async () => {
    const started: string[] = [];
    const cleaned: string[] = [];
    const queue = createInProcessQueue(
      {
        store: testStore.store,
        clock: systemClock,
        registry: createJobRegistry([
          blockingJob({ onStart: (j) => started.push(j), onCleanedUp: (j) => cleaned.push(j) }),
        ]),
        workerId: 'slow',
      },
      { pollIntervalMs: 10, leaseMs: 60 },
    );
    const { id } = await queue.enqueue('test.block', { key: 't' });
    startWorker(queue);
    await waitFor('the handler', () => started.includes(id));
    // What a takeover looks like to the slow worker: its row now names someone else.
    await testStore.store.db.updateTable('jobs').set({ locked_by: 'thief' }).where('id', '=', id).execute();
    await waitFor('the handler to be aborted', () => cleaned.includes(id));
    await waitFor('the run to close', async () => (await runsOf(testStore.store, id))[0]?.outcome === 'lost');
    expect(await queue.get(id)).toMatchObject({ status: 'running', attempts: 1, lastError: null });
  });

  it('stops claiming on abort and resolves only after the running handler returned', async () => {
    const started: string[] = [];
    const cleaned: string[] = [];
    const queue = queueOn(testStore.store, [
      blockingJob({
        onStart: (id) => started.push(id),
        cleanupMs: 50,
        onCleanedUp: (id) => cleaned.push(id),
      }),
    ]);
    const { id } = await queue.enqueue('test.block', { key: 'b' });
    const abort = new AbortController();
    const done = queue.work({ signal: abort.signal });
    await waitFor('the handler to start', () => started.includes(id));
    abort.abort();
    const late = await queue.enqueue('test.block', { key: 'late' });
    await done;
    expect(cleaned).toEqual([id]);
    expect(await queue.get(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'interrupted by worker shutdown',
    });
    expect((await runsOf(testStore.store, id)).map((r) => r.outcome)).toEqual(['interrupted']);
    expect(await queue.get(late.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('cancels a queued job, which then never runs', async () => {
    const calls = createCallLog();
    const queue = queueOn(testStore.store, [countingJob(calls)]);
    const cancelled = await queue.enqueue('test.count', { key: 'c' });
    expect(await queue.cancel(cancelled.id)).toBe(true);
    const ran = await queue.enqueue('test.count', { key: 'd' });
    startWorker(queue);
    await waitFor('the other job', async () => (await queue.get(ran.id))?.status === 'completed');
    expect(await queue.get(cancelled.id)).toMatchObject({ status: 'cancelled' });
    expect(await queue.cancel(ran.id)).toBe(false);
    expect(calls.count('c')).toBe(0);
  });
});
