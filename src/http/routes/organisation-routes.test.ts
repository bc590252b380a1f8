import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.ts';
import { systemClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('organisation settings', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.apiKey('admin');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('is not found before seeding, then shows the demo organisation publicly', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/organisation' })).statusCode).toBe(404);
    expect(await seedDemo({ store: t.store, clock: systemClock, config: t.config })).toContain(
      'demo-organisation',
    );
    expect(await seedDemo({ store: t.store, clock: systemClock, config: t.config })).toEqual([]);
    const res = await t.app.inject({ method: 'GET', url: '/api/public/organisation' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'Privet Demo Shop Ltd',
      address: expect.any(String),
      email: 'privacy@demo-shop.example',
      dpo: expect.stringContaining('dpo@'),
    });
    expect(res.json()).not.toHaveProperty('supervisoryAuthority');
  });

  it('admins replace it; a bad time zone is a 400 naming the field; the change is audited', async () => {
    const body = {
      name: 'Acme GmbH',
      address: 'Hauptstr. 1, Berlin',
      email: 'privacy@acme.example',
      dpo: 'DPO, dpo@acme.example',
      timeZone: 'Mars/Olympus',
      supervisoryAuthority: 'BlnBDI',
    };
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/organisation',
      headers: { authorization: `Bearer ${admin}` },
      payload: body,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.timeZone');
    const badHoliday = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/organisation',
      headers: { authorization: `Bearer ${admin}` },
      payload: { ...body, timeZone: 'Europe/Berlin', holidays: ['2026-12-25', '2026-02-30'] },
    });
    expect(badHoliday.statusCode).toBe(400);
    expect(badHoliday.json().error.issues[0].path).toBe('body.holidays.1');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/organisation',
      headers: { authorization: `Bearer ${admin}` },
      payload: { ...body, timeZone: 'Europe/Berlin', holidays: ['2026-12-25', '2026-12-26'] },
    });
    expect(ok.statusCode).toBe(200);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/admin/organisation',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(read.json().timeZone).toBe('Europe/Berlin');
    expect(read.json().holidays).toEqual(['2026-12-25', '2026-12-26']);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=organisation.update',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(audit.json().entries[0].actor).toMatch(/^key:/);
  });

  it('rate-limits public routes by default', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 130; i += 1) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/public/organisation',
        remoteAddress: '198.51.100.7',
      });
      statuses.add(res.statusCode);
    }
    expect(statuses).toContain(429);
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/public/organisation',
      remoteAddress: '198.51.100.8',
    });
    expect(other.statusCode).toBe(200);
  });
});
