import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsentDemo } from '../../src/consent/consent-test-kit.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const EMAIL = 'portal.person@example.com';

describe('preference portal in Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    t = await startTestApp({ listen: true });
    await seedConsentDemo({ store: t.store, clock: systemClock });
    const operator = await t.apiKey('operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/marketing/lists',
      headers: { authorization: `Bearer ${operator}` },
      payload: {
        key: 'news',
        name: 'Shop news',
        description: 'New products, once a month.',
        purposeKey: 'marketing.communications.email',
        texts: { de: { name: 'Shop-Neuigkeiten', description: 'Neue Produkte, einmal im Monat.' } },
      },
    });
    expect(created.statusCode).toBe(201);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  // Mails name the configured public URL; the test server listens elsewhere, so keep only path and fragment.
  async function linkFromMail(template: string): Promise<string> {
    const mail = await t.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', EMAIL)
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const url = /https?:\/\/\S+#token=\S+/.exec(mail.text_body)?.[0];
    if (url === undefined) throw new Error(`no link in the ${template} mail`);
    const parsed = new URL(url);
    return `${t.url}${parsed.pathname}${parsed.search}${parsed.hash}`;
  }

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    // bypassCSP: only so that axe-core can be injected; the pages themselves run under the real CSP otherwise.
    const page = await (await browser.newContext({ bypassCSP: true, locale: 'en-GB' })).newPage();
    return { page, problems: collectPageProblems(page) };
  }

  it('confirms a subscription, mails a portal link, and records a changed preference in the ledger', async () => {
    const subscribed = await t.app.inject({
      method: 'POST',
      url: '/api/public/marketing/subscribe',
      payload: { email: EMAIL, list: 'news' },
    });
    expect(subscribed.statusCode).toBe(202);

    const { page, problems } = await newPage();
    // The double opt-in page: opening it changes nothing, the button confirms.
    await page.goto(await linkFromMail('marketing-confirm'));
    await page.getByRole('heading', { level: 1, name: 'Confirm your subscription' }).waitFor();
    expect(page.url()).not.toContain('token=');
    const pending = await t.store.db
      .selectFrom('marketing_subscriptions')
      .select('status')
      .where('email', '=', EMAIL)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.getByRole('status').getByText('Thank you: you are subscribed to Shop news.').waitFor();

    // Ask for the portal link on the page.
    await page.goto(`${t.url}/preferences`);
    await page.getByRole('heading', { level: 1, name: 'Your privacy choices' }).waitFor();
    expect(await seriousAxeProblems(page)).toEqual([]);
    await page.getByLabel('E-mail address').fill(EMAIL);
    await page.getByRole('button', { name: 'Send me the link' }).click();
    await page
      .getByRole('status')
      .getByText(/If we know this address/)
      .waitFor();

    await page.goto(await linkFromMail('preferences-link'));
    await page.getByText(`Choices of ${EMAIL}`).waitFor();
    expect(page.url()).not.toContain('token=');
    const analytics = page.getByRole('checkbox', { name: 'Analytics' });
    const news = page.getByRole('checkbox', { name: 'Shop news' });
    expect(await analytics.isChecked()).toBe(false);
    expect(await news.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Measure whether I open/ }).isChecked()).toBe(false);
    expect(await seriousAxeProblems(page)).toEqual([]);
    await screenshot(page, 'preference-portal');

    await analytics.check();
    await news.uncheck();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByRole('status').getByText('Saved: 2 changes recorded.').waitFor();
    await page
      .getByRole('region', { name: 'Your recent choices' })
      .getByText(/Analytics: agreed \(this page\)/)
      .waitFor();

    const state = await t.store.db
      .selectFrom('consent_state')
      .select(['purpose_key', 'action', 'method'])
      .where('subject_type', '=', 'person')
      .where('subject_id', '=', EMAIL)
      .orderBy('purpose_key')
      .execute();
    expect(state).toEqual([
      { purpose_key: 'analytics.reporting', action: 'given', method: 'portal' },
      { purpose_key: 'marketing.communications.email', action: 'withdrawn', method: 'portal' },
    ]);
    const events = await t.store.db
      .selectFrom('consent_events')
      .select(['purpose_key', 'action', 'method', 'notice_version', 'person_verified'])
      .where('person_id', '=', EMAIL)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      {
        purpose_key: 'marketing.communications.email',
        action: 'given',
        method: 'email',
        notice_version: '2026-01',
        person_verified: 1,
      },
      {
        purpose_key: 'analytics.reporting',
        action: 'given',
        method: 'portal',
        notice_version: '2026-01',
        person_verified: 1,
      },
      {
        purpose_key: 'marketing.communications.email',
        action: 'withdrawn',
        method: 'portal',
        notice_version: '2026-01',
        person_verified: 1,
      },
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('speaks German and sends an expired or forged link back to the request form', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${t.url}/preferences?lang=de`);
    await page.getByRole('heading', { level: 1, name: 'Ihre Datenschutz-Einstellungen' }).waitFor();
    expect(await seriousAxeProblems(page)).toEqual([]);

    await page.goto(`${t.url}/preferences?lang=de#token=v1.forged.token.value`);
    await page
      .getByRole('alert')
      .getByText(/Dieser Link ist ungültig oder abgelaufen/)
      .waitFor();
    await page.getByLabel('E-Mail-Adresse').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
