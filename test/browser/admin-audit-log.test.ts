import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('audit log page in Chromium', () => {
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

  async function signInTo(path: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${testApp.url}${path}`);
    await page.getByLabel('Email').fill('auditor@example.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  it('pages with "load more" and filters by action and actor', async () => {
    const auditor = await testApp.createUser({
      email: 'auditor@example.test',
      password: PASSWORD,
      role: 'viewer',
    });
    // 55 user.create entries plus the login: more than one page of 50.
    for (let i = 0; i < 55; i += 1) {
      await testApp.createUser({ email: `person${i}@example.test`, role: 'viewer' });
    }
    const page = await signInTo('/admin/audit');
    const problems = collectPageProblems(page);
    const rows = page.locator('tbody tr');

    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing 50 entries so far.' }).waitFor();
    expect(await rows.count()).toBe(50);
    const firstSeq = Number(await rows.first().getAttribute('data-seq'));

    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 57 entries.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const seqs = await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-seq'))));
    expect(seqs[0]).toBe(firstSeq);
    expect(seqs, 'newest first, no entry twice').toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);

    await page.getByLabel('Action').fill('auth.login');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 entry.' }).waitFor();
    expect(await rows.first().textContent()).toContain(`user:${auditor.id}`);
    await screenshot(page, 'admin-audit-filtered');

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Actor').fill('user:nobody');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'No entries match these filters.' }).waitFor();
    expect(await rows.count()).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
