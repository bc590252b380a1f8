import type { Category, Choices, Signals } from './types.ts';

type Gtag = (...args: unknown[]) => void;

declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: Gtag;
  }
}

// The Consent Mode v2 signals a Google tag reads; denied until the visitor decides.
const V2_SIGNALS = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];

// Google's snippet: gtag.js reads `arguments` objects from the data layer, not arrays, so keep its shape.
function gtag(): Gtag {
  window.dataLayer ??= [];
  return (window.gtag ??= function () {
    // eslint-disable-next-line prefer-rest-params
    (window.dataLayer ??= []).push(arguments);
  });
}

/** Consent Mode signals of the choices: granted only when every category using a signal is consented. */
export function consentSignals(categories: readonly Category[], choices: Choices): Signals {
  const signals: Signals = {};
  for (const category of categories) {
    for (const signal of category.googleConsentMode) {
      if (signals[signal] !== 'denied') signals[signal] = choices[category.key] ? 'granted' : 'denied';
    }
  }
  return signals;
}

/** `gtag('consent','default')`: everything denied, waiting briefly for the banner's update. */
export function consentModeDefault(known: Signals | undefined): void {
  const signals: Record<string, unknown> = { wait_for_update: 500 };
  for (const signal of [...V2_SIGNALS, ...Object.keys(known ?? {})]) signals[signal] = 'denied';
  gtag()('consent', 'default', signals);
}

/** `gtag('consent','update')` with the visitor's signals. */
export function consentModeUpdate(signals: Signals): void {
  gtag()('consent', 'update', signals);
}
