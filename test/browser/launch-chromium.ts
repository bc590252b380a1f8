import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Starts headless Debian Chromium with the flags that keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Collects what went wrong in the page: uncaught errors and console errors such as CSP refusals. Failed
 * responses are left out: the console logs an expected 401 (no session yet) as an error too.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** Saves a full-page screenshot when PRIVET_SCREENSHOT_DIR is set, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.PRIVET_SCREENSHOT_DIR;
  if (dir === undefined || dir === '') return;
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
