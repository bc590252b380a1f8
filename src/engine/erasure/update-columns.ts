import type { RowUpdate } from '../../connectors/data-connection.ts';
import type { PreparedChange } from './prepared-change.ts';

/**
 * A run of consecutive updates naming the same key and set fields, stored by column: each key field's values,
 * and per set field either the one value every row gets (`one`) or each row's (`each`). Erasure sets most
 * fields to the same value (null) on thousands of rows; by column, its checkpoint is the keys and little else.
 */
export interface UpdateColumns {
  readonly rows: number;
  readonly key: Readonly<Record<string, readonly unknown[]>>;
  readonly set: Readonly<Record<string, { readonly one: unknown } | { readonly each: readonly unknown[] }>>;
}

function sameFields(row: object, fields: readonly string[]): boolean {
  const names = Object.keys(row);
  return names.length === fields.length && names.every((name, i) => name === fields[i]);
}

// Strictly the same value: 1 and '1' stay apart, objects (bytes, documents) are never shared.
function sameScalar(a: unknown, b: unknown): boolean {
  return a === b && (a === null || typeof a !== 'object');
}

/** The updates as runs of columns, in their order. */
export function toUpdateColumns(updates: readonly RowUpdate[]): UpdateColumns[] {
  const runs: { keyFields: string[]; setFields: string[]; rows: RowUpdate[] }[] = [];
  let run: (typeof runs)[number] | undefined;
  for (const update of updates) {
    if (
      run === undefined ||
      !sameFields(update.key, run.keyFields) ||
      !sameFields(update.set, run.setFields)
    ) {
      run = { keyFields: Object.keys(update.key), setFields: Object.keys(update.set), rows: [] };
      runs.push(run);
    }
    run.rows.push(update);
  }
  return runs.map(({ keyFields, setFields, rows }) => {
    const [first] = rows;
    return {
      rows: rows.length,
      key: Object.fromEntries(keyFields.map((f) => [f, rows.map((u) => u.key[f])])),
      set: Object.fromEntries(
        setFields.map((f): [string, UpdateColumns['set'][string]] => {
          const value = first?.set[f];
          return rows.every((u) => sameScalar(u.set[f], value))
            ? [f, { one: value }]
            : [f, { each: rows.map((u) => u.set[f]) }];
        }),
      ),
    };
  });
}

/** The updates back from their columns, in their order. */
export function fromUpdateColumns(runs: readonly UpdateColumns[]): RowUpdate[] {
  const updates: RowUpdate[] = [];
  for (const run of runs) {
    const keyFields = Object.entries(run.key);
    const setFields = Object.entries(run.set);
    for (let i = 0; i < run.rows; i++)
      updates.push({
        key: Object.fromEntries(keyFields.map(([f, values]) => [f, values[i]])),
        set: Object.fromEntries(setFields.map(([f, v]) => [f, 'one' in v ? v.one : v.each[i]])),
      });
  }
  return updates;
}

/** A prepared change as its checkpoint stores it: updates and fallback by column. */
export interface StoredChange extends Omit<PreparedChange, 'updates' | 'fallback'> {
  readonly updates?: readonly RowUpdate[];
  readonly fallback?: readonly RowUpdate[];
  readonly updateColumns?: readonly UpdateColumns[];
  readonly fallbackColumns?: readonly UpdateColumns[];
}

/** The checkpoint form of a prepared change. */
export function toStoredChange(prepared: PreparedChange): StoredChange {
  const { updates, fallback, ...rest } = prepared;
  return { ...rest, updateColumns: toUpdateColumns(updates), fallbackColumns: toUpdateColumns(fallback) };
}

/** The prepared change back from its checkpoint (also one stored as plain updates, before columns). */
export function fromStoredChange(stored: StoredChange): PreparedChange {
  const { updates, fallback, updateColumns, fallbackColumns, ...rest } = stored;
  return {
    ...rest,
    updates: updateColumns !== undefined ? fromUpdateColumns(updateColumns) : (updates ?? []),
    fallback: fallbackColumns !== undefined ? fromUpdateColumns(fallbackColumns) : (fallback ?? []),
  };
}
