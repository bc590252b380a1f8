import type { Locator, Page } from 'playwright-core';

/** What the page keeps in localStorage for the banner. */
export interface StoredBannerState {
  readonly consent: {
    deviceId: string;
    noticeVersion?: string;
    choices?: Record<string, boolean>;
    method?: string;
  } | null;
  readonly queue: string[];
}

/** Which of the shop's blocked scripts ran, and the nonce the inline one saw. */
export interface ScriptFlags {
  readonly analyticsInline: number | undefined;
  readonly analyticsExternal: number | undefined;
  readonly analyticsNonce: string | undefined;
  readonly marketingRan: boolean | undefined;
}

/** The banner dialog, found by its accessible name. */
export function bannerDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Your privacy choices' });
}

/** The banner's localStorage on the shop's origin. */
export function storedState(page: Page): Promise<StoredBannerState> {
  return page.evaluate(() => ({
    consent: JSON.parse(localStorage.getItem('privet:consent') ?? 'null') as StoredBannerState['consent'],
    queue: JSON.parse(localStorage.getItem('privet:queue') ?? '[]') as string[],
  }));
}

/** Waits until every queued consent post got its answer. */
export async function waitForQueueEmpty(page: Page): Promise<void> {
  await page.waitForFunction(() => (localStorage.getItem('privet:queue') ?? '[]') === '[]');
}

/** The device id the banner generated for this visitor. */
export async function deviceIdOf(page: Page): Promise<string> {
  const { consent } = await storedState(page);
  if (!consent) throw new Error('no stored consent yet');
  return consent.deviceId;
}

/** The shop scripts' window flags. */
export function scriptFlags(page: Page): Promise<ScriptFlags> {
  return page.evaluate(() => {
    const w = window as unknown as ScriptFlags;
    return {
      analyticsInline: w.analyticsInline,
      analyticsExternal: w.analyticsExternal,
      analyticsNonce: w.analyticsNonce,
      marketingRan: w.marketingRan,
    };
  });
}

/** The Consent Mode commands pushed to the data layer, as `[command, type, signals]`. */
export function consentCommands(page: Page): Promise<[string, string, Record<string, unknown>][]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? [])
      .map((entry) => Array.from(entry) as [string, string, Record<string, unknown>])
      .filter(([command]) => command === 'consent'),
  );
}

/** The privet:consent events' details the page saw. */
export function consentEvents(page: Page): Promise<{ choices: Record<string, boolean>; method: string }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __consentEvents: { choices: Record<string, boolean>; method: string }[] })
        .__consentEvents,
  );
}

/** The latest action per category among ledger events, with its method. */
export function latestByCategory(
  events: readonly { categoryKey: string | null; action: string; method: string }[],
): Record<string, string> {
  const latest: Record<string, string> = {};
  for (const event of events)
    if (event.categoryKey) latest[event.categoryKey] = `${event.action}/${event.method}`;
  return latest;
}
