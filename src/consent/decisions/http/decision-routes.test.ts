import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { storeKinds } from '../../../../test/support/test-stores.ts';
import { systemClock } from '../../../domain/clock.ts';
import { KIT_NOTICE, personAction, seedDecisionModel } from '../decision-test-kit.ts';
import { recordProcessingLimit } from '../processing-limits.ts';

describe.each(storeKinds)('decision API on %s', (kind) => {
  let t: TestApp;
  let viewer: string;
  let operator: string;
  const deps = () => ({ store: t.store, clock: systemClock });
  const get = (query: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/admin/decisions?${query}`,
      headers: { authorization: `Bearer ${viewer}` },
    });
  const post = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/decisions',
      headers: { authorization: `Bearer ${viewer}` },
      payload,
    });

  beforeAll(async () => {
    t = await startTestApp({ kind });
    await seedDecisionModel(deps());
    viewer = await t.apiKey('viewer');
    operator = await t.apiKey('operator');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('answers with the basis and the ledger event’s id and hash', async () => {
    await personAction(deps(), 'ida@example.com', 'newsletter', 'given');
    const res = await get('email=ida%40example.com&purpose=newsletter');
    expect(res.statusCode).toBe(200);
    const event = await t.store.db
      .selectFrom('consent_events')
      .selectAll()
      .where('person_id', '=', 'ida@example.com')
      .executeTakeFirstOrThrow();
    expect(res.json()).toEqual({
      allowed: true,
      purpose: 'newsletter',
      purposeKey: 'newsletter',
      basis: '6.1.a',
      reason: 'consent_given',
      evidence: [
        {
          kind: 'consent_event',
          subjectType: 'person',
          eventSeq: event.seq,
          eventId: event.id,
          hash: event.hash,
          at: event.at,
          action: 'given',
          method: 'staff',
          noticeVersion: KIT_NOTICE,
        },
      ],
    });
  });

  it('reflects a withdrawal recorded just before the question', async () => {
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: '/api/admin/consent',
      headers: { authorization: `Bearer ${operator}` },
      payload: {
        personId: 'ida@example.com',
        purposeActions: [{ purposeKey: 'newsletter', action: 'withdrawn' }],
      },
    });
    expect(withdrawn.statusCode).toBe(201);
    const res = await get('personId=ida%40example.com&purpose=marketing.communications.email');
    expect(res.json()).toMatchObject({
      allowed: false,
      reason: 'consent_withdrawn',
      purposeKey: 'newsletter',
    });
  });

  it('answers a batch of subjects × purposes, limits included', async () => {
    await recordProcessingLimit(deps(), {
      email: 'jan@example.com',
      kind: 'restriction',
      purposes: ['order_fulfilment'],
      requestId: 'req_api_1',
      actor: 'user:staff',
    });
    const res = await post({
      subjects: [{ email: 'jan@example.com' }, { deviceId: 'some-device-0123456789' }],
      purposes: ['order_fulfilment', 'fraud_prevention'],
    });
    expect(res.statusCode).toBe(200);
    const reasons = res
      .json()
      .results.map((r: { decisions: { reason: string }[] }) => r.decisions.map((d) => d.reason));
    expect(reasons).toEqual([
      ['restriction', 'legitimate_interest'],
      ['contract', 'legitimate_interest'],
    ]);
    expect(res.json().results[0].decisions[0].evidence).toEqual([
      expect.objectContaining({ kind: 'processing_limit', limitKind: 'restriction', requestId: 'req_api_1' }),
    ]);
  });

  it('answers 400 saying what to fix', async () => {
    const cases: [
      Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>,
      RegExp,
    ][] = [
      [get('purpose=ads'), /exactly one of email, personId and deviceId \(none given\)/],
      [get('purpose=ads&email=a%40b.c&deviceId=device-0123456789'), /exactly one of .* \(2 given\)/],
      [get('email=a%40b.c&purpose=nope'), /no purpose nope/],
      [get('email=a%40b.c&purpose=ads&collectedUnder=1999'), /no published notice version 1999/],
      [get('email=a%40b.c'), /purpose/],
      [
        post({ subjects: [{ email: 'a@b.c' }, {}], purposes: ['ads'] }),
        /body\.subjects\.1: give exactly one/,
      ],
      [
        post({ subjects: [{ email: 'a@b.c' }], purposes: ['ads', 'nope'] }),
        /body\.purposes\.1 no purpose nope/,
      ],
    ];
    for (const [pending, message] of cases) {
      const res = await pending;
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
  });
});
