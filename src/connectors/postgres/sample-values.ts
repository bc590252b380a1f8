import type pg from 'pg';
import type { SampleValue } from '../introspection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { queryPostgres } from './connect.ts';

/** Up to `n` non-null values of `schema.table.column`, cast to text by the server. */
export async function samplePostgresValues(
  client: pg.Client,
  schema: string,
  table: string,
  column: string,
  n: number,
  signal: AbortSignal,
): Promise<readonly SampleValue[]> {
  const col = quoteIdentifier('postgres', column);
  const from = `${quoteIdentifier('postgres', schema)}.${quoteIdentifier('postgres', table)}`;
  const rows = await queryPostgres<{ v: string }>(
    client,
    `SELECT ${col}::text AS v FROM ${from} WHERE ${col} IS NOT NULL LIMIT $1`,
    [n],
    signal,
  );
  return rows.map((row) => row.v);
}
