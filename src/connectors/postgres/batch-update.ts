import type pg from 'pg';
import type { DataRow } from '../data-connection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import type { SqlStatement } from '../sql-statements.ts';
import { queryPostgres } from './connect.ts';

/** Rows per set-based update: one text array per column, so the limit is the statement's size only. */
export const POSTGRES_BATCH_ROWS = 5000;

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

/**
 * `UPDATE table AS t SET f = v.f::type … FROM unnest($1::text[], …) AS v(…) WHERE t.k = v.k::type`: one
 * statement for rows with the same key and set fields, one text array per column. The casts go to the
 * column's type without its length, so that a too-long value fails on assignment as it would unbatched.
 */
export function postgresBatchUpdate(
  table: string,
  types: ColumnTypes,
  keyFields: readonly string[],
  setFields: readonly string[],
  rows: readonly { key: DataRow; set: DataRow }[],
): SqlStatement {
  const columns = [...keyFields, ...setFields].map((_, i) => `c${i + 1}`);
  const column = (i: number) => columns[i] ?? '';
  const typeOf = (field: string) => {
    const type = types.get(field);
    if (type === undefined) throw new Error(`${table} has no column ${field}`);
    return type;
  };
  const q = (name: string) => quoteIdentifier('postgres', name);
  const assignments = setFields.map(
    (f, i) => `${q(f)} = CAST(v.${column(keyFields.length + i)} AS ${typeOf(f)})`,
  );
  const where = keyFields.map((f, i) => `t.${q(f)} = CAST(v.${column(i)} AS ${typeOf(f)})`);
  const arrays = columns.map((_, i) => `CAST($${i + 1} AS text[])`);
  const values = [
    ...keyFields.map((f) => rows.map((r) => postgresText(r.key[f]))),
    ...setFields.map((f) => rows.map((r) => postgresText(r.set[f]))),
  ];
  return {
    sql: `UPDATE ${table} AS t SET ${assignments.join(', ')} FROM unnest(${arrays.join(', ')}) AS v(${columns.join(', ')}) WHERE ${where.join(' AND ')}`,
    values,
  };
}
