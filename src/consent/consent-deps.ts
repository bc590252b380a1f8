import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';

/** What consent use cases need. */
export interface ConsentDeps {
  readonly store: Store;
  readonly clock: Clock;
}
