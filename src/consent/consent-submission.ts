import type { ConsentAction, ConsentMethod } from './consent-vocabulary.ts';

/** A purpose-level action outside the banner's categories, e.g. an objection to direct marketing. */
export interface PurposeAction {
  readonly purposeKey: string;
  readonly action: ConsentAction;
}

/** One person's or device's choices as they reach the ledger, from the banner, the portal, staff or the API. */
export interface ConsentSubmission {
  readonly deviceId?: string | undefined;
  readonly personId?: string | undefined;
  /** True only when the caller proved who the person is (staff, API key, verified portal session). */
  readonly personVerified: boolean;
  /** The notice version the person was shown; it must be the one in force. */
  readonly noticeVersion: string;
  /** Category key → given (true) or withdrawn (false). */
  readonly choices: Readonly<Record<string, boolean>>;
  readonly purposeActions?: readonly PurposeAction[] | undefined;
  readonly method: ConsentMethod;
  /** A Global Privacy Control signal came with the choice (`Sec-GPC: 1` or the SDK's `gpc: true`). */
  readonly gpc: boolean;
  readonly language?: string | undefined;
  /** The client address as received; only its network is stored. */
  readonly ip?: string | undefined;
  /** The User-Agent header as received; only its family is stored. */
  readonly userAgent?: string | undefined;
  /** Set by a client that may send the same post again (the banner's retry queue): a repeat records nothing. */
  readonly idempotencyKey?: string | undefined;
}
