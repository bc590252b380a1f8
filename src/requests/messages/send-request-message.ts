import type { Kysely } from 'kysely';
import { enqueueMailDelivery } from '../../mail/send-mail.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import type { MailData } from '../../mail/mailer.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestDeps } from '../request-deps.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';

/** The messages a requester receives, each a template pair under src/mail/templates/<lang>/request-<name>. */
export const REQUEST_MESSAGES = [
  'acknowledgement',
  'verification-code',
  'download-code',
  'step-up',
  'extension',
  'completion',
  'refusal',
  'fee',
  'cancellation',
] as const;
export type RequestMessage = (typeof REQUEST_MESSAGES)[number];

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
  const entry = await queueMail(
    deps,
    { to: input.to, template: `request-${input.message}`, locale: input.language, data: input.data },
    trx,
  );
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
