import type { Config } from '../config/load-config.ts';
import { defineSchedule, type ScheduleDefinition } from '../jobs/define-schedule.ts';
import { defineJob, type JobDefinition } from '../jobs/job-definition.ts';
import type { ConsentDeps } from './consent-deps.ts';
import { purgeConsentPostKeys } from './purge-consent-post-keys.ts';

/** The job kind that deletes expired idempotency keys of banner posts. */
export const PURGE_POST_KEYS_JOB_KIND = 'consent.purge-post-keys';

/** How often expired post keys are deleted: hourly keeps each run small. */
export const PURGE_POST_KEYS_EVERY_MS = 3_600_000;

/** The consent jobs: the hourly purge of post idempotency keys older than PRIVET_CONSENT_RETRY_DAYS. */
export function consentJobs(
  deps: ConsentDeps & { readonly config: Pick<Config, 'consentKeyRetentionDays'> },
): { definitions: JobDefinition[]; schedules: ScheduleDefinition[] } {
  const purge = defineJob({
    kind: PURGE_POST_KEYS_JOB_KIND,
    maxAttempts: 3,
    timeoutMs: 10 * 60_000,
    handler: async (_payload, ctx) => {
      const deleted = await purgeConsentPostKeys(deps, deps.config.consentKeyRetentionDays);
      if (deleted > 0) ctx.log.info({ deleted }, 'expired consent post keys deleted');
    },
  });
  return {
    definitions: [purge],
    schedules: [
      defineSchedule({
        name: 'consent-purge-post-keys',
        kind: PURGE_POST_KEYS_JOB_KIND,
        every: PURGE_POST_KEYS_EVERY_MS,
      }),
    ],
  };
}
