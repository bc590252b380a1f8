import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

export interface SeedDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Where demo files (the demo shop database) go, and the secret that seals connection URLs. */
  readonly config: Pick<Config, 'dataDir' | 'secret'>;
}

/** One idempotent piece of demo data; runs once per store, inside a transaction. */
export interface SeedStep {
  /** Stable name: recorded in `settings` as `seed:<name>` once the step has run. */
  readonly name: string;
  run(deps: SeedDeps, trx: Kysely<Database>): Promise<void>;
}
