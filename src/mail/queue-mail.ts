import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { checkMailMessage } from './check-mail-message.ts';
import type { MailMessage, OutboxEntry } from './mailer.ts';
import { renderMail, type RenderedMail } from './render-mail.ts';
import { toOutboxEntry, type OutboxRow } from './to-outbox-entry.ts';

export interface QueueMailDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
}

/**
 * Renders a message and writes it to the outbox: `queued` for SMTP delivery when SMTP is configured, else
 * `kept`. Pass the caller's transaction as `trx` so the message exists exactly when the change that caused it does.
 */
export async function queueMail(
  deps: QueueMailDeps,
  message: MailMessage,
  trx?: Kysely<Database>,
  signal?: AbortSignal,
): Promise<OutboxEntry> {
  checkMailMessage(message);
  const rendered = await renderMail(message, signal);
  signal?.throwIfAborted();
  return queueRenderedMail(deps, message, rendered, trx);
}

/**
 * Writes a message rendered by the caller (e.g. from a text staff edited rather than a template file) to the
 * outbox, as `queueMail` does.
 */
export async function queueRenderedMail(
  deps: QueueMailDeps,
  message: Pick<MailMessage, 'to' | 'headers'>,
  rendered: RenderedMail,
  trx?: Kysely<Database>,
): Promise<OutboxEntry> {
  const now = deps.clock.now();
  const row: OutboxRow = {
    id: newId('mail', now),
    to_address: message.to,
    from_address: deps.config.mailFrom,
    subject: rendered.subject,
    template: rendered.template,
    locale: rendered.locale,
    text_body: rendered.text,
    html_body: rendered.html,
    headers: JSON.stringify(message.headers ?? {}),
    status: deps.config.smtpUrl === undefined ? 'kept' : 'queued',
    attempts: 0,
    error: null,
    message_id: null,
    created_at: now.toISOString(),
    sent_at: null,
    claimed_until: null,
  };
  await (trx ?? deps.store.db).insertInto('outbox').values(row).execute();
  return toOutboxEntry(row);
}
