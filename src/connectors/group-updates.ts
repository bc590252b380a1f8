import type { DataRow, RowUpdate } from './data-connection.ts';
import { valueKey } from './distinct-values.ts';

/** Updates that name the same key fields and set the same fields: one set-based statement can apply them. */
export interface UpdateGroup {
  readonly keyFields: readonly string[];
  readonly setFields: readonly string[];
  readonly rows: readonly RowUpdate[];
}

function keyId(key: DataRow, fields: readonly string[]): string {
  if (fields.length === 1) return valueKey(key[fields[0] ?? '']);
  return fields.map((f) => `${f}\u0000${valueKey(key[f])}`).join('\u0001');
}

/**
 * Groups updates for set-based statements. Updates of the same row are merged first, later values winning,
 * which is what applying them one by one in order would leave; updates that set nothing are dropped.
 */
export function groupUpdates(updates: readonly RowUpdate[]): UpdateGroup[] {
  // A row's `set` is used as given (rows may share one) and copied only when a later update merges into it.
  const merged = new Map<string, { key: DataRow; set: DataRow; sameKey: boolean }>();
  // Keys name the same fields in practice; a key with other fields gets its own sorted id.
  const first = Object.keys(updates[0]?.key ?? {});
  for (const update of updates) {
    const fields = Object.keys(update.key);
    const same = fields.length === first.length && fields.every((f, i) => f === first[i]);
    const id = same ? keyId(update.key, first) : `*${keyId(update.key, [...fields].sort())}`;
    const seen = merged.get(id);
    if (seen === undefined) merged.set(id, { key: update.key, set: update.set, sameKey: same });
    else seen.set = { ...seen.set, ...update.set };
  }
  const groups = new Map<string, { keyFields: string[]; setFields: string[]; rows: RowUpdate[] }>();
  // Consecutive rows with the first key's fields and the same `set` object (erasure often gives every row
  // the same one) go to the group of the row before without working out its id again.
  let last: { set: DataRow; rows: RowUpdate[] } | undefined;
  for (const row of merged.values()) {
    if (row.sameKey && last?.set === row.set) {
      last.rows.push(row);
      continue;
    }
    const setFields = Object.keys(row.set).sort();
    last = undefined;
    if (setFields.length === 0) continue;
    const keyFields = row.sameKey ? first : Object.keys(row.key);
    const id = `${keyFields.join('\u0000')}\u0001${setFields.join('\u0000')}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { keyFields, setFields, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
    if (row.sameKey) last = { set: row.set, rows: group.rows };
  }
  return [...groups.values()];
}

/** Rows per set-based statement, so that it binds at most `maxValues` values at `perRow` values a row. */
export function rowsPerStatement(maxValues: number, perRow: number): number {
  return Math.max(1, Math.floor(maxValues / Math.max(1, perRow)));
}
