import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Store } from '../store/store.ts';

/**
 * What request use cases need. `queue` is absent inside jobs (a job set is built before its queue): status
 * events are then delivered by the `requests.notify-sweep` schedule instead of a job of their own.
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
