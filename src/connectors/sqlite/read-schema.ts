import type Database from 'better-sqlite3';
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaInfo, TableInfo } from '../introspection.ts';
import { uniqueColumns } from '../unique-columns.ts';
import { querySqlite } from './connect.ts';

interface ColumnRow {
  name: string;
  type: string;
  not_null: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}
interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
  partial: number;
}
interface ForeignKeyRow {
  id: number;
  table: string;
  from: string;
  to: string | null;
}

function readColumns(db: Database.Database, table: string, signal: AbortSignal): ColumnRow[] {
  // hidden = 1 marks the hidden columns of virtual tables; 2 and 3 are generated columns, which are real.
  return querySqlite<ColumnRow>(
    db,
    'SELECT name, type, "notnull" AS not_null, dflt_value, pk, hidden FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid',
    [table],
    signal,
  );
}

function primaryKeyOf(columns: readonly ColumnRow[]): string[] {
  return columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

function readIndexes(db: Database.Database, table: string, signal: AbortSignal): IndexInfo[] {
  const list = querySqlite<IndexListRow>(
    db,
    'SELECT name, "unique" AS "unique", origin, partial FROM pragma_index_list(?) ORDER BY name',
    [table],
    signal,
  );
  return list.map((index) => ({
    name: index.name,
    columns: querySqlite<{ name: string | null }>(
      db,
      'SELECT name FROM pragma_index_info(?) ORDER BY seqno',
      [index.name],
      signal,
    ).flatMap((c) => (c.name === null ? [] : [c.name])),
    unique: index.unique === 1 && index.partial === 0,
    primary: index.origin === 'pk',
  }));
}

// SQLite matches names case-insensitively, and a REFERENCES clause keeps the spelling it was written with.
function canonical(name: string, candidates: readonly string[]): string {
  return candidates.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
}

function readForeignKeys(
  db: Database.Database,
  table: string,
  columnsOfTable: (name: string) => readonly ColumnRow[],
  tableNames: readonly string[],
  signal: AbortSignal,
): ForeignKeyInfo[] {
  const rows = querySqlite<ForeignKeyRow>(
    db,
    'SELECT id, "table" AS "table", "from" AS "from", "to" AS "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq',
    [table],
    signal,
  );
  const byId = new Map<number, ForeignKeyRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId].map(([id, parts]) => {
    const referencedTable = canonical(parts[0]?.table ?? '', tableNames);
    const referenced = columnsOfTable(referencedTable).map((c) => c.name);
    // `REFERENCES t` without columns means t's primary key.
    const implicit = primaryKeyOf(columnsOfTable(referencedTable));
    const own = columnsOfTable(table).map((c) => c.name);
    return {
      name: `fk_${table}_${id}`,
      columns: parts.map((p) => canonical(p.from, own)),
      referencedTable,
      referencedColumns: parts.map((p, i) =>
        p.to === null ? (implicit[i] ?? 'rowid') : canonical(p.to, referenced),
      ),
    };
  });
}

/** Reads the tables of a SQLite file through its pragma table functions. */
export function readSqliteSchema(db: Database.Database, database: string, signal: AbortSignal): SchemaInfo {
  const names = querySqlite<{ name: string }>(
    db,
    `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    [],
    signal,
  ).map((row) => row.name);
  const columnsByTable = new Map(names.map((name) => [name, readColumns(db, name, signal)]));
  const columnsOfTable = (name: string) => columnsByTable.get(name) ?? readColumns(db, name, signal);
  const tables: TableInfo[] = names.map((name) => {
    const rows = columnsByTable.get(name) ?? [];
    const primaryKey = primaryKeyOf(rows);
    const indexes = readIndexes(db, name, signal);
    const unique = uniqueColumns(indexes, primaryKey);
    const columns: ColumnInfo[] = rows.map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.not_null === 0 && c.pk === 0,
      unique: unique.has(c.name),
      default: c.dflt_value,
    }));
    return {
      name,
      columns,
      primaryKey,
      foreignKeys: readForeignKeys(db, name, columnsOfTable, names, signal),
      indexes,
    };
  });
  return { engine: 'sqlite', database, tables };
}
