import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';

/** What notice use cases need. */
export interface NoticeDeps {
  readonly store: Store;
  readonly clock: Clock;
}
