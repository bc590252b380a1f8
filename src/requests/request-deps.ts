import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Store } from '../store/store.ts';

/**
 * What request use cases need. Inside a job `queue` is the job context's `enqueue` (see `withJobQueue`); where
 * it is absent, status events are delivered by the `requests.notify-sweep` schedule and mail by the mail sweep.
 */
export interface RequestDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Pick<
    Config,
    | 'secret'
    | 'publicUrl'
    | 'smtpUrl'
    | 'mailFrom'
    | 'dataDir'
    | 'packageRetentionDays'
    | 'portabilitySecret'
    | 'webhooksAllowLocal'
  >;
  readonly queue?: Pick<JobQueue, 'enqueue'> | undefined;
}

/** The deps for one run of a job: what it writes queues its follow-up jobs (status listeners, mail) at once. */
export function withJobQueue(deps: RequestDeps, ctx: Pick<JobContext, 'enqueue'>): RequestDeps {
  return ctx.enqueue === undefined ? deps : { ...deps, queue: { enqueue: ctx.enqueue } };
}
