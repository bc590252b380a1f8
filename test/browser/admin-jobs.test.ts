import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('jobs page in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    // No worker runs in the test app: queued jobs stay queued.
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('a viewer sees a job queued through the API, the queue depth, filters and further pages', async () => {
    const key = await testApp.apiKey('admin');
    const response = await fetch(`${testApp.url}/api/admin/jobs/echo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'browser-check' }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };

    await testApp.createUser({ email: 'watcher@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/jobs', {
      email: 'watcher@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing 1 job.' }).waitFor();

    const row = page.locator(`tbody tr[data-id="${id}"]`);
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(cells.slice(0, 4)).toEqual([
      'system.echo',
      'queued',
      expect.stringMatching(/^0\/\d+$/),
      'echo:browser-check',
    ]);
    expect(cells[4], 'created').toMatch(/\d/);
    expect(cells[5], 'not finished').toBe('—');
    expect(cells[6], 'no error').toBe('—');
    const statuses = await page
      .getByLabel('Jobs per status')
      .locator('.depth-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
    expect(statuses).toEqual(['queued', 'running', 'completed', 'failed', 'cancelled']);
    const queued = page.locator('.depth-item[data-status="queued"] dd');
    expect(await queued.textContent()).toBe('1');
    await screenshot(page, 'admin-jobs');

    await page.getByLabel('Status', { exact: true }).selectOption('completed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'No jobs match these filters.' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);

    // More than a page: "Refresh" picks them up, "Load more" pages on, newest first, each job once.
    for (let i = 0; i < 55; i += 1) {
      await testApp.queue.enqueue('system.echo', { key: `bulk-${i}` }, { idempotencyKey: `echo:bulk-${i}` });
    }
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('.depth-item[data-status="queued"] dd', { hasText: /^56$/ }).waitFor();
    expect(await page.locator('tbody tr').count(), 'the filter still holds').toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('queued');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 50 jobs so far.' }).waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 56 jobs.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const ids = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(56);
    expect(ids.at(-1), 'the oldest job comes last').toBe(id);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Kind').fill('no.such.kind');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'No jobs match these filters.' }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
