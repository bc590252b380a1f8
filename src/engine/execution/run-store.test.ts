import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { fixedClock } from '../../domain/clock.ts';
import {
  createRun,
  ensureSteps,
  findResumableRun,
  finishRun,
  getRun,
  loadSteps,
  saveProgress,
  saveStep,
} from './run-store.ts';

describe.each(storeKinds)('request runs and steps (%s store)', (kind) => {
  let test: TestStore;
  const clock = fixedClock('2026-06-01T00:00:00Z');
  const deps = () => ({ store: test.store, clock });
  const steps = [
    { key: 'capture:d/customer', phase: 'capture', collection: 'customer' },
    { key: 'erase:d/customer', phase: 'erase', collection: 'customer' },
  ];

  beforeAll(async () => {
    test = await openTestStore(kind);
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it('keeps a run’s steps, checkpoints and progress, and finds it again by resume key', async () => {
    await createRun(deps(), {
      id: 'run_a',
      type: 'erasure',
      resumeKey: 'k1',
      owner: 'host:1',
      input: { type: 'erasure' },
    });
    await ensureSteps(deps(), 'run_a', steps);
    await ensureSteps(deps(), 'run_a', steps);
    await saveStep(deps(), 'run_a', 'capture:d/customer', {
      status: 'done',
      state: '{"count":1}',
      result: '{"rows":1}',
    });
    await saveStep(deps(), 'run_a', 'erase:d/customer', {
      status: 'failed',
      attempt: 1,
      error: 'connection refused',
    });
    await saveProgress(deps(), 'run_a', 1, 2);
    expect(await loadSteps(deps(), 'run_a')).toEqual([
      expect.objectContaining({
        key: 'capture:d/customer',
        position: 0,
        status: 'done',
        state: '{"count":1}',
      }),
      expect.objectContaining({
        key: 'erase:d/customer',
        position: 1,
        status: 'failed',
        attempt: 1,
        error: 'connection refused',
      }),
    ]);
    expect(await getRun(deps(), 'run_a')).toMatchObject({
      status: 'running',
      owner: 'host:1',
      progress: { done: 1, total: 2 },
    });
    expect((await findResumableRun(deps(), 'k1'))?.id).toBe('run_a');
    expect(await findResumableRun(deps(), 'other')).toBeUndefined();
  });

  it('clears the checkpoints of a completed run, which is then not resumed', async () => {
    await finishRun(deps(), 'run_a', { status: 'completed', result: {}, error: null });
    expect((await loadSteps(deps(), 'run_a')).map((s) => s.state)).toEqual([null, null]);
    expect(await getRun(deps(), 'run_a')).toMatchObject({ status: 'completed', owner: null });
    expect(await findResumableRun(deps(), 'k1')).toBeUndefined();
  });
});
