import { defineJob } from '../../jobs/job-definition.ts';
import { withJobQueue, type RequestDeps } from '../request-deps.ts';
import { expireUnverifiedRequests } from './expire-unverified-requests.ts';
import { purgeExpiredPackages } from '../delivery/purge-expired-packages.ts';
import { remindTaskAssignees } from '../tasks/remind-task-assignees.ts';
import { pruneThrottle } from '../throttle/hit-throttle.ts';

/** How often the maintenance job runs. */
export const MAINTENANCE_EVERY_MS = 10 * 60_000;

/** The scheduled upkeep of requests: expire unverified ones, purge old packages, remind assignees, prune counters. */
export function maintenanceJob(deps: RequestDeps) {
  return defineJob({
    kind: 'requests.maintenance',
    maxAttempts: 1,
    timeoutMs: 30 * 60_000,
    handler: async (_payload, ctx) => {
      const run = withJobQueue(deps, ctx);
      const expired = await expireUnverifiedRequests(run);
      const purged = await purgeExpiredPackages(run);
      const reminded = await remindTaskAssignees(run);
      await pruneThrottle(run);
      ctx.log.info({ expired, purged, reminded }, 'request maintenance');
    },
  });
}
