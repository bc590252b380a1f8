import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { writeOrganisation } from '../../demo/organisation.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { lastMail } from '../testing/request-test-kit.ts';

describe.each(storeKinds)('admin request intake and queue (%s)', (kind) => {
  let t: TestApp;
  let operator: string;
  let viewer: string;
  const clock = fixedClock('2026-01-30T10:00:00Z');
  const call = (method: 'GET' | 'POST', url: string, key: string | undefined, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } }),
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    operator = await t.apiKey('operator');
    viewer = await t.apiKey('viewer');
    await writeOrganisation(
      t.store.db,
      {
        name: 'Acme GmbH',
        address: 'Hauptstr. 1, Berlin',
        email: 'privacy@acme.example',
        dpo: 'DPO',
        timeZone: 'Europe/Berlin',
        supervisoryAuthority: 'BlnBDI, Friedrichstr. 219, 10969 Berlin',
      },
      clock.now(),
    );
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('answers 201 with id, status and deadlines in the organisation zone; CCPA has acknowledgeBy', async () => {
    const res = await call('POST', '/api/admin/requests', operator, {
      type: 'access',
      jurisdiction: 'gdpr',
      identity: { email: ' Jane@Example.com ' },
      receivedAt: '2026-01-30T09:00:00Z',
      channel: 'email',
      language: 'de',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'received',
      acknowledgeBy: null,
      identity: { email: 'jane@example.com' },
    });
    // 30 Jan + 1 month → 28 Feb 2026 (Saturday) → Monday 2 March, end of day in Berlin.
    expect(body.dueAt).toBe('2026-03-02T22:59:59.999Z');
    const ccpa = (
      await call('POST', '/api/admin/requests', operator, {
        type: 'erasure',
        jurisdiction: 'ccpa',
        identity: { email: 'sam@example.com' },
        receivedAt: '2026-01-30T09:00:00Z',
        channel: 'phone',
      })
    ).json();
    expect(ccpa.acknowledgeBy).not.toBeNull();
    expect(Date.parse(ccpa.dueAt)).toBeGreaterThan(Date.parse(body.dueAt));
    const ack = await lastMail(t.store, 'jane@example.com', 'request-acknowledgement');
    expect(ack?.locale).toBe('de');
    expect(ack?.text).toContain('/requests/status#token=');
  });

  it('refuses what the type lacks, a future receipt date, and anonymous or viewer writes', async () => {
    const bad = await call('POST', '/api/admin/requests', operator, {
      type: 'restriction',
      jurisdiction: 'gdpr',
      identity: { email: 'x@example.com' },
      receivedAt: '2027-01-01T00:00:00Z',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual(['ground_required', 'in_future']);
    const marketing = await call('POST', '/api/admin/requests', operator, {
      type: 'objection',
      jurisdiction: 'gdpr',
      identity: { email: 'x@example.com' },
      details: {
        objectionPurposes: ['marketing.advertising'],
        compellingGrounds: { 'marketing.advertising': 'we want to' },
      },
    });
    expect(marketing.statusCode).toBe(400);
    expect(marketing.json().error.issues[0].code).toBe('absolute_objection');
    expect(
      (
        await call('POST', '/api/admin/requests', viewer, {
          type: 'access',
          jurisdiction: 'gdpr',
          identity: { email: 'a@b.co' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/admin/requests', undefined)).statusCode).toBe(401);
  });

  it('lists with filters (type, channel, q, due=soon|overdue) and pages by cursor; shows one with its timeline', async () => {
    const all = (await call('GET', '/api/admin/requests?limit=1', viewer)).json();
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
    const next = (await call('GET', `/api/admin/requests?limit=1&cursor=${all.nextCursor}`, viewer)).json();
    expect(next.items[0].id).not.toBe(all.items[0].id);
    const jane = (await call('GET', '/api/admin/requests?q=jane', viewer)).json();
    expect(jane.items.map((r: { identity: { email: string } }) => r.identity.email)).toEqual([
      'jane@example.com',
    ]);
    expect((await call('GET', '/api/admin/requests?type=erasure', viewer)).json().items).toHaveLength(1);
    const byPhone = (await call('GET', '/api/admin/requests?channel=phone', viewer)).json();
    expect(byPhone.items.map((r: { identity: { email: string } }) => r.identity.email)).toEqual([
      'sam@example.com',
    ]);
    expect((await call('GET', '/api/admin/requests?channel=drp', viewer)).json().items).toHaveLength(0);
    expect((await call('GET', '/api/admin/requests?channel=fax', viewer)).statusCode).toBe(400);
    expect((await call('GET', '/api/admin/requests?due=overdue', viewer)).json().items).toHaveLength(0);
    clock.set('2026-02-27T10:00:00Z');
    const soon = (await call('GET', '/api/admin/requests?due=soon', viewer)).json();
    expect(soon.items.map((r: { identity: { email: string } }) => r.identity.email)).toContain(
      'jane@example.com',
    );
    clock.set('2026-03-10T10:00:00Z');
    const overdue = (await call('GET', '/api/admin/requests?due=overdue', viewer)).json();
    expect(overdue.items.map((r: { identity: { email: string } }) => r.identity.email)).toContain(
      'jane@example.com',
    );
    clock.set('2026-01-30T10:00:00Z');

    const one = await call('GET', `/api/admin/requests/${jane.items[0].id}`, viewer);
    expect(one.statusCode).toBe(200);
    const detail = one.json();
    expect(
      detail.timeline.map((e: { kind: string; to: string | null }) => `${e.kind}:${e.to ?? ''}`),
    ).toEqual(['status:received', 'message:']);
    expect(detail.timeline[0].actor).toMatch(/^key:/);
    expect((await call('GET', '/api/admin/requests/req_nope', viewer)).statusCode).toBe(404);
    expect((await call('GET', `/api/admin/requests/${jane.items[0].id}`, undefined)).statusCode).toBe(401);
  });

  it('staff entry already verified is verified with the note on the timeline and in the audit log', async () => {
    const res = await call('POST', '/api/admin/requests', operator, {
      type: 'access',
      jurisdiction: 'uk_gdpr',
      identity: { email: 'kim@example.com' },
      verified: { note: 'Passport seen at the counter' },
      channel: 'post',
    });
    expect(res.json().status).toBe('verified');
    const detail = (await call('GET', `/api/admin/requests/${res.json().id}`, viewer)).json();
    expect(detail.timeline[1]).toMatchObject({ to: 'verified', public: false });
    expect(detail.timeline[1].reason).toContain('Passport seen');
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', `request:${res.json().id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['request.create', 'request.transition']);
  });
});
