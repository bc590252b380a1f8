import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from '../testing/verify-as-documented.ts';

const SECRET = 'edit-secret-0123456789abcdef0123456789ab';

describe.each(['sqlite', 'postgres'] as const)(
  'editing webhook endpoints and rotating secrets (%s)',
  (kind) => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let admin: string;

    beforeEach(async () => {
      t = await startTestApp({ kind, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
      receiver = await startWebhookReceiver();
      admin = await t.apiKey('admin');
    });
    afterEach(async () => {
      await receiver.close();
      await t.stop();
    });

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string, payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${key}` },
        ...(payload ? { payload } : {}),
      });
    const signedWith = (secret: string) => {
      const last = receiver.received.at(-1);
      return (
        last !== undefined &&
        verifyAsDocumented(secret, String(last.headers['privet-signature']), last.rawBody, new Date())
      );
    };

    it(
      'shows endpoint URLs to admins only, in the API and in the audit log',
      { timeout: 120_000 },
      async () => {
        const tokenUrl = `${receiver.url}/T0KEN-in-the-path?key=abc123`;
        const created = await call('POST', '/api/admin/webhooks', admin, {
          name: 'CRM',
          url: tokenUrl,
          secret: SECRET,
        });
        expect(created.statusCode).toBe(201);
        const id = created.json<{ id: string }>().id;
        expect((await call('GET', `/api/admin/webhooks/${id}`, admin)).json<{ url: string }>().url).toBe(
          tokenUrl,
        );
        for (const role of ['viewer', 'operator'] as const) {
          const key = await t.apiKey(role);
          const list = await call('GET', '/api/admin/webhooks', key);
          expect(list.statusCode).toBe(200);
          expect(list.json<{ endpoints: { name: string; url: string | null }[] }>().endpoints).toEqual([
            expect.objectContaining({ name: 'CRM', url: null }),
          ]);
          const one = await call('GET', `/api/admin/webhooks/${id}`, key);
          expect(one.json<{ url: string | null }>().url).toBeNull();
          expect(list.body + one.body).not.toContain('T0KEN');
          expect((await call('PATCH', `/api/admin/webhooks/${id}`, key, { name: 'x' })).statusCode).toBe(403);
          expect((await call('POST', `/api/admin/webhooks/${id}/rotate-secret`, key)).statusCode).toBe(403);
        }
        const audit = await t.store.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', 'like', 'webhooks.%')
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]?.details).toContain(new URL(receiver.url).origin);
        expect(audit[0]?.details).not.toContain('T0KEN');
        expect(audit[0]?.details).not.toContain('abc123');
      },
    );

    it(
      'edits URL and events, and rotates to a generated secret shown once',
      { timeout: 120_000 },
      async () => {
        const other = await startWebhookReceiver();
        try {
          const id = (
            await call('POST', '/api/admin/webhooks', admin, {
              name: 'CRM',
              url: other.url,
              secret: SECRET,
              eventKinds: [],
            })
          ).json<{ id: string }>().id;
          const edited = await call('PATCH', `/api/admin/webhooks/${id}`, admin, {
            url: receiver.url,
            eventKinds: ['consent.changed'],
          });
          expect(edited.statusCode).toBe(200);
          expect(edited.json()).toMatchObject({ url: receiver.url, eventKinds: ['consent.changed'] });
          const badUrl = await call('PATCH', `/api/admin/webhooks/${id}`, admin, {
            url: 'http://169.254.169.254/x',
          });
          expect(badUrl.statusCode).toBe(400);

          expect((await call('POST', `/api/admin/webhooks/${id}/test`, admin)).statusCode).toBe(200);
          expect(other.received).toHaveLength(0);
          expect(signedWith(SECRET)).toBe(true);

          const rotated = await call('POST', `/api/admin/webhooks/${id}/rotate-secret`, admin);
          expect(rotated.statusCode).toBe(200);
          expect(rotated.headers['cache-control']).toBe('no-store');
          const { secret, endpoint } = rotated.json<{
            secret: string;
            endpoint: { id: string; url: string };
          }>();
          expect(secret).toMatch(/^[0-9a-f]{64}$/);
          expect(endpoint).toMatchObject({ id, url: receiver.url });
          // Shown once: nothing else gives it back, and the next delivery is signed with it, not the old one.
          const again = await call('GET', `/api/admin/webhooks/${id}`, admin);
          expect(again.body).not.toContain(secret);
          expect((await call('POST', `/api/admin/webhooks/${id}/test`, admin)).statusCode).toBe(200);
          expect(signedWith(secret)).toBe(true);
          expect(signedWith(SECRET)).toBe(false);
          const second = (await call('POST', `/api/admin/webhooks/${id}/rotate-secret`, admin)).json<{
            secret: string;
          }>();
          expect(second.secret).not.toBe(secret);

          const audit = await t.store.db
            .selectFrom('audit_log')
            .select(['action', 'details'])
            .where('action', 'like', 'webhooks.%')
            .orderBy('seq')
            .execute();
          expect(audit.map((a) => a.action)).toEqual([
            'webhooks.endpoint.create',
            'webhooks.endpoint.update',
            'webhooks.endpoint.test',
            'webhooks.endpoint.rotate_secret',
            'webhooks.endpoint.test',
            'webhooks.endpoint.rotate_secret',
          ]);
          expect(JSON.stringify(audit)).not.toContain(secret);
          expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({
            urlChanged: true,
            secretRotated: false,
          });
          expect(
            (await call('POST', '/api/admin/webhooks/whe_missing/rotate-secret', admin)).statusCode,
          ).toBe(404);
        } finally {
          await other.close();
        }
      },
    );
  },
);
