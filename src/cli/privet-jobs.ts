import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import { builtInJobs } from '../jobs/built-in-jobs.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import { mailJobs } from '../mail/mail-jobs.ts';
import type { MailTransport } from '../mail/mail-transport.ts';
import type { Store } from '../store/store.ts';

export interface PrivetJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
  readonly transport?: MailTransport;
}

/** Every job kind and schedule of a Privet process; each capability contributes its job set here. */
export function privetJobs(deps: PrivetJobDeps): JobRegistry {
  return builtInJobs(mailJobs(deps));
}
