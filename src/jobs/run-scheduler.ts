import type { Clock } from '../domain/clock.ts';
import type { ScheduleDefinition } from './define-schedule.ts';
import type { JobLogger } from './job-logger.ts';
import type { EnqueueResult, JobQueue } from './queue.ts';
import { scheduleSlot } from './schedule-slot.ts';
import { createWakeTimer } from './wake-timer.ts';

/** The idempotency key of one slot of a schedule: the same on every worker, so a slot yields one job. */
export function scheduleSlotKey(schedule: ScheduleDefinition, slot: Date): string {
  return `schedule:${schedule.name}:${slot.toISOString()}`;
}

/** Enqueues the current slot of every schedule (a no-op for slots already enqueued by any worker). */
export async function enqueueScheduledJobs(
  queue: Pick<JobQueue, 'enqueue'>,
  schedules: readonly ScheduleDefinition[],
  now: Date,
  signal?: AbortSignal,
): Promise<EnqueueResult[]> {
  const results: EnqueueResult[] = [];
  for (const schedule of schedules) {
    signal?.throwIfAborted();
    const slot = scheduleSlot(schedule, now);
    results.push(
      await queue.enqueue(schedule.kind, schedule.payload ?? null, {
        idempotencyKey: scheduleSlotKey(schedule, slot),
        runAt: slot,
        ...(signal === undefined ? {} : { signal }),
      }),
    );
  }
  return results;
}

/**
 * Enqueues schedule slots every `tickMs` until the signal aborts. Slots missed while no worker ran are not
 * caught up: only the slot containing the present instant is enqueued.
 */
export async function runScheduler(options: {
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly schedules: readonly ScheduleDefinition[];
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly tickMs: number;
  readonly log: JobLogger;
}): Promise<void> {
  const timer = createWakeTimer();
  while (!options.signal.aborted) {
    try {
      await enqueueScheduledJobs(options.queue, options.schedules, options.clock.now(), options.signal);
    } catch (error) {
      if (!options.signal.aborted) options.log.error({ err: error }, 'could not enqueue scheduled jobs');
    }
    await timer.wait(options.tickMs, options.signal);
  }
}
