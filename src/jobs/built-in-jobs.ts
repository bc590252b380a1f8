import { createJobRegistry, type JobRegistry } from './job-registry.ts';
import { systemEchoJob } from './system-echo-job.ts';

/** The registry of every job kind and schedule Privet ships; each capability adds its definitions here. */
export function builtInJobs(): JobRegistry {
  return createJobRegistry([systemEchoJob], { schedules: [] });
}
