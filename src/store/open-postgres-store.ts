import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

const INT8_OID = 20;

const int8AsNumber = ((oid: number, format: 'text' | 'binary' = 'text'): unknown =>
  oid === INT8_OID
    ? (value: string) => Number(value)
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

/** Opens a pooled PostgreSQL store. 64-bit integers come back as numbers (sequence values stay below 2^53). */
export function openPostgresStore(url: string, options: { poolSize?: number } = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: int8AsNumber },
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  return {
    dialect: 'postgres',
    db,
    transaction: (fn, txOptions) =>
      db.transaction().execute(async (trx) => {
        if (txOptions?.lock !== undefined) {
          await sql`select pg_advisory_xact_lock(hashtext(${txOptions.lock}))`.execute(trx);
        }
        return fn(trx);
      }),
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    ping: async (signal) => {
      signal?.throwIfAborted();
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
