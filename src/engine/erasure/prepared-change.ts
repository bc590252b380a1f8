import type { DataRow, RowUpdate } from '../../connectors/data-connection.ts';
import type { CollectionReason, CollectionResult } from '../execution/request-result.ts';

/** The changes a step will make, computed before any is made: the checkpoint that makes a retry repeat them. */
export interface PreparedChange {
  readonly updates: readonly RowUpdate[];
  readonly deletes: readonly DataRow[];
  /** Masking for the rows to delete, used instead if the database refuses the delete (still referenced). */
  readonly fallback: readonly RowUpdate[];
  /** Nullable references to the rows to delete, set to null first (rows in a loop of references). */
  readonly detach?: readonly { readonly table: string; readonly updates: readonly RowUpdate[] }[];
  /** Rectification: each changed cell's value before and after, for the audit. */
  readonly changes?: readonly { key: DataRow; field: string; before: unknown; after: unknown }[];
  readonly result: CollectionResult;
}

/** Counts reasons by message: `{code, message, rows}` once per distinct message. */
export function countReasons(
  entries: readonly { code: string; message: string; fields?: readonly string[] }[],
): CollectionReason[] {
  const counted = new Map<
    string,
    { code: string; message: string; rows: number; fields?: readonly string[] }
  >();
  for (const entry of entries) {
    const key = `${entry.code}\u0000${entry.message}`;
    const seen = counted.get(key);
    if (seen === undefined) counted.set(key, { ...entry, rows: 1 });
    else seen.rows += 1;
  }
  return [...counted.values()];
}
