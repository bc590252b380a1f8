import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('users page in Chromium', () => {
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

  it('an admin creates an account after fixing what the server refused, then makes it a login link', async () => {
    await testApp.createUser({ email: 'root@example.test', password: PASSWORD, role: 'admin', name: 'Root' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/users', {
      email: 'root@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 account.' }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);

    await page.getByLabel('Email').fill('grace@example.test');
    await page.getByLabel('Name (optional)').fill('Grace Operator');
    await page.getByLabel('Role').selectOption('operator');
    await page.getByLabel('Password (optional)').fill('too short');
    await page.getByRole('button', { name: 'Add account' }).click();

    // The browser does not stop the form: the server's own check answers, beside the field it is about.
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The account was not created');
    const password = page.getByLabel('Password (optional)');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const fieldError = page.locator('#new-user-password-error');
    expect(await fieldError.textContent()).toMatch(/12/);
    expect(await password.getAttribute('aria-describedby')).toContain('new-user-password-error');
    expect(await page.locator('table').textContent()).not.toContain('grace@example.test');
    await screenshot(page, 'admin-users-validation');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Added grace@example.test as operator. 2 accounts.' })
      .waitFor();
    const graceRow = page.getByRole('row').filter({ hasText: 'grace@example.test' });
    expect(await graceRow.textContent()).toContain('Grace Operator');
    expect(await graceRow.textContent()).toContain('operator');
    expect(await page.getByRole('alert').count(), 'the error is gone').toBe(0);
    expect(await page.getByLabel('Email').inputValue(), 'the form is cleared').toBe('');

    // The same address again is a conflict, reported as it is.
    await page.getByLabel('Email').fill('GRACE@example.test');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
    expect(await rows.count()).toBe(2);

    await graceRow.getByRole('button', { name: 'Create a login link for grace@example.test' }).click();
    const panel = page.getByRole('region', { name: 'Login link for grace@example.test' });
    await panel.waitFor();
    const link = new URL(await panel.getByLabel('One-time login link').inputValue());
    // Links name the configured public address, which is not where this test server listens.
    expect(link.origin).toBe(new URL(testApp.config.publicUrl).origin);
    expect(link.pathname).toBe('/admin/login');
    expect(link.searchParams.get('token')).toMatch(/.{20,}/);
    await screenshot(page, 'admin-users-login-link');

    // The link signs Grace in, in a browser of her own.
    const hers = await (await browser.newContext()).newPage();
    const herProblems = collectPageProblems(hers);
    await hers.goto(`${testApp.url}${link.pathname}${link.search}`);
    await hers.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await hers.getByRole('banner').textContent()).toContain('Grace Operator');
    await hers.context().close();

    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.waitFor({ state: 'detached' });

    expect(problems).toEqual([]);
    expect(herProblems).toEqual([]);
    await page.context().close();
  });
});
