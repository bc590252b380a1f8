import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { navLinks, signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

describe('marketing lists and webhooks pages in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    await webBuilt();
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/privet`;
    testApp = await startTestApp({ listen: true, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it(
    'an operator creates a list, sees a public subscriber and unsubscribes them',
    { timeout: 120_000 },
    async () => {
      await testApp.createUser({ email: 'mona@example.test', password: PASSWORD, role: 'operator' });
      const { page, problems } = await signInTo(
        browser,
        testApp.url,
        '/admin/marketing',
        { email: 'mona@example.test', password: PASSWORD },
        { bypassCSP: true },
      );
      await page.getByRole('heading', { level: 1, name: 'Marketing lists' }).waitFor();
      expect(await navLinks(page)).toContain('Marketing lists');
      await page.getByRole('status').filter({ hasText: 'There are no marketing lists yet.' }).waitFor();

      // A bad key is refused with the field marked.
      await page.getByLabel('Key').fill('Bad Key');
      await page.getByLabel('Name', { exact: true }).fill('Newsletter');
      await page.getByLabel('Consent purpose').fill('marketing');
      await page.getByRole('button', { name: 'Create list' }).click();
      await page.getByRole('alert').filter({ hasText: 'The list was not saved' }).waitFor();
      expect(await page.getByLabel('Key').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Key').fill('newsletter');
      await page.getByLabel('Name in German').fill('Rundbrief');
      await page.getByRole('button', { name: 'Create list' }).click();
      await page.getByRole('status').filter({ hasText: 'Created the list Newsletter.' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'newsletter' });
      await row.waitFor();

      await row.getByRole('button', { name: 'Edit the list Newsletter' }).click();
      await page.getByRole('heading', { name: 'Edit the list Newsletter' }).waitFor();
      expect(await page.getByLabel('Name in German').inputValue()).toBe('Rundbrief');
      await page.getByLabel('Name in German').fill('Unser Rundbrief');
      await page.getByRole('button', { name: 'Save list' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved the list Newsletter.' }).waitFor();

      const saved = await fetch(`${testApp.url}/api/public/marketing/lists?lang=de`);
      expect(JSON.stringify(await saved.json())).toContain('Unser Rundbrief');
      const subscribe = await fetch(`${testApp.url}/api/public/marketing/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'reader@example.test', list: 'newsletter' }),
      });
      expect(subscribe.status).toBe(202);

      await page.reload();
      await row.getByRole('button', { name: 'Subscribers of Newsletter' }).click();
      const panel = page.getByRole('region', { name: 'Subscribers of Newsletter' });
      const subscriber = panel.getByRole('row').filter({ hasText: 'reader@example.test' });
      await subscriber.waitFor();
      expect(await subscriber.textContent()).toContain('pending');
      expect(await seriousAxeProblems(page)).toEqual([]);
      await screenshot(page, 'admin-marketing-subscribers');

      await subscriber.getByRole('button', { name: 'Unsubscribe reader@example.test' }).click();
      const dialog = page.getByRole('dialog', { name: 'Unsubscribe reader@example.test?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Unsubscribe' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Say why' }).waitFor();
      await dialog.getByLabel('Reason').fill('Asked by phone');
      await dialog.getByRole('button', { name: 'Unsubscribe' }).click();
      await panel.getByRole('status').filter({ hasText: 'Unsubscribed reader@example.test.' }).waitFor();
      // The status line comes first; the table and the counts follow when they are read again.
      await subscriber.filter({ hasText: 'unsubscribed' }).waitFor();
      await expect.poll(async () => await row.textContent(), { timeout: 30_000 }).toContain('yes001');

      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it(
    'an admin adds an endpoint, sends a test event the receiver gets, and redelivers it',
    { timeout: 120_000 },
    async () => {
      await testApp.createUser({ email: 'ada@example.test', password: PASSWORD, role: 'admin' });
      const { page, problems } = await signInTo(
        browser,
        testApp.url,
        '/admin/webhooks',
        { email: 'ada@example.test', password: PASSWORD },
        { bypassCSP: true },
      );
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'There are no webhook endpoints.' }).waitFor();

      const secret = 'f'.repeat(64);
      await page.getByLabel('Name').fill('Local receiver');
      await page.getByLabel('URL').fill(receiverUrl);
      await page.getByLabel('Signing secret').fill(secret);
      await page.getByLabel('consent.changed').check();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await page.getByRole('status').filter({ hasText: 'Added Local receiver.' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Local receiver' }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(receiverUrl);
      expect(await page.getByLabel('Signing secret').inputValue()).toBe('');
      expect(await page.content(), 'the secret is never shown').not.toContain(secret);

      await row.getByRole('button', { name: 'Send test event to Local receiver' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Test event to Local receiver: delivered (HTTP 204' })
        .waitFor();
      // The queue may pick the delivery up too, so the receiver may hear it twice, never not at all.
      const tests = received.filter((request) => request.body.includes('"webhook.test"'));
      expect(tests.length).toBeGreaterThanOrEqual(1);
      expect(tests[0]?.headers['content-type']).toContain('application/json');
      const delivery = page.getByRole('row').filter({ hasText: 'webhook.test' });
      await delivery.waitFor();
      expect(await delivery.textContent()).toMatch(/delivered.*204/);
      expect(await seriousAxeProblems(page)).toEqual([]);
      await screenshot(page, 'admin-webhooks-tested');

      await delivery.getByRole('button', { name: /^Redeliver webhook\.test/ }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Queued webhook\.test .* for redelivery\./ })
        .waitFor();
      await expect.poll(() => delivery.count()).toBe(2);

      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('a viewer reads both pages but gets no controls to change them', { timeout: 120_000 }, async () => {
    await testApp.createUser({ email: 'vic@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/webhooks', {
      email: 'vic@example.test',
      password: PASSWORD,
    });
    await page
      .getByRole('table', { name: 'Webhook endpoints' })
      .getByRole('row')
      .filter({ hasText: 'Local receiver' })
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'webhook.test' }).first().waitFor();
    expect(await page.getByRole('button', { name: /Send test event|Redeliver|Add endpoint/ }).count()).toBe(
      0,
    );

    await page.getByRole('link', { name: 'Marketing lists' }).click();
    const row = page.getByRole('row').filter({ hasText: 'newsletter' });
    await row.getByRole('button', { name: 'Subscribers of Newsletter' }).click();
    await page.getByRole('row').filter({ hasText: 'reader@example.test' }).waitFor();
    expect(await page.getByRole('button', { name: /Edit|Create list|Unsubscribe/ }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
