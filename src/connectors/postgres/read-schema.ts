import type pg from 'pg';
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaInfo, TableInfo } from '../introspection.ts';
import { uniqueColumns } from '../unique-columns.ts';
import { queryPostgres } from './connect.ts';

// Root tables only: partitions and inheritance children are read through their root, so a partitioned or
// inherited table is one table here, whatever its children declare.
const tablesSql = `
SELECT c.oid::text AS oid, c.relname::text AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
ORDER BY c.relname`;

const columnsSql = `
SELECT a.attrelid::text AS oid, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS nullable,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_expr
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

const keyColumns = (relid: string, keys: string, limit = '') => `
ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = ${relid} AND a.attnum = k.attnum ${limit} ORDER BY k.ord)`;

const primaryKeysSql = `
SELECT con.conrelid::text AS oid, ${keyColumns('con.conrelid', 'con.conkey')} AS columns
FROM pg_constraint con WHERE con.contype = 'p' AND con.conrelid = ANY($1::oid[])`;

// Partial unique indexes do not make a column unique; INCLUDE columns are not key columns.
const indexesSql = `
SELECT i.indrelid::text AS oid, ic.relname::text AS name, i.indisprimary AS primary,
       (i.indisunique AND i.indpred IS NULL) AS unique,
       ${keyColumns('i.indrelid', 'i.indkey::int2[]', 'WHERE k.ord <= i.indnkeyatts')} AS columns
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE i.indrelid = ANY($1::oid[])
ORDER BY ic.relname`;

// Foreign keys declared on the roots or on any partition/child (even only there), reported on the root and
// pointing at the referenced root. Clones of a parent's constraint (conparentid <> 0) are skipped.
const foreignKeysSql = `
WITH RECURSIVE tree(relid, root) AS (
  SELECT c.oid, c.oid FROM pg_class c WHERE c.oid = ANY($1::oid[])
  UNION
  SELECT i.inhrelid, t.root FROM pg_inherits i JOIN tree t ON i.inhparent = t.relid
), up(relid, top) AS (
  SELECT con.confrelid, con.confrelid FROM pg_constraint con JOIN tree t ON con.conrelid = t.relid
  WHERE con.contype = 'f'
  UNION
  SELECT up.relid, i.inhparent FROM up JOIN pg_inherits i ON i.inhrelid = up.top
)
SELECT con.conname::text AS name, t.root::text AS oid, rc.relname::text AS referenced_table,
       rn.nspname::text AS referenced_schema,
       ${keyColumns('con.conrelid', 'con.conkey')} AS columns,
       ${keyColumns('con.confrelid', 'con.confkey')} AS referenced_columns
FROM pg_constraint con
JOIN tree t ON t.relid = con.conrelid
JOIN up ON up.relid = con.confrelid AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = up.top)
JOIN pg_class rc ON rc.oid = up.top
JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype = 'f' AND con.conparentid = 0
ORDER BY t.root, con.conname`;

interface ColumnRow {
  oid: string;
  name: string;
  type: string;
  nullable: boolean;
  default_expr: string | null;
}
interface KeyRow {
  oid: string;
  columns: string[];
}
interface IndexRow extends KeyRow {
  name: string;
  primary: boolean;
  unique: boolean;
}
interface ForeignKeyRow extends KeyRow {
  name: string;
  referenced_table: string;
  referenced_schema: string;
  referenced_columns: string[];
}

function groupBy<Row extends { oid: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.oid, [...(groups.get(row.oid) ?? []), row]);
  return groups;
}

function foreignKeysOf(rows: readonly ForeignKeyRow[], schema: string): ForeignKeyInfo[] {
  const seen = new Map<string, ForeignKeyInfo>();
  for (const row of rows) {
    // The same key declared on every partition is one key of the table.
    const signature = JSON.stringify([
      row.columns,
      row.referenced_schema,
      row.referenced_table,
      row.referenced_columns,
    ]);
    if (seen.has(signature)) continue;
    seen.set(signature, {
      name: row.name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      ...(row.referenced_schema === schema ? {} : { referencedNamespace: row.referenced_schema }),
      referencedColumns: row.referenced_columns,
    });
  }
  return [...seen.values()];
}

/** Reads the tables of one schema from pg_catalog. */
export async function readPostgresSchema(
  client: pg.Client,
  database: string,
  schema: string,
  signal: AbortSignal,
): Promise<SchemaInfo> {
  const tables = await queryPostgres<{ oid: string; name: string }>(client, tablesSql, [schema], signal);
  const oids = [tables.map((t) => t.oid)];
  const columns = groupBy(await queryPostgres<ColumnRow>(client, columnsSql, oids, signal));
  const primaryKeys = groupBy(await queryPostgres<KeyRow>(client, primaryKeysSql, oids, signal));
  const indexes = groupBy(await queryPostgres<IndexRow>(client, indexesSql, oids, signal));
  const foreignKeys = groupBy(await queryPostgres<ForeignKeyRow>(client, foreignKeysSql, oids, signal));
  const result: TableInfo[] = tables.map(({ oid, name }) => {
    const primaryKey = primaryKeys.get(oid)?.[0]?.columns ?? [];
    const tableIndexes: IndexInfo[] = (indexes.get(oid) ?? []).map((i) => ({
      name: i.name,
      columns: i.columns,
      unique: i.unique,
      primary: i.primary,
    }));
    const unique = uniqueColumns(tableIndexes, primaryKey);
    const tableColumns: ColumnInfo[] = (columns.get(oid) ?? []).map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable,
      unique: unique.has(c.name),
      default: c.default_expr,
    }));
    // A child's own columns cannot be read through its parent, nor can keys on them.
    const names = new Set(tableColumns.map((c) => c.name));
    return {
      name,
      columns: tableColumns,
      primaryKey,
      foreignKeys: foreignKeysOf(foreignKeys.get(oid) ?? [], schema).filter((fk) =>
        fk.columns.every((c) => names.has(c)),
      ),
      indexes: tableIndexes,
    };
  });
  return { engine: 'postgres', database, schema, tables: result };
}
