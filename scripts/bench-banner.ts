/**
 * `npm run bench:banner`: Privet's banner against vanilla-cookieconsent and klaro in Debian Chromium, in one
 * run: gzip -9 size, time from navigation to the banner being visible, and main-thread script time (CDP
 * Performance.getMetrics ScriptDuration). Runs are interleaved, each in a fresh context (empty cache and
 * storage, so every banner shows), and the median is printed. Privet's time includes fetching its
 * configuration from a real Privet server (demo seed); the others have theirs inline in the page.
 * PRIVET_BENCH_URL points it at a running server instead; PRIVET_BENCH_RUNS sets the runs (default 9).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBannerChromium } from '../test/browser/banner-browser.ts';
import { startCustomerSite, type CustomerSite } from '../test/browser/banner-site.ts';

const RUNS = Number(process.env.PRIVET_BENCH_RUNS ?? 9);
const require = createRequire(import.meta.url);

interface Contender {
  readonly name: string;
  /** Files whose gzip -9 sizes are the download (script, plus its stylesheet when separate). */
  readonly files: readonly string[];
  readonly page: string;
  /** A browser-side expression: is the banner on screen? */
  readonly visible: string;
}

const shown = (selector: string): string =>
  `((e) => !!e && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }))(${selector})`;

function contenders(privetUrl: string): Contender[] {
  const cc = require.resolve('vanilla-cookieconsent/dist/cookieconsent.umd.js');
  const klaro = require.resolve('klaro/dist/klaro.js');
  // Each as its documentation installs it; vanilla-cookieconsent needs the body, so it goes at its end.
  const head = (inner: string, bodyEnd = ''): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${inner}</head><body><h1>Shop</h1>${bodyEnd}</body></html>`;
  return [
    {
      name: 'none (baseline page)',
      files: [],
      page: head(''),
      visible: 'true',
    },
    {
      name: 'Privet',
      files: [new URL('../sdk/privet.js', import.meta.url).pathname],
      page: head(`<script src="${privetUrl}/sdk/privet.js"></script>`),
      visible: shown("document.querySelector('[data-privet]')?.shadowRoot?.querySelector('dialog[open]')"),
    },
    {
      name: 'vanilla-cookieconsent 3',
      files: [cc, cc.replace(/\.umd\.js$/, '.css')],
      // hideFromBots: false, since Chromium driven by Playwright reports navigator.webdriver.
      page: head(
        '<link rel="stylesheet" href="/cc.css">',
        `<script src="/cc.js"></script><script>
CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Your privacy choices', description: 'We use cookies.', acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' },
    preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all',
      savePreferencesBtn: 'Save', sections: [
        { title: 'Necessary', description: 'Needed.', linkedCategory: 'necessary' },
        { title: 'Analytics', description: 'Count visits.', linkedCategory: 'analytics' },
        { title: 'Marketing', description: 'Ads.', linkedCategory: 'marketing' } ] } } } },
});</script>`,
      ),
      visible: shown("document.querySelector('#cc-main .cm')"),
    },
    {
      name: 'klaro 0.7',
      files: [klaro],
      page: head(`<script>window.klaroConfig = {
  acceptAll: true,
  services: [
    { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga(_.*)?/] },
    { name: 'ads', title: 'Ads', purposes: ['marketing'] },
  ],
};</script><script defer src="/klaro.js"></script>`),
      visible: shown("document.querySelector('.klaro .cookie-notice, .klaro .cookie-modal')"),
    },
  ];
}

// Polls every frame from the start of the page and notes when the banner is first visible.
function probe(visible: string): string {
  return `(() => {
  const check = () => {
    try { if (${visible}) { window.__bannerVisibleAt = performance.now(); return; } } catch {}
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;
}

interface Sample {
  readonly visibleMs: number;
  readonly scriptMs: number;
}

async function measure(
  browser: Browser,
  site: CustomerSite,
  contender: Contender,
  path: string,
): Promise<Sample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe(contender.visible));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}${path}`);
  await page
    .waitForFunction(() => '__bannerVisibleAt' in window, null, { timeout: 15_000 })
    .catch((error: unknown) => {
      throw new Error(`${contender.name}: no banner seen (${errors.join('; ')})`, { cause: error });
    });
  // Let the banner's work after showing settle before reading the cumulative script time.
  await page.waitForTimeout(300);
  const visibleMs = await page.evaluate(
    () => (window as unknown as { __bannerVisibleAt: number }).__bannerVisibleAt,
  );
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? Number.NaN;
  await context.close();
  if (errors.length > 0) throw new Error(`${contender.name}: ${errors.join('; ')}`);
  return { visibleMs, scriptMs: script * 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function gzipSize(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(file), { level: 9 }).length;
  return total;
}

// Loaded only when needed: with PRIVET_BENCH_URL the benchmark needs none of the server's code.
async function startPrivet(): Promise<{ url: string; stop(): Promise<void> }> {
  const { startTestApp } = await import('../test/support/test-app.ts');
  const { seedDemo } = await import('../src/demo/seed-demo.ts');
  const { systemClock } = await import('../src/domain/clock.ts');
  const app = await startTestApp({ listen: true });
  await seedDemo({ store: app.store, clock: systemClock, config: app.config });
  return app;
}

async function main(): Promise<void> {
  const app = process.env.PRIVET_BENCH_URL ? undefined : await startPrivet();
  const privetUrl = process.env.PRIVET_BENCH_URL ?? app?.url ?? '';
  const site = await startCustomerSite();
  const browser = await launchBannerChromium();
  try {
    const list = contenders(privetUrl);
    site.put('/cc.js', await readFile(list[2]?.files[0] ?? '', 'utf8'), { type: 'text/javascript' });
    site.put('/cc.css', await readFile(list[2]?.files[1] ?? '', 'utf8'), { type: 'text/css' });
    site.put('/klaro.js', await readFile(list[3]?.files[0] ?? '', 'utf8'), { type: 'text/javascript' });
    list.forEach((contender, index) => site.put(`/${index}`, contender.page));
    const samples = list.map((): Sample[] => []);
    // One warm-up round (not counted) so the first contender does not pay for Chromium's own start-up.
    for (let round = -1; round < RUNS; round++) {
      for (const [index, contender] of list.entries()) {
        const sample = await measure(browser, site, contender, `/${index}`);
        if (round >= 0) samples[index]?.push(sample);
      }
    }
    const rows = await Promise.all(
      list.map(async (contender, index) => ({
        banner: contender.name,
        'gzip -9 bytes': contender.files.length ? await gzipSize(contender.files) : 0,
        'to visible ms (median)': Number(median(samples[index]?.map((s) => s.visibleMs) ?? []).toFixed(1)),
        'script ms (median)': Number(median(samples[index]?.map((s) => s.scriptMs) ?? []).toFixed(1)),
      })),
    );
    console.log(`Banner benchmark: Chromium ${browser.version()}, ${RUNS} runs each, medians`);
    console.table(rows);
  } finally {
    await browser.close();
    await site.close();
    await app?.stop();
  }
}

await main();
