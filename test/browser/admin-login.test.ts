import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLink } from '../../src/auth/create-login-link.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('admin console in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  async function openPage(): Promise<Page> {
    page = await (await browser.newContext()).newPage();
    problems = collectPageProblems(page);
    return page;
  }

  afterEach(async () => {
    await page?.context().close();
    // Under the server's strict CSP an inline script or style would show up here as a refusal.
    expect(problems).toEqual([]);
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('an admin logs in, sees the audit log entry of that login, logs out', async () => {
    const user = await testApp.createUser({
      email: 'ada@example.test',
      password: PASSWORD,
      role: 'admin',
      name: 'Ada Admin',
    });
    await openPage();

    await page.goto(`${testApp.url}/admin`);
    await page.waitForURL(/\/admin\/login$/);
    await page.getByRole('heading', { name: 'Sign in to the admin console' }).waitFor();
    await screenshot(page, 'admin-login');

    await signIn('ada@example.test', PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('Ada Admin');
    expect(await banner.textContent()).toContain('admin');
    await screenshot(page, 'admin-overview');

    await page
      .getByRole('navigation', { name: 'Console sections' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const loginRow = page
      .getByRole('row')
      .filter({ hasText: 'auth.login' })
      .filter({ hasText: `user:${user.id}` });
    await loginRow.first().waitFor();
    expect(await loginRow.first().textContent()).toContain('password');
    expect(
      await page.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current'),
      'the navigation marks the current section',
    ).toBe('page');
    await screenshot(page, 'admin-audit');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/admin\/login$/);
    await page.getByRole('heading', { name: 'Sign in to the admin console' }).waitFor();

    // The session is gone on the server too, not only in the page.
    await page.goto(`${testApp.url}/admin/audit`);
    await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Faudit$/);
  });

  it('a wrong password shows an error and stays on the login page', async () => {
    await testApp.createUser({ email: 'bob@example.test', password: PASSWORD, role: 'operator' });
    await openPage();

    await page.goto(`${testApp.url}/admin/login`);
    await signIn('bob@example.test', 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await screenshot(page, 'admin-login-error');

    // The form still works after a failure, and ?next= brings the user back where they were going.
    await page.goto(`${testApp.url}/admin/audit`);
    await page.waitForURL(/\/admin\/login\?next=/);
    await signIn('bob@example.test', PASSWORD);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
  });

  it('the one-time link of the first start signs in, and the admin then sets a password', async () => {
    const user = await testApp.createUser({
      email: 'first@example.test',
      role: 'admin',
      name: 'First Admin',
    });
    const deps = { store: testApp.store, clock: systemClock, publicUrl: testApp.url };
    const link = await createLoginLink(deps, user.id, 'test');
    await openPage();

    await page.goto(link.url);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(page.url(), 'the token leaves the address bar').toBe(`${testApp.url}/admin`);

    await page.getByRole('link', { name: 'First Admin (your account)' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the new password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your new password is set.' }).waitFor();
    await screenshot(page, 'admin-account');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/admin\/login$/);
    await signIn('first@example.test', PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();

    // The link worked once: opening it again is refused with a message, and the form remains.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/admin\/login$/);
    await page.goto(link.url);
    await page.getByRole('alert').filter({ hasText: 'The sign-in link did not work' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });
});
