import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from '../testing/verify-as-documented.ts';

const SECRET = 'route-secret-0123456789abcdef0123456789';

describe.each(['sqlite', 'postgres'] as const)('/api/admin/webhooks (%s)', (kind) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let admin: string;

  beforeEach(async () => {
    t = await startTestApp({ kind, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
    receiver = await startWebhookReceiver((n) => (n === 1 ? 500 : 200));
    admin = await t.apiKey('admin');
  });
  afterEach(async () => {
    await receiver.close();
    await t.stop();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });

  it(
    'creates, lists, updates and deletes endpoints; the secret never comes back',
    { timeout: 120_000 },
    async () => {
      const created = await call('POST', '/api/admin/webhooks', admin, {
        name: 'CRM',
        url: receiver.url,
        secret: SECRET,
        eventKinds: ['consent.changed'],
      });
      expect(created.statusCode).toBe(201);
      expect(created.body).not.toContain(SECRET);
      const endpoint = created.json<{ id: string; enabled: boolean; eventKinds: string[] }>();
      expect(endpoint).toMatchObject({ enabled: true, eventKinds: ['consent.changed'] });

      const viewer = await t.apiKey('viewer');
      const list = await call('GET', '/api/admin/webhooks', viewer);
      expect(list.statusCode).toBe(200);
      expect(list.json<{ endpoints: unknown[] }>().endpoints).toHaveLength(1);
      expect(list.body).not.toContain(SECRET);
      expect(
        (await call('POST', '/api/admin/webhooks', viewer, { name: 'x', url: receiver.url, secret: SECRET }))
          .statusCode,
      ).toBe(403);

      const patched = await call('PATCH', `/api/admin/webhooks/${endpoint.id}`, admin, {
        eventKinds: ['consent.changed', 'art19.notice'],
        secret: `${SECRET}-rotated`,
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<{ eventKinds: string[] }>().eventKinds).toEqual([
        'consent.changed',
        'art19.notice',
      ]);

      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', 'like', 'webhooks.%')
        .execute();
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain(SECRET);

      expect((await call('DELETE', `/api/admin/webhooks/${endpoint.id}`, admin)).statusCode).toBe(204);
      expect(
        (await call('GET', '/api/admin/webhooks', viewer)).json<{ endpoints: unknown[] }>().endpoints,
      ).toEqual([]);
      expect((await call('GET', `/api/admin/webhooks/${endpoint.id}`, viewer)).statusCode).toBe(404);
    },
  );

  it(
    'refuses private-network targets and short secrets with a 400 saying what to fix',
    { timeout: 120_000 },
    async () => {
      const privateTarget = await call('POST', '/api/admin/webhooks', admin, {
        name: 'Metadata',
        url: 'http://169.254.169.254/latest/meta-data',
        secret: SECRET,
      });
      expect(privateTarget.statusCode).toBe(400);
      expect(privateTarget.json<{ error: { issues: { code: string }[] } }>().error.issues[0]?.code).toBe(
        'private_target',
      );
      const shortSecret = await call('POST', '/api/admin/webhooks', admin, {
        name: 'x',
        url: receiver.url,
        secret: 'short',
      });
      expect(shortSecret.statusCode).toBe(400);
      expect(await t.store.db.selectFrom('webhook_endpoints').select('id').execute()).toEqual([]);
    },
  );

  it(
    'sends a signed test event, lists the delivery with its attempts, and redelivers it',
    { timeout: 120_000 },
    async () => {
      const endpoint = (
        await call('POST', '/api/admin/webhooks', admin, { name: 'CRM', url: receiver.url, secret: SECRET })
      ).json<{ id: string }>();
      const test = await call('POST', `/api/admin/webhooks/${endpoint.id}/test`, admin);
      expect(test.statusCode).toBe(200);
      const first = test.json<{
        id: string;
        eventId: string;
        status: string;
        attempts: { statusCode: number }[];
      }>();
      // The receiver answers 500 first: the attempt is recorded and a retry is scheduled.
      expect(first).toMatchObject({ status: 'pending', attempts: [{ statusCode: 500 }] });
      const received = receiver.received[0];
      expect(
        received &&
          verifyAsDocumented(
            SECRET,
            String(received.headers['privet-signature']),
            received.rawBody,
            new Date(),
          ),
      ).toBe(true);

      const redelivered = await call('POST', `/api/admin/webhooks/deliveries/${first.id}/redeliver`, admin);
      expect(redelivered.statusCode).toBe(202);
      const second = redelivered.json<{ id: string; eventId: string; status: string }>();
      expect(second).toMatchObject({ eventId: first.eventId, status: 'pending' });
      expect(second.id).not.toBe(first.id);

      const deliveries = await call(
        'GET',
        `/api/admin/webhooks/${endpoint.id}/deliveries`,
        await t.apiKey('viewer'),
      );
      expect(deliveries.statusCode).toBe(200);
      expect(
        deliveries
          .json<{ deliveries: { id: string }[] }>()
          .deliveries.map((d) => d.id)
          .sort(),
      ).toEqual([first.id, second.id].sort());
      const all = await call('GET', `/api/admin/webhooks/deliveries?eventId=${first.eventId}`, admin);
      expect(all.json<{ deliveries: { id: string }[] }>().deliveries).toHaveLength(2);
      const failed = await call('GET', '/api/admin/webhooks/deliveries?status=failed', admin);
      expect(failed.json<{ deliveries: unknown[] }>().deliveries).toEqual([]);
      // The redelivery went to a job of the app's queue.
      const jobs = await t.store.db
        .selectFrom('jobs')
        .select(['kind', 'payload'])
        .where('kind', '=', 'webhooks.deliver')
        .execute();
      expect(jobs.map((j) => JSON.parse(j.payload) as unknown)).toEqual([{ deliveryId: second.id }]);
    },
  );
});
