import type { OutboxStatus } from '../../../src/mail/mailer.ts';

/** A message in the outbox, as /api/admin/outbox and /api/admin/outbox/{id} return it. */
export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly template: string;
  readonly locale: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly status: string;
  readonly attempts: number;
  readonly error: string | null;
  readonly messageId: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** One page of messages, newest first. */
export interface OutboxPage {
  readonly messages: readonly OutboxMessage[];
  readonly next: string | null;
}

/** What the outbox list is narrowed to; empty strings mean no filter. */
export interface OutboxFilters {
  readonly status: OutboxStatus | '';
  readonly to: string;
}
