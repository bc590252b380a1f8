import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import type { DefaultTaxonomy } from '../taxonomy/load-default-taxonomy.ts';

/** What the privacy side of the data map needs: the store, the time, and the shipped taxonomy. */
export interface PrivacyModelDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** From `loadDefaultTaxonomy()`, read once by the caller. */
  readonly taxonomyDefaults: DefaultTaxonomy;
}

/** The lock every privacy-model write takes, so check-then-write is atomic on PostgreSQL too. */
export const PRIVACY_MODEL_LOCK = 'privet:privacy-model';
