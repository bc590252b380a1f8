import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/test-stores.ts';
import { fixedClock } from '../../domain/clock.ts';
import { personAction, seedDecisionModel } from './decision-test-kit.ts';
import { createSharedDecider, type SharedDecider } from './shared-decider.ts';

describe('the shared decider of a process', () => {
  let t: TestStore;
  let shared: SharedDecider;
  const clock = fixedClock('2026-03-01T09:00:00Z');
  const deps = () => ({ store: t.store, clock });

  beforeEach(async () => {
    t = await openTestStore('sqlite');
    await seedDecisionModel(deps());
    shared = createSharedDecider(deps());
  });
  afterEach(async () => {
    shared.close();
    await t.cleanup();
  });

  it('loads one index for every caller, and each call sees what was committed before it', async () => {
    const first = await shared.fresh();
    expect(first.decide({ email: 'ann@example.com', purpose: 'newsletter' }).allowed).toBe(false);
    await personAction(deps(), 'ann@example.com', 'newsletter', 'given');
    const second = await shared.fresh();
    expect(second).toBe(first);
    expect(second.decide({ email: 'ann@example.com', purpose: 'newsletter' }).allowed).toBe(true);
    const [a, b] = await Promise.all([shared.fresh(), shared.fresh()]);
    expect(a).toBe(first);
    expect(b).toBe(first);
  });

  it('tries the first load again after it failed', async () => {
    const aborted = new AbortController();
    aborted.abort(new Error('stopped'));
    await expect(shared.fresh(aborted.signal)).rejects.toThrow('stopped');
    const decider = await shared.fresh();
    expect(decider.knows('newsletter')).toBe(true);
  });
});
