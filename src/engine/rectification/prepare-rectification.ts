import type { DataConnection, DataRow } from '../../connectors/data-connection.ts';
import { PrivetError } from '../../domain/errors.ts';
import { keyText, type CapturedRows } from '../collect/captured-rows.ts';
import { countReasons, type PreparedChange } from '../erasure/prepared-change.ts';
import { readCurrentRows } from '../erasure/read-current-rows.ts';
import type { PlanStep } from '../plan/request-plan.ts';

/**
 * Sets the corrected values on the subject's own rows of a step, keeping each cell's value before and after
 * for the audit. Shared rows (someone else's too) are not changed, and said so.
 */
export async function prepareRectification(
  connection: DataConnection,
  step: PlanStep,
  captured: CapturedRows,
  corrections: Readonly<Record<string, string>>,
  shared: ReadonlyMap<string, string> | undefined,
  signal: AbortSignal,
): Promise<PreparedChange> {
  if (step.primaryKey.length === 0 && captured.count > 0)
    throw new PrivetError(
      'validation_failed',
      `${step.name} has no primary key, so its rows cannot be changed one by one`,
    );
  const kept: { code: string; message: string }[] = [];
  const own: DataRow[] = [];
  for (const row of captured.rows) {
    const reason = shared?.get(keyText(row, step.primaryKey));
    if (reason === undefined) own.push(Object.fromEntries(step.primaryKey.map((f) => [f, row[f]])));
    else kept.push({ code: 'shared', message: reason });
  }
  const fields = Object.keys(corrections);
  const rows = await readCurrentRows(connection, step, own, fields, signal);
  const changes = rows.flatMap((row) =>
    fields.map((field) => ({
      key: Object.fromEntries(step.primaryKey.map((f) => [f, row[f]])),
      field,
      before: row[field] ?? null,
      after: corrections[field] ?? null,
    })),
  );
  const updates = rows.map((row) => ({
    key: Object.fromEntries(step.primaryKey.map((f) => [f, row[f]])),
    set: corrections,
  }));
  return {
    updates,
    deletes: [],
    fallback: [],
    changes,
    result: {
      dataset: step.dataset,
      status: 'done',
      rows: captured.count,
      masked: 0,
      deleted: 0,
      kept: kept.length + own.length - rows.length,
      corrected: updates.length,
      reasons: countReasons(kept),
    },
  };
}
