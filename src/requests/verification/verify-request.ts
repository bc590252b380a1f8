import type { Kysely } from 'kysely';
import { tokenHash } from '../../auth/token-hash.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { queueExecution, startRequestIn } from '../execution/start-request.ts';
import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { acknowledgeRequest } from '../messages/acknowledge-request.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestStatus } from '../request-vocabulary.ts';
import { checkCodeIn } from './check-code.ts';

/** What the requester gets once verified: the status and the secret of their status page. */
export interface VerifiedAnswer {
  readonly status: RequestStatus;
  readonly statusToken: string;
}

/** Verified → acknowledged (status link) → started, in the caller's transaction. */
async function completeVerification(deps: RequestDeps, trx: Kysely<Database>, requestId: string) {
  const verified = await transitionRequestIn(deps, trx, {
    requestId,
    to: 'verified',
    actor: 'public',
    reason: 'Email address confirmed',
  });
  const ack = await acknowledgeRequest(deps, trx, verified.request, 'public');
  const started = await startRequestIn(deps, trx, {
    requestId,
    actor: 'system',
    reason: 'Started on verification',
  });
  return { verified, ack, started };
}

async function afterCommit(
  deps: RequestDeps,
  done: Awaited<ReturnType<typeof completeVerification>>,
): Promise<VerifiedAnswer> {
  await enqueueStatusChanged(deps, [done.verified.eventId]);
  await deliverRequestMail(deps, [done.ack.mail]);
  await queueExecution(deps, done.started);
  return { status: done.started.request.status, statusToken: done.ack.statusToken };
}

/** Checks the emailed code of a verifying request; on success verifies, acknowledges and starts it. */
export async function verifyRequestCode(
  deps: RequestDeps,
  input: { requestId: string; code: string },
): Promise<VerifiedAnswer> {
  const outcome = await deps.store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('requests')
      .select('status')
      .where('id', '=', input.requestId)
      .executeTakeFirst();
    // Unknown and not-verifying requests answer like a wrong code: ids are not secrets, codes are.
    if (row?.status !== 'verifying') return { ok: false as const, error: notVerifying() };
    const check = await checkCodeIn(trx, {
      secret: deps.config.secret,
      requestId: input.requestId,
      purpose: 'identity',
      code: input.code,
      now: deps.clock.now(),
    });
    if (!check.ok) return check;
    return { ok: true as const, done: await completeVerification(deps, trx, input.requestId) };
  });
  if (!outcome.ok) throw outcome.error;
  return afterCommit(deps, outcome.done);
}

/** Verifies by the magic link's token (single use, same expiry as the code). */
export async function verifyRequestLink(deps: RequestDeps, token: string): Promise<VerifiedAnswer> {
  const done = await deps.store.transaction(async (trx) => {
    const now = deps.clock.now().toISOString();
    const found = await trx
      .selectFrom('request_verifications as v')
      .innerJoin('requests as r', 'r.id', 'v.request_id')
      .select(['v.id', 'v.request_id', 'r.status'])
      .where('v.purpose', '=', 'identity')
      .where('v.link_hash', '=', tokenHash(token))
      .where('v.used_at', 'is', null)
      .where('v.voided_at', 'is', null)
      .where('v.expires_at', '>', now)
      .executeTakeFirst();
    if (found?.status !== 'verifying') {
      throw new PrivetError('bad_request', 'This link was used or has expired; ask for a new code', {
        issues: [{ code: 'invalid_link', path: 'body.token', message: 'used or expired' }],
      });
    }
    await trx.updateTable('request_verifications').set({ used_at: now }).where('id', '=', found.id).execute();
    return completeVerification(deps, trx, found.request_id);
  });
  return afterCommit(deps, done);
}

function notVerifying(): PrivetError {
  const message = 'There is no code to check for this request; ask for a new one';
  return new PrivetError('bad_request', message, {
    issues: [{ code: 'no_code', path: 'body.code', message }],
  });
}
