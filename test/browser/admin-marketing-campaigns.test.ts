import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsentDemo } from '../../src/consent/consent-test-kit.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createSmtpTransport } from '../../src/mail/create-smtp-transport.ts';
import { deliverOutboxEntry } from '../../src/mail/deliver-outbox-entry.ts';
import { parseRawMail } from '../support/parse-raw-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/start-test-smtp-server.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('marketing campaigns, unsubscribe links and subscriber paging in Chromium', () => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let operatorKey: string;

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    testApp.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${operatorKey}` },
      ...(payload ? { payload } : {}),
    });

  async function subscribeAndConfirm(email: string): Promise<void> {
    const asked = await testApp.app.inject({
      method: 'POST',
      url: '/api/public/marketing/subscribe',
      payload: { email, list: 'news' },
    });
    expect(asked.statusCode).toBe(202);
    const mail = await testApp.store.db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .where('template', '=', 'marketing-confirm')
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_.-]+)/.exec(mail.text_body)?.[1] ?? '';
    const confirmed = await testApp.app.inject({
      method: 'POST',
      url: '/api/public/marketing/confirm',
      payload: { token },
    });
    expect(confirmed.statusCode).toBe(200);
  }

  beforeAll(async () => {
    await webBuilt();
    smtp = await startTestSmtpServer();
    testApp = await startTestApp({ listen: true, env: { PRIVET_SMTP_URL: smtp.url } });
    operatorKey = await testApp.apiKey('operator');
    await seedConsentDemo({ store: testApp.store, clock: systemClock });
    for (const [key, name] of [
      ['news', 'News'],
      ['bulk', 'Bulk'],
    ]) {
      const created = await api('POST', '/api/admin/marketing/lists', {
        key,
        name,
        purposeKey: 'marketing.communications.email',
      });
      expect(created.statusCode).toBe(201);
    }
    for (const email of ['ann@example.test', 'bob@example.test', 'dan@example.test']) {
      await subscribeAndConfirm(email);
    }
    const bob = await api('POST', '/api/admin/marketing/lists/news/unsubscribe', {
      email: 'bob@example.test',
      reason: 'Asked by phone',
    });
    expect(bob.statusCode).toBe(200);
    // A list larger than a page of the console (and than the API's 500 per page).
    const now = new Date().toISOString();
    await testApp.store.db
      .insertInto('marketing_subscriptions')
      .values(
        Array.from({ length: 560 }, (_, i) => ({
          list_key: 'bulk',
          email: `person${String(i).padStart(3, '0')}@bulk.example`,
          status: 'active',
          locale: null,
          confirm_nonce_hash: null,
          requested_at: now,
          confirmed_at: now,
          unsubscribed_at: null,
          last_event_id: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
    await smtp?.close();
  });

  it(
    'an operator sends a campaign that reaches only subscribed people, with one-click headers',
    { timeout: 120_000 },
    async () => {
      await testApp.createUser({ email: 'olga@example.test', password: PASSWORD, role: 'operator' });
      const { page, problems } = await signInTo(
        browser,
        testApp.url,
        '/admin/marketing',
        { email: 'olga@example.test', password: PASSWORD },
        { bypassCSP: true },
      );
      await page.getByRole('link', { name: 'Send a campaign or make unsubscribe links' }).click();
      await page.getByRole('heading', { level: 1, name: 'Marketing campaigns' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'No campaign was sent yet.' }).waitFor();

      // Without a list nothing is sent, and the field says why.
      const form = page.getByRole('region', { name: 'Send a campaign' });
      await form.getByRole('button', { name: 'Send campaign' }).click();
      await form.getByRole('alert').filter({ hasText: 'choose a list' }).waitFor();
      expect(await form.getByLabel('List', { exact: true }).getAttribute('aria-invalid')).toBe('true');

      await form.getByLabel('List', { exact: true }).selectOption('news');
      await form.getByLabel('Subject').fill('Spring news');
      await form.getByLabel('Message').fill('Three new things this spring.');
      await form.getByLabel('Button text').fill('See them');
      await form.getByLabel('Button link').fill('https://shop.example/spring');
      await form.getByRole('button', { name: 'Send campaign' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Sent cmp_\S+ to 2 people\./ })
        .waitFor();
      const row = page.getByRole('table', { name: 'Latest campaigns' }).getByRole('row').filter({
        hasText: 'Spring news',
      });
      await row.waitFor();
      expect(await row.textContent()).toContain('2 of 2');
      expect(await seriousAxeProblems(page)).toEqual([]);
      await screenshot(page, 'admin-marketing-campaign-sent');

      // The outbox holds mail for Ann and Dan only; over SMTP each carries its RFC 8058 headers.
      const mails = await testApp.store.db
        .selectFrom('outbox')
        .select(['id', 'to_address'])
        .where('template', '=', 'marketing-message')
        .orderBy('to_address')
        .execute();
      expect(mails.map((m) => m.to_address)).toEqual(['ann@example.test', 'dan@example.test']);
      const transport = createSmtpTransport(smtp.url);
      try {
        for (const mail of mails) {
          const sent = await deliverOutboxEntry(
            { store: testApp.store, clock: systemClock, transport },
            mail.id,
            new AbortController().signal,
          );
          expect(sent.status).toBe('sent');
          const parsed = parseRawMail(smtp.received.at(-1)?.raw ?? '');
          expect(parsed.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
          expect(parsed.header('List-Unsubscribe')).toMatch(/^<http[^>]+\/u\/[^>]+>$/);
        }
      } finally {
        transport.close();
      }
      expect(smtp.received.flatMap((m) => m.rcptTo)).not.toContain('bob@example.test');

      // The unsubscribe-link tool gives the URL and both headers for another mailer.
      const tool = page.getByRole('region', { name: 'Unsubscribe links' });
      await tool.getByLabel('Recipient address').fill('Ann@Example.test');
      await tool.getByLabel('List', { exact: true }).selectOption('news');
      await tool.getByRole('button', { name: 'Make link' }).click();
      const url = await tool.getByLabel('Unsubscribe URL', { exact: true }).inputValue();
      expect(url).toMatch(/\/u\/[A-Za-z0-9_.-]+$/);
      const headers = await tool.getByLabel('Headers', { exact: true }).inputValue();
      expect(headers).toContain(`List-Unsubscribe: <${url}>`);
      expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      // The link works like the one in the mail: a POST unsubscribes Ann.
      const one = await fetch(`${testApp.url}${new URL(url).pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
        redirect: 'manual',
      });
      expect(one.status).toBe(200);
      const ann = await testApp.store.db
        .selectFrom('marketing_subscriptions')
        .select('status')
        .where('email', '=', 'ann@example.test')
        .where('list_key', '=', 'news')
        .executeTakeFirstOrThrow();
      expect(ann.status).toBe('unsubscribed');

      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('pages through and searches a list of 560 subscribers', { timeout: 120_000 }, async () => {
    await testApp.createUser({ email: 'vera@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/marketing', {
      email: 'vera@example.test',
      password: PASSWORD,
    });
    await page.getByRole('button', { name: 'Subscribers of Bulk' }).click();
    const panel = page.getByRole('region', { name: 'Subscribers of Bulk' });
    const status = panel.getByRole('status');
    await status.filter({ hasText: '200 addresses shown, more to load.' }).waitFor();
    await panel.getByRole('button', { name: 'Show more' }).click();
    await status.filter({ hasText: '400 addresses shown, more to load.' }).waitFor();
    await panel.getByRole('button', { name: 'Show more' }).click();
    await status.filter({ hasText: /^560 addresses\.$/ }).waitFor();
    expect(await panel.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await panel.getByRole('row').filter({ hasText: 'person559@bulk.example' }).waitFor();

    await panel.getByLabel('Address contains').fill('SON12');
    await panel.getByRole('button', { name: 'Search' }).click();
    await status.filter({ hasText: '10 addresses containing “SON12”.' }).waitFor();
    const rows = await panel.getByRole('row').filter({ hasText: '@bulk.example' }).allTextContents();
    expect(rows.map((r) => /person\d+/.exec(r)?.[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `person12${i}`),
    );

    // A viewer sees the campaigns but gets no form to send one.
    await page.getByRole('link', { name: 'See the campaigns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marketing campaigns' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Spring news' }).waitFor();
    expect(await page.getByRole('button', { name: /Send campaign|Make link/ }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  });
  it(
    'a list above 500 recipients goes out by the job, and the page follows it',
    { timeout: 180_000 },
    async () => {
      const { page, problems } = await signInTo(
        browser,
        testApp.url,
        '/admin/marketing/campaigns',
        { email: 'olga@example.test', password: PASSWORD },
        { bypassCSP: true },
      );
      const form = page.getByRole('region', { name: 'Send a campaign' });
      await form.getByLabel('List', { exact: true }).selectOption('bulk');
      await form.getByLabel('Subject').fill('Bulk news');
      await form.getByLabel('Message').fill('For everyone.');
      await form.getByLabel('Button text').fill('Read');
      await form.getByLabel('Button link').fill('https://shop.example/bulk');
      await form.getByRole('button', { name: 'Send campaign' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Started cmp_\S+: a background job sends it to 560 subscribers\./ })
        .waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Bulk news' });
      expect(await row.textContent()).toContain('queued');

      const stop = new AbortController();
      const working = testApp.queue.work({ signal: stop.signal, schedules: false });
      try {
        // The page reads the campaign again while it is going out, until it is sent.
        await row.filter({ hasText: '560 of 560' }).waitFor({ timeout: 120_000 });
        expect(await row.textContent()).toContain('sent');
      } finally {
        stop.abort();
        await working;
      }
      const queued = await testApp.store.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('to_address', 'like', '%@bulk.example')
        .executeTakeFirstOrThrow();
      expect(Number(queued.n)).toBe(560);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
