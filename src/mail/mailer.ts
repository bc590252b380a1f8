// The mail port: every message is written to the outbox first; delivery over SMTP happens from there.

/** Outbox states: `kept` is a message stored without SMTP configured, never to be sent. */
export const outboxStatuses = ['queued', 'sent', 'failed', 'kept'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** Values a template's `{{name}}` placeholders are filled with. */
export type MailData = Readonly<Record<string, string | number>>;

export interface MailMessage {
  readonly to: string;
  /** Template name under src/mail/templates/<locale>/<template>.{subject.txt,txt,html}. */
  readonly template: string;
  /** A BCP 47 tag such as `de` or `de-AT`; falls back to the language, then to English. */
  readonly locale?: string | undefined;
  readonly data: MailData;
  /** Extra headers such as List-Unsubscribe. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface OutboxEntry {
  readonly id: string;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly template: string;
  /** The locale the message was rendered in, after any fallback. */
  readonly locale: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly status: OutboxStatus;
  /** Delivery attempts started so far. */
  readonly attempts: number;
  readonly error: string | null;
  readonly messageId: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** True when the string names an outbox status. */
export function isOutboxStatus(value: string): value is OutboxStatus {
  return (outboxStatuses as readonly string[]).includes(value);
}
