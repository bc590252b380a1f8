import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { navLinks, signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('API keys page in Chromium', () => {
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

  async function auditStatus(key: string): Promise<number> {
    const response = await fetch(`${testApp.url}/api/admin/audit`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return response.status;
  }

  it('an admin creates a key, sees it once, and revokes it after a cancelled first try', async () => {
    await testApp.createUser({ email: 'keys@example.test', password: PASSWORD, role: 'admin' });
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/api-keys',
      { email: 'keys@example.test', password: PASSWORD },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    expect(await navLinks(page)).toContain('API keys');
    await page.getByRole('status').filter({ hasText: 'There are no active keys.' }).waitFor();

    await page.getByLabel('Name').fill('nightly export');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create key' }).click();

    const panel = page.getByRole('region', { name: 'New API key “nightly export” (viewer)' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('it will not be shown again');
    const key = await panel.getByLabel('API key', { exact: true }).inputValue();
    expect(key).toMatch(/^pvt_/);
    const row = page.getByRole('row').filter({ hasText: 'nightly export' });
    await row.waitFor();
    expect(await row.textContent()).toContain(key.slice(0, 10));
    expect(await row.textContent(), 'the table shows only the start of the key').not.toContain(key);

    await panel.getByRole('button', { name: 'Copy the API key' }).click();
    await panel.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await screenshot(page, 'admin-api-key-created');

    expect(await auditStatus(key)).toBe(200);

    await panel.getByRole('button', { name: 'I have copied it' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.content(), 'once dismissed, the key is gone from the page').not.toContain(key);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(key);

    // Cancel leaves the key working.
    await row.getByRole('button', { name: 'Revoke the key nightly export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key nightly export?' });
    await dialog.waitFor();
    await screenshot(page, 'admin-api-key-revoke-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await auditStatus(key)).toBe(200);

    await row.getByRole('button', { name: 'Revoke the key nightly export' }).click();
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('status').filter({ hasText: 'Revoked the key nightly export.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await auditStatus(key)).toBe(401);
    await screenshot(page, 'admin-api-keys-after-revoke');

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
