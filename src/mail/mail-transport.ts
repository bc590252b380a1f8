// The delivery port: deliverOutboxEntry talks to this, createSmtpTransport implements it over nodemailer.

export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
  /** `<…@…>`, stable across retries so that receivers can drop a duplicate. */
  readonly messageId: string;
  readonly date: Date;
}

/**
 * A refusal is an expected outcome, so it is data: `permanent` when the server said no for good (5xx),
 * otherwise worth another try later (4xx, connection trouble). No error text carries a secret.
 */
export type SendOutcome =
  | { readonly status: 'sent'; readonly response: string }
  | { readonly status: 'refused'; readonly permanent: boolean; readonly error: string };

export interface MailTransport {
  /** Sends one message; rejects only when the signal aborts, with the signal's reason. */
  send(mail: OutgoingMail, signal: AbortSignal): Promise<SendOutcome>;
  close(): void;
}
