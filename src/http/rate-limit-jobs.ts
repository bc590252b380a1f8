import type { JobSet } from '../jobs/built-in-jobs.ts';
import { defineSchedule } from '../jobs/define-schedule.ts';
import { defineJob } from '../jobs/job-definition.ts';
import type { Store } from '../store/store.ts';
import { purgeRateLimitCounters } from './shared-rate-limit-store.ts';

/** The job kind that deletes rate-limit counters whose window has ended. */
export const PURGE_RATE_LIMITS_JOB_KIND = 'http.purge-rate-limits';

/** How often ended counters are deleted, and how long after their window ends. */
export const PURGE_RATE_LIMITS_EVERY_MS = 600_000;

/**
 * On PostgreSQL, where replicas share rate-limit counters, a purge every ten minutes of counters whose window
 * ended: each distinct client leaves a row behind. A SQLite deployment counts in memory and has no job here.
 */
export function rateLimitJobs(deps: { readonly store: Store }): JobSet {
  if (deps.store.dialect !== 'postgres') return { definitions: [], schedules: [] };
  const purge = defineJob({
    kind: PURGE_RATE_LIMITS_JOB_KIND,
    maxAttempts: 3,
    timeoutMs: 5 * 60_000,
    handler: async (_payload, ctx) => {
      const deleted = await purgeRateLimitCounters(deps.store.db, PURGE_RATE_LIMITS_EVERY_MS);
      if (deleted > 0) ctx.log.info({ deleted }, 'ended rate-limit counters deleted');
    },
  });
  return {
    definitions: [purge],
    schedules: [
      defineSchedule({
        name: 'http-purge-rate-limits',
        kind: PURGE_RATE_LIMITS_JOB_KIND,
        every: PURGE_RATE_LIMITS_EVERY_MS,
      }),
    ],
  };
}
