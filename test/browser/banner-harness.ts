import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchBannerChromium } from './banner-browser.ts';
import { analyticsScript, plainPage, shopCsp, shopPage } from './banner-page.ts';
import { startCustomerSite, type CustomerSite } from './banner-site.ts';
import { collectPageProblems } from './launch-chromium.ts';

/** One ledger event as the admin API shows it (the fields the banner tests look at). */
export interface LedgerEvent {
  readonly categoryKey: string | null;
  readonly action: 'given' | 'withdrawn' | 'objected';
  readonly method: string;
  readonly gpc: boolean;
  readonly noticeVersion: string;
  readonly language: string | null;
}

/** A visitor of the shop: own browser context (storage, cookies, cache) and a page. */
export interface Visitor {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors; every test expects none. */
  readonly problems: string[];
}

/** Privet (seeded with the demo), a customer's shop on another origin, and Chromium. */
export interface BannerHarness {
  readonly testApp: TestApp;
  readonly site: CustomerSite;
  readonly browser: Browser;
  /** A new visitor; `gpc` makes navigator.globalPrivacyControl true, as a browser with GPC on does. */
  newVisitor(options?: { gpc?: boolean }): Promise<Visitor>;
  /** Calls the admin API with an admin API key. */
  admin(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  /** The device's ledger events, oldest first. */
  history(deviceId: string): Promise<LedgerEvent[]>;
  stop(): Promise<void>;
}

/**
 * Starts the real app with the demo seed and a shop at http://shop.privet.test:<port> whose pages `/` and
 * `/deep/page` load the banner from Privet, under a strict nonce CSP. `/elsewhere` is a shop page without it.
 */
export async function startBannerHarness(): Promise<BannerHarness> {
  const testApp = await startTestApp({ listen: true });
  await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
  const apiKey = await testApp.apiKey('admin');
  const site = await startCustomerSite();
  const privetOrigin = testApp.url;
  for (const path of ['/', '/deep/page'])
    site.put(path, shopPage({ privetOrigin }), { csp: shopCsp(privetOrigin) });
  site.put('/analytics.js', analyticsScript, { type: 'text/javascript' });
  site.put('/elsewhere', plainPage);
  const browser = await launchBannerChromium();

  const admin: BannerHarness['admin'] = async (method, path, body) => {
    const response = await fetch(`${testApp.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };

  return {
    testApp,
    site,
    browser,
    admin,
    async newVisitor(options = {}) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      // Keep every privet:consent event the page sees, to check what sites can listen to.
      await page.addInitScript(`window.__consentEvents = [];
document.addEventListener('privet:consent', (event) => window.__consentEvents.push(event.detail));`);
      if (options.gpc) {
        await page.addInitScript(
          "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });",
        );
      }
      return { context, page, problems };
    },
    async history(deviceId) {
      const { status, json } = await admin(
        'GET',
        `/api/admin/consent/history?deviceId=${deviceId}&limit=500`,
      );
      if (status !== 200) throw new Error(`history: HTTP ${status} ${JSON.stringify(json)}`);
      return [...(json as { events: LedgerEvent[] }).events].reverse();
    },
    async stop() {
      await browser.close();
      await site.close();
      await testApp.stop();
    },
  };
}
