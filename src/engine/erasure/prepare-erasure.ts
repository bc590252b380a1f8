import type { DataConnection, DataRow, RowUpdate } from '../../connectors/data-connection.ts';
import { PrivetError } from '../../domain/errors.ts';
import { keyText, type CapturedRows } from '../collect/captured-rows.ts';
import { holdReason } from '../legal-hold/legal-hold.ts';
import { maskNested } from '../masking/mask-nested.ts';
import { maskValue } from '../masking/mask-value.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import { countReasons, type PreparedChange } from './prepared-change.ts';
import { readCurrentRows } from './read-current-rows.ts';

/** What computing a step's erasure needs. */
export interface ErasureContext {
  readonly connection: DataConnection;
  readonly secret: string;
  readonly now: Date;
}

type Reason = { code: string; message: string; fields?: readonly string[] };

/**
 * Decides, row by row, what erasure does to a step's captured rows: shared rows are kept; fields under an
 * unexpired legal hold are kept; the rest of the personal fields are masked, or the row is deleted when the
 * collection opts in (and no hold applies). Nothing is written; the result is the checkpoint to apply.
 */
export async function prepareErasure(
  context: ErasureContext,
  step: PlanStep,
  captured: CapturedRows,
  shared: ReadonlyMap<string, string> | undefined,
  signal: AbortSignal,
): Promise<PreparedChange> {
  const keyFields = step.primaryKey;
  if (keyFields.length === 0 && captured.count > 0)
    throw new PrivetError(
      'validation_failed',
      `${step.name} has no primary key, so its rows cannot be changed one by one`,
    );
  const kept: Reason[] = [];
  const own: DataRow[] = [];
  for (const row of captured.rows) {
    const reason = shared?.get(keyText(row, keyFields));
    if (reason === undefined) own.push(Object.fromEntries(keyFields.map((f) => [f, row[f]])));
    else kept.push({ code: 'shared', message: reason });
  }
  const masked = step.fields.filter((f) => f.action === 'mask');
  const updates: RowUpdate[] = [];
  const deletes: DataRow[] = [];
  const fallback: RowUpdate[] = [];
  const held: Reason[] = [];
  if (!step.rowDelete && masked.length === 0) {
    // Only counted when nothing reads its rows (see stepsNeedingRows).
    const unchanged = captured.rows.length === 0 ? captured.count : own.length;
    for (let i = 0; i < unchanged; i++)
      kept.push({ code: 'no_personal_fields', message: 'no field to mask: the rows stay as they are' });
  } else {
    const dateFields = step.holds.flatMap((h) => (h.dateField === undefined ? [] : [h.dateField]));
    const rows = await readCurrentRows(
      context.connection,
      step,
      own,
      [...masked.map((f) => f.name), ...dateFields],
      signal,
    );
    for (let i = rows.length; i < own.length; i++)
      kept.push({ code: 'gone', message: 'the row is no longer there' });
    for (const row of rows) {
      const key = Object.fromEntries(keyFields.map((f) => [f, row[f]]));
      // Named only when a strategy asks (most masked fields become null without it).
      let rowKey: string | undefined;
      const cell = (field: string) =>
        JSON.stringify([step.dataset, step.collection, field, (rowKey ??= keyText(row, keyFields))]);
      const set: Record<string, unknown> = {};
      const heldHere = new Map<string, string>();
      for (const field of masked) {
        const reason = step.holds
          .filter((h) => h.fields.includes(field.name))
          .map((h) => holdReason(h, row, context.now))
          .find((r) => r !== undefined);
        if (reason !== undefined) heldHere.set(field.name, reason);
        else if (field.nested !== undefined) {
          const masked = maskNested(row[field.name], field.nested, {
            secret: context.secret,
            cell: (path) => cell(`${field.name}${path.slice(1)}`),
          });
          if (masked !== undefined) set[field.name] = masked;
        } else if (field.strategy !== undefined)
          set[field.name] = maskValue(field.strategy, field.shape, row[field.name], {
            secret: context.secret,
            get cell() {
              return cell(field.name);
            },
          });
      }
      const holds: Reason[] = [...new Set(heldHere.values())].map((message) => ({
        code: 'legal_hold',
        message,
        fields: [...heldHere].filter(([, r]) => r === message).map(([f]) => f),
      }));
      if (step.rowDelete && heldHere.size === 0) {
        deletes.push(key);
        fallback.push({ key, set });
      } else if (Object.keys(set).length > 0) {
        updates.push({ key, set });
        held.push(...holds);
      } else kept.push(holds[0] ?? { code: 'nothing_to_mask', message: 'no field to mask' });
    }
  }
  return {
    updates,
    deletes,
    fallback,
    result: {
      dataset: step.dataset,
      status: 'done',
      rows: captured.count,
      masked: updates.length,
      deleted: deletes.length,
      kept: kept.length,
      reasons: countReasons([...kept, ...held]),
    },
  };
}
