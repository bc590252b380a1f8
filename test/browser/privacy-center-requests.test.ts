import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/requests/package/testing/read-zip.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import {
  enterCode,
  magicLinkFor,
  nextCodeFor,
  startCenterHarness,
  submitRightForm,
  waitForStatus,
  type CenterHarness,
} from './privacy-center-harness.ts';
import { webBuilt } from './web-built.ts';

const JANE = 'jane.doe@example.com';
const JOHN = 'john.doe@example.com';

interface CustomerRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  date_of_birth: string | null;
}

function readShop<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('requests in the privacy center, end to end in Chromium', () => {
  let harness: CenterHarness;
  let browser: Browser;
  let downloads: string;

  beforeAll(async () => {
    await webBuilt();
    harness = await startCenterHarness();
    browser = await launchChromium();
    downloads = await mkdtemp(join(tmpdir(), 'privet-downloads-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    if (downloads !== undefined) await rm(downloads, { recursive: true, force: true });
  });

  it('a person asks for their data, verifies with the emailed code, and downloads a package with their rows', async () => {
    const { testApp, shopPath } = harness;
    const jane = readShop(shopPath, (db) => {
      const customer = db.prepare('SELECT * FROM customers WHERE email = ?').get(JANE) as CustomerRow;
      const orders = db
        .prepare('SELECT COUNT(*) AS n FROM orders WHERE customer_id = ?')
        .get(customer.id) as {
        n: number;
      };
      return { customer, orders: orders.n };
    });
    expect(jane.orders).toBeGreaterThan(0);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const seen = new Set<string>();

    await submitRightForm(page, testApp.url, 'access', JANE);
    await screenshot(page, 'center-access-code');
    await enterCode(page, await nextCodeFor(testApp.store, JANE, seen));
    await waitForStatus(page, 'Completed');
    await page.getByRole('heading', { level: 2, name: 'What has happened' }).waitFor();
    await screenshot(page, 'center-access-completed');

    await page.getByRole('button', { name: 'Email me a download code' }).click();
    const downloadCode = await nextCodeFor(testApp.store, JANE, seen);
    await page.getByLabel('Code from the email').fill(downloadCode);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    const zipPath = join(downloads, 'jane.zip');
    await download.saveAs(zipPath);
    await page.getByText('Your download has started.').waitFor();

    const zip = await readZip(zipPath);
    const text = (name: string) => zip.get(name)?.data.toString('utf8') ?? '';
    const customers = JSON.parse(text('demo_shop/customers.json')) as CustomerRow[];
    expect(customers.map((c) => [c.email, c.first_name, c.last_name])).toEqual([
      [JANE, jane.customer.first_name, jane.customer.last_name],
    ]);
    expect(JSON.parse(text('demo_shop/orders.json'))).toHaveLength(jane.orders);
    expect(zip.has('supplementary-information.json')).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a person asks for erasure; afterwards the demo shop holds none of their personal fields', async () => {
    const { testApp, shopPath } = harness;
    const before = readShop(
      shopPath,
      (db) => db.prepare('SELECT * FROM customers WHERE email = ?').get(JOHN) as CustomerRow,
    );
    expect(before.phone).not.toBeNull();

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const seen = new Set<string>();

    await submitRightForm(page, testApp.url, 'delete', JOHN);
    await enterCode(page, await nextCodeFor(testApp.store, JOHN, seen));
    await waitForStatus(page, 'Completed');
    await screenshot(page, 'center-erasure-completed');
    // Erasure has nothing to download.
    expect(await page.getByRole('button', { name: 'Email me a download code' }).count()).toBe(0);

    // Art. 19: once the notices went out, the page lists the data map's recipients as told or recorded.
    const recipients = page.getByRole('region', { name: 'Who we told' });
    await expect
      .poll(
        async () => {
          await page.reload();
          await recipients.waitFor();
          return (await recipients.textContent()) ?? '';
        },
        { timeout: 120_000, interval: 3000 },
      )
      .toContain('EuroCloud Hosting GmbH');

    const after = readShop(shopPath, (db) => ({
      byEmail: db.prepare('SELECT COUNT(*) AS n FROM customers WHERE email = ?').get(JOHN) as { n: number },
      byId: db.prepare('SELECT * FROM customers WHERE id = ?').get(before.id) as CustomerRow | undefined,
      byPhone: db.prepare('SELECT COUNT(*) AS n FROM customers WHERE phone = ?').get(before.phone) as {
        n: number;
      },
    }));
    expect(after.byEmail.n).toBe(0);
    expect(after.byPhone.n).toBe(0);
    if (after.byId !== undefined) {
      // Kept for the orders it is referenced by, then only as a masked shell.
      expect(after.byId.email).not.toBe(before.email);
      expect(after.byId.first_name).not.toBe(before.first_name);
      expect(after.byId.last_name).not.toBe(before.last_name);
      expect(after.byId.phone).not.toBe(before.phone);
    }

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('the link in the verification email confirms a withdrawal of consent without typing the code', async () => {
    const { testApp } = harness;
    const email = 'link.clicker@example.test';
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    await submitRightForm(page, testApp.url, 'consent', email);
    await nextCodeFor(testApp.store, email, new Set());
    const link = await magicLinkFor(testApp.store, email, testApp.url);
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForURL(/\/requests\/status#token=/);
    await other.getByRole('heading', { level: 1, name: 'Your request' }).waitFor();
    expect(await other.locator('.request-facts').textContent()).toContain('Withdrawal of consent');
    // Used once: the same link again does not open anything.
    await other.goto(link);
    await other.getByRole('alert').filter({ hasText: 'This link does not work' }).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
