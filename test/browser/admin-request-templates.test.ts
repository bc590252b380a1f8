import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('request message templates in the admin console, in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const admin = { email: 'ada@example.test', password: PASSWORD };
  const viewer = { email: 'vera@example.test', password: PASSWORD };

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await testApp.createUser({ ...admin, role: 'admin' });
    await testApp.createUser({ ...viewer, role: 'viewer' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  async function acknowledgementTo(email: string): Promise<string> {
    const key = await testApp.apiKey('operator');
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/admin/requests',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        type: 'access',
        jurisdiction: 'gdpr',
        channel: 'email',
        identity: { email },
        language: 'de',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const mail = await testApp.store.db
      .selectFrom('outbox')
      .select('subject')
      .where('to_address', '=', email)
      .where('template', '=', 'request-acknowledgement')
      .executeTakeFirstOrThrow();
    return mail.subject;
  }

  it('an admin edits the German acknowledgement, is told about an unknown placeholder, previews, saves and resets it', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/requests', admin, {
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    await page.getByRole('link', { name: 'Message templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Message templates' }).waitFor();
    const row = page.locator('tr[data-template="acknowledgement/de"]');
    expect(await row.textContent()).toContain('Shipped');
    expect(await seriousAxeProblems(page)).toEqual([]);
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Acknowledgement (German)' }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toContain('{{typeLabel}}');

    await page.getByLabel('Subject').fill('Antrag {{requestId}} eingegangen');
    await page
      .getByLabel('Text')
      .fill(
        'Guten Tag,\n\nwir haben Ihren Antrag ({{typeLabel}}) erhalten, Kundennummer {{customerNo}}.\n\n{{statusUrl}}',
      );
    await page.getByRole('button', { name: 'Save template' }).click();
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('{{customerNo}}');
    const bodyError = page.locator('#template-body-error');
    expect(await bodyError.textContent()).toContain('unknown placeholder {{customerNo}}');
    expect(await page.getByLabel('Text').getAttribute('aria-invalid')).toBe('true');

    await page
      .getByLabel('Text')
      .fill('Guten Tag,\n\nwir haben Ihren Antrag ({{typeLabel}}) erhalten.\n\n{{statusUrl}}');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('[data-preview="text"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(
      'wir haben Ihren Antrag (Auskunft über Ihre Daten) erhalten.',
    );
    expect(await page.locator('[data-preview="subject"]').textContent()).toBe(
      'Antrag req_sample eingegangen',
    );

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await acknowledgementTo('erika@example.test')).toMatch(/^Antrag req_\S+ eingegangen$/);
    expect(await seriousAxeProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reset to shipped text' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset template' }).click();
    await page.getByRole('status').filter({ hasText: 'Reset to the shipped text.' }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toContain('{{typeLabel}}');
    expect(await acknowledgementTo('max@example.test')).not.toContain('eingegangen');

    await page.getByRole('link', { name: 'All message templates' }).click();
    expect(await page.locator('tr[data-template="acknowledgement/de"]').textContent()).toContain('Shipped');
    expect(problems).toEqual([]);
  });

  it('a viewer can read and preview a template but not save or reset it', async () => {
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/requests/templates/refusal/en',
      viewer,
    );
    await page.getByRole('heading', { level: 1, name: 'Refusal (English)' }).waitFor();
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByRole('button', { name: 'Save template' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-preview="text"]').waitFor();
    expect(await page.locator('[data-preview="text"]').textContent()).toContain('manifestly excessive');
    expect(problems).toEqual([]);
  });
});
