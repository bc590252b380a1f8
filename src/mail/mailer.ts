// The mail port: every message is written to the outbox first; delivery over SMTP happens from there.

export interface MailMessage {
  readonly to: string;
  /** Template name under src/mail/templates/<locale>/<template>.{subject,txt,html}. */
  readonly template: string;
  readonly locale?: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** Extra headers such as List-Unsubscribe. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface OutboxEntry {
  readonly id: string;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly template: string;
  readonly locale: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly status: 'queued' | 'sent' | 'failed' | 'kept';
  readonly attempts: number;
  readonly error: string | null;
  readonly messageId: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}
