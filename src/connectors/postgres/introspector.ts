import type { PostgresConnection } from '../connection-url.ts';
import type { Introspector } from '../introspection.ts';
import { connectPostgres, queryPostgres } from './connect.ts';
import { readPostgresSchema } from './read-schema.ts';
import { samplePostgresValues } from './sample-values.ts';

/** Connects a read-only session and returns the PostgreSQL introspector for the URL's schema. */
export async function openPostgresIntrospector(
  target: PostgresConnection,
  signal: AbortSignal,
): Promise<Introspector> {
  const client = await connectPostgres(target, signal);
  let closed = false;
  try {
    // Discovery only reads; the server enforces it.
    await queryPostgres(client, 'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY', [], signal);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    engine: 'postgres',
    readSchema: (s) => readPostgresSchema(client, target.database, target.schema, s),
    sampleValues: (table, column, n, s) => samplePostgresValues(client, target.schema, table, column, n, s),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
