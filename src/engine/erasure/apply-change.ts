import type { DataConnection } from '../../connectors/data-connection.ts';
import type { CollectionResult } from '../execution/request-result.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import { GONE } from './prepare-erasure.ts';
import { matchedResult } from './prepare-matched-erasure.ts';
import type { PreparedChange } from './prepared-change.ts';

// pg, MySQL/MariaDB and SQLite's ways of saying "another row still points at this one".
function isStillReferenced(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return (
    code === '23503' ||
    code === 'ER_ROW_IS_REFERENCED_2' ||
    code === 'ER_ROW_IS_REFERENCED' ||
    errno === 1451 ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}

// Rows masked by key without being read again that the update did not find: gone since they were found.
function withGoneRows(result: CollectionResult, gone: number): CollectionResult {
  if (gone <= 0) return result;
  const reasons = result.reasons.map((r) =>
    r.code === GONE.code ? { ...r, rows: (r.rows ?? 0) + gone } : r,
  );
  return {
    ...result,
    masked: result.masked - gone,
    kept: result.kept + gone,
    reasons: reasons.some((r) => r.code === GONE.code) ? reasons : [...reasons, { ...GONE, rows: gone }],
  };
}

/**
 * Applies a prepared change in one transaction (where the engine has them): detach references, mask, delete.
 * Setting the same values twice changes nothing, so a retried or resumed step is safe. When the database
 * refuses a delete because other rows still point at the row, the rows are masked instead, and said so.
 */
export async function applyChange(
  connection: DataConnection,
  step: PlanStep,
  prepared: PreparedChange,
  signal: AbortSignal,
): Promise<CollectionResult> {
  const { matching } = prepared;
  if (matching !== undefined) {
    const update = connection.updateMatching?.bind(connection);
    if (update === undefined) throw new Error(`${step.name}: the database cannot update rows by a match`);
    const rows = await connection.transaction(
      (tx) => (tx.updateMatching ?? update)(step.table, matching.match, matching.set, signal),
      signal,
    );
    return matchedResult(step, matching, rows);
  }
  // Nothing to write (rows only counted, or all kept): no transaction either.
  if ((prepared.detach ?? []).length === 0 && prepared.updates.length === 0 && prepared.deletes.length === 0)
    return prepared.result;
  try {
    const updated = await connection.transaction(async (tx) => {
      for (const d of prepared.detach ?? []) await tx.updateRows(d.table, d.updates, signal);
      const changed = await tx.updateRows(step.table, prepared.updates, signal);
      await tx.deleteRows(step.table, prepared.deletes, signal);
      return changed;
    }, signal);
    return prepared.unread === true
      ? withGoneRows(prepared.result, prepared.updates.length - updated)
      : prepared.result;
  } catch (error) {
    if (!isStillReferenced(error)) throw error;
    await connection.transaction(
      (tx) => tx.updateRows(step.table, [...prepared.updates, ...prepared.fallback], signal),
      signal,
    );
    const message = `rows masked instead of deleted: other rows still refer to them (${error instanceof Error ? error.message : String(error)})`;
    return {
      ...prepared.result,
      masked: prepared.result.masked + prepared.deletes.length,
      deleted: 0,
      reasons: [
        ...prepared.result.reasons,
        { code: 'delete_refused', message, rows: prepared.deletes.length },
      ],
    };
  }
}
