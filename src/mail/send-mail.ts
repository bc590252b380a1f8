import type { JobQueue } from '../jobs/queue.ts';
import { mailDeliveryIdempotencyKey, mailDeliveryJobKind } from './deliver-mail-job.ts';
import type { MailMessage, OutboxEntry } from './mailer.ts';
import { queueMail, type QueueMailDeps } from './queue-mail.ts';

/** Writes a message to the outbox and, when SMTP is configured, queues its delivery at once. */
export async function sendMail(
  deps: QueueMailDeps & { readonly queue: Pick<JobQueue, 'enqueue'> },
  message: MailMessage,
  signal?: AbortSignal,
): Promise<OutboxEntry> {
  const entry = await queueMail(deps, message, undefined, signal);
  if (entry.status === 'queued') await enqueueMailDelivery(deps.queue, entry.id);
  return entry;
}

/** Queues delivery of an outbox entry written inside a transaction, once that transaction committed. */
export async function enqueueMailDelivery(queue: Pick<JobQueue, 'enqueue'>, outboxId: string): Promise<void> {
  await queue.enqueue(
    mailDeliveryJobKind,
    { outboxId },
    { idempotencyKey: mailDeliveryIdempotencyKey(outboxId) },
  );
}
