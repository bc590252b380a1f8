import { openDialog } from './banner-dialog.ts';
import { clearCookies } from './clear-cookies.ts';
import { consentModeDefault, consentModeUpdate, consentSignals } from './consent-mode.ts';
import {
  acceptAllChoices,
  dismissChoices,
  gpcChoices,
  initialChoices,
  needsAsking,
  postedChoices,
  rejectAllChoices,
} from './consent-rules.ts';
import { defaultTexts } from './default-texts.ts';
import { loadConfig } from './load-config.ts';
import { pageLanguage } from './page-language.ts';
import { readScriptSettings } from './script-tag.ts';
import { createSendQueue } from './send-queue.ts';
import { readStoredConsent, writeStoredConsent } from './stored-consent.ts';
import type { Choices, ConsentConfig, Method } from './types.ts';
import { unblockScripts } from './unblock-scripts.ts';

declare global {
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
  interface Window {
    Privet?: { showPreferences(): void; getConsent(): Choices | null };
  }
}

/**
 * Runs the banner on this page: applies a stored choice at once, loads the configuration, records a GPC
 * opt-out, asks when needed, and defines `window.Privet`. Must run while the script tag is current.
 */
export function startBanner(): void {
  const settings = readScriptSettings();
  const lang = pageLanguage();
  const gpc = navigator.globalPrivacyControl === true;
  let stored = readStoredConsent();
  let config: Promise<ConsentConfig> = loadConfig(settings.origin, lang);
  let open = false;
  const queue = createSendQueue(settings.origin, () => {
    // The server refused a post for an outdated notice: fetch past any HTTP cache and ask again.
    config = loadConfig(settings.origin, lang, 'no-cache');
    run();
  });

  // Scripts that run before a decision are gated by Consent Mode; a returning visitor's signals and scripts
  // apply at once, without waiting for the network: the choice was valid when made, and a changed notice
  // version only means asking again.
  consentModeDefault(stored.signals);
  if (stored.signals) consentModeUpdate(stored.signals);
  const unblock = (): void => unblockScripts(stored.choices ?? {});
  unblock();
  // Blocked scripts later in the page, and ones the site adds afterwards.
  new MutationObserver(unblock).observe(document, { childList: true, subtree: true });
  queue.flush();

  function record(cfg: ConsentConfig, choices: Choices, method: Method, posted: Choices): void {
    const signals = consentSignals(cfg.categories, choices);
    stored = { deviceId: stored.deviceId, noticeVersion: cfg.noticeVersion, choices, method, signals };
    writeStoredConsent(stored);
    consentModeUpdate(signals);
    unblock();
    // A refused category's cookies go, whether they were set before the banner or under an earlier consent.
    for (const category of cfg.categories) {
      if (!choices[category.key]) clearCookies(category.services.flatMap((service) => service.cookies));
    }
    const { noticeVersion } = cfg;
    queue.send({ deviceId: stored.deviceId, noticeVersion, choices: posted, method, gpc, uiLanguage: lang });
    document.dispatchEvent(new CustomEvent('privet:consent', { detail: { choices, method, noticeVersion } }));
  }

  async function ask(cfg: ConsentConfig, customize: boolean): Promise<void> {
    if (open) return;
    open = true;
    const initial = initialChoices(cfg, stored);
    const choices = await openDialog({
      categories: cfg.categories,
      texts: { ...defaultTexts, ...cfg.texts },
      initial,
      acceptAll: acceptAllChoices(cfg, initial, gpc),
      rejectAll: rejectAllChoices(cfg),
      customize,
      gpcNote: gpc && cfg.categories.some((category) => category.gpcOptOut),
      nonce: settings.nonce,
    });
    open = false;
    // Closing without a choice (Escape, ×) is a refusal of what is still undecided, as the visitor did not
    // agree, and is recorded so the banner does not come back on every page; a decision already made stays.
    const made = choices ?? (needsAsking(cfg, stored) ? dismissChoices(cfg, stored) : undefined);
    if (made) record(cfg, made, 'banner', postedChoices(cfg, made, gpc));
  }

  // Without a configuration (server unreachable) nothing is shown, and what is blocked stays blocked.
  const ignore = (): void => undefined;

  function run(): void {
    start().catch(ignore);
  }

  async function start(): Promise<void> {
    const cfg = await config;
    const optOut = gpcChoices(cfg, stored, gpc);
    // Nothing chosen: the server derives the gpcOptOut categories' withdrawal from the signal itself.
    if (optOut) record(cfg, optOut, 'gpc', {});
    if (needsAsking(cfg, stored)) await ask(cfg, false);
  }

  window.Privet = {
    // Opens once the configuration is there; a site's "Cookie settings" link needs nothing back.
    showPreferences: () => void config.then((cfg) => ask(cfg, true)).catch(ignore),
    getConsent: () => (stored.choices ? { ...stored.choices } : null),
  };

  run();
}
