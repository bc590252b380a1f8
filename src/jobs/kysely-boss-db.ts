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
      const query = CompiledQuery.raw(text, values === undefined ? [] : [...values]);
      if (db.isTransaction) return { rows: [...(await db.executeQuery(query)).rows] };
      return db.connection().execute(async (connection) => {
        try {
          return { rows: [...(await connection.executeQuery(query)).rows] };
        } catch (error) {
          // A failed "BEGIN; …; COMMIT;" script (pg-boss's locked maintenance and migrations) leaves its
          // connection inside an aborted transaction; it must not go back to the pool like that.
          await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
          throw error;
        }
      });
    },
  };
}
