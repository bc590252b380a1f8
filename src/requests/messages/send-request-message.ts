import type { Kysely } from 'kysely';
import { enqueueMailDelivery } from '../../mail/send-mail.ts';
import { checkMailMessage } from '../../mail/check-mail-message.ts';
import type { MailData } from '../../mail/mailer.ts';
import { queueRenderedMail } from '../../mail/queue-mail.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestDeps } from '../request-deps.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { renderRequestMessage } from './render-request-message.ts';
import type { RequestMessage } from './request-messages.ts';

export { REQUEST_MESSAGES, type RequestMessage } from './request-messages.ts';

/** One message to the requester about their request. */
export interface RequestMessageInput {
  readonly requestId: string;
  readonly to: string;
  readonly language: string;
  readonly message: RequestMessage;
  readonly data: MailData;
  readonly actor: string;
  /** Shown on the status page's timeline (never for codes). */
  readonly public: boolean;
}

/**
 * Writes the message to the outbox and its timeline entry in the caller's transaction; returns the outbox
 * id to hand to `deliverRequestMail` once the transaction committed.
 */
export async function sendRequestMessage(
  deps: RequestDeps,
  trx: Kysely<Database>,
  input: RequestMessageInput,
): Promise<{ outboxId: string; queued: boolean }> {
  checkMailMessage({ to: input.to, template: `request-${input.message}`, data: input.data });
  const rendered = await renderRequestMessage(trx, input);
  const entry = await queueRenderedMail(deps, { to: input.to }, rendered, trx);
  await appendRequestEvent(deps, trx, {
    requestId: input.requestId,
    kind: 'message',
    actor: input.actor,
    message: entry.subject,
    public: input.public,
    data: { template: entry.template, locale: entry.locale, outboxId: entry.id },
  });
  return { outboxId: entry.id, queued: entry.status === 'queued' };
}

/** Queues SMTP delivery of messages written in a committed transaction; the mail sweep catches any left. */
export async function deliverRequestMail(
  deps: Pick<RequestDeps, 'queue'>,
  sent: readonly { outboxId: string; queued: boolean }[],
): Promise<void> {
  if (deps.queue === undefined) return;
  for (const mail of sent) if (mail.queued) await enqueueMailDelivery(deps.queue, mail.outboxId);
}
