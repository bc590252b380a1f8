import type pg from 'pg';
import { queryPostgres } from './connect.ts';

// Every schema change (CREATE, ALTER, DROP, RENAME of a table, column, default, key, index, type or schema)
// writes new versions of rows in these catalogs, and a new row version carries the id of the transaction
// that wrote it (xmin), which no row visible before had. So the sorted list of xmins of the catalog rows
// describing the database's own objects (oid >= 16384, FirstNormalObjectId) differs after any such change,
// wherever it happened in the database. The postmaster's start time and the database's oid tell another
// server or a recreated database apart. Only the rows are read, not their content: one cheap statement.
const versionSql = `
SELECT md5(string_agg(v, ',' ORDER BY v)) AS digest, pg_postmaster_start_time()::text AS started,
       (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database
FROM (
  SELECT 'n' || xmin::text AS v FROM pg_namespace
  UNION ALL SELECT 'c' || xmin::text FROM pg_class WHERE oid >= 16384
  UNION ALL SELECT 'a' || xmin::text FROM pg_attribute WHERE attrelid >= 16384
  UNION ALL SELECT 'd' || xmin::text FROM pg_attrdef WHERE adrelid >= 16384
  UNION ALL SELECT 'k' || xmin::text FROM pg_constraint WHERE conrelid >= 16384
  UNION ALL SELECT 'i' || xmin::text FROM pg_index WHERE indrelid >= 16384
  UNION ALL SELECT 'h' || xmin::text FROM pg_inherits
  UNION ALL SELECT 't' || xmin::text FROM pg_type WHERE oid >= 16384
) AS catalog`;

/** A text that changes whenever the database's tables, columns, keys, indexes or types change. */
export async function postgresSchemaVersion(client: pg.Client, signal: AbortSignal): Promise<string> {
  const [row] = await queryPostgres<{ digest: string | null; started: string; database: string }>(
    client,
    versionSql,
    [],
    signal,
  );
  return `${row?.started ?? ''}/${row?.database ?? ''}/${row?.digest ?? ''}`;
}
