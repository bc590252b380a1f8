import { CronExpressionParser } from 'cron-parser';
import { PrivetError } from '../domain/errors.ts';

interface ScheduleBase {
  /** Part of every slot's idempotency key, so renaming a schedule starts a new series. */
  readonly name: string;
  readonly kind: string;
  readonly payload?: unknown;
}

/** A recurring job: by cron expression (5 or 6 fields, UTC unless a time zone is named) or every N ms. */
export type ScheduleDefinition = ScheduleBase &
  (
    | { readonly cron: string; readonly timezone?: string; readonly every?: undefined }
    | { readonly every: number; readonly cron?: undefined; readonly timezone?: undefined }
  );

const NAME = /^[a-z0-9][a-z0-9_.-]*$/;

/** Declares a recurring job; throws when the name, cron expression or interval is malformed. */
export function defineSchedule(spec: ScheduleDefinition): ScheduleDefinition {
  if (!NAME.test(spec.name))
    throw new PrivetError('internal', `Schedule name "${spec.name}" must be kebab or dotted`);
  if (spec.cron !== undefined) {
    try {
      CronExpressionParser.parse(spec.cron, { tz: spec.timezone ?? 'UTC', strict: false });
    } catch (error) {
      throw new PrivetError('internal', `Schedule "${spec.name}": bad cron expression "${spec.cron}"`, {
        cause: error,
      });
    }
  } else if (!Number.isInteger(spec.every) || spec.every < 1000) {
    throw new PrivetError(
      'internal',
      `Schedule "${spec.name}": every must be a whole number of ms, at least 1000`,
    );
  }
  return spec;
}
