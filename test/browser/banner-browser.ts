import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './launch-chromium.ts';
import { SHOP_HOST } from './banner-site.ts';

/**
 * Debian Chromium with the usual quiet flags, resolving the customer's host and its parent domain to
 * 127.0.0.1, so the site has a parent domain (privet.test) whose cookies the banner must clear too.
 */
export function launchBannerChromium(): Promise<Browser> {
  const parent = SHOP_HOST.slice(SHOP_HOST.indexOf('.') + 1);
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
      `--host-resolver-rules=MAP *.${parent} 127.0.0.1, MAP ${parent} 127.0.0.1`,
    ],
  });
}
