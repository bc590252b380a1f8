import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';

/** A column of a bulk insert and its PostgreSQL type (SQLite takes JSON's own types). */
export interface JsonColumn {
  readonly name: string;
  readonly pgType: 'text' | 'integer' | 'bigint';
}

export interface JsonInsert {
  readonly table: keyof Database;
  readonly columns: readonly JsonColumn[];
  /** Upsert: on a conflict of these columns, the other columns take the new row's values. */
  readonly conflictKeys?: readonly string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): RawBuilder<unknown> {
  // Table and column names come from constants in code, never from input; checked anyway before going raw.
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return sql.raw(`"${name}"`);
}

/**
 * Inserts many rows with one statement whose only parameter is the rows as JSON (SQLite json_each over
 * positional arrays, PostgreSQL json_to_recordset). The SQL text is the same for every batch size, so nothing
 * is rebuilt or re-planned per batch, and no statement approaches a bound-parameter limit: the write path of
 * group commit. SQLite reads each row as an array (`value->>0`, `value->>1`, …): no key per value to send
 * and look up; a consent event and its state row insert about a fifth faster than with
 * `json_extract(value, '$.name')` per column.
 */
export async function insertJsonRows(
  trx: Kysely<Database>,
  dialect: Dialect,
  spec: JsonInsert,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map((c) => identifier(c.name));
  const columnList = sql.join(names);
  let source: RawBuilder<unknown>;
  if (dialect === 'sqlite') {
    const json = JSON.stringify(
      rows.map((row) => spec.columns.map((c) => (row as Record<string, unknown>)[c.name] ?? null)),
    );
    // Positions are small integers from the spec, never input.
    const values = spec.columns.map((_, i) => sql.raw(`value->>${i}`));
    source = sql`select ${sql.join(values)} from json_each(${json}) where true`;
  } else {
    source = sql`select ${columnList} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.join(
      spec.columns.map((c) => sql`${identifier(c.name)} ${sql.raw(c.pgType)}`),
    )})`;
  }
  const keys = spec.conflictKeys ?? [];
  const updates = spec.columns
    .filter((c) => !keys.includes(c.name))
    .map((c) => sql`${identifier(c.name)} = excluded.${identifier(c.name)}`);
  const conflict =
    keys.length === 0
      ? sql``
      : sql` on conflict (${sql.join(keys.map(identifier))}) do update set ${sql.join(updates)}`;
  await sql`insert into ${identifier(spec.table)} (${columnList}) ${source}${conflict}`.execute(trx);
}
