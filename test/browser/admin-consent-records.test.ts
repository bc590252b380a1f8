import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsent } from '../../src/consent/commit-consent-batch.ts';
import { bannerSubmission, deviceId, seedConsentDemo } from '../../src/consent/consent-test-kit.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { navLinks, signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('consent records page in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const device = deviceId('records');

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
    const deps = { store: testApp.store, clock: systemClock };
    await seedConsentDemo(deps);
    // A visitor accepts everything, then withdraws analytics; a person's consent is recorded by staff.
    await recordConsent(
      deps,
      bannerSubmission(device, true, { ip: '203.0.113.77', userAgent: 'Firefox/140.0' }),
    );
    await recordConsent(deps, { ...bannerSubmission(device, true), choices: { analytics: false } });
    await recordConsent(deps, {
      personId: 'ada@example.test',
      personVerified: true,
      noticeVersion: '2026-01',
      choices: { marketing: true },
      method: 'staff',
      gpc: false,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('a viewer finds a device and a person by e-mail: current choice per purpose, history and receipts', async () => {
    await testApp.createUser({ email: 'vera@example.test', password: PASSWORD, role: 'viewer' });
    // CSP bypassed only so that the accessibility checker can be injected into the page.
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/consent',
      { email: 'vera@example.test', password: PASSWORD },
      { bypassCSP: true },
    );
    await page.getByRole('heading', { level: 1, name: 'Consent records' }).waitFor();
    expect(await navLinks(page)).toContain('Consent records');
    // Verifying the chain is an admin's.
    expect(await page.getByRole('button', { name: 'Verify the ledger' }).count()).toBe(0);
    // Before any lookup: the choices of the period per category (every event counts).
    const stats = page.getByTestId('consent-stats');
    const cells = async (key: string) =>
      (await stats.locator(`tr[data-key="${key}"]`).locator('th, td').allTextContents()).map((c) => c.trim());
    // The title comes with the categories, which may arrive after the figures.
    await stats
      .locator('tr[data-key="analytics"]')
      .filter({ hasText: /Analytics analytics/ })
      .waitFor();
    expect(await cells('analytics')).toEqual(['Analytics analytics', '1', '1', '0', '50 %']);
    expect(await cells('marketing')).toEqual(['Marketing marketing', '2', '0', '0', '100 %']);
    await page.getByLabel('Period (UTC days)').selectOption('7');
    await page.getByRole('status').filter({ hasText: 'By method: banner 4, staff 1.' }).waitFor();
    expect(await seriousAxeProblems(page)).toEqual([]);

    await page.getByLabel('Look up by').selectOption('deviceId');
    await page.getByLabel('Device id (from the banner)').fill(device);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL((url) => url.searchParams.get('deviceId') === device);
    await page.getByRole('status').filter({ hasText: '3 purposes.' }).waitFor();
    const state = page.getByTestId('consent-state');
    expect(await state.locator('tr[data-purpose="analytics.reporting"]').textContent()).toContain(
      'withdrawn',
    );
    expect(await state.locator('tr[data-purpose="functional.storage"]').textContent()).toContain('given');
    await page.getByRole('status').filter({ hasText: '4 events.' }).waitFor();
    const history = page.getByTestId('consent-history');
    const oldest = history.locator('tbody tr').last();
    expect(await oldest.textContent()).toContain('203.0.113.0');
    expect(await oldest.textContent()).toContain('Firefox');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(`device ${device}`);
    await screenshot(page, 'admin-consent-records');
    expect(await seriousAxeProblems(page)).toEqual([]);

    // The receipt link opens the Kantara receipt of that event, authenticated by the session.
    const link = state.getByRole('link', { name: 'JSON receipt of the analytics.reporting choice' });
    const href = (await link.getAttribute('href')) ?? '';
    const receipt = (await page.evaluate(
      async (url) => (await fetch(url)).json() as Promise<unknown>,
      href,
    )) as { version: string; consentReceiptID: string };
    expect(receipt.version).toBe('KI-CR-v1.1.0');
    expect(href).toContain(encodeURIComponent(receipt.consentReceiptID));

    // By e-mail in any case: the person id is the address in lower case.
    await page.getByLabel('Look up by').selectOption('email');
    await page.getByLabel('E-mail address').fill('  Ada@Example.TEST ');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL((url) => url.searchParams.get('personId') === 'ada@example.test');
    await page.getByRole('status').filter({ hasText: '1 purpose.' }).waitFor();
    expect(await page.getByTestId('consent-state').textContent()).toContain('staff');
    // Recording a person's instruction is an operator's.
    expect(await page.getByRole('heading', { name: 'Record the person’s instruction' }).count()).toBe(0);

    // The address names the lookup: reloading shows the same records, and an unknown subject shows none.
    await page.reload();
    await page.getByRole('status').filter({ hasText: '1 purpose.' }).waitFor();
    await page.goto(`${testApp.url}/admin/consent?deviceId=nobody-ever-seen-here`);
    await page.getByRole('status').filter({ hasText: 'No consent is recorded for this subject.' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'No events.' }).waitFor();

    // An empty lookup is refused in the form, without a request.
    await page.getByLabel('Device id (from the banner)').fill(' ');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('Type what to look up.').waitFor();
    expect(new URL(page.url()).searchParams.get('deviceId')).toBe('nobody-ever-seen-here');
    expect(problems).toEqual([]);
  });

  it('an operator records what a person asked by phone: the ledger, the current choice and the audit log', async () => {
    const otto = await testApp.createUser({
      email: 'otto@example.test',
      password: PASSWORD,
      role: 'operator',
    });
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/consent?personId=ada%40example.test',
      { email: 'otto@example.test', password: PASSWORD },
    );
    const form = page.getByRole('region', { name: 'Record the person’s instruction' });
    await form.waitFor();
    // Required categories are not a choice (three categories and the method); nothing chosen is refused.
    expect(await form.getByRole('combobox').count()).toBe(4);
    expect(await form.getByLabel('Strictly necessary').count()).toBe(0);
    await form.getByRole('button', { name: 'Record' }).click();
    await form.getByRole('alert').filter({ hasText: 'Choose at least one change to record.' }).waitFor();

    await form.getByLabel('Marketing').selectOption('withdraw');
    await form.getByLabel('Analytics').selectOption('give');
    await form.getByLabel('The person asked').selectOption('email');
    await form.getByRole('button', { name: 'Record' }).click();
    await form.getByRole('status').filter({ hasText: 'Recorded 2 choices.' }).waitFor();
    await page.getByRole('status').filter({ hasText: '2 purposes.' }).waitFor();
    const state = page.getByTestId('consent-state');
    expect(await state.locator('tr[data-purpose="marketing.advertising"]').textContent()).toContain(
      'withdrawn',
    );
    expect(await state.locator('tr[data-purpose="analytics.reporting"]').textContent()).toContain('email');
    await page.getByRole('status').filter({ hasText: '3 events.' }).waitFor();
    await screenshot(page, 'admin-consent-instruction');
    // The form is ready for the next instruction.
    expect(await form.getByLabel('Marketing').inputValue()).toBe('');

    const events = await testApp.store.db
      .selectFrom('consent_events')
      .select(['purpose_key', 'action', 'method', 'person_verified'])
      .where('person_id', '=', 'ada@example.test')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { purpose_key: 'marketing.advertising', action: 'withdrawn', method: 'email', person_verified: 1 },
        { purpose_key: 'analytics.reporting', action: 'given', method: 'email', person_verified: 1 },
      ]),
    );
    const audit = await testApp.store.db
      .selectFrom('audit_log')
      .select(['actor', 'target'])
      .where('action', '=', 'consent.record')
      .execute();
    expect(audit).toEqual([{ actor: `user:${otto.id}`, target: 'person:ada@example.test' }]);
    expect(problems).toEqual([]);
  });

  it('an admin verifies the ledger, and sees the first altered event named', async () => {
    await testApp.createUser({ email: 'ida@example.test', password: PASSWORD, role: 'admin' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/consent', {
      email: 'ida@example.test',
      password: PASSWORD,
    });
    const { n } = await testApp.store.db
      .selectFrom('consent_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Verify the ledger' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `All ${Number(n)} events verify.` })
      .waitFor();

    const target = await testApp.store.db
      .selectFrom('consent_events')
      .select(['seq', 'id', 'action'])
      .orderBy('seq')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`drop trigger consent_events_no_update`.execute(testApp.store.db);
    await testApp.store.db
      .updateTable('consent_events')
      .set({ action: target.action === 'given' ? 'withdrawn' : 'given' })
      .where('seq', '=', target.seq)
      .execute();
    await page.getByRole('button', { name: 'Verify the ledger' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The chain breaks' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`event ${target.seq} (${target.id})`);
    expect(problems).toEqual([]);
  });
});
