import type { Clock } from '../domain/clock.ts';
import { PrivetError } from '../domain/errors.ts';
import type { Store } from '../store/store.ts';
import { getOutboxEntry } from './get-outbox-entry.ts';
import type { OutboxEntry } from './mailer.ts';
import type { MailTransport, SendOutcome } from './mail-transport.ts';

/** Delivery attempts before an entry that keeps failing transiently is given up as `failed`. */
export const mailMaxAttempts = 5;

// Longer than any one send can take with the transport's timeouts, so a live sender never loses its claim;
// a sender that died releases the entry when the claim runs out.
const CLAIM_MS = 10 * 60_000;

export interface DeliverMailDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly transport: MailTransport;
  readonly maxAttempts?: number;
}

/**
 * Sends one queued outbox entry and records the outcome. An entry that is not queued (sent, failed, kept) is
 * returned untouched, so delivering twice sends once. A transient failure is recorded and then thrown as
 * `unavailable` for the job to retry; a permanent refusal or the last attempt marks the entry `failed`.
 */
export async function deliverOutboxEntry(
  deps: DeliverMailDeps,
  id: string,
  signal: AbortSignal,
): Promise<OutboxEntry> {
  signal.throwIfAborted();
  const entry = await mustGet(deps.store, id, signal);
  if (entry.status !== 'queued') return entry;
  const start = deps.clock.now();
  const claim = await deps.store.db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      claimed_until: new Date(start.getTime() + CLAIM_MS).toISOString(),
    }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', start.toISOString())]))
    .executeTakeFirst();
  if (claim.numUpdatedRows === 0n) {
    const now = await mustGet(deps.store, id, signal);
    if (now.status !== 'queued') return now;
    throw new PrivetError('unavailable', `Mail ${id} is being sent by another worker`);
  }
  const attempt = entry.attempts + 1;
  const messageId = `<${id}@${domainOf(entry.from)}>`;

  let outcome: SendOutcome;
  try {
    outcome = await deps.transport.send(
      {
        from: entry.from,
        to: entry.to,
        subject: entry.subject,
        text: entry.text,
        html: entry.html,
        headers: entry.headers,
        messageId,
        date: start,
      },
      signal,
    );
  } catch (error) {
    // Shutting down: hand the entry back at once instead of waiting for the claim to expire. The transport's
    // own text is not recorded, as only its refusals are promised to be free of secrets.
    await record(deps.store, id, {
      error: signal.aborted
        ? 'Interrupted before the server confirmed delivery'
        : 'The mail transport failed unexpectedly',
    });
    throw error;
  }

  if (outcome.status === 'sent') {
    await record(deps.store, id, {
      status: 'sent',
      message_id: messageId,
      sent_at: deps.clock.now().toISOString(),
      error: null,
    });
    return mustGet(deps.store, id, signal);
  }
  const maxAttempts = deps.maxAttempts ?? mailMaxAttempts;
  const giveUp = outcome.permanent || attempt >= maxAttempts;
  await record(deps.store, id, { status: giveUp ? 'failed' : 'queued', error: outcome.error });
  if (giveUp) return mustGet(deps.store, id, signal);
  throw new PrivetError(
    'unavailable',
    `Mail ${id} not delivered (attempt ${attempt} of ${maxAttempts}): ${outcome.error}`,
  );
}

async function record(
  store: Store,
  id: string,
  changes: {
    status?: 'sent' | 'failed' | 'queued';
    message_id?: string;
    sent_at?: string;
    error: string | null;
  },
): Promise<void> {
  // Guarded by status so that a sender whose claim ran out can never overwrite a later `sent`.
  await store.db
    .updateTable('outbox')
    .set({ ...changes, claimed_until: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

async function mustGet(store: Store, id: string, signal: AbortSignal): Promise<OutboxEntry> {
  const entry = await getOutboxEntry(store, id, signal);
  if (!entry) throw new PrivetError('not_found', `No outbox entry ${id}`);
  return entry;
}

function domainOf(from: string): string {
  return /@([^\s>@]+)>?\s*$/.exec(from)?.[1] ?? 'privet.invalid';
}
