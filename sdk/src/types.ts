/** A service inside a category, with the cookie name patterns (`*` wildcard) it sets. */
export interface Service {
  readonly name: string;
  readonly cookies: readonly string[];
}

/** A consent category as the server's configuration describes it. */
export interface Category {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly required: boolean;
  readonly gpcOptOut: boolean;
  readonly services: readonly Service[];
  readonly googleConsentMode: readonly string[];
}

/** The banner's words; the server sends them translated, English is built in. */
export interface Texts {
  readonly title: string;
  readonly body: string;
  readonly acceptAll: string;
  readonly rejectAll: string;
  readonly customize: string;
  readonly save: string;
  readonly close: string;
  readonly privacyNoticeUrl?: string;
  /** The privacy notice link's label. */
  readonly privacyNotice?: string;
  /** The note shown when the browser sends Global Privacy Control. */
  readonly gpc?: string;
}

/** `GET /api/public/consent/config` */
export interface ConsentConfig {
  readonly noticeVersion: string;
  readonly noticeHash: string;
  readonly categories: readonly Category[];
  readonly texts: Partial<Texts>;
}

/** Category key → consented. */
export type Choices = Record<string, boolean>;

/** How a choice was made, as the ledger records it. */
export type Method = 'banner' | 'gpc';

/** Consent Mode signal name → state. */
export type Signals = Record<string, 'granted' | 'denied'>;

/** What the banner keeps in localStorage on the customer's site. */
export interface StoredConsent {
  readonly deviceId: string;
  readonly noticeVersion?: string;
  readonly choices?: Choices;
  readonly method?: Method;
  /** The Consent Mode signals of the choices, so a returning visitor's update needs no network. */
  readonly signals?: Signals;
}

/** `POST /api/public/consent` body. */
export interface ConsentEvent {
  readonly deviceId: string;
  readonly noticeVersion: string;
  readonly choices: Choices;
  readonly method: Method;
  readonly gpc: boolean;
  readonly uiLanguage: string;
}
