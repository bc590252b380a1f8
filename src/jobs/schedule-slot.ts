import { CronExpressionParser } from 'cron-parser';
import type { ScheduleDefinition } from './define-schedule.ts';

/**
 * The start of the schedule's slot that contains `now`: the latest cron occurrence at or before it, or `now`
 * rounded down to a multiple of `every` since the epoch. Every worker computes the same slot for the same instant.
 */
export function scheduleSlot(schedule: ScheduleDefinition, now: Date): Date {
  if (schedule.cron === undefined)
    return new Date(Math.floor(now.getTime() / schedule.every) * schedule.every);
  // prev() is strictly before its start, and occurrences fall on whole seconds: starting 1 ms past the current
  // second makes an occurrence at exactly this second count as the current slot.
  const start = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1);
  const expression = CronExpressionParser.parse(schedule.cron, {
    currentDate: start,
    tz: schedule.timezone ?? 'UTC',
    strict: false,
  });
  return new Date(expression.prev().getTime());
}
