import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config/load-config.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { fixedClock } from '../../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { testSeedConfig } from '../../../test/support/test-seed-config.ts';
import { executeRequest } from '../execution/execute-request.ts';
import { startRequest } from '../execution/start-request.ts';
import { createRequest } from '../intake/create-request.ts';
import { requestJobs } from '../request-jobs.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestStatusChange } from './request-status-listener.ts';
import { actorKind, findTransition, REQUEST_TRANSITIONS } from './request-transitions.ts';
import { notifyStatusEvent, pendingStatusEvents } from './status-changed-job.ts';
import { transitionRequest } from './transition-request.ts';

describe('the request state machine as data', () => {
  it('names who may move a request where', () => {
    expect(actorKind('user:usr_1')).toBe('staff');
    expect(actorKind('key:k1')).toBe('staff');
    expect(actorKind('public')).toBe('requester');
    expect(actorKind('drp:agent-1')).toBe('agent');
    expect(actorKind('system')).toBe('system');
    expect(findTransition('received', 'verified', 'public')).toBeUndefined();
    expect(findTransition('verifying', 'verified', 'public')).toBeDefined();
    expect(findTransition('verified', 'in_progress', 'drp:a')).toBeUndefined();
    expect(findTransition('in_progress', 'refused', 'user:u')).toBeDefined();
    expect(findTransition('completed', 'in_progress', 'user:u')).toBeUndefined();
    expect(findTransition('received', 'expired', 'user:u')).toBeUndefined();
    // Nothing leaves a final status, except a staff re-run of a partially completed request.
    for (const from of ['completed', 'refused', 'cancelled', 'expired'] as const) {
      expect(REQUEST_TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
    }
    expect(REQUEST_TRANSITIONS.filter((t) => t.from === 'partially_completed')).toEqual([
      { from: 'partially_completed', to: 'in_progress', actors: ['staff'] },
    ]);
    expect(findTransition('partially_completed', 'in_progress', 'system')).toBeUndefined();
  });
});

describe.each(storeKinds)('request lifecycle on the store (%s)', (kind) => {
  let store: TestStore;
  let deps: RequestDeps;
  let config: Config;
  const clock = fixedClock('2026-04-01T08:00:00Z');
  const seed = testSeedConfig();
  const heard: RequestStatusChange[] = [];
  const signal = new AbortController().signal;

  beforeAll(async () => {
    store = await openTestStore(kind);
    config = loadConfig({ PRIVET_DATA_DIR: seed.dataDir, PRIVET_SECRET: seed.secret });
    deps = { store: store.store, clock, config };
    await seedDemo({ store: store.store, clock, config });
  }, 120_000);
  afterAll(async () => {
    await store.cleanup();
  });

  it('audits every transition, refuses moves the machine forbids, and tells listeners once per event', async () => {
    const created = await createRequest(deps, {
      type: 'access',
      jurisdiction: 'gdpr',
      channel: 'api',
      identity: { email: 'life@example.com' },
      actor: 'key:k1',
    });
    await expect(
      transitionRequest(deps, { requestId: created.id, to: 'completed', actor: 'key:k1' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await transitionRequest(deps, {
      requestId: created.id,
      to: 'cancelled',
      actor: 'key:k1',
      reason: 'Duplicate',
    });
    const audit = await store.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', `request:${created.id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['request.create', 'request.transition']);
    expect(JSON.parse(audit[1]?.details ?? '{}')).toEqual({
      from: 'received',
      to: 'cancelled',
      reason: 'Duplicate',
    });

    const listener = async (change: RequestStatusChange) => {
      heard.push(change);
    };
    const jobs = requestJobs({ store: store.store, clock, config }, { listeners: [listener] });
    expect(jobs.definitions.map((d) => d.kind)).toEqual(
      expect.arrayContaining([
        'requests.status-changed',
        'requests.notify-sweep',
        'requests.execute',
        'requests.maintenance',
      ]),
    );
    const pending = await pendingStatusEvents(store.store, clock.now().toISOString(), 100);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    for (const id of pending) await notifyStatusEvent(deps, [listener], id, signal);
    for (const id of pending) await notifyStatusEvent(deps, [listener], id, signal);
    const mine = heard.filter((h) => h.requestId === created.id);
    expect(mine.map((h) => `${h.from ?? ''}→${h.to}`)).toEqual(['→received', 'received→cancelled']);
    expect(mine[1]).toMatchObject({ type: 'access', actor: 'key:k1', reason: 'Duplicate' });
    expect(await pendingStatusEvents(store.store, clock.now().toISOString(), 100)).toEqual([]);
  });

  it('a failing listener leaves the event pending, so it is delivered again', async () => {
    const created = await createRequest(deps, {
      type: 'erasure',
      jurisdiction: 'ccpa',
      channel: 'api',
      identity: { email: 'retry@example.com' },
      actor: 'key:k1',
    });
    const [eventId] = await pendingStatusEvents(store.store, clock.now().toISOString(), 100);
    expect(eventId).toBeDefined();
    await expect(
      notifyStatusEvent(deps, [async () => Promise.reject(new Error('down'))], eventId ?? '', signal),
    ).rejects.toThrow('down');
    expect(await pendingStatusEvents(store.store, clock.now().toISOString(), 100)).toContain(eventId);
    await notifyStatusEvent(deps, [async () => undefined], eventId ?? '', signal);
    expect(await pendingStatusEvents(store.store, clock.now().toISOString(), 100)).not.toContain(eventId);
    expect(created.acknowledgeBy).not.toBeNull();
  });

  it('restriction records a processing limit; consent withdrawal and sale opt-out write the consent ledger', async () => {
    const run = async (type: 'restriction' | 'consent_withdrawal' | 'opt_out_sale', details = {}) => {
      const r = await createRequest(deps, {
        type,
        jurisdiction: type === 'opt_out_sale' ? 'ccpa' : 'gdpr',
        channel: 'web',
        identity: { email: 'Ledger@Example.com' },
        details,
        verified: { by: 'key:k1', note: 'test' },
        actor: 'key:k1',
      });
      await startRequest(deps, { requestId: r.id, actor: 'key:k1' });
      await executeRequest(deps, r.id, signal);
      return r.id;
    };
    const restriction = await run('restriction', { restrictionGround: 'accuracy_contested' });
    const limit = await store.store.db
      .selectFrom('processing_limits')
      .selectAll()
      .where('request_id', '=', restriction)
      .executeTakeFirstOrThrow();
    expect(limit).toMatchObject({
      email: 'ledger@example.com',
      kind: 'restriction',
      all_purposes: 1,
      ground: 'accuracy_contested',
    });
    await run('consent_withdrawal');
    const state = await store.store.db
      .selectFrom('consent_state')
      .select(['category_key', 'action'])
      .where('subject_id', '=', 'ledger@example.com')
      .execute();
    expect(state.length).toBeGreaterThan(0);
    expect(state.every((s) => s.action === 'withdrawn')).toBe(true);
    const optOut = await run('opt_out_sale');
    const statuses = await store.store.db
      .selectFrom('requests')
      .select('status')
      .where('id', 'in', [restriction, optOut])
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['completed', 'completed']);
  });
});
