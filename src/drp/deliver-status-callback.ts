import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import { backoffDelayMs, type BackoffPolicy } from '../jobs/backoff-delay.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { postWebhook } from '../webhooks/post-webhook.ts';
import { linkOf } from './agent-request.ts';
import { readLinkedRequest } from './drp-requests.ts';
import { exerciseStatusOf } from './exercise-status.ts';

/** What delivering callbacks needs. */
export interface CallbackDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Callbacks go out under the webhook target policy: no private networks, loopback only when allowed. */
  readonly config: Pick<Config, 'webhooksAllowLocal' | 'publicUrl'>;
}

/** Attempts per callback before it is given up as `failed`. */
export const CALLBACK_MAX_ATTEMPTS = 10;
/** Wait between attempts: 30 s doubling up to 6 h, so the last attempt comes about a day after the first. */
export const CALLBACK_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 2, maxMs: 6 * 3_600_000 };
const CLAIM_MS = 60_000;
const TIMEOUT_MS = 15_000;

/** How one delivery attempt ended. */
export type CallbackOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/**
 * Sends one owed status callback (spec 2.03): POSTs the request's current Exercise Status as JSON to the
 * agent's `status_callback`, without following redirects and never to a private address. A 2xx answer delivers it, and earlier callbacks of the same request still owed
 * are superseded (the agent has the latest status); anything else is retried with backoff. A callback
 * another worker holds, or not yet due, is skipped.
 */
export async function deliverStatusCallback(
  deps: CallbackDeps,
  callbackId: string,
  signal: AbortSignal,
): Promise<CallbackOutcome> {
  const now = deps.clock.now();
  const claimed = await deps.store.db
    .updateTable('drp_callbacks')
    .set({ claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
    .where('id', '=', callbackId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now.toISOString())]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return 'skipped';
  const callback = await deps.store.db
    .selectFrom('drp_callbacks as c')
    .innerJoin('drp_requests as d', 'd.id', 'c.drp_request_id')
    .selectAll('d')
    .select(['c.attempts', 'c.created_at as callback_created_at'])
    .where('c.id', '=', callbackId)
    .executeTakeFirstOrThrow();
  const request = await readLinkedRequest(deps, callback.request_id);
  if (request === undefined || callback.status_callback === null) {
    await finish(deps.store.db, callbackId, { status: 'failed', last_error: 'request or callback URL gone' });
    return 'failed';
  }
  const body = exerciseStatusOf(request, linkOf(callback), deps.config.publicUrl);
  const attempts = callback.attempts + 1;
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await postWebhook(
      callback.status_callback,
      JSON.stringify(body),
      { 'content-type': 'application/json' },
      { allowLocal: deps.config.webhooksAllowLocal },
      AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    );
    // The spec says the agent's answer body is to be discarded; only its status counts.
    httpStatus = response.statusCode;
    if (httpStatus < 200 || httpStatus > 299) error = `HTTP ${httpStatus}`;
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const at = deps.clock.now().toISOString();
  if (error === null) {
    await deps.store.transaction(async (trx) => {
      await finish(trx, callbackId, {
        status: 'delivered',
        attempts,
        last_http_status: httpStatus,
        sent_status: body.status,
        delivered_at: at,
      });
      await trx
        .updateTable('drp_callbacks')
        .set({ status: 'superseded', claimed_until: null })
        .where('drp_request_id', '=', callback.id)
        .where('status', '=', 'pending')
        .where('created_at', '<=', callback.callback_created_at)
        .execute();
    });
    return 'delivered';
  }
  const givenUp = attempts >= CALLBACK_MAX_ATTEMPTS;
  await finish(deps.store.db, callbackId, {
    status: givenUp ? 'failed' : 'pending',
    attempts,
    last_http_status: httpStatus,
    last_error: error.slice(0, 500),
    next_attempt_at: new Date(Date.parse(at) + backoffDelayMs(CALLBACK_BACKOFF, attempts)).toISOString(),
  });
  return givenUp ? 'failed' : 'retry';
}

async function finish(
  db: Kysely<Database>,
  callbackId: string,
  changes: {
    status: string;
    attempts?: number;
    last_http_status?: number | null;
    last_error?: string | null;
    next_attempt_at?: string;
    sent_status?: string;
    delivered_at?: string;
  },
): Promise<void> {
  await db
    .updateTable('drp_callbacks')
    .set({ ...changes, claimed_until: null })
    .where('id', '=', callbackId)
    .execute();
}
