import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';

/** What the auth use cases need. */
export interface AuthDeps {
  readonly store: Store;
  readonly clock: Clock;
}
