import type { Config } from '../../config/load-config.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';

/** What marketing use cases need: the store, time, and the secret, public URL and mail settings. */
export interface MarketingDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Pick<Config, 'secret' | 'publicUrl' | 'smtpUrl' | 'mailFrom'>;
}
