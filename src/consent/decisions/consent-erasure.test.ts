import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemClock } from '../../domain/clock.ts';
import { createRequestIn } from '../../requests/intake/create-request.ts';
import { notifyStatusEvent } from '../../requests/lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../../requests/lifecycle/transition-request.ts';
import type { RequestDeps } from '../../requests/request-deps.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import { consentErasureListener } from './consent-erasure-listener.ts';
import { createDecider, type Decider } from './create-decider.ts';
import { KIT_NOTICE, personAction, seedDecisionModel } from './decision-test-kit.ts';

describe.each(['sqlite', 'postgres'] as const)('erasure reaching the deciders (%s)', (kind) => {
  let t: TestApp;
  let decider: Decider;
  let viewer: string;
  const deps = () => ({ store: t.store, clock: systemClock });

  beforeEach(async () => {
    t = await startTestApp({ kind });
    viewer = await t.apiKey('viewer');
    await seedDecisionModel(deps());
    decider = createDecider(deps());
    await decider.start();
  }, 120_000);
  afterEach(async () => {
    decider.close();
    await t.stop();
  });

  const overHttp = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/decisions?${query}`,
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ allowed: boolean; reason: string; evidence: unknown[] }>();
  };

  /** An erasure request for the address taken to `to` with requests-core, its listeners told as the job tells them. */
  async function erase(email: string, to: 'completed' | 'refused' = 'completed'): Promise<string> {
    const requestDeps: RequestDeps = { ...deps(), config: t.config };
    const created = await t.store.transaction((trx) =>
      createRequestIn(requestDeps, trx, {
        type: 'erasure',
        jurisdiction: 'gdpr',
        channel: 'email',
        identity: { email },
        verified: { by: 'staff', note: 'known customer' },
        actor: 'user:test',
      }),
    );
    const id = created.request.id;
    if (to === 'completed') {
      await t.store.transaction((trx) =>
        transitionRequestIn(requestDeps, trx, { requestId: id, to: 'in_progress', actor: 'user:test' }),
      );
    }
    const done = await t.store.transaction((trx) =>
      transitionRequestIn(requestDeps, trx, {
        requestId: id,
        to,
        actor: 'user:test',
        ...(to === 'refused' ? { reason: 'manifestly unfounded' } : {}),
      }),
    );
    const listener = consentErasureListener(deps());
    await notifyStatusEvent(requestDeps, [listener], done.eventId, new AbortController().signal);
    // A retried delivery changes nothing.
    await notifyStatusEvent(requestDeps, [listener], done.eventId, new AbortController().signal);
    return id;
  }

  it(
    'decide → erase → the running decider and the API find no evidence, without a restart',
    { timeout: 120_000 },
    async () => {
      await personAction(deps(), 'erin@example.com', 'newsletter', 'given');
      await personAction(deps(), 'erin@example.com', 'analytics', 'given');
      await recordConsent(deps(), {
        personId: 'erin@example.com',
        personVerified: true,
        deviceId: 'dev-erin-1',
        noticeVersion: KIT_NOTICE,
        choices: { analytics: true },
        method: 'banner',
        gpc: false,
      });
      await personAction(deps(), 'frank@example.com', 'newsletter', 'given');
      await decider.refresh();
      expect(decider.decide({ email: 'Erin@Example.com', purpose: 'newsletter' })).toMatchObject({
        allowed: true,
        reason: 'consent_given',
      });
      expect(decider.decide({ deviceId: 'dev-erin-1', purpose: 'analytics' }).allowed).toBe(true);
      expect((await overHttp('email=erin@example.com&purpose=newsletter')).allowed).toBe(true);
      const sizeBefore = decider.size;
      const operator = await t.apiKey('operator');
      const list = await t.app.inject({
        method: 'POST',
        url: '/api/admin/marketing/lists',
        headers: { authorization: `Bearer ${operator}` },
        payload: { key: 'news', name: 'News', purposeKey: 'newsletter' },
      });
      expect(list.statusCode).toBe(201);
      const now = new Date().toISOString();
      for (const email of ['erin@example.com', 'frank@example.com']) {
        await t.store.db
          .insertInto('marketing_subscriptions')
          .values({
            list_key: 'news',
            email,
            status: 'active',
            locale: null,
            confirm_nonce_hash: null,
            requested_at: now,
            confirmed_at: now,
            unsubscribed_at: null,
            last_event_id: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      const erinRows = async () =>
        t.store.db
          .selectFrom('consent_state')
          .select('subject_id')
          .where('subject_id', 'in', ['erin@example.com', 'dev-erin-1'])
          .execute();
      const held = (await erinRows()).length;
      expect(held).toBeGreaterThanOrEqual(3);

      await erase('ERIN@example.com');
      await decider.refresh();
      for (const decision of [
        decider.decide({ email: 'erin@example.com', purpose: 'newsletter' }),
        decider.decide({ personId: 'erin@example.com', purpose: 'analytics' }),
        decider.decide({ deviceId: 'dev-erin-1', purpose: 'analytics' }),
        await overHttp('email=erin@example.com&purpose=newsletter'),
      ]) {
        expect(decision).toMatchObject({ allowed: false, reason: 'no_consent', evidence: [] });
      }
      expect(decider.size).toBe(sizeBefore - held);
      // Someone else is untouched.
      expect(decider.decide({ email: 'frank@example.com', purpose: 'newsletter' }).allowed).toBe(true);
      // The state table agrees, so a restarted decider answers the same; the ledger keeps the proof.
      expect(await erinRows()).toEqual([]);
      const subscribed = await t.store.db.selectFrom('marketing_subscriptions').select('email').execute();
      expect(subscribed).toEqual([{ email: 'frank@example.com' }]);
      const ledger = await t.store.db
        .selectFrom('consent_events')
        .select('seq')
        .where('person_id', '=', 'erin@example.com')
        .execute();
      expect(ledger.length).toBe(3);
      const restarted = createDecider(deps());
      await restarted.start();
      try {
        expect(restarted.decide({ email: 'erin@example.com', purpose: 'newsletter' }).evidence).toEqual([]);
        expect(restarted.decide({ email: 'frank@example.com', purpose: 'newsletter' }).allowed).toBe(true);
      } finally {
        restarted.close();
      }
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'consent.erase')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).not.toContain('erin');
    },
  );

  it(
    'keeps consent given after the erasure, and ignores erasures not carried out',
    { timeout: 120_000 },
    async () => {
      await personAction(deps(), 'gil@example.com', 'newsletter', 'given');
      await erase('gil@example.com', 'refused');
      await decider.refresh();
      expect(decider.decide({ email: 'gil@example.com', purpose: 'newsletter' }).allowed).toBe(true);

      // The decider reads the erasure only after the later consent: the later consent must survive it.
      const lagging = createDecider(deps());
      await lagging.start();
      try {
        await erase('gil@example.com');
        await personAction(deps(), 'gil@example.com', 'newsletter', 'given');
        await lagging.refresh();
        await decider.refresh();
        for (const d of [lagging, decider]) {
          const decision = d.decide({ email: 'gil@example.com', purpose: 'newsletter' });
          expect(decision).toMatchObject({ allowed: true, reason: 'consent_given' });
          expect(decision.evidence).toHaveLength(1);
        }
      } finally {
        lagging.close();
      }
    },
  );
});
