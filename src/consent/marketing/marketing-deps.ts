import type { Config } from '../../config/load-config.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import type { SharedDecider } from '../decisions/shared-decider.ts';

/** What marketing use cases need: the store, time, the process's decider, and the secret, public URL and mail settings. */
export interface MarketingDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Campaign sends check each recipient's purpose decision with it. */
  readonly decisions: SharedDecider;
  readonly config: Pick<Config, 'secret' | 'publicUrl' | 'smtpUrl' | 'mailFrom'>;
}
