import { defineJob } from '../../jobs/job-definition.ts';
import { withJobQueue, type RequestDeps } from '../request-deps.ts';
import { MAX_SEND_ATTEMPTS, sendAttempts, sendPortabilityPackage } from './send-portability-package.ts';

/** How often closed portability requests with a target are checked for a package still to send. */
export const PORTABILITY_SEND_EVERY_MS = 60_000;

/** Wait after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export function sendBackoffMs(failures: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

/**
 * Retries sending portability packages to the controllers the people named: each request whose package is
 * not sent yet gets another attempt once its backoff has passed, up to MAX_SEND_ATTEMPTS. Returns how many
 * were sent in this pass.
 */
export async function sendPendingPortability(deps: RequestDeps, signal: AbortSignal): Promise<number> {
  const rows = await deps.store.db
    .selectFrom('requests')
    .select('id')
    .where('type', '=', 'portability')
    .where('status', 'in', ['completed', 'partially_completed'])
    .where('details', 'like', '%portabilityTarget%')
    .orderBy('completed_at')
    .limit(200)
    .execute();
  const now = deps.clock.now().getTime();
  let sent = 0;
  for (const { id } of rows) {
    signal.throwIfAborted();
    const attempts = await sendAttempts(deps, id);
    if (attempts.sent || attempts.failures >= MAX_SEND_ATTEMPTS) continue;
    if (attempts.lastAt !== undefined && now < Date.parse(attempts.lastAt) + sendBackoffMs(attempts.failures))
      continue;
    if (await sendPortabilityPackage(deps, id, signal)) sent++;
  }
  return sent;
}

/** The scheduled job behind `sendPendingPortability`. */
export function portabilitySendJob(deps: RequestDeps) {
  return defineJob({
    kind: 'requests.portability-send',
    maxAttempts: 1,
    timeoutMs: 30 * 60_000,
    handler: async (_payload, ctx) => {
      await sendPendingPortability(withJobQueue(deps, ctx), ctx.signal);
    },
  });
}
