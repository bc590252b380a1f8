// SQL text for the data operations of the three SQL engines. Identifiers from a data map are quoted by the
// dialect; every value is a placeholder, never part of the text.
import type { DataRow, FieldMatch, ValueTransform } from './data-connection.ts';
import { valueKey } from './distinct-values.ts';
import { quoteIdentifier, type SqlDialect } from './quote-identifier.ts';

/** A statement and its parameters. */
export interface SqlStatement {
  readonly sql: string;
  readonly values: readonly unknown[];
}

/** The most values one statement binds; far below every engine's parameter limit. */
export const MAX_BOUND_VALUES = 1000;

/** The most values one PostgreSQL match binds, as one array parameter. */
export const MAX_ARRAY_VALUES = 100_000;

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

/** A collection's table as a statement names it (PostgreSQL: qualified by the connection's schema). */
export type TableName = (collection: string) => string;

/**
 * `field IN (...)` (PostgreSQL: `= ANY($n)`) for one slice of values, with the transform applied to the column;
 * a nested match (`within`) is `field IN (SELECT select FROM table WHERE <its match>)` (PostgreSQL:
 * `= ANY(ARRAY(SELECT …))`), the values at its bottom.
 */
export function matchCondition(
  dialect: SqlDialect,
  match: FieldMatch,
  values: readonly unknown[],
  first = 1,
  tableName: TableName = (name) => quoteIdentifier(dialect, name),
): SqlStatement {
  const column = quoteIdentifier(dialect, match.field);
  const transform = match.transform ?? 'none';
  if (match.within !== undefined) {
    const { collection, select } = match.within;
    const inner = matchCondition(dialect, match.within.match, values, first, tableName);
    const subquery = `SELECT ${quoteIdentifier(dialect, select)} FROM ${tableName(collection)} WHERE ${inner.sql}`;
    // PostgreSQL: the subquery's values first (one array), then the outer rows by index, as with values
    // bound; `IN (subquery)` may become a hash join over the whole outer table.
    const sql =
      dialect === 'postgres'
        ? `${compared(dialect, column, transform)} = ANY(ARRAY(${subquery}))`
        : `${compared(dialect, column, transform)} IN (${subquery})`;
    return { sql, values: inner.values };
  }
  // One array parameter, typed by the column: a long list is one short statement, parsed once.
  if (dialect === 'postgres')
    return { sql: `${compared(dialect, column, transform)} = ANY($${first})`, values: [values] };
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
  tableName?: TableName,
): SqlStatement {
  const list =
    fields === undefined || fields.length === 0
      ? '*'
      : fields.map((f) => quoteIdentifier(dialect, f)).join(', ');
  const where = matchCondition(dialect, match, values, 1, tableName);
  return { sql: `SELECT ${list} FROM ${table} WHERE ${where.sql}`, values: where.values };
}

/** `SELECT count(*) AS n FROM table WHERE <match>` for one slice of values. */
export function countStatement(
  dialect: SqlDialect,
  table: string,
  match: FieldMatch,
  values: readonly unknown[],
  tableName?: TableName,
): SqlStatement {
  const where = matchCondition(dialect, match, values, 1, tableName);
  return { sql: `SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`, values: where.values };
}

/**
 * `UPDATE table SET a = ?, … WHERE <match>` for one slice of values: the same values on every matching row.
 * PostgreSQL takes each value as text typed by its column (`$n` in an assignment), so a too-long one fails.
 */
export function updateMatchingStatement(
  dialect: SqlDialect,
  table: string,
  set: DataRow,
  match: FieldMatch,
  values: readonly unknown[],
  tableName?: TableName,
): SqlStatement {
  const fields = Object.keys(set);
  if (fields.length === 0) throw new Error('An update needs at least one field to set');
  const assignments = fields.map(
    (f, i) => `${quoteIdentifier(dialect, f)} = ${placeholders(dialect, 1, i + 1)}`,
  );
  const where = matchCondition(dialect, match, values, fields.length + 1, tableName);
  return {
    sql: `UPDATE ${table} SET ${assignments.join(', ')} WHERE ${where.sql}`,
    values: [...fields.map((f) => set[f]), ...where.values],
  };
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

/** The most values a set-based update binds (MySQL allows 65,535, SQLite 32,766). */
export const MAX_BATCH_VALUES = 8000;

/** Rows per set-based update: also bounded because each CASE is scanned for every row it changes. */
export const MAX_BATCH_ROWS = 250;

function sameValue(rows: readonly { set: DataRow }[], field: string): boolean {
  const first = valueKey(rows[0]?.set[field]);
  return rows.every((r) => valueKey(r.set[field]) === first);
}

/**
 * One `UPDATE … SET f = CASE <key> WHEN … THEN … ELSE f END … WHERE <keys>` for rows with the same key and
 * set fields (MySQL/MariaDB, SQLite). A field set to the same value on every row binds it once. The values are
 * bound parameters, so the column's own type and collation decide, as with one statement per row. Key fields
 * must not be among the set fields: MySQL would compare later CASEs against the new key.
 */
export function batchUpdateStatement(
  dialect: 'mysql' | 'sqlite',
  table: string,
  keyFields: readonly string[],
  setFields: readonly string[],
  rows: readonly { key: DataRow; set: DataRow }[],
): SqlStatement {
  const values: unknown[] = [];
  const single = keyFields.length === 1 ? quoteIdentifier(dialect, keyFields[0] ?? '') : undefined;
  const keyTest = (key: DataRow) => {
    values.push(...keyFields.map((f) => key[f]));
    return single !== undefined
      ? '?'
      : `(${keyFields.map((f) => `${quoteIdentifier(dialect, f)} = ?`).join(' AND ')})`;
  };
  const assignments = setFields.map((field) => {
    const column = quoteIdentifier(dialect, field);
    if (sameValue(rows, field)) {
      values.push(rows[0]?.set[field]);
      return `${column} = ?`;
    }
    const branches = rows.map((row) => {
      const test = keyTest(row.key);
      values.push(row.set[field]);
      return `WHEN ${test} THEN ?`;
    });
    return `${column} = CASE ${single ?? ''} ${branches.join(' ')} ELSE ${column} END`;
  });
  const tests = rows.map((row) => keyTest(row.key));
  const where = single !== undefined ? `${single} IN (${tests.join(', ')})` : tests.join(' OR ');
  return { sql: `UPDATE ${table} SET ${assignments.join(', ')} WHERE ${where}`, values };
}
