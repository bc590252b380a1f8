import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('requests in the admin console, in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const operator = { email: 'otto@example.test', password: PASSWORD };

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await testApp.createUser({ ...operator, role: 'operator' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  async function enterByApi(body: Record<string, unknown>): Promise<{ id: string; dueAt: string }> {
    const key = await testApp.apiKey('operator');
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/admin/requests',
      headers: { authorization: `Bearer ${key}` },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('an operator finds a request entered by staff, adds a note, extends it with reasons and closes a manual task', async () => {
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const posted = await enterByApi({
      type: 'access',
      jurisdiction: 'gdpr',
      channel: 'post',
      identity: { email: 'letter.writer@example.test', name: 'Letter Writer' },
      receivedAt,
    });
    await enterByApi({
      type: 'erasure',
      jurisdiction: 'ccpa',
      channel: 'phone',
      identity: { email: 'caller@example.test' },
    });
    // Entered late: a letter received 40 days ago is past any one-month deadline.
    const lateAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const late = await enterByApi({
      type: 'rectification',
      jurisdiction: 'gdpr',
      channel: 'post',
      identity: { email: 'late.letter@example.test' },
      receivedAt: lateAt,
      details: { corrections: { 'customers.last_name': 'Smith' } },
    });

    const { page, problems } = await signInTo(browser, testApp.url, '/admin/requests', operator, {
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing 3 requests.' }).waitFor();
    const lateRow = page.locator(`tbody tr[data-id="${late.id}"]`);
    expect(await lateRow.locator('.due-overdue .badge').textContent()).toBe('Overdue');
    const row = page.locator(`tbody tr[data-id="${posted.id}"]`);
    expect(await row.textContent()).toMatch(/Access.*GDPR.*post/);
    expect(await row.locator('.due .badge').count()).toBe(0);
    await page.locator('.chart-svg').waitFor();
    // The chart's numbers, as its table gives them: one request per received month and type.
    const perMonth = new Map<string, number>();
    for (const at of [receivedAt, new Date().toISOString(), lateAt]) {
      perMonth.set(at.slice(0, 7), (perMonth.get(at.slice(0, 7)) ?? 0) + 1);
    }
    await page.getByText('The numbers as a table').click();
    const counts = page.getByRole('region', { name: 'Requests per month' });
    for (const [month, total] of perMonth) {
      const monthRow = counts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: month }) });
      expect(await monthRow.locator('td').last().textContent(), month).toBe(String(total));
    }
    expect(await seriousAxeProblems(page)).toEqual([]);
    await screenshot(page, 'admin-requests');

    // Filters narrow the queue and live in the address.
    await page.getByLabel('Jurisdiction').selectOption('ccpa');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 request.' }).waitFor();
    expect(new URL(page.url()).search).toBe('?jurisdiction=ccpa');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 3 requests.' }).waitFor();
    await page.getByLabel('Deadline').selectOption('overdue');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 request.' }).waitFor();
    expect(await page.locator('tbody tr[data-id]').getAttribute('data-id')).toBe(late.id);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 3 requests.' }).waitFor();

    await row.getByRole('link', { name: 'letter.writer@example.test' }).click();
    await page.waitForURL(`${testApp.url}/admin/requests/${posted.id}`);
    await page
      .getByRole('heading', { level: 1, name: 'Access request from letter.writer@example.test' })
      .waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });

    await page.getByText('Add a note', { exact: true }).click();
    await page.getByLabel('Note', { exact: true }).fill('Letter scanned into the case file.');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByRole('status').filter({ hasText: 'The note is on the timeline.' }).waitFor();
    await timeline.getByText('Letter scanned into the case file.').waitFor();

    await page.getByText('Extend the deadline', { exact: true }).click();
    await page
      .getByLabel('Reasons for the extension')
      .fill('Records are spread over three archived systems.');
    await page.getByRole('button', { name: 'Extend and tell the person why' }).click();
    await page.getByRole('status').filter({ hasText: 'The deadline is extended' }).waitFor();
    await timeline.getByText('Records are spread over three archived systems.').first().waitFor();
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('(extended)');
    // Extended once: the action is gone.
    expect(await page.getByText('Extend the deadline', { exact: true }).count()).toBe(0);

    // A system without a connector: a manual task, closed with what was done.
    await page.getByText('Add a manual task', { exact: true }).click();
    await page.getByLabel('System', { exact: true }).fill('paper_archive');
    await page.getByLabel('Task', { exact: true }).fill('Search the paper archive');
    await page.getByRole('button', { name: 'Add the task' }).click();
    await page.getByRole('status').filter({ hasText: 'The manual task is added.' }).waitFor();
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByRole('rowheader', { name: 'Search the paper archive' }).waitFor();
    await page.getByText('Complete “Search the paper archive”').click();
    await page.getByLabel('What was done').fill('Two folders found and scanned.');
    await page.getByRole('button', { name: 'Close the task' }).click();
    await page.getByRole('status').filter({ hasText: 'is closed.' }).waitFor();
    const taskRow = tasks.getByRole('row').filter({ hasText: 'Search the paper archive' });
    // The page reloads the request after the notice: wait for the new state.
    await taskRow
      .locator('.badge')
      .filter({ hasText: /^done$/ })
      .waitFor();

    expect(await seriousAxeProblems(page)).toEqual([]);
    await screenshot(page, 'admin-request');

    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('an operator enters a request received by phone, with the date it came in', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/requests', operator, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('link', { name: 'Enter a request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter a request' }).waitFor();
    const received = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Type').selectOption('erasure');
    await page.getByLabel('Received by').selectOption('phone');
    await page.getByLabel('Date received').fill(received);
    await page.getByLabel("Person's email").fill('phone.caller@example.test');
    await page.getByLabel('Identity already verified: how').fill('Called from the number on file.');
    await page.getByRole('button', { name: 'Enter the request' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Erasure request from phone.caller@example.test' })
      .waitFor();
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('phone, in English');
    expect(facts).toContain(new Date(`${received}T12:00:00Z`).toLocaleString('en-US').split(',')[0]);
    const stored = await testApp.store.db
      .selectFrom('requests')
      .select(['channel', 'received_at', 'verified_at'])
      .where('email', '=', 'phone.caller@example.test')
      .executeTakeFirstOrThrow();
    expect(stored.channel).toBe('phone');
    expect(stored.received_at.slice(0, 10)).toBe(received);
    expect(stored.verified_at).not.toBeNull();

    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
