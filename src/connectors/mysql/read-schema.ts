import type mysql from 'mysql2/promise';
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaInfo, TableInfo } from '../introspection.ts';
import { uniqueColumns } from '../unique-columns.ts';
import { queryMysql } from './connect.ts';

const tablesSql = `
SELECT TABLE_NAME AS name FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`;

const columnsSql = `
SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
       COLUMN_DEFAULT AS default_expr
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`;

const indexesSql = `
SELECT TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS col
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

const foreignKeysSql = `
SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, COLUMN_NAME AS col,
       REFERENCED_TABLE_SCHEMA AS ref_schema, REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_col
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`;

interface ColumnRow {
  tbl: string;
  name: string;
  type: string;
  nullable: string;
  default_expr: string | null;
}
interface IndexRow {
  tbl: string;
  name: string;
  non_unique: number | string;
  col: string | null;
}
interface ForeignKeyRow {
  tbl: string;
  name: string;
  col: string;
  ref_schema: string;
  ref_table: string;
  ref_col: string;
}

function indexesOf(rows: readonly IndexRow[]): IndexInfo[] {
  const byName = new Map<string, { unique: boolean; columns: string[] }>();
  for (const row of rows) {
    const index = byName.get(row.name) ?? { unique: Number(row.non_unique) === 0, columns: [] };
    // Expression parts (MySQL 8 functional indexes) have no column name.
    if (row.col !== null) index.columns.push(row.col);
    byName.set(row.name, index);
  }
  return [...byName].map(([name, i]) => ({
    name,
    columns: i.columns,
    unique: i.unique,
    primary: name === 'PRIMARY',
  }));
}

function foreignKeysOf(rows: readonly ForeignKeyRow[], database: string): ForeignKeyInfo[] {
  const byName = new Map<string, { columns: string[]; refs: string[]; table: string; schema: string }>();
  for (const row of rows) {
    const key = byName.get(row.name) ?? {
      columns: [],
      refs: [],
      table: row.ref_table,
      schema: row.ref_schema,
    };
    key.columns.push(row.col);
    key.refs.push(row.ref_col);
    byName.set(row.name, key);
  }
  return [...byName].map(([name, k]) => ({
    name,
    columns: k.columns,
    referencedTable: k.table,
    ...(k.schema === database ? {} : { referencedNamespace: k.schema }),
    referencedColumns: k.refs,
  }));
}

function byTable<Row extends { tbl: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.tbl, [...(groups.get(row.tbl) ?? []), row]);
  return groups;
}

// MariaDB prints a missing default as the text NULL and quotes literal defaults; MySQL does neither.
function defaultOf(value: string | null): string | null {
  return value === null || value === 'NULL' ? null : value;
}

/** Reads the tables of one database from information_schema (MySQL 5.7+, MariaDB 10.3+). */
export async function readMysqlSchema(
  connection: mysql.Connection,
  database: string,
  signal: AbortSignal,
): Promise<SchemaInfo> {
  const tables = await queryMysql<{ name: string }>(connection, tablesSql, [database], signal);
  const columns = byTable(await queryMysql<ColumnRow>(connection, columnsSql, [database], signal));
  const indexes = byTable(await queryMysql<IndexRow>(connection, indexesSql, [database], signal));
  const foreignKeys = byTable(
    await queryMysql<ForeignKeyRow>(connection, foreignKeysSql, [database], signal),
  );
  const result: TableInfo[] = tables.map(({ name }) => {
    const tableIndexes = indexesOf(indexes.get(name) ?? []);
    const primaryKey = tableIndexes.find((i) => i.primary)?.columns ?? [];
    const unique = uniqueColumns(tableIndexes, primaryKey);
    const tableColumns: ColumnInfo[] = (columns.get(name) ?? []).map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable === 'YES',
      unique: unique.has(c.name),
      default: defaultOf(c.default_expr),
    }));
    return {
      name,
      columns: tableColumns,
      primaryKey,
      foreignKeys: foreignKeysOf(foreignKeys.get(name) ?? [], database),
      indexes: tableIndexes,
    };
  });
  return { engine: 'mysql', database, tables: result };
}
