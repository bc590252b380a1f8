import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { storeKinds } from '../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { recordConsent } from './commit-consent-batch.ts';
import { bannerSubmission, deviceId, seedConsentDemo } from './consent-test-kit.ts';

describe.each(storeKinds)('consent statistics on %s', (kind) => {
  const clock = fixedClock('2026-03-10T12:00:00.000Z');
  let t: TestApp;
  let viewer: string;
  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    viewer = await t.apiKey('viewer');
    await seedConsentDemo({ store: t.store, clock });
    // 1 March: two visitors accept all, one refuses all. 2 March: one refuses by GPC, the first one withdraws
    // analytics later that day. 5 March: one accepts all. Each banner choice covers preferences, analytics
    // and marketing.
    const at = (iso: string) => ({ store: t.store, clock: fixedClock(iso) });
    const first = deviceId('stats-a');
    await recordConsent(at('2026-03-01T08:00:00.000Z'), bannerSubmission(first, true));
    await recordConsent(at('2026-03-01T09:00:00.000Z'), bannerSubmission(deviceId('stats-b'), true));
    await recordConsent(at('2026-03-01T23:59:59.999Z'), bannerSubmission(deviceId('stats-c'), false));
    await recordConsent(
      at('2026-03-02T00:00:00.000Z'),
      bannerSubmission(deviceId('stats-d'), false, { method: 'gpc', gpc: true }),
    );
    await recordConsent(
      at('2026-03-02T10:00:00.000Z'),
      bannerSubmission(first, true, { choices: { analytics: false } }),
    );
    await recordConsent(at('2026-03-05T10:00:00.000Z'), bannerSubmission(deviceId('stats-e'), true));
  });
  afterAll(async () => {
    await t.stop();
  });

  const stats = (query: string, key = viewer) =>
    t.app.inject({ url: `/api/admin/consent/stats${query}`, headers: { authorization: `Bearer ${key}` } });
  type Stats = {
    from: string;
    to: string;
    totals: {
      categoryKey: string;
      given: number;
      withdrawn: number;
      byGpc: number;
      acceptanceRate: number;
    }[];
    days: { day: string; categoryKey: string; given: number; withdrawn: number; byGpc: number }[];
    methods: { method: string; events: number }[];
  };

  it('counts choices per category over the days asked, with acceptance rates and methods', async () => {
    const res = await stats('?from=2026-03-01&to=2026-03-02');
    expect(res.statusCode).toBe(200);
    const body = res.json<Stats>();
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-02' });
    const analytics = body.totals.find((total) => total.categoryKey === 'analytics');
    // Given: a, b (1 March); withdrawn: c (1 March), d by GPC and a (2 March).
    expect(analytics).toMatchObject({ given: 2, withdrawn: 3, byGpc: 1, acceptanceRate: 2 / 5 });
    const marketing = body.totals.find((total) => total.categoryKey === 'marketing');
    expect(marketing).toMatchObject({ given: 2, withdrawn: 2, byGpc: 1, acceptanceRate: 0.5 });
    // The last millisecond of 1 March is 1 March; midnight UTC is 2 March.
    const analyticsDays = body.days.filter((day) => day.categoryKey === 'analytics');
    expect(analyticsDays.map(({ day, given, withdrawn }) => ({ day, given, withdrawn }))).toEqual([
      { day: '2026-03-01', given: 2, withdrawn: 1 },
      { day: '2026-03-02', given: 0, withdrawn: 2 },
    ]);
    expect(body.methods).toEqual([
      { method: 'banner', events: 10 },
      { method: 'gpc', events: 3 },
    ]);
  });

  it('defaults to the 30 days up to today and leaves out days outside the range', async () => {
    const all = (await stats('')).json<Stats>();
    expect(all).toMatchObject({ from: '2026-02-09', to: '2026-03-10' });
    expect(all.totals.find((total) => total.categoryKey === 'analytics')?.given).toBe(3);
    const later = (await stats('?from=2026-03-03&to=2026-03-31')).json<Stats>();
    expect(later.days.map((day) => day.day)).toEqual(['2026-03-05', '2026-03-05', '2026-03-05']);
    const before = (await stats('?from=2026-02-01&to=2026-02-28')).json<Stats>();
    expect(before).toMatchObject({ totals: [], days: [], methods: [] });
  });

  it('refuses a reversed or too long range and a malformed day, and callers without a key', async () => {
    const reversed = await stats('?from=2026-03-05&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/from must be on or before to/);
    expect((await stats('?from=2024-01-01&to=2026-03-01')).statusCode).toBe(400);
    expect((await stats('?from=March')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/admin/consent/stats' })).statusCode).toBe(401);
  });
});
