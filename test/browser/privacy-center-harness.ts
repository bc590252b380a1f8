import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import type { Store } from '../../src/store/store.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** A listening Privet with the demo shop seeded and a worker running the request jobs. */
export interface CenterHarness {
  readonly testApp: TestApp;
  /** The demo shop's SQLite database, which the engine reads and erases. */
  readonly shopPath: string;
  stop(): Promise<void>;
}

/** Starts the app over SQLite with the demo seed and an in-process worker. */
export async function startCenterHarness(): Promise<CenterHarness> {
  const testApp = await startTestApp({ listen: true });
  await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
  const working = new AbortController();
  const worker = testApp.queue.work({ signal: working.signal, schedules: false, concurrency: 2 });
  return {
    testApp,
    shopPath: join(testApp.config.dataDir, 'demo-shop.db'),
    stop: async () => {
      working.abort();
      await worker;
      await testApp.stop();
    },
  };
}

const CODE = /(?<!\d)(\d{6})(?!\d)/;

/**
 * Waits for a new email to the address that carries a 6-digit code and returns the code. `seen` holds the
 * outbox ids already used, so that a resent or download code is not confused with the first one.
 */
export async function nextCodeFor(
  store: Store,
  to: string,
  seen: Set<string>,
  timeoutMs = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await store.db
      .selectFrom('outbox')
      .select(['id', 'text_body', 'template'])
      .where('to_address', '=', to)
      .orderBy('created_at', 'desc')
      .execute();
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      const code = CODE.exec(row.text_body)?.[1];
      seen.add(row.id);
      if (code !== undefined && /code|verif|download/i.test(row.template)) return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No email with a code reached ${to}`);
}

/** The magic link of the newest verification email to the address, pointed at the test server. */
export async function magicLinkFor(store: Store, to: string, baseUrl: string): Promise<string> {
  const row = await store.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('template', 'like', '%verification%')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const path = /\/requests\/verify#token=[^\s<>"]+/.exec(row.text_body)?.[0];
  if (path === undefined) throw new Error(`The verification email to ${to} has no link`);
  return `${baseUrl}${path}`;
}

/** Fills the email field of a right's form and sends it; the page then asks for the code. */
export async function submitRightForm(
  page: Page,
  baseUrl: string,
  slug: string,
  email: string,
): Promise<void> {
  await page.goto(`${baseUrl}/rights/${slug}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
}

/** Types the code and confirms; resolves once the status page shows the request. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code from the email').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(/\/requests\/status#token=/);
  await page.getByRole('heading', { level: 1, name: 'Your request' }).waitFor();
}

/** Waits until the status page, which polls by itself, shows the status (English label). */
export async function waitForStatus(page: Page, label: string, timeoutMs = 120_000): Promise<void> {
  await page
    .locator('.request-facts .request-status')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor({ timeout: timeoutMs });
}
