import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { systemClock } from '../../domain/clock.ts';
import { DEMO_NOTICE, deviceId, seedConsentDemo } from '../consent-test-kit.ts';
import { verifyConsentLedger } from '../verify-consent-ledger.ts';

describe.each(storeKinds)('retried banner posts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    await seedConsentDemo({ store: t.store, clock: systemClock });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  // As the SDK's queue sends it: text/plain JSON, the same body every time it retries.
  const post = (device: string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/consent',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({
        deviceId: device,
        noticeVersion: DEMO_NOTICE,
        choices: { analytics: true, marketing: false },
        method: 'banner',
        ...(key === undefined ? {} : { idempotencyKey: key }),
      }),
    });
  const eventCount = async (device: string) =>
    (await t.store.db.selectFrom('consent_events').select('id').where('device_id', '=', device).execute())
      .length;

  it('records a post once however often it is retried, answering each retry with the first receipts', async () => {
    const device = deviceId('retry');
    const first = await post(device, 'key_0123456789abcdef');
    expect(first.statusCode).toBe(201);
    expect(await eventCount(device)).toBe(2);
    const again = await post(device, 'key_0123456789abcdef');
    expect(again.statusCode).toBe(201);
    expect(again.json().receiptIds).toEqual(first.json().receiptIds);
    expect(again.json().recordedAt).toBe(first.json().recordedAt);
    expect(await eventCount(device)).toBe(2);
    expect((await verifyConsentLedger(t.store)).ok).toBe(true);
  });

  it('records each of concurrent repeats once (they share a batch)', async () => {
    const device = deviceId('burst');
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(device, 'burst_0123456789abcd')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json().receiptIds))).size).toBe(1);
    expect(await eventCount(device)).toBe(2);
  });

  it('keeps keys per device, and records every post that has none', async () => {
    const other = deviceId('other');
    await post(other, 'key_0123456789abcdef');
    expect(await eventCount(other)).toBe(2);
    const plain = deviceId('plain');
    await post(plain);
    await post(plain);
    expect(await eventCount(plain)).toBe(4);
    const bad = await post(deviceId('bad'), 'short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/idempotencyKey/);
  });
});
