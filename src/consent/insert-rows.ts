import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';

/** A column of a bulk insert and its PostgreSQL type (SQLite takes the values as they are). */
export interface RowColumn {
  readonly name: string;
  readonly pgType: 'text' | 'integer' | 'bigint';
}

export interface RowInsert {
  readonly table: keyof Database;
  readonly columns: readonly RowColumn[];
  /** Upsert: on a conflict of these columns, the other columns take the new row's values. */
  readonly conflictKeys?: readonly string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

// SQLite rows go in multi-row VALUES statements of these sizes only (largest first), so that a batch of any
// size uses at most a few distinct statements, each prepared once and then taken from the store's cache.
// 64 rows of 18 columns stay far below SQLite's limit of 32,766 bound parameters.
const SQLITE_CHUNKS = [64, 8, 1] as const;

function quoted(name: string): string {
  // Table and column names come from constants in code, never from input; checked anyway before going raw.
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}

// ` on conflict ("k") do update set "a" = excluded."a", …`, or nothing for a plain insert.
function conflictText(spec: RowInsert): string {
  const keys = spec.conflictKeys ?? [];
  if (keys.length === 0) return '';
  const updates = spec.columns
    .filter((c) => !keys.includes(c.name))
    .map((c) => `${quoted(c.name)} = excluded.${quoted(c.name)}`);
  return ` on conflict (${keys.map(quoted).join(', ')}) do update set ${updates.join(', ')}`;
}

const sqliteTexts = new WeakMap<RowInsert, Map<number, string>>();

// `insert into "t" ("a", "b") values (?, ?), (?, ?) [on conflict …]` for `size` rows, kept per spec.
function sqliteInsertText(spec: RowInsert, size: number): string {
  let bySize = sqliteTexts.get(spec);
  if (bySize === undefined) {
    bySize = new Map();
    sqliteTexts.set(spec, bySize);
  }
  let text = bySize.get(size);
  if (text === undefined) {
    const row = `(${spec.columns.map(() => '?').join(', ')})`;
    text =
      `insert into ${quoted(spec.table)} (${spec.columns.map((c) => quoted(c.name)).join(', ')}) ` +
      `values ${Array.from({ length: size }, () => row).join(', ')}${conflictText(spec)}`;
    bySize.set(size, text);
  }
  return text;
}

/**
 * Inserts many rows in a few statements: the write path of group commit. SQLite takes them as multi-row
 * VALUES in chunks of fixed sizes (one bound value per column, no JSON to parse; a fifth to a third cheaper
 * per row than extracting them from a JSON parameter with json_each). PostgreSQL takes one statement whose
 * only parameter is the rows as JSON (json_to_recordset): one round trip and one plan for any batch size.
 */
export async function insertRows(
  trx: Kysely<Database>,
  dialect: Dialect,
  spec: RowInsert,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    const columnList = sql.raw(spec.columns.map((c) => quoted(c.name)).join(', '));
    const recordset = sql.raw(spec.columns.map((c) => `${quoted(c.name)} ${c.pgType}`).join(', '));
    await sql`insert into ${sql.raw(quoted(spec.table))} (${columnList}) select ${columnList}
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(${recordset})${sql.raw(conflictText(spec))}`.execute(
      trx,
    );
    return;
  }
  // The statement text of each chunk size is built once per spec; only the values are new per batch.
  const names = spec.columns.map((c) => c.name);
  let at = 0;
  for (const size of SQLITE_CHUNKS) {
    while (rows.length - at >= size) {
      const parameters: unknown[] = [];
      for (const row of rows.slice(at, at + size)) {
        for (const name of names) parameters.push((row as Record<string, unknown>)[name] ?? null);
      }
      at += size;
      await trx.executeQuery(CompiledQuery.raw(sqliteInsertText(spec, size), parameters));
    }
  }
}
