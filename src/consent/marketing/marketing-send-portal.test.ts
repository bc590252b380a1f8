import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { EMAIL_TRACKING_PURPOSE, trackingLinks } from './email-tracking.ts';
import { NEWS, startMarketingTestApp, tokenIn, type MarketingTestApp } from './marketing-test-kit.ts';

describe.each(storeKinds)(
  'marketing sends with consented tracking, and the preference portal API on %s',
  (kind) => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    let m: MarketingTestApp;
    beforeAll(async () => {
      m = await startMarketingTestApp(kind, clock);
    }, 120_000);
    afterAll(async () => {
      await m?.t.stop();
    });

    it('sends marketing with unsubscribe headers; pixel and click redirect only for people who consented to tracking', async () => {
      await m.subscribeAndConfirm('ed@example.com');
      await m.subscribeAndConfirm('fay@example.com');
      const consent = await m.call('POST', '/api/admin/consent', m.operator, {
        personId: 'fay@example.com',
        purposeActions: [{ purposeKey: EMAIL_TRACKING_PURPOSE, action: 'given' }],
        method: 'portal',
      });
      expect(consent.statusCode).toBe(201);
      const sent = await m.call('POST', '/api/admin/marketing/lists/news/send', m.operator, {
        subject: 'Spring sale',
        text: 'Everything is 10% off this week.',
        linkText: 'Visit the shop',
        linkUrl: 'https://shop.example/sale?x=1',
        campaign: `spring-${kind}`,
      });
      expect(sent.statusCode).toBe(200);
      const { queued, tracked } = sent.json<{ queued: number; tracked: number }>();
      expect(tracked).toBe(1);
      expect(queued).toBeGreaterThanOrEqual(2);

      const [ed] = await m
        .mailsTo('ed@example.com')
        .then((m) => m.filter((x) => x.subject === 'Spring sale'));
      const [fay] = await m
        .mailsTo('fay@example.com')
        .then((m) => m.filter((x) => x.subject === 'Spring sale'));
      for (const mail of [ed, fay]) {
        const headers = JSON.parse(mail?.headers ?? '{}') as Record<string, string>;
        expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/[^>]+\/u\/[A-Za-z0-9_.-]{45}>$/);
        expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      }
      expect(ed?.template).toBe('marketing-message');
      expect(ed?.html_body).not.toContain('<img');
      expect(ed?.html_body).not.toContain('/marketing/t/');
      expect(ed?.html_body).toContain('href="https://shop.example/sale?x=1"');
      expect(fay?.template).toBe('marketing-message-tracked');
      const pixel = tokenIn(
        fay?.html_body ?? '',
        /<img src="http:\/\/[^/]+(\/api\/public\/marketing\/t\/o\/[^"]+)"/,
      );
      const click = tokenIn(
        fay?.html_body ?? '',
        /href="http:\/\/[^/]+(\/api\/public\/marketing\/t\/c\/[^"]+)"/,
      );
      expect(fay?.html_body).not.toContain('shop.example');

      const trackingRows = () =>
        m.t.store.db
          .selectFrom('marketing_tracking_events')
          .selectAll()
          .where('campaign', '=', `spring-${kind}`)
          .execute();
      const opened = await m.t.app.inject({ method: 'GET', url: pixel });
      expect(opened.statusCode, `${pixel} ${opened.body}`).toBe(200);
      expect(opened.headers['content-type']).toBe('image/gif');
      const clicked = await m.t.app.inject({ method: 'GET', url: click });
      expect(clicked.statusCode).toBe(302);
      expect(clicked.headers.location).toBe('https://shop.example/sale?x=1');
      expect((await trackingRows()).map((r) => [r.kind, r.email])).toEqual([
        ['open', 'fay@example.com'],
        ['click', 'fay@example.com'],
      ]);

      // A link made for someone without tracking consent serves, but records nothing.
      const edLinks = await trackingLinks({ config: m.t.config, clock }, m.t.store.db, {
        email: 'ed@example.com',
        listKey: 'news',
        campaign: `spring-${kind}`,
      });
      expect(
        (await m.t.app.inject({ method: 'GET', url: new URL(edLinks.pixelUrl).pathname })).statusCode,
      ).toBe(200);
      expect(await trackingRows()).toHaveLength(2);
      // Nor a forged redirect: no open redirect.
      expect((await m.t.app.inject({ method: 'GET', url: `${click.slice(0, -4)}AAAA` })).statusCode).toBe(
        404,
      );
    });

    it('mails a portal link only to known addresses, answering the same; the portal changes are ledger events', async () => {
      await m.subscribeAndConfirm('gus@example.com');
      const known = await m.post('/api/public/preferences/link', { email: 'gus@example.com' });
      const unknown = await m.post('/api/public/preferences/link', { email: 'nobody@example.com' });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.json()).toEqual(known.json());
      expect(await m.mailsTo('nobody@example.com')).toHaveLength(0);
      const mail = (await m.mailsTo('gus@example.com')).find((m) => m.template === 'preferences-link');
      const token = tokenIn(mail?.text_body ?? '', /\/preferences#token=([A-Za-z0-9_.-]+)/);

      const view = await m.post('/api/public/preferences/read', { token });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({
        email: 'gus@example.com',
        noticeVersion: '2026-01',
        lists: [{ key: 'news', status: 'active' }],
        emailTracking: { given: false },
      });
      const before = await m.eventCount();
      const updated = await m.post('/api/public/preferences/update', {
        token,
        categories: { analytics: true, marketing: false },
        lists: { news: false },
        emailTracking: true,
      });
      expect(updated.statusCode).toBe(200);
      expect(updated.json<{ eventIds: string[] }>().eventIds).toHaveLength(4);
      expect(await m.eventCount()).toBe(before + 4);
      expect(await m.stateOf('gus@example.com', 'analytics.reporting')).toMatchObject({
        action: 'given',
        method: 'portal',
      });
      expect(await m.stateOf('gus@example.com', NEWS.purposeKey)).toMatchObject({
        action: 'withdrawn',
        method: 'portal',
      });
      expect(await m.subscriber('gus@example.com')).toMatchObject({ status: 'unsubscribed' });
      // Sending the same choices again changes nothing.
      const same = await m.post('/api/public/preferences/update', {
        token,
        categories: { analytics: true },
        lists: { news: false },
      });
      expect(same.json<{ eventIds: string[] }>().eventIds).toEqual([]);

      expect(
        (await m.post('/api/public/preferences/read', { token: `${token.slice(0, -2)}xx` })).statusCode,
      ).toBe(401);
      clock.advance(24 * 60 * 60 * 1000 + 1);
      try {
        expect((await m.post('/api/public/preferences/read', { token })).statusCode).toBe(401);
      } finally {
        clock.set('2026-03-01T10:00:00.000Z');
      }
      // A portal token is no unsubscribe or confirmation token.
      expect((await m.t.app.inject({ method: 'GET', url: `/u/${token}` })).statusCode).toBe(404);
      expect((await m.post('/api/public/marketing/confirm', { token })).statusCode).toBe(400);
    });
  },
);
