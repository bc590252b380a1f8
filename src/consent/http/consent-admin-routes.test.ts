import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../domain/clock.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_NOTICE, deviceId, seedConsentDemo } from '../consent-test-kit.ts';

describe.each(storeKinds)('consent admin API on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let viewer: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    [admin, operator, viewer] = [
      await t.apiKey('admin'),
      await t.apiKey('operator'),
      await t.apiKey('viewer'),
    ];
    await seedConsentDemo({ store: t.store, clock: systemClock });
  });
  afterAll(async () => {
    await t.stop();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, key: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  const postBanner = (device: string, choices: Record<string, boolean>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/consent',
      payload: { deviceId: device, noticeVersion: DEMO_NOTICE, choices, method: 'banner' },
    });

  it('creates, reads, replaces and deletes categories, audited; the banner follows', async () => {
    const input = {
      purposeKey: 'personalize.content',
      gpcOptOut: true,
      services: [{ name: 'Recommender', provider: 'Acme Recs GmbH', cookies: ['rec_*'] }],
      texts: { en: { title: 'Personalisation', description: 'Suggests products.' } },
      googleConsentMode: ['personalization_storage'],
      position: 25,
    };
    const created = await call('POST', '/api/admin/consent/categories', admin, { key: 'personal', ...input });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'personal', required: false, gpcOptOut: true, position: 25 });
    expect(
      (await call('POST', '/api/admin/consent/categories', admin, { key: 'personal', ...input })).statusCode,
    ).toBe(409);
    expect(
      (await call('POST', '/api/admin/consent/categories', viewer, { key: 'x', ...input })).statusCode,
    ).toBe(403);
    const noEnglish = await call('POST', '/api/admin/consent/categories', admin, {
      ...input,
      key: 'x',
      texts: { de: { title: 'X', description: '' } },
    });
    expect(noEnglish.statusCode).toBe(400);
    const list = await call('GET', '/api/admin/consent/categories', viewer);
    expect(list.json().categories.map((c: { key: string }) => c.key)).toEqual([
      'necessary',
      'preferences',
      'analytics',
      'personal',
      'marketing',
    ]);

    const replaced = await call('PUT', '/api/admin/consent/categories/personal', admin, {
      ...input,
      gpcOptOut: false,
    });
    expect(replaced.json().gpcOptOut).toBe(false);
    expect((await call('PUT', '/api/admin/consent/categories/nope', admin, input)).statusCode).toBe(404);
    const config = (await t.app.inject({ method: 'GET', url: '/api/public/consent/config' })).json();
    expect(config.categories[3]).toMatchObject({
      key: 'personal',
      services: [{ name: 'Recommender', cookies: ['rec_*'] }],
    });

    expect((await call('DELETE', '/api/admin/consent/categories/personal', admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/admin/consent/categories/personal', viewer)).statusCode).toBe(404);
    expect((await call('DELETE', '/api/admin/consent/categories/personal', admin)).statusCode).toBe(404);
    const audit = await call(
      'GET',
      '/api/admin/audit?action=consent.category.*&target=consent-category:personal',
      admin,
    );
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'consent.category.delete',
      'consent.category.update',
      'consent.category.create',
    ]);
  });

  it('shows current state and history per device, and refuses a query naming no or both subjects', async () => {
    const device = deviceId('admin');
    await postBanner(device, { analytics: true, marketing: true });
    await postBanner(device, { marketing: false });
    const state = await call('GET', `/api/admin/consent/state?deviceId=${device}`, viewer);
    expect(state.statusCode).toBe(200);
    expect(state.json().subject).toEqual({ type: 'device', id: device });
    expect(
      state.json().purposes.map((p: { purposeKey: string; action: string }) => [p.purposeKey, p.action]),
    ).toEqual([
      ['analytics.reporting', 'given'],
      ['marketing.advertising', 'withdrawn'],
    ]);
    const history = await call('GET', `/api/admin/consent/history?deviceId=${device}&limit=2`, viewer);
    expect(
      history.json().events.map((e: { categoryKey: string; action: string }) => [e.categoryKey, e.action]),
    ).toEqual([
      ['marketing', 'withdrawn'],
      ['marketing', 'given'],
    ]);
    expect(history.json().next).toEqual(expect.any(Number));
    const none = await call('GET', '/api/admin/consent/state', viewer);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'querystring.deviceId',
      'querystring.personId',
    ]);
    expect(
      (await call('GET', `/api/admin/consent/state?deviceId=${device}&personId=p`, viewer)).statusCode,
    ).toBe(400);
  });

  it('records staff-entered consent and objections for a verified person, audited with the actor', async () => {
    const res = await call('POST', '/api/admin/consent', operator, {
      personId: 'customer-42',
      choices: { marketing: false },
      purposeActions: [{ purposeKey: 'marketing.communications.email', action: 'objected' }],
      language: 'de',
    });
    expect(res.statusCode).toBe(201);
    expect(
      res
        .json()
        .events.map((e: { purposeKey: string; action: string; method: string; personVerified: boolean }) => [
          e.purposeKey,
          e.action,
          e.method,
          e.personVerified,
        ]),
    ).toEqual([
      ['marketing.advertising', 'withdrawn', 'staff', true],
      ['marketing.communications.email', 'objected', 'staff', true],
    ]);
    const state = await call('GET', '/api/admin/consent/state?personId=customer-42', viewer);
    expect(state.json().purposes).toHaveLength(2);
    const audit = await call('GET', '/api/admin/audit?action=consent.record', admin);
    expect(audit.json().entries[0]).toMatchObject({
      actor: expect.stringMatching(/^key:/),
      target: 'person:customer-42',
    });
    expect(
      (await call('POST', '/api/admin/consent', viewer, { personId: 'p', choices: {} })).statusCode,
    ).toBe(403);
  });

  it('verifies the chain for admins and names an altered event', async () => {
    await postBanner(deviceId('verify'), { analytics: true, preferences: true });
    expect((await call('POST', '/api/admin/consent/verify', operator)).statusCode).toBe(403);
    const intact = await call('POST', '/api/admin/consent/verify', admin);
    expect(intact.json()).toMatchObject({
      ok: true,
      events: expect.any(Number),
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const victim = await t.store.db
      .selectFrom('consent_events')
      .select(['seq', 'id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (kind === 'sqlite') await sql`drop trigger consent_events_no_update`.execute(t.store.db);
    else await sql`alter table consent_events disable trigger consent_events_no_change`.execute(t.store.db);
    await sql`update consent_events set ip_truncated = '198.51.100.0' where seq = ${victim.seq}`.execute(
      t.store.db,
    );
    const broken = await call('POST', '/api/admin/consent/verify', admin);
    expect(broken.json()).toEqual({
      ok: false,
      events: victim.seq - 1,
      broken: { seq: victim.seq, id: victim.id, reason: 'content does not match its hash (altered)' },
    });
  });
});
