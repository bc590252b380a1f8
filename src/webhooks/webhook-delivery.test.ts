import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../test/support/test-stores.ts';
import { fixedClock } from '../domain/clock.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { listDeliveries } from './delivery-records.ts';
import { emitWebhookEvent } from './emit-webhook-event.ts';
import { createEndpoint, deleteEndpoint } from './endpoint-repository.ts';
import { sweepWebhooks } from './sweep-webhooks.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from './testing/verify-as-documented.ts';
import type { DeliveryPolicy, WebhookDeps } from './webhook-deps.ts';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const policy: DeliveryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 5_000,
};

describe.each(['sqlite', 'postgres'] as const)('webhook delivery (%s)', (kind) => {
  let testStore: TestStore;
  let receiver: WebhookReceiver | undefined;
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let deps: WebhookDeps & { policy: DeliveryPolicy };

  beforeEach(async () => {
    testStore = await openTestStore(kind);
    clock.set('2026-03-01T10:00:00.000Z');
    deps = {
      store: testStore.store,
      clock,
      config: { secret: 'test-secret-test-secret-test-secret-0123', webhooksAllowLocal: true },
      policy,
    };
  });
  afterEach(async () => {
    await receiver?.close();
    await testStore.cleanup();
  });

  async function endpointAndEvent(url: string) {
    const endpoint = await createEndpoint(
      deps,
      { name: 'CRM', url, secret: SECRET, eventKinds: ['consent.changed'] },
      'test',
    );
    const emitted = await deps.store.transaction((trx) =>
      emitWebhookEvent(deps, trx, { kind: 'consent.changed', data: { changes: [{ purpose: 'marketing' }] } }),
    );
    return { endpoint, emitted };
  }

  it(
    'fails twice with 500, retries with exponential backoff, then delivers; every attempt recorded',
    { timeout: 60_000 },
    async () => {
      receiver = await startWebhookReceiver((n) => (n <= 2 ? 500 : 200));
      const { endpoint, emitted } = await endpointAndEvent(receiver.url);
      expect(emitted.deliveryIds).toHaveLength(1);
      const id = emitted.deliveryIds[0] as string;
      const signal = new AbortController().signal;

      expect(await deliverWebhook(deps, id, signal)).toBe('retry_scheduled');
      // Not due yet: the backoff holds the next attempt back.
      clock.advance(29_000);
      expect((await sweepWebhooks(deps, signal)).attempted).toBe(0);
      clock.advance(1_000);
      expect(await sweepWebhooks(deps, signal)).toEqual({ attempted: 1, delivered: 0 });
      // The second wait is twice the first.
      clock.advance(59_000);
      expect((await sweepWebhooks(deps, signal)).attempted).toBe(0);
      clock.advance(1_000);
      expect(await sweepWebhooks(deps, signal)).toEqual({ attempted: 1, delivered: 1 });
      expect(receiver.received).toHaveLength(3);

      const [delivery] = await listDeliveries(deps.store.db, { endpointId: endpoint.id });
      expect(delivery?.status).toBe('delivered');
      expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
      expect(delivery?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      expect(delivery?.attempts[0]?.error).toMatch(/^HTTP 500/);
      expect(delivery?.attempts[2]?.error).toBeNull();
      expect(delivery?.attempts.every((a) => a.durationMs >= 0)).toBe(true);
      expect(delivery?.attempts.map((a) => a.at)).toEqual([
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:30.000Z',
        '2026-03-01T10:01:30.000Z',
      ]);

      // Every attempt carries the same event id (the idempotency key) and a signature valid for its body.
      const last = receiver.received[2];
      if (!last) throw new Error('no request');
      const ids = receiver.received.map((r) => r.headers['privet-event-id']);
      expect(new Set(ids)).toEqual(new Set([emitted.eventId]));
      expect(JSON.parse(last.rawBody)).toMatchObject({ id: emitted.eventId, type: 'consent.changed' });
      const header = String(last.headers['privet-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyAsDocumented(SECRET, header, last.rawBody, clock.now())).toBe(true);
      // A tampered body, another secret or a replay much later fail the documented check.
      expect(
        verifyAsDocumented(SECRET, header, last.rawBody.replace('marketing', 'analytics'), clock.now()),
      ).toBe(false);
      expect(verifyAsDocumented(`${SECRET}x`, header, last.rawBody, clock.now())).toBe(false);
      expect(
        verifyAsDocumented(SECRET, header, last.rawBody, new Date(clock.now().getTime() + 600_000)),
      ).toBe(false);
      // The secret is stored sealed.
      const row = await deps.store.db
        .selectFrom('webhook_endpoints')
        .select('secret_sealed')
        .executeTakeFirstOrThrow();
      expect(row.secret_sealed).not.toContain(SECRET);
    },
  );

  it('gives up after the last attempt and stops trying', { timeout: 60_000 }, async () => {
    receiver = await startWebhookReceiver(() => 503);
    const { emitted } = await endpointAndEvent(receiver.url);
    const id = emitted.deliveryIds[0] as string;
    const signal = new AbortController().signal;
    const steps = [];
    for (let i = 0; i < 6; i += 1) {
      steps.push(await deliverWebhook(deps, id, signal, { force: true }));
    }
    expect(steps).toEqual([
      'retry_scheduled',
      'retry_scheduled',
      'retry_scheduled',
      'gave_up',
      'skipped',
      'skipped',
    ]);
    expect(receiver.received).toHaveLength(4);
    const [delivery] = await listDeliveries(deps.store.db, { ids: [id] });
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 503, nextAttemptAt: null });
    expect(delivery?.attempts).toHaveLength(4);
  });

  it(
    'records a refused connection as a failed attempt, and a deleted endpoint gets nothing more',
    { timeout: 60_000 },
    async () => {
      receiver = await startWebhookReceiver();
      const url = receiver.url;
      await receiver.close();
      receiver = undefined;
      const { endpoint, emitted } = await endpointAndEvent(url);
      const id = emitted.deliveryIds[0] as string;
      expect(await deliverWebhook(deps, id, new AbortController().signal)).toBe('retry_scheduled');
      const [delivery] = await listDeliveries(deps.store.db, { ids: [id] });
      expect(delivery?.attempts[0]).toMatchObject({
        statusCode: null,
        error: expect.stringMatching(/ECONNREFUSED/),
      });
      await deleteEndpoint(deps, endpoint.id, 'test');
      clock.advance(3_600_000);
      expect(await deliverWebhook(deps, id, new AbortController().signal, { force: true })).toBe('skipped');
      const [after] = await listDeliveries(deps.store.db, { ids: [id] });
      expect(after?.status).toBe('cancelled');
    },
  );
  it(
    'records an attempt when the secret cannot be opened after PRIVET_SECRET changed',
    { timeout: 60_000 },
    async () => {
      receiver = await startWebhookReceiver();
      const { emitted } = await endpointAndEvent(receiver.url);
      const id = emitted.deliveryIds[0] as string;
      const moved = {
        ...deps,
        config: { ...deps.config, secret: 'another-secret-another-secret-another-1' },
      };
      expect(await deliverWebhook(moved, id, new AbortController().signal)).toBe('retry_scheduled');
      expect(receiver.received).toHaveLength(0);
      const [delivery] = await listDeliveries(deps.store.db, { ids: [id] });
      expect(delivery?.attempts[0]?.error).toMatch(/PRIVET_SECRET/);
    },
  );
});
