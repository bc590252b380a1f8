import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { NEWS, startMarketingTestApp, tokenIn, type MarketingTestApp } from './marketing-test-kit.ts';

describe.each(storeKinds)('marketing lists, double opt-in and one-click unsubscribe on %s', (kind) => {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let m: MarketingTestApp;
  beforeAll(async () => {
    m = await startMarketingTestApp(kind, clock);
  }, 120_000);
  afterAll(async () => {
    await m?.t.stop();
  });

  it('keeps a subscription pending until the mailed link confirms it, then records consent under the notice', async () => {
    const before = await m.eventCount();
    const res = await m.post('/api/public/marketing/subscribe', {
      email: 'Ann@Example.com',
      list: 'news',
      lang: 'de',
    });
    expect(res.statusCode).toBe(202);
    expect(await m.subscriber('ann@example.com')).toMatchObject({ status: 'pending' });
    expect(await m.stateOf('ann@example.com', NEWS.purposeKey)).toBeUndefined();
    expect(await m.eventCount()).toBe(before);

    const [mail] = await m.mailsTo('ann@example.com');
    expect(mail?.template).toBe('marketing-confirm');
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihr Abonnement von Shop-Neuigkeiten');
    // A confirmation is not marketing: it carries no unsubscribe headers.
    expect(JSON.parse(mail?.headers ?? '{}')).toEqual({});
    const token = tokenIn(mail?.text_body ?? '', /\/preferences\/confirm#token=([A-Za-z0-9_.-]+)/);
    expect(token).not.toContain('ann');

    // Forged and altered tokens are refused and change nothing.
    const altered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const bad of [altered, 'v1.abc.def.ghi', 'nonsense']) {
      const refused = await m.post('/api/public/marketing/confirm', { token: bad });
      expect(refused.statusCode).toBe(400);
    }
    expect(await m.subscriber('ann@example.com')).toMatchObject({ status: 'pending' });

    const confirmed = await m.post('/api/public/marketing/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({
      status: 'active',
      list: { key: 'news', name: 'Shop-Neuigkeiten' },
      alreadyConfirmed: false,
    });
    expect(await m.subscriber('ann@example.com')).toMatchObject({ status: 'active' });
    expect(await m.stateOf('ann@example.com', NEWS.purposeKey)).toMatchObject({
      action: 'given',
      method: 'email',
      noticeVersion: '2026-01',
    });
    expect(await m.eventCount()).toBe(before + 1);

    // The same link again: still active, no second event.
    const again = await m.post('/api/public/marketing/confirm', { token });
    expect(again.json()).toMatchObject({ status: 'active', alreadyConfirmed: true });
    expect(await m.eventCount()).toBe(before + 1);

    // Subscribing an active address answers the same and sends nothing.
    const repeat = await m.post('/api/public/marketing/subscribe', {
      email: 'ann@example.com',
      list: 'news',
    });
    expect(repeat.statusCode).toBe(202);
    expect(repeat.json()).toEqual(res.json());
    expect(await m.mailsTo('ann@example.com')).toHaveLength(1);

    const verified = await m.call('POST', '/api/admin/consent/verify', await m.t.apiKey('admin'));
    expect(verified.json()).toMatchObject({ ok: true });
  });

  it('refuses an expired confirmation link and a link voided by a newer request', async () => {
    await m.post('/api/public/marketing/subscribe', { email: 'bo@example.com', list: 'news' });
    const first = tokenIn(
      (await m.mailsTo('bo@example.com'))[0]?.text_body ?? '',
      /#token=([A-Za-z0-9_.-]+)/,
    );
    clock.advance(3 * 24 * 60 * 60 * 1000 + 1000);
    try {
      expect((await m.post('/api/public/marketing/confirm', { token: first })).statusCode).toBe(400);
      await m.post('/api/public/marketing/subscribe', { email: 'bo@example.com', list: 'news' });
      const second = tokenIn(
        (await m.mailsTo('bo@example.com'))[1]?.text_body ?? '',
        /#token=([A-Za-z0-9_.-]+)/,
      );
      clock.advance(-3 * 24 * 60 * 60 * 1000 - 1000);
      // Unexpired now, but a newer request replaced its nonce.
      expect((await m.post('/api/public/marketing/confirm', { token: first })).statusCode).toBe(400);
      clock.advance(3 * 24 * 60 * 60 * 1000 + 1000);
      expect((await m.post('/api/public/marketing/confirm', { token: second })).statusCode).toBe(200);
    } finally {
      clock.set('2026-03-01T10:00:00.000Z');
    }
    expect(await m.subscriber('bo@example.com')).toMatchObject({ status: 'active' });
    expect(
      (await m.post('/api/public/marketing/subscribe', { email: 'x@example.com', list: 'nope' })).statusCode,
    ).toBe(404);
    const internal = await m.call('POST', '/api/admin/marketing/lists', m.operator, {
      key: 'staff-only',
      name: 'Staff only',
      purposeKey: NEWS.purposeKey,
      public: false,
    });
    expect(internal.statusCode).toBe(201);
    expect(
      (await m.post('/api/public/marketing/subscribe', { email: 'x@example.com', list: 'staff-only' }))
        .statusCode,
    ).toBe(404);
    const offered = await m.t.app.inject({ method: 'GET', url: '/api/public/marketing/lists?lang=de' });
    expect(offered.json()).toEqual({
      lists: [{ key: 'news', name: 'Shop-Neuigkeiten', description: 'Neue Produkte, monatlich' }],
    });
    expect(
      (await m.post('/api/public/marketing/subscribe', { email: 'not an address', list: 'news' })).statusCode,
    ).toBe(400);
  });

  it('unsubscribes with one POST (urlencoded or multipart), idempotently, and never on GET', async () => {
    await m.subscribeAndConfirm('cy@example.com');
    const link = await m.call('POST', '/api/admin/unsubscribe-links', m.operator, {
      email: 'Cy@example.com',
      list: 'news',
    });
    expect(link.statusCode).toBe(200);
    const { url, headers } = link.json<{ url: string; headers: Record<string, string> }>();
    expect(url).toMatch(/^http:\/\/[^/]+\/u\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    // Opaque: neither the address nor its domain shows (a two-letter check would hit random tokens).
    expect(url.toLowerCase()).not.toContain('cy@');
    expect(url.toLowerCase()).not.toContain('example');
    expect(headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(
      (
        await m.call('POST', '/api/admin/unsubscribe-links', m.viewer, {
          email: 'cy@example.com',
          list: 'news',
        })
      ).statusCode,
    ).toBe(403);
    // Stable: asking again gives the same link; and short whatever the address.
    const again = await m.call('POST', '/api/admin/unsubscribe-links', m.operator, {
      email: 'cy@example.com',
      list: 'news',
    });
    expect(again.json<{ url: string }>().url).toBe(url);
    const long = `${'a'.repeat(200)}@example.com`;
    const longLink = await m.call('POST', '/api/admin/unsubscribe-links', m.operator, {
      email: long,
      list: 'news',
    });
    const longPath = new URL(longLink.json<{ url: string }>().url).pathname;
    expect(longPath).toHaveLength('/u/'.length + 45);
    expect((await m.t.app.inject({ method: 'GET', url: longPath })).statusCode).toBe(200);
    const path = new URL(url).pathname;
    const before = await m.eventCount();

    // What a mail scanner does: fetch the link. Nothing changes.
    const page = await m.t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`<form method="post" action="${path}">`);
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(await m.subscriber('cy@example.com')).toMatchObject({ status: 'active' });
    expect(await m.eventCount()).toBe(before);

    const first = await m.t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.location).toBeUndefined();
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain('You are unsubscribed from Shop news');
    expect(await m.subscriber('cy@example.com')).toMatchObject({ status: 'unsubscribed' });
    expect(await m.stateOf('cy@example.com', NEWS.purposeKey)).toMatchObject({
      action: 'withdrawn',
      method: 'email',
    });
    expect(await m.eventCount()).toBe(before + 1);

    const boundary = '----privet-test-boundary';
    const second = await m.t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(await m.eventCount()).toBe(before + 1);
  });

  it('unsubscribes with multipart on the first POST too, and refuses forged tokens and other bodies', async () => {
    await m.subscribeAndConfirm('di@example.com');
    const { url } = (
      await m.call('POST', '/api/admin/unsubscribe-links', m.operator, {
        email: 'di@example.com',
        list: 'news',
      })
    ).json<{ url: string }>();
    const path = new URL(url).pathname;
    const form = (body: string, type = 'application/x-www-form-urlencoded', to = path) =>
      m.t.app.inject({ method: 'POST', url: to, headers: { 'content-type': type }, payload: body });

    expect((await form('List-Unsubscribe=Something-Else')).statusCode).toBe(400);
    expect((await m.t.app.inject({ method: 'POST', url: path })).statusCode).toBe(400);
    const forged = `${path.slice(0, -4)}${path.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect((await form('List-Unsubscribe=One-Click', undefined, forged)).statusCode).toBe(404);
    expect((await m.t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    expect((await m.t.app.inject({ method: 'GET', url: '/u/guess' })).statusCode).toBe(404);
    expect(await m.subscriber('di@example.com')).toMatchObject({ status: 'active' });

    const boundary = 'XyZ';
    const res = await form(
      `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      `multipart/form-data; boundary="${boundary}"`,
    );
    expect(res.statusCode).toBe(200);
    expect(await m.subscriber('di@example.com')).toMatchObject({ status: 'unsubscribed' });
  });

  it('records one withdrawal when several one-click POSTs arrive at once', async () => {
    await m.subscribeAndConfirm('hal@example.com');
    const { url } = (
      await m.call('POST', '/api/admin/unsubscribe-links', m.operator, {
        email: 'hal@example.com',
        list: 'news',
      })
    ).json<{ url: string }>();
    const before = await m.eventCount();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        m.t.app.inject({
          method: 'POST',
          url: new URL(url).pathname,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await m.eventCount()).toBe(before + 1);
  });
});
