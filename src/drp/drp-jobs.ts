import { defineJob, type JobDefinition } from '../jobs/job-definition.ts';
import { defineSchedule, type ScheduleDefinition } from '../jobs/define-schedule.ts';
import { deliverStatusCallback, type CallbackDeps } from './deliver-status-callback.ts';

/** How often owed status callbacks are retried. */
export const CALLBACK_SWEEP_EVERY_MS = 30_000;
const SWEEP_BATCH = 100;

/** Sends every status callback that is due; returns how each attempt ended. */
export async function sweepStatusCallbacks(
  deps: CallbackDeps,
  signal: AbortSignal,
): Promise<Record<string, number>> {
  const now = deps.clock.now().toISOString();
  const due = await deps.store.db
    .selectFrom('drp_callbacks')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .limit(SWEEP_BATCH)
    .execute();
  const outcomes: Record<string, number> = {};
  for (const { id } of due) {
    signal.throwIfAborted();
    const outcome = await deliverStatusCallback(deps, id, signal);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}

/** The DRP job set: the sweep that retries owed status callbacks. */
export function drpJobs(deps: CallbackDeps): {
  definitions: JobDefinition[];
  schedules: ScheduleDefinition[];
} {
  const sweep = defineJob({
    kind: 'drp.status-callbacks',
    maxAttempts: 1,
    timeoutMs: 10 * 60_000,
    handler: async (_payload, ctx) => {
      const outcomes = await sweepStatusCallbacks(deps, ctx.signal);
      if (Object.keys(outcomes).length > 0) ctx.log.info({ outcomes }, 'DRP status callbacks');
    },
  });
  return {
    definitions: [sweep],
    schedules: [
      defineSchedule({
        name: 'drp-status-callbacks',
        kind: 'drp.status-callbacks',
        every: CALLBACK_SWEEP_EVERY_MS,
      }),
    ],
  };
}
