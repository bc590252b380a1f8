import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { recordConsent } from '../../consent/commit-consent-batch.ts';
import { bannerSubmission, DEMO_NOTICE, deviceId, seedConsentDemo } from '../../consent/consent-test-kit.ts';
import { systemClock } from '../../domain/clock.ts';
import { builtInJobs } from '../../jobs/built-in-jobs.ts';
import { createJobQueue } from '../../jobs/create-job-queue.ts';
import { waitFor } from '../../jobs/job-test-kit.ts';
import { listDeliveries } from '../delivery-records.ts';
import { createEndpoint } from '../endpoint-repository.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from '../testing/verify-as-documented.ts';
import type { WebhookDeps } from '../webhook-deps.ts';
import { webhookJobs } from '../webhook-jobs.ts';
import { dispatchConsentChanges } from './dispatch-consent-changes.ts';

const SECRET = 'consent-secret-0123456789abcdef0123456';

interface ConsentChangedBody {
  id: string;
  type: string;
  data: { changes: Record<string, unknown>[] };
}

describe.each(['sqlite', 'postgres'] as const)('consent.changed webhooks (%s)', (kind) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let deps: WebhookDeps;

  beforeEach(async () => {
    t = await startTestApp({ kind, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
    receiver = await startWebhookReceiver();
    deps = { store: t.store, clock: systemClock, config: t.config };
    await seedConsentDemo(deps);
  });
  afterEach(async () => {
    await t.stop();
    await receiver.close();
  });

  it(
    'a consent post wakes the dispatcher, which sends a signed consent.changed without the IP',
    { timeout: 120_000 },
    async () => {
      await createEndpoint(
        deps,
        { name: 'CDP', url: receiver.url, secret: SECRET, eventKinds: ['consent.changed'] },
        'test',
      );
      const worker = createJobQueue({
        store: t.store,
        clock: systemClock,
        registry: builtInJobs(webhookJobs(deps)),
      });
      const stop = new AbortController();
      const working = worker.work({ signal: stop.signal, schedules: false });
      try {
        const device = deviceId();
        const post = await t.app.inject({
          method: 'POST',
          url: '/api/public/consent',
          headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0' },
          remoteAddress: '203.0.113.77',
          payload: {
            deviceId: device,
            noticeVersion: DEMO_NOTICE,
            choices: { analytics: true, marketing: false },
            method: 'banner',
          },
        });
        expect(post.statusCode).toBe(201);
        await waitFor('the consent webhook', () => receiver.received.length > 0, 60_000);
        const hook = receiver.received[0];
        if (!hook) throw new Error('no webhook');
        expect(
          verifyAsDocumented(SECRET, String(hook.headers['privet-signature']), hook.rawBody, new Date()),
        ).toBe(true);
        const body = JSON.parse(hook.rawBody) as ConsentChangedBody;
        expect(body.type).toBe('consent.changed');
        expect(body.data.changes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              subject: { personId: null, deviceId: device },
              category: 'analytics',
              state: 'given',
              noticeVersion: DEMO_NOTICE,
            }),
            expect.objectContaining({
              subject: { personId: null, deviceId: device },
              category: 'marketing',
              state: 'withdrawn',
            }),
          ]),
        );
        expect(hook.rawBody).not.toMatch(/203\.0\.113|ipTruncated|ip_truncated|userAgent|Firefox/);
        // The attempt is recorded once the receiver has answered.
        const deliveries = await waitFor('the delivery record', async () => {
          const found = await listDeliveries(t.store.db, { eventId: body.id });
          return found[0]?.status === 'delivered' ? found : undefined;
        });
        expect(deliveries.map((d) => [d.status, d.attempts.length])).toEqual([['delivered', 1]]);
      } finally {
        stop.abort();
        await working;
        await worker.close();
      }
    },
  );

  it(
    'batches the changes committed since the cursor into one event and never sends one twice',
    { timeout: 120_000 },
    async () => {
      // Consent recorded before anyone subscribes moves the cursor without an event.
      await recordConsent(deps, bannerSubmission(deviceId('early'), true));
      expect(await dispatchConsentChanges(deps)).toEqual({ consentEvents: 3, deliveryIds: [] });
      await createEndpoint(
        deps,
        { name: 'CDP', url: receiver.url, secret: SECRET, eventKinds: ['consent.changed'] },
        'test',
      );
      await createEndpoint(
        deps,
        { name: 'Other', url: receiver.url, secret: SECRET, eventKinds: ['art19.notice'] },
        'test',
      );
      const devices = [deviceId('a'), deviceId('b'), deviceId('c')];
      for (const device of devices) await recordConsent(deps, bannerSubmission(device, false));
      const first = await dispatchConsentChanges(deps);
      expect(first.consentEvents).toBe(9);
      // One event for the batch, delivered only to the subscribed endpoint.
      expect(first.deliveryIds).toHaveLength(1);
      expect(await dispatchConsentChanges(deps)).toEqual({ consentEvents: 0, deliveryIds: [] });
      const events = await t.store.db.selectFrom('webhook_events').select(['kind', 'data']).execute();
      expect(events).toHaveLength(1);
      const data = JSON.parse(events[0]?.data ?? '{}') as ConsentChangedBody['data'];
      expect(new Set(data.changes.map((c) => (c.subject as { deviceId: string }).deviceId))).toEqual(
        new Set(devices),
      );
      expect(data.changes.every((c) => c.state === 'withdrawn')).toBe(true);
    },
  );
});
