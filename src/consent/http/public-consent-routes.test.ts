import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../domain/clock.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_NOTICE, deviceId, seedConsentDemo } from '../consent-test-kit.ts';

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe.each(storeKinds)('public consent API on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.apiKey('admin');
    await seedConsentDemo({ store: t.store, clock: systemClock });
  });
  afterAll(async () => {
    await t.stop();
  });

  function post(
    body: object | string,
    options: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ) {
    const text = typeof body === 'string';
    return t.app.inject({
      method: 'POST',
      url: '/api/public/consent',
      headers: { 'content-type': text ? 'text/plain;charset=UTF-8' : 'application/json', ...options.headers },
      payload: text ? body : JSON.stringify(body),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
  }
  const banner = (device: string, choices: Record<string, boolean>, extra: object = {}) => ({
    deviceId: device,
    noticeVersion: DEMO_NOTICE,
    choices,
    method: 'banner',
    ...extra,
  });
  async function events(device: string) {
    return t.store.db
      .selectFrom('consent_events')
      .selectAll()
      .where('device_id', '=', device)
      .orderBy('seq')
      .execute();
  }

  it('limits posts per client address, with the limit headers only on the refusal', async () => {
    const device = deviceId('limited');
    const first = await post(banner(device, { analytics: true }), { remoteAddress: '198.51.100.61' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['x-ratelimit-limit']).toBeUndefined();
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 130 && refused === undefined; i += 1) {
      const res = await post(banner(device, { analytics: i % 2 === 0 }), { remoteAddress: '198.51.100.61' });
      if (res.statusCode === 429) refused = res;
      else expect(res.statusCode).toBe(201);
    }
    expect(refused?.headers['x-ratelimit-limit']).toBe('120');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not limited by the first one's posts.
    expect(
      (await post(banner(device, { analytics: true }), { remoteAddress: '198.51.100.62' })).statusCode,
    ).toBe(201);
  });

  it('serves the banner configuration in the contract shape, cacheable for a minute', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/consent/config?lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const config = res.json();
    expect(Object.keys(config).sort()).toEqual(['categories', 'noticeHash', 'noticeVersion', 'texts']);
    expect(config.noticeVersion).toBe(DEMO_NOTICE);
    expect(config.noticeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(config.categories.map((c: { key: string }) => c.key)).toEqual([
      'necessary',
      'preferences',
      'analytics',
      'marketing',
    ]);
    for (const category of config.categories) {
      expect(Object.keys(category).sort()).toEqual([
        'description',
        'googleConsentMode',
        'gpcOptOut',
        'key',
        'required',
        'services',
        'title',
      ]);
      for (const service of category.services)
        expect(Object.keys(service).sort()).toEqual(['cookies', 'name']);
    }
    expect(config.categories[0]).toMatchObject({ key: 'necessary', required: true, gpcOptOut: false });
    expect(config.categories[2]).toEqual({
      key: 'analytics',
      title: 'Analytics',
      description: expect.any(String),
      required: false,
      gpcOptOut: false,
      services: [
        { name: 'Plausible', cookies: [] },
        { name: 'Google Analytics', cookies: ['_ga', '_ga_*', '_gid'] },
      ],
      googleConsentMode: ['analytics_storage'],
    });
    expect(config.categories[3]).toMatchObject({
      key: 'marketing',
      gpcOptOut: true,
      googleConsentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
    });
    for (const key of ['title', 'body', 'acceptAll', 'rejectAll', 'customize', 'save', 'close']) {
      expect(typeof config.texts[key]).toBe('string');
    }
    expect(config.texts.privacyNoticeUrl).toBe(`${t.config.publicUrl}/privacy-notice`);
  });

  it('translates by configuration, falling back from de-AT to de to English', async () => {
    const settings = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/consent/settings',
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/consent/settings',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        ...settings,
        texts: { de: { title: 'Ihre Datenschutz-Einstellungen', acceptAll: 'Alle akzeptieren' } },
      },
    });
    expect(put.statusCode).toBe(200);
    const category = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/consent/categories/analytics',
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json();
    const { purposeKey, required, gpcOptOut, services, texts, googleConsentMode, position } = category;
    const input = { purposeKey, required, gpcOptOut, services, texts, googleConsentMode, position };
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/consent/categories/analytics',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        ...input,
        texts: { ...input.texts, de: { title: 'Statistik', description: 'Zählt Besuche.' } },
      },
    });
    const de = (await t.app.inject({ method: 'GET', url: '/api/public/consent/config?lang=de_AT' })).json();
    expect(de.texts).toMatchObject({
      title: 'Ihre Datenschutz-Einstellungen',
      acceptAll: 'Alle akzeptieren',
      rejectAll: 'Reject all',
    });
    expect(de.categories[2]).toMatchObject({ title: 'Statistik', description: 'Zählt Besuche.' });
    expect(de.categories[3].title).toBe('Marketing');
    const odd = await t.app.inject({ method: 'GET', url: '/api/public/consent/config?lang=%3F%3F' });
    expect(odd.statusCode).toBe(200);
    expect(odd.json().texts.title).toBe('Your privacy choices');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/consent/config?lang=en' })).json().texts.title,
    ).toBe('Your privacy choices');
  });

  it('records a JSON post durably: receipts, truncated IPv4, user-agent family, language', async () => {
    const device = deviceId('json');
    const res = await post(
      banner(
        device,
        { necessary: true, preferences: false, analytics: true, marketing: false },
        { uiLanguage: 'en' },
      ),
      {
        headers: { 'user-agent': CHROME_UA },
        remoteAddress: '203.0.113.77',
      },
    );
    expect(res.statusCode).toBe(201);
    // A JSON answer to scripts: nosniff, and none of helmet's document headers (the config route keeps them).
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.receiptIds).toHaveLength(3);
    expect(Date.parse(body.recordedAt)).not.toBeNaN();
    const stored = await events(device);
    expect(stored.map((e) => e.id)).toEqual(body.receiptIds);
    expect(stored.map((e) => [e.category_key, e.action, e.method])).toEqual([
      ['preferences', 'withdrawn', 'banner'],
      ['analytics', 'given', 'banner'],
      ['marketing', 'withdrawn', 'banner'],
    ]);
    expect(stored[0]).toMatchObject({
      ip_truncated: '203.0.113.0',
      user_agent_family: 'Chrome 156 / Linux',
      language: 'en',
      notice_version: DEMO_NOTICE,
      gpc: 0,
    });
    expect(JSON.stringify(stored)).not.toContain('203.0.113.77');
  });

  it('accepts text/plain JSON (sendBeacon) on this route only; truncates IPv6 to /48', async () => {
    const device = deviceId('beacon');
    const res = await post(JSON.stringify(banner(device, { analytics: true }, { uiLanguage: 'pt_BR' })), {
      remoteAddress: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
    });
    expect(res.statusCode).toBe(201);
    expect((await events(device))[0]).toMatchObject({
      category_key: 'analytics',
      ip_truncated: '2001:db8:85a3::',
      language: 'pt-BR',
    });
    const oddLanguage = deviceId('oddlang');
    expect(
      (await post(banner(oddLanguage, { analytics: true }, { uiLanguage: 'not a tag!' }))).statusCode,
    ).toBe(201);
    expect((await events(oddLanguage))[0]?.language).toBeNull();
    expect(JSON.stringify(await events(device))).not.toContain('8a2e');
    const broken = await post('{not json');
    expect(broken.statusCode).toBe(400);
    const elsewhere = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/consent/settings',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('treats Sec-GPC: 1 as an opt-out of gpcOptOut categories, logged as gpc, unless chosen explicitly', async () => {
    const signalOnly = deviceId('gpc');
    const first = await post(banner(signalOnly, { analytics: true }), { headers: { 'sec-gpc': '1' } });
    expect(first.statusCode).toBe(201);
    expect((await events(signalOnly)).map((e) => [e.category_key, e.action, e.method, e.gpc])).toEqual([
      ['analytics', 'given', 'banner', 1],
      ['marketing', 'withdrawn', 'gpc', 1],
    ]);
    const explicit = deviceId('gpcx');
    await post(banner(explicit, { marketing: true }), { headers: { 'sec-gpc': '1' } });
    expect((await events(explicit)).map((e) => [e.category_key, e.action, e.method])).toEqual([
      ['marketing', 'given', 'banner'],
    ]);
    const withoutSignal = deviceId('nogpc');
    await post(banner(withoutSignal, { analytics: false }));
    expect((await events(withoutSignal)).map((e) => e.category_key)).toEqual(['analytics']);
  });

  it('refuses a stale notice version and unknown categories with 400 issues naming them', async () => {
    const device = deviceId('bad');
    const stale = await post(banner(device, { analytics: true }, { noticeVersion: '2020-01' }));
    expect(stale.statusCode).toBe(400);
    expect(stale.headers['x-content-type-options']).toBe('nosniff');
    expect(stale.json().error.issues).toEqual([
      expect.objectContaining({ code: 'stale_notice_version', path: 'body.noticeVersion' }),
    ]);
    const unknown = await post(banner(device, { analytics: true, tracking: true, necessary: false }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['body.choices.tracking', 'unknown_category'],
      ['body.choices.necessary', 'required_category'],
    ]);
    expect((await post(banner('short', { analytics: true }))).statusCode).toBe(400);
    expect((await post(banner(device, { analytics: true }, { method: 'staff' }))).statusCode).toBe(400);
    expect(await events(device)).toEqual([]);
  });

  it('shows a device its own receipts only; staff see any, with the Kantara and 27560 fields', async () => {
    const device = deviceId('receipt');
    const { receiptIds } = (await post(banner(device, { analytics: true }, { uiLanguage: 'en' }))).json();
    const id = receiptIds[0];
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/public/consent/receipts/${id}?deviceId=${device}`,
    });
    expect(own.statusCode).toBe(200);
    const receipt = own.json();
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'EU',
      consentTimestamp: expect.any(Number),
      collectionMethod: 'Cookie banner on a website',
      consentReceiptID: id,
      language: 'en',
      piiPrincipalId: `device:${device}`,
      piiControllers: [
        {
          piiController: 'Privet Demo Shop Ltd',
          contact: expect.stringContaining('dpo@'),
          address: expect.any(String),
          email: 'privacy@demo-shop.example',
          phone: '',
        },
      ],
      policyUrl: `${t.config.publicUrl}/privacy-notice`,
      sensitive: false,
      spiCat: [],
      event: {
        time: expect.any(String),
        type: 'dpv:ConsentGiven',
        method: 'banner',
        globalPrivacyControl: false,
      },
      state: 'given',
      notice: {
        version: DEMO_NOTICE,
        hash: { algorithm: 'SHA-256', value: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
    expect(receipt.services.map((s: { service: string }) => s.service)).toEqual([
      'Plausible',
      'Google Analytics',
    ]);
    expect(receipt.services[1].purposes[0]).toMatchObject({
      purposeCategory: ['analytics.reporting'],
      consentType: 'EXPLICIT',
      primaryPurpose: false,
      termination: expect.stringContaining('withdraw'),
      thirdPartyDisclosure: true,
      thirdPartyName: expect.stringContaining('Google Ireland'),
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/public/consent/receipts/${id}?deviceId=${deviceId('other')}`,
    });
    expect(other.statusCode).toBe(404);
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/admin/consent/receipts/${id}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(staff.json()).toEqual(receipt);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/consent/receipts/${id}` })).statusCode).toBe(
      401,
    );
  });

  it('answers CORS for allowed origins only, with preflight, never with credentials', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/public/consent',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const open = await preflight('https://any.example');
    expect(open.statusCode).toBe(204);
    expect(open.headers['access-control-allow-origin']).toBe('*');
    expect(open.headers['access-control-allow-methods']).toContain('POST');
    expect(open.headers['access-control-allow-headers']).toMatch(/content-type/i);
    expect(open.headers['access-control-allow-credentials']).toBeUndefined();

    const settings = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/consent/settings',
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json();
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/consent/settings',
      headers: { authorization: `Bearer ${admin}` },
      payload: { ...settings, allowedOrigins: ['https://shop.example'] },
    });
    const allowed = await preflight('https://shop.example');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(allowed.headers.vary).toMatch(/Origin/);
    const refused = await preflight('https://evil.example');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const config = await t.app.inject({
      method: 'GET',
      url: '/api/public/consent/config',
      headers: { origin: 'https://shop.example' },
    });
    expect(config.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(config.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const stale = await post(banner(deviceId('cors'), {}, { noticeVersion: 'old' }), {
      headers: { origin: 'https://shop.example' },
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.headers['access-control-allow-origin']).toBe('https://shop.example');
    const foreign = await post(banner(deviceId('cors'), { analytics: true }), {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    // The admin API never answers CORS.
    const adminCall = await t.app.inject({
      method: 'GET',
      url: '/api/admin/consent/settings',
      headers: { origin: 'https://shop.example', authorization: `Bearer ${admin}` },
    });
    expect(adminCall.headers['access-control-allow-origin']).toBeUndefined();
  });
});
