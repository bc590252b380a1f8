import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { collectPageProblems } from './launch-chromium.ts';

/** A console page signed in as someone, and what went wrong in it so far (see collectPageProblems). */
export interface SignedInPage {
  readonly page: Page;
  readonly problems: string[];
}

/**
 * Opens a console path in a fresh browser context, signs in on the login page it redirects to, and waits
 * until the console is back at that path.
 */
export async function signInTo(
  browser: Browser,
  baseUrl: string,
  path: string,
  credentials: { readonly email: string; readonly password: string },
  contextOptions: BrowserContextOptions = {},
): Promise<SignedInPage> {
  const page = await (await browser.newContext(contextOptions)).newPage();
  const problems = collectPageProblems(page);
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
  await page.waitForURL((url) => url.pathname + url.search === path);
  return { page, problems };
}

/** The names of the links in the console's section navigation, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Console sections' }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}
