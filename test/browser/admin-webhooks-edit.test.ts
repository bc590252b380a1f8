import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../src/webhooks/testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from '../../src/webhooks/testing/verify-as-documented.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';
const FIRST_SECRET = 'a'.repeat(64);

describe('editing webhook endpoints and rotating their secrets in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let oldReceiver: WebhookReceiver;
  let newReceiver: WebhookReceiver;

  beforeAll(async () => {
    await webBuilt();
    oldReceiver = await startWebhookReceiver();
    newReceiver = await startWebhookReceiver();
    testApp = await startTestApp({ listen: true, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
    await oldReceiver?.close();
    await newReceiver?.close();
  });

  it(
    'an admin edits the URL and events, rotates the secret (shown once) and deliveries use it',
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
      await page.getByLabel('Name').fill('CRM');
      await page.getByLabel('URL').fill(oldReceiver.url);
      await page.getByLabel('Signing secret').fill(FIRST_SECRET);
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await page.getByRole('status').filter({ hasText: 'Added CRM.' }).waitFor();
      const row = page
        .getByRole('table', { name: 'Webhook endpoints' })
        .getByRole('row')
        .filter({ hasText: 'CRM' });
      await row.waitFor();

      await row.getByRole('button', { name: 'Edit CRM' }).click();
      await page.getByRole('heading', { name: 'Edit the endpoint CRM' }).waitFor();
      expect(await page.getByLabel('URL').inputValue()).toBe(oldReceiver.url);
      await page.getByLabel('URL').fill(newReceiver.url);
      await page.getByLabel('consent.changed').check();
      await page.getByRole('button', { name: 'Save endpoint' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved CRM.' }).waitFor();
      await row.filter({ hasText: newReceiver.url }).waitFor();
      expect(await row.textContent()).toContain('consent.changed');

      await row.getByRole('button', { name: 'Rotate secret of CRM' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotate the secret of CRM?' });
      await dialog.getByRole('button', { name: 'Rotate secret' }).click();
      const panel = page.getByRole('region', { name: 'New signing secret of CRM' });
      await panel.waitFor();
      const secret = await panel.getByLabel('Signing secret', { exact: true }).inputValue();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(await seriousAxeProblems(page)).toEqual([]);
      await screenshot(page, 'admin-webhooks-rotated');

      await row.getByRole('button', { name: 'Send test event to CRM' }).click();
      await page.getByRole('status').filter({ hasText: 'Test event to CRM: delivered' }).waitFor();
      expect(oldReceiver.received).toHaveLength(0);
      const got = newReceiver.received.at(-1);
      const signature = String(got?.headers['privet-signature']);
      expect(verifyAsDocumented(secret, signature, got?.rawBody ?? '', new Date())).toBe(true);
      expect(verifyAsDocumented(FIRST_SECRET, signature, got?.rawBody ?? '', new Date())).toBe(false);

      await panel.getByRole('button', { name: 'I have copied it' }).click();
      await panel.waitFor({ state: 'detached' });
      expect(await page.content(), 'shown once').not.toContain(secret);
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);

      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('a viewer and an operator see the endpoint, never its URL', { timeout: 120_000 }, async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const email = `${role}@example.test`;
      await testApp.createUser({ email, password: PASSWORD, role });
      const { page, problems } = await signInTo(browser, testApp.url, '/admin/webhooks', {
        email,
        password: PASSWORD,
      });
      const row = page
        .getByRole('table', { name: 'Webhook endpoints' })
        .getByRole('row')
        .filter({ hasText: 'CRM' });
      await row.waitFor();
      expect(await row.textContent()).toContain('consent.changed');
      await page.getByRole('row').filter({ hasText: 'webhook.test' }).first().waitFor();
      expect(await page.getByRole('columnheader', { name: 'URL' }).count()).toBe(0);
      expect(await page.content()).not.toContain(newReceiver.url);
      expect(await page.getByRole('button', { name: /Edit|Rotate|Add endpoint/ }).count()).toBe(0);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});
