import type mysql from 'mysql2/promise';
import type { SampleValue } from '../introspection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { queryMysql } from './connect.ts';

/** Up to `n` non-null values of `table.column`, cast to text by the server. */
export async function sampleMysqlValues(
  connection: mysql.Connection,
  table: string,
  column: string,
  n: number,
  signal: AbortSignal,
): Promise<readonly SampleValue[]> {
  const col = quoteIdentifier('mysql', column);
  const rows = await queryMysql<{ v: string | Buffer }>(
    connection,
    `SELECT CAST(${col} AS CHAR) AS v FROM ${quoteIdentifier('mysql', table)} WHERE ${col} IS NOT NULL LIMIT ?`,
    [n],
    signal,
  );
  return rows.map((row) => (typeof row.v === 'string' ? row.v : row.v.toString('utf8')));
}
