import type { DataRow, RowUpdate } from '../../connectors/data-connection.ts';
import type { CollectionReason, CollectionResult } from '../execution/request-result.ts';
import type { MatchedChange } from './prepare-matched-erasure.ts';

/** The changes a step will make, computed before any is made: the checkpoint that makes a retry repeat them. */
export interface PreparedChange {
  readonly updates: readonly RowUpdate[];
  readonly deletes: readonly DataRow[];
  /** Masking for the rows to delete, used instead if the database refuses the delete (still referenced). */
  readonly fallback: readonly RowUpdate[];
  /** Nullable references to the rows to delete, set to null first (rows in a loop of references). */
  readonly detach?: readonly { readonly table: string; readonly updates: readonly RowUpdate[] }[];
  /**
   * The rows were not read again before masking (their masked values follow from their keys): the update
   * tells how many are still there, and the others are reported gone.
   */
  readonly unread?: boolean;
  /**
   * Rows not read: one set-based update on the rows the match finds, whose count is the result's rows. Not
   * checkpointed: it follows from the upstream's checkpointed keys, and applying it twice changes nothing.
   */
  readonly matching?: MatchedChange;
  /** Rectification: each changed cell's value before and after, for the audit. */
  readonly changes?: readonly { key: DataRow; field: string; before: unknown; after: unknown }[];
  readonly result: CollectionResult;
}

/** Counts reasons by message: `{code, message, rows}` once per distinct message (an entry's `rows`: 1 if absent). */
export function countReasons(
  entries: readonly { code: string; message: string; fields?: readonly string[]; rows?: number }[],
): CollectionReason[] {
  const counted = new Map<
    string,
    { code: string; message: string; rows: number; fields?: readonly string[] }
  >();
  for (const { rows = 1, ...entry } of entries) {
    const key = `${entry.code}\u0000${entry.message}`;
    const seen = counted.get(key);
    if (seen === undefined) counted.set(key, { ...entry, rows });
    else seen.rows += rows;
  }
  return [...counted.values()];
}
