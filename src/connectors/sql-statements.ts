// SQL text for the data operations of the three SQL engines. Identifiers from a data map are quoted by the
// dialect; every value is a placeholder, never part of the text.
import type { DataRow, FieldMatch, ValueTransform } from './data-connection.ts';
import { quoteIdentifier, type SqlDialect } from './quote-identifier.ts';

/** A statement and its parameters. */
export interface SqlStatement {
  readonly sql: string;
  readonly values: readonly unknown[];
}

/** The most values one statement binds; far below every engine's parameter limit. */
export const MAX_BOUND_VALUES = 1000;

function placeholders(dialect: SqlDialect, count: number, first: number): string {
  return Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${first + i}` : '?')).join(', ');
}

function compared(dialect: SqlDialect, column: string, transform: ValueTransform): string {
  if (transform === 'lower_trim') {
    if (dialect === 'postgres') return `lower(trim(CAST(${column} AS text)))`;
    if (dialect === 'mysql') return `CONVERT(LOWER(TRIM(${column})) USING utf8mb4) COLLATE utf8mb4_bin`;
    return `privet_lower_trim(${column})`;
  }
  if (transform === 'phone_digits') {
    if (dialect === 'postgres') return `regexp_replace(CAST(${column} AS text), '[^0-9+]', '', 'g')`;
    if (dialect === 'mysql')
      return `CONVERT(REGEXP_REPLACE(${column}, '[^0-9+]', '') USING utf8mb4) COLLATE utf8mb4_bin`;
    return `privet_phone_digits(${column})`;
  }
  return column;
}

/** `field IN (...)` for one slice of values, with the transform applied to the column. */
export function matchCondition(
  dialect: SqlDialect,
  match: FieldMatch,
  values: readonly unknown[],
  first = 1,
): SqlStatement {
  const column = quoteIdentifier(dialect, match.field);
  const transform = match.transform ?? 'none';
  const list = placeholders(dialect, values.length, first);
  const condition = `${compared(dialect, column, transform)} IN (${list})`;
  // MySQL's usual collations fold case and trailing spaces; `exact` re-checks the bytes after the index lookup.
  if (transform === 'exact' && dialect === 'mysql')
    return { sql: `${condition} AND BINARY ${column} IN (${list})`, values: [...values, ...values] };
  return { sql: condition, values };
}

/** `SELECT fields FROM table WHERE <match>` for one slice of values. */
export function selectStatement(
  dialect: SqlDialect,
  table: string,
  match: FieldMatch,
  values: readonly unknown[],
  fields: readonly string[] | undefined,
): SqlStatement {
  const list =
    fields === undefined || fields.length === 0
      ? '*'
      : fields.map((f) => quoteIdentifier(dialect, f)).join(', ');
  const where = matchCondition(dialect, match, values);
  return { sql: `SELECT ${list} FROM ${table} WHERE ${where.sql}`, values: where.values };
}

/** `SELECT count(*) AS n FROM table WHERE <match>` for one slice of values. */
export function countStatement(
  dialect: SqlDialect,
  table: string,
  match: FieldMatch,
  values: readonly unknown[],
): SqlStatement {
  const where = matchCondition(dialect, match, values);
  return { sql: `SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`, values: where.values };
}

function keyCondition(dialect: SqlDialect, key: DataRow, first: number): SqlStatement {
  const fields = Object.keys(key);
  if (fields.length === 0) throw new Error('A row key needs at least one field');
  const parts = fields.map(
    (f, i) => `${quoteIdentifier(dialect, f)} = ${placeholders(dialect, 1, first + i)}`,
  );
  return { sql: parts.join(' AND '), values: fields.map((f) => key[f]) };
}

/** `UPDATE table SET a = ?, … WHERE <key>` for one row. */
export function updateStatement(
  dialect: SqlDialect,
  table: string,
  key: DataRow,
  set: DataRow,
): SqlStatement {
  const fields = Object.keys(set);
  const assignments = fields.map(
    (f, i) => `${quoteIdentifier(dialect, f)} = ${placeholders(dialect, 1, i + 1)}`,
  );
  const where = keyCondition(dialect, key, fields.length + 1);
  return {
    sql: `UPDATE ${table} SET ${assignments.join(', ')} WHERE ${where.sql}`,
    values: [...fields.map((f) => set[f]), ...where.values],
  };
}

/** `DELETE FROM table WHERE <key> OR <key> …` for a slice of keys with the same fields. */
export function deleteStatement(dialect: SqlDialect, table: string, keys: readonly DataRow[]): SqlStatement {
  const fields = Object.keys(keys[0] ?? {});
  if (fields.length === 1 && fields[0] !== undefined) {
    const values = keys.map((k) => k[fields[0] ?? '']);
    const column = quoteIdentifier(dialect, fields[0]);
    return {
      sql: `DELETE FROM ${table} WHERE ${column} IN (${placeholders(dialect, values.length, 1)})`,
      values,
    };
  }
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const key of keys) {
    const condition = keyCondition(dialect, key, values.length + 1);
    parts.push(`(${condition.sql})`);
    values.push(...condition.values);
  }
  return { sql: `DELETE FROM ${table} WHERE ${parts.join(' OR ')}`, values };
}
