import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import { defineJob, type JobContext, type JobDefinition } from '../jobs/job-definition.ts';
import { defineSchedule, type ScheduleDefinition } from '../jobs/define-schedule.ts';
import type { Store } from '../store/store.ts';
import type { RequestStatusListener } from './lifecycle/request-status-listener.ts';
import { notifyStatusEvent, pendingStatusEvents, statusChangedJob } from './lifecycle/status-changed-job.ts';
import type { RequestDeps } from './request-deps.ts';
import { executeRequestJob } from './execution/execute-request-job.ts';
import { maintenanceJob, MAINTENANCE_EVERY_MS } from './staff/maintenance-job.ts';
import { portabilitySendJob, PORTABILITY_SEND_EVERY_MS } from './delivery/portability-send-job.ts';

/** What the request jobs need (a job set is built before the queue, so there is none here). */
export interface RequestJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
}

/** How often status events that no job delivered yet are handed to the listeners. */
export const NOTIFY_SWEEP_EVERY_MS = 15_000;

/**
 * The request jobs: status listeners (`requests.status-changed` plus a sweep for events whose job was not queued),
 * execution of verified requests, and the maintenance schedule (expiry, package purge, task reminders).
 */
export function requestJobs(
  deps: RequestJobDeps,
  options: { readonly listeners: readonly RequestStatusListener[] },
): { definitions: JobDefinition[]; schedules: ScheduleDefinition[] } {
  const requestDeps: RequestDeps = { store: deps.store, clock: deps.clock, config: deps.config };
  // Hands status events not yet delivered to the listeners; what fails stays pending for the next try.
  const deliverPending = async (before: Date, ctx: JobContext): Promise<void> => {
    for (const eventId of await pendingStatusEvents(deps.store, before.toISOString(), 500)) {
      try {
        await notifyStatusEvent(deps, options.listeners, eventId, ctx.signal);
      } catch (error) {
        ctx.log.warn(
          { eventId, reason: error instanceof Error ? error.message : String(error) },
          'status listener failed',
        );
      }
    }
  };
  const sweep = defineJob({
    kind: 'requests.notify-sweep',
    maxAttempts: 1,
    timeoutMs: 10 * 60_000,
    // A minute's grace: an event's own `requests.status-changed` job (queued through the job context when a job
    // wrote it) normally delivers it first; the sweep catches any whose queuing failed.
    handler: (_payload, ctx) => deliverPending(new Date(deps.clock.now().getTime() - 60_000), ctx),
  });
  return {
    definitions: [
      statusChangedJob(deps, options.listeners),
      sweep,
      executeRequestJob(requestDeps),
      maintenanceJob(requestDeps),
      portabilitySendJob(requestDeps),
    ],
    schedules: [
      defineSchedule({
        name: 'requests-notify-sweep',
        kind: 'requests.notify-sweep',
        every: NOTIFY_SWEEP_EVERY_MS,
      }),
      defineSchedule({
        name: 'requests-maintenance',
        kind: 'requests.maintenance',
        every: MAINTENANCE_EVERY_MS,
      }),
      defineSchedule({
        name: 'requests-portability-send',
        kind: 'requests.portability-send',
        every: PORTABILITY_SEND_EVERY_MS,
      }),
    ],
  };
}
