import type { ScheduleDefinition } from './define-schedule.ts';
import type { JobDefinition } from './job-definition.ts';
import { createJobRegistry, type JobRegistry } from './job-registry.ts';
import { systemEchoJob } from './system-echo-job.ts';

export interface JobSet {
  readonly definitions: readonly JobDefinition[];
  readonly schedules: readonly ScheduleDefinition[];
}

/** A registry of the system jobs plus the job sets of the capabilities passed in. */
export function builtInJobs(...sets: readonly JobSet[]): JobRegistry {
  return createJobRegistry([systemEchoJob, ...sets.flatMap((s) => s.definitions)], {
    schedules: sets.flatMap((s) => s.schedules),
  });
}
