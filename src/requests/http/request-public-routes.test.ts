import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.ts';
import { demoPeople } from '../../demo/demo-shop/generate-demo-shop.ts';
import { systemClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { codeFromOutbox, linkTokenFromOutbox } from '../testing/request-test-kit.ts';

describe.each(storeKinds)('privacy center request API (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    await seedDemo({ store: t.store, clock: systemClock, config: t.config });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  const submit = (email: string, type = 'access') =>
    t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { type, email } });
  const verify = (id: string, code: string) =>
    t.app.inject({ method: 'POST', url: `/api/public/requests/${id}/verify`, payload: { code } });
  const shape = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
      : typeof value;

  it('answers a known and an unknown email the same way, and both get a code by email', async () => {
    const known = await submit(demoPeople.john.email);
    const unknown = await submit('nobody-at-all@example.net');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(shape(unknown.json())).toEqual(shape(known.json()));
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await codeFromOutbox(t.store, demoPeople.john.email);
    await codeFromOutbox(t.store, 'nobody-at-all@example.net');
    // The same work happened for both: a request, its events and one message each.
    const counts = await Promise.all(
      [demoPeople.john.email, 'nobody-at-all@example.net'].map(async (email) => {
        const r = await t.store.db
          .selectFrom('requests')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        const events = await t.store.db
          .selectFrom('request_events')
          .select('kind')
          .where('request_id', '=', r.id)
          .execute();
        return events.map((e) => e.kind).join(',');
      }),
    );
    expect(counts[0]).toBe(counts[1]);
  });

  it('stops code guessing after 5 wrong tries: 4 × 400 invalid_code, then 429, and the right code no longer works', async () => {
    const email = 'guess@example.com';
    const { requestId } = (await submit(email)).json();
    const right = await codeFromOutbox(t.store, email);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 1; i -= 1) {
      const res = await verify(requestId, wrong);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0].code).toBe('invalid_code');
      expect(res.json().error.message).toContain(`${i} tr`);
    }
    const fifth = await verify(requestId, wrong);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.issues[0].code).toBe('too_many_attempts');
    expect((await verify(requestId, right)).statusCode).toBe(429);
    // A new code by resend works.
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/public/requests/${requestId}/resend-code` }))
        .statusCode,
    ).toBe(202);
    const fresh = await codeFromOutbox(t.store, email);
    expect((await verify(requestId, fresh)).statusCode).toBe(200);
  });

  it('verifies by magic link once; each person reads only their own request; no token or a wrong one is 404', async () => {
    const a = (await submit('person-a@example.com', 'consent_withdrawal')).json().requestId;
    const b = (await submit('person-b@example.com', 'opt_out_sale')).json().requestId;
    const linkA = await linkTokenFromOutbox(t.store, 'person-a@example.com', 'request-verification-code');
    const okA = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests/verify-link',
      payload: { token: linkA },
    });
    expect(okA.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/public/requests/verify-link',
          payload: { token: linkA },
        })
      ).statusCode,
    ).toBe(400);
    const codeB = await codeFromOutbox(t.store, 'person-b@example.com');
    const tokenB = (await verify(b, codeB)).json().statusToken;
    const read = (token?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/public/request-status',
        headers: token === undefined ? {} : { 'x-request-token': token },
      });
    expect((await read(okA.json().statusToken)).json().id).toBe(a);
    expect((await read(tokenB)).json().id).toBe(b);
    expect((await read()).statusCode).toBe(404);
    expect((await read('x'.repeat(43))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/requests/${a}` })).statusCode).toBe(401);
    // The status page never shows staff-only entries or codes.
    const page = JSON.stringify((await read(tokenB)).json());
    expect(page).not.toContain(codeB);
  });

  it('limits submits per address across IPs (store-backed): the sixth in an hour is 429', async () => {
    const email = 'flood@example.com';
    for (let i = 0; i < 5; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/requests',
        payload: { type: 'access', email },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      expect(res.statusCode).toBe(202);
    }
    const sixth = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests',
      payload: { type: 'access', email },
      remoteAddress: '10.0.0.99',
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('rate_limited');
  });

  it('gives the status page reasons as catalogue keys with staff words, never the server’s English notes', async () => {
    const email = 'grund@example.de';
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests',
      // Objection: the ledger does the work, so nothing runs on its own after verification.
      payload: { type: 'objection', email, language: 'de', details: { objectionPurposes: 'all' } },
    });
    const { requestId } = submitted.json();
    const verified = await verify(requestId, await codeFromOutbox(t.store, email));
    expect(verified.statusCode).toBe(200);
    const operator = { authorization: `Bearer ${await t.apiKey('operator')}` };
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/admin/requests/${requestId}/refuse`,
      headers: operator,
      payload: { ground: 'manifestly_excessive', reason: 'Dritter gleicher Antrag in drei Monaten.' },
    });
    // Verified requests start at once; a running one can still be refused.
    expect(refused.statusCode).toBe(200);
    const view = await t.app.inject({
      method: 'GET',
      url: '/api/public/request-status',
      headers: { 'x-request-token': verified.json().statusToken },
    });
    const timeline: { status?: string; message?: string; reason?: { key: string; text?: string } }[] =
      view.json().timeline;
    const steps = timeline.filter((e) => e.status !== undefined);
    expect(steps.map((e) => [e.status, e.reason?.key])).toEqual([
      ['received', 'received'],
      ['verifying', 'verifying.code'],
      ['verified', 'verified.email'],
      ['in_progress', 'started'],
      ['refused', 'refused.manifestly_excessive'],
    ]);
    expect(steps.at(-1)?.reason?.text).toBe('Dritter gleicher Antrag in drei Monaten.');
    // No English note of the server reaches the page; message subjects are in German.
    for (const entry of timeline) {
      expect(entry.message ?? '').not.toMatch(/Email address confirmed|Started on verification|Received by/);
      expect(entry.reason?.text ?? '').not.toContain('manifestly');
    }
    expect(timeline.some((e) => e.message !== undefined && /Antrag/.test(e.message))).toBe(true);
  });
});
