import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Database } from '../store/schema.ts';

/**
 * Lets pg-boss run its SQL through a Kysely handle: the store's pool (no second pool per process), or an open
 * transaction, so that a pg-boss send, fetch or complete commits or rolls back together with the `jobs` row.
 */
export function kyselyBossDb(db: Kysely<Database>): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: readonly unknown[]) => {
      // Without parameters pg uses the simple protocol, which pg-boss needs for its multi-statement scripts.
      const result = await db.executeQuery(CompiledQuery.raw(text, values === undefined ? [] : [...values]));
      return { rows: [...result.rows] };
    },
  };
}
