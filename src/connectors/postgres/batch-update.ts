import type pg from 'pg';
import type { DataRow } from '../data-connection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import type { SqlStatement } from '../sql-statements.ts';
import { queryPostgres } from './connect.ts';

/**
 * Rows per set-based update: one text array per key column and per field whose value differs between rows,
 * so the limit is the statement's size only (a few MB at most for 20,000 rows of wide values).
 */
export const POSTGRES_BATCH_ROWS = 20_000;

/** Column name → type without modifiers (`character varying`, `integer[]`), as casts from text take them. */
export type ColumnTypes = ReadonlyMap<string, string>;

/** The table's column types, for casting the text arrays a set-based update binds. */
export async function readColumnTypes(
  client: pg.Client,
  table: string,
  signal: AbortSignal,
): Promise<ColumnTypes> {
  const rows = await queryPostgres(
    client,
    `SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute
     WHERE attrelid = CAST($1 AS regclass) AND attnum > 0 AND NOT attisdropped`,
    [table],
    signal,
  );
  return new Map(rows.map((r) => [String(r.name), String(r.type)]));
}

function arrayLiteral(items: readonly unknown[]): string {
  const element = (item: unknown): string => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${(postgresText(item) ?? '').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  };
  return `{${items.map(element).join(',')}}`;
}

/** A value in PostgreSQL's text input form, as the driver would send it as a parameter. */
export function postgresText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

// True when every row sets the field to the same value: it is then bound once rather than as an array.
// Rows that share their `set` object (erasure nulling the same fields on every row) are not compared.
function oneValue(rows: readonly { set: DataRow }[], field: string): boolean {
  const set = rows[0]?.set;
  if (rows.every((r) => r.set === set)) return true;
  const first = postgresText(set?.[field]);
  return rows.every((r) => postgresText(r.set[field]) === first);
}

/**
 * `UPDATE table AS t SET f = v.f::type … FROM unnest($1::text[], …) AS v(…) WHERE t.k = v.k::type`: one
 * statement for rows with the same key and set fields, one text array per key column and per field whose
 * value differs between rows; a field set to one value on every row (null, a fixed text) is one parameter,
 * so that the statement carries and joins only the keys. The casts go to the column's type without its
 * length, so that a too-long value fails on assignment as it would unbatched.
 */
export function postgresBatchUpdate(
  table: string,
  types: ColumnTypes,
  keyFields: readonly string[],
  setFields: readonly string[],
  rows: readonly { key: DataRow; set: DataRow }[],
): SqlStatement {
  const typeOf = (field: string) => {
    const type = types.get(field);
    if (type === undefined) throw new Error(`${table} has no column ${field}`);
    return type;
  };
  const q = (name: string) => quoteIdentifier('postgres', name);
  const values: unknown[] = [];
  const arrays: string[] = [];
  const columns: string[] = [];
  const array = (items: unknown[]) => {
    values.push(items);
    columns.push(`c${columns.length + 1}`);
    arrays.push(`CAST($${values.length} AS text[])`);
    return `v.${columns[columns.length - 1] ?? ''}`;
  };
  const where = keyFields.map(
    (f) => `t.${q(f)} = CAST(${array(rows.map((r) => postgresText(r.key[f])))} AS ${typeOf(f)})`,
  );
  const assignments = setFields.map((f) => {
    if (oneValue(rows, f)) {
      values.push(postgresText(rows[0]?.set[f]));
      return `${q(f)} = CAST(CAST($${values.length} AS text) AS ${typeOf(f)})`;
    }
    return `${q(f)} = CAST(${array(rows.map((r) => postgresText(r.set[f])))} AS ${typeOf(f)})`;
  });
  return {
    sql: `UPDATE ${table} AS t SET ${assignments.join(', ')} FROM unnest(${arrays.join(', ')}) AS v(${columns.join(', ')}) WHERE ${where.join(' AND ')}`,
    values,
  };
}
