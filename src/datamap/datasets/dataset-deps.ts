import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';

/** What the dataset use cases need: the store and the clock (for timestamps and audit entries). */
export interface DatasetDeps {
  readonly store: Store;
  readonly clock: Clock;
}
