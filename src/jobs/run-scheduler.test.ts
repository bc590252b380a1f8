import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { createJobQueue } from './create-job-queue.ts';
import { defineSchedule } from './define-schedule.ts';
import { createJobRegistry } from './job-registry.ts';
import { countingJob, createCallLog, waitFor } from './job-test-kit.ts';
import type { JobQueue } from './queue.ts';
import { enqueueScheduledJobs } from './run-scheduler.ts';

describe.each(storeKinds)('schedules on %s', (kind) => {
  let testStore: TestStore;
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    testStore = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await testStore.cleanup();
  });

  const calls = createCallLog();
  const registry = createJobRegistry([countingJob(calls)], {
    schedules: [
      defineSchedule({ name: 'every-minute', every: 60_000, kind: 'test.count', payload: { key: 'minute' } }),
      defineSchedule({ name: 'five', cron: '*/5 * * * *', kind: 'test.count', payload: { key: 'five' } }),
    ],
  });

  /** Two workers as two nodes would run them; on SQLite they share the handle (see in-process-queue.test.ts). */
  function twoQueues(clock: ReturnType<typeof fixedClock>): [JobQueue, JobQueue] {
    let other: Store = testStore.store;
    if (kind === 'postgres') {
      other = openStore(testStore.url);
      cleanups.push(() => other.close());
    }
    const options = { pollIntervalMs: 10, scheduleTickMs: 10 };
    const queues = [testStore.store, other].map((store, i) =>
      createJobQueue({ store, clock, registry, workerId: `w${i}` }, options),
    ) as [JobQueue, JobQueue];
    for (const queue of queues) cleanups.push(() => queue.close());
    return queues;
  }

  async function scheduledKeys(): Promise<string[]> {
    const rows = await testStore.store.db
      .selectFrom('jobs')
      .select('idempotency_key')
      .where('idempotency_key', 'like', 'schedule:%')
      .orderBy('idempotency_key')
      .execute();
    return rows.map((r) => r.idempotency_key ?? '');
  }

  it('enqueues one job per slot however many workers tick at once', async () => {
    const clock = fixedClock('2025-01-01T12:07:30.000Z');
    const [a, b] = twoQueues(clock);
    const ticks = Array.from({ length: 6 }, (_, i) =>
      enqueueScheduledJobs(i % 2 === 0 ? a : b, registry.schedules, clock.now()),
    );
    const results = (await Promise.all(ticks)).flat();
    expect(results.filter((r) => r.created)).toHaveLength(2);
    clock.advance(60_000);
    await Promise.all([
      enqueueScheduledJobs(a, registry.schedules, clock.now()),
      enqueueScheduledJobs(b, registry.schedules, clock.now()),
    ]);
    expect(await scheduledKeys()).toEqual([
      'schedule:every-minute:2025-01-01T12:07:00.000Z',
      'schedule:every-minute:2025-01-01T12:08:00.000Z',
      'schedule:five:2025-01-01T12:05:00.000Z',
    ]);
  });

  it('lets working workers enqueue and run each slot once', async () => {
    const clock = fixedClock('2025-01-01T12:07:30.000Z');
    const queues = twoQueues(clock);
    for (const queue of queues) {
      const abort = new AbortController();
      const done = queue.work({ signal: abort.signal, concurrency: 2 });
      cleanups.push(async () => {
        abort.abort();
        await done;
      });
    }
    await waitFor('the first slots', async () => (await queues[0].depth()).completed === 2);
    clock.advance(60_000);
    await waitFor('the next minute', async () => (await queues[0].depth()).completed === 3);
    const runs = await testStore.store.db.selectFrom('job_runs').select('outcome').execute();
    expect(runs.map((r) => r.outcome)).toEqual(['completed', 'completed', 'completed']);
    expect((await scheduledKeys()).length).toBe(3);
  });
});
