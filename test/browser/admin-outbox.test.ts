import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.ts';
import { queueMail } from '../../src/mail/queue-mail.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

// What a hostile or careless template could put in a message: the preview must run and load none of it, and
// the CSP must have nothing to refuse (a refusal is a console error, which fails the test).
const HOSTILE_HTML = `<!doctype html><html><head><style>body { color: red }</style>
<script>parent.document.title = 'pwned'</script></head>
<body style="font-family: serif" onload="parent.document.title = 'pwned'">
<p>Dear Ada, <a href="https://evil.example/phish" target="_top">confirm here</a>.</p>
<img src="https://evil.example/pixel.png" alt="tracking pixel">
<form action="https://evil.example/steal"><input name="password"></form>
</body></html>`;

describe('outbox page in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('an operator finds a queued message and reads its headers, text and sandboxed HTML', async () => {
    const deps = { store: testApp.store, clock: systemClock, config: testApp.config };
    const forAda = await queueMail(deps, {
      to: 'ada@example.test',
      template: 'test-message',
      data: { name: 'Ada' },
      headers: { 'List-Unsubscribe': '<https://shop.example/u/abc>' },
    });
    await queueMail(deps, {
      to: 'bob@example.test',
      template: 'test-message',
      locale: 'de',
      data: { name: 'Bob' },
    });

    await testApp.createUser({ email: 'ops@example.test', password: PASSWORD, role: 'operator' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/outbox', {
      email: 'ops@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing 2 messages.' }).waitFor();
    const adaRow = page.locator(`tbody tr[data-id="${forAda.id}"]`);
    expect(await adaRow.textContent()).toContain('ada@example.test');
    expect(await adaRow.textContent()).toContain('kept');
    await screenshot(page, 'admin-outbox');

    await page.getByLabel('Recipient').fill('ada@example.test');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 message.' }).waitFor();
    expect(new URL(page.url()).search).toBe('?to=ada%40example.test');

    await adaRow.getByRole('link', { name: forAda.subject }).click();
    await page.waitForURL(`${testApp.url}/admin/outbox/${forAda.id}`);
    await page.getByRole('heading', { level: 1, name: 'Test message from Privet' }).waitFor();
    const text = await page.getByRole('region', { name: 'Text body' }).textContent();
    expect(text).toContain('Hello Ada,');
    expect(text).toContain('mail delivery works');
    const headers = page.getByRole('region', { name: 'Extra headers' });
    expect(await headers.getByRole('row').filter({ hasText: 'List-Unsubscribe' }).textContent()).toContain(
      '<https://shop.example/u/abc>',
    );
    const iframe = page.locator('iframe[title="HTML body of the message"]');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const preview = page.frameLocator('iframe[title="HTML body of the message"]');
    await preview.getByText('Hello Ada,').waitFor();
    await screenshot(page, 'admin-outbox-message');

    // Back keeps the filter that led here.
    await page.goBack();
    await page.getByRole('status').filter({ hasText: 'Showing 1 message.' }).waitFor();
    expect(await page.getByLabel('Recipient').inputValue()).toBe('ada@example.test');
    await page.getByLabel('Status', { exact: true }).selectOption('sent');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'No messages match these filters.' }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows hostile HTML inert: no script runs, nothing loads, links only show where they lead', async () => {
    const deps = { store: testApp.store, clock: systemClock, config: testApp.config };
    const entry = await queueMail(deps, {
      to: 'eve@example.test',
      template: 'test-message',
      data: { name: 'Eve' },
    });
    await testApp.store.db
      .updateTable('outbox')
      .set({ html_body: HOSTILE_HTML })
      .where('id', '=', entry.id)
      .execute();
    await testApp.createUser({ email: 'ops2@example.test', password: PASSWORD, role: 'admin' });
    const { page, problems } = await signInTo(browser, testApp.url, `/admin/outbox/${entry.id}`, {
      email: 'ops2@example.test',
      password: PASSWORD,
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.getByRole('heading', { level: 1, name: 'Test message from Privet' }).waitFor();

    const preview = page.frameLocator('iframe[title="HTML body of the message"]');
    await preview.getByText('Dear Ada,').waitFor();
    const shown = await preview.locator('html').evaluate((html) => ({
      text: html.textContent ?? '',
      scripts: html.querySelectorAll('script, style, form, [style], [onload], [href], [src]').length,
    }));
    expect(shown.scripts).toBe(0);
    expect(shown.text).toContain('confirm here (https://evil.example/phish)');
    await page.waitForTimeout(300);
    expect(await page.title()).toBe('Test message from Privet · Privet admin');
    expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
