import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestAgent } from '../../src/drp/testing/drp-test-agent.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';
const BUSINESS = 'PRIVET_BROWSER_SHOP';

function fingerprint(verifyKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(verifyKey, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

describe('Data Rights Protocol page in Chromium', () => {
  const fromFile = newTestAgent('FILE_AGENT_001');
  const added = newTestAgent('ADDED_AGENT_002');
  let testApp: TestApp;
  let browser: Browser;
  let dir: string;

  async function readApi<T>(path: string): Promise<T> {
    const key = await testApp.apiKey('viewer');
    const res = await fetch(`${testApp.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await webBuilt();
    dir = await mkdtemp(join(tmpdir(), 'privet-drp-page-'));
    const directory = join(dir, 'agents.json');
    await writeFile(
      directory,
      JSON.stringify([{ id: fromFile.id, name: 'Directory Agent', verify_key: fromFile.verifyKey }]),
    );
    testApp = await startTestApp({
      listen: true,
      env: { PRIVET_DRP_AGENTS_FILE: directory, PRIVET_DRP_BUSINESS_ID: BUSINESS },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it(
    'an admin adds an agent, switches agent-verified requests to start at once and removes the agent',
    { timeout: 120_000 },
    async () => {
      await testApp.createUser({ email: 'drp-admin@example.test', password: PASSWORD, role: 'admin' });
      const { page, problems } = await signInTo(
        browser,
        testApp.url,
        '/admin/drp',
        { email: 'drp-admin@example.test', password: PASSWORD },
        { bypassCSP: true },
      );
      await page.getByRole('heading', { level: 1, name: 'Data Rights Protocol' }).waitFor();
      const setUp = page.getByRole('region', { name: 'Set-up' });
      await setUp.getByText(BUSINESS).waitFor();
      expect(await setUp.textContent()).toContain('the PRIVET_DRP_BUSINESS_ID environment variable');

      const table = page.getByRole('table', { name: 'Authorized agents' });
      const fileRow = table.getByRole('row').filter({ hasText: fromFile.id });
      await fileRow.waitFor();
      expect(await fileRow.textContent()).toContain('Directory file');
      expect(await fileRow.textContent()).toContain(fingerprint(fromFile.verifyKey));
      // Directory entries are removed in the file, not here.
      expect(await fileRow.getByRole('button', { name: /Remove/ }).count()).toBe(0);

      // A key that is not 32 bytes: the server's problem is shown next to the field.
      await page.getByLabel('Agent id').fill(added.id);
      await page.getByLabel('Name', { exact: true }).fill('Added Agent');
      await page.getByLabel('Verify key').fill('abcd');
      await page.getByRole('button', { name: 'Add agent' }).click();
      await page.getByRole('alert').filter({ hasText: 'The agent was not added' }).waitFor();
      const keyField = page.getByLabel('Verify key');
      expect(await keyField.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#drp-agent-verify-key-error').textContent()).toContain('32 bytes');
      expect(await page.getByLabel('Agent id').getAttribute('aria-invalid')).toBeNull();

      await keyField.fill(added.verifyKey);
      await page.getByLabel('Web address (optional)').fill('https://agent.example.test');
      await page.getByRole('button', { name: 'Add agent' }).click();
      await page.getByRole('status').filter({ hasText: 'Added Added Agent.' }).waitFor();
      const addedRow = table.getByRole('row').filter({ hasText: added.id });
      await addedRow.waitFor();
      expect(await addedRow.textContent()).toContain('Added here (API)');
      expect(await addedRow.textContent()).toContain(fingerprint(added.verifyKey));
      expect(await page.getByLabel('Agent id').inputValue()).toBe('');

      const toggle = page.getByRole('switch', { name: 'Start agent-verified requests without staff' });
      expect(await toggle.isChecked()).toBe(false);
      await toggle.click();
      await page.getByRole('status').filter({ hasText: 'now start without staff' }).waitFor();
      expect(await toggle.isChecked()).toBe(true);
      const settings = await readApi<{ startVerifiedRequests: boolean; businessId: string }>(
        '/api/admin/drp/settings',
      );
      expect(settings).toMatchObject({ startVerifiedRequests: true, businessId: BUSINESS });

      expect(await seriousAxeProblems(page)).toEqual([]);
      await screenshot(page, 'admin-drp');

      await addedRow.getByRole('button', { name: 'Remove Added Agent' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove Added Agent?' });
      await dialog.getByRole('button', { name: 'Remove agent' }).click();
      await page.getByRole('status').filter({ hasText: 'Removed Added Agent.' }).waitFor();
      await addedRow.waitFor({ state: 'detached' });
      const agents = await readApi<{ items: { id: string }[] }>('/api/admin/drp/agents');
      expect(agents.items.map((agent) => agent.id)).toEqual([fromFile.id]);

      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('a viewer reads the set-up and the agents without the controls to change them', async () => {
    await testApp.createUser({ email: 'drp-viewer@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/drp', {
      email: 'drp-viewer@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Data Rights Protocol' }).waitFor();
    const setUp = page.getByRole('region', { name: 'Set-up' });
    await setUp.getByText(BUSINESS).waitFor();
    // The admin switched it on above: a viewer reads the answer, with nothing to click.
    expect(await setUp.textContent()).toContain('Start agent-verified requests without staff');
    expect(await setUp.getByRole('definition').last().textContent()).toBe('yes');
    expect(await page.getByRole('switch').count()).toBe(0);
    await page
      .getByRole('table', { name: 'Authorized agents' })
      .getByRole('row')
      .filter({ hasText: fromFile.id })
      .waitFor();
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add agent' }).count()).toBe(0);
    expect(await page.getByLabel('Verify key').count()).toBe(0);

    // The queue opens filtered to the requests agents sent.
    await page.getByRole('link', { name: 'see the requests from agents' }).click();
    await page.waitForURL(/\/admin\/requests\?channel=drp$/);
    expect(await page.getByLabel('Channel').inputValue()).toBe('drp');

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
