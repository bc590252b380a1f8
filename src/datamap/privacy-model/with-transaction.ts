import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { PRIVACY_MODEL_LOCK } from './privacy-model-deps.ts';

/**
 * Runs `fn` in the caller's transaction when one is given (a seed step), else in a new one that holds the
 * privacy-model lock, so that a check and the write it guards cannot interleave with another writer.
 */
export function withTransaction<T>(
  store: Store,
  trx: Kysely<Database> | undefined,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return trx === undefined ? store.transaction(fn, { lock: PRIVACY_MODEL_LOCK }) : fn(trx);
}
