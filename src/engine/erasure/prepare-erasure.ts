import type { DataConnection, DataRow, RowUpdate } from '../../connectors/data-connection.ts';
import { PrivetError } from '../../domain/errors.ts';
import { keyText, type CapturedRows } from '../collect/captured-rows.ts';
import { holdReason } from '../legal-hold/legal-hold.ts';
import { maskNested } from '../masking/mask-nested.ts';
import { maskValue, sameOnEveryRow, textPlaceholderMask } from '../masking/mask-value.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import { countReasons, type PreparedChange } from './prepared-change.ts';
import { readCurrentRows } from './read-current-rows.ts';

/** What computing a step's erasure needs. */
export interface ErasureContext {
  readonly connection: DataConnection;
  readonly secret: string;
  readonly now: Date;
}

/** Why rows are kept; `rows` (default 1) counts the rows it stands for. */
type Reason = { code: string; message: string; fields?: readonly string[]; rows?: number };

/** A captured row that is no longer in the database. */
export const GONE = { code: 'gone', message: 'the row is no longer there' } as const;

/**
 * Whether masking a step needs the rows' current values: a value masked from itself (HMAC, a document masked
 * in place), a legal hold counted from a date of the row, row deletes (whose fallback and cycle breaks
 * compare rows), Redis (whose rows are keys read by pattern). Otherwise every masked value follows from the
 * row's key alone (null, placeholder, fixed, random), so the captured keys are masked as they are: the
 * update itself tells which rows are gone.
 */
function needsCurrentValues(step: PlanStep, connection: DataConnection): boolean {
  return (
    step.rowDelete ||
    connection.engine === 'redis' ||
    step.holds.some((h) => h.dateField !== undefined) ||
    step.fields.some((f) => f.action === 'mask' && (f.nested !== undefined || f.strategy?.kind === 'hmac'))
  );
}

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
  let unread = false;
  if (!step.rowDelete && masked.length === 0) {
    // Only counted when nothing reads its rows (see stepsNeedingRows).
    const unchanged = captured.rows.length === 0 ? captured.count : own.length;
    if (unchanged > 0)
      kept.push({
        code: 'no_personal_fields',
        message: 'no field to mask: the rows stay as they are',
        rows: unchanged,
      });
  } else {
    const dateFields = step.holds.flatMap((h) => (h.dateField === undefined ? [] : [h.dateField]));
    const reread = needsCurrentValues(step, context.connection);
    const rows = reread
      ? await readCurrentRows(
          context.connection,
          step,
          own,
          [...masked.map((f) => f.name), ...dateFields],
          signal,
        )
      : own;
    unread = !reread;
    for (let i = rows.length; i < own.length; i++) kept.push(GONE);
    // What each field needs per row, worked out once: its holds, and its masked value when every row gets
    // the same one (null, a fixed text), which then needs no computing per row.
    const plans = masked.map((field) => ({
      field,
      holds: step.holds.filter((h) => h.fields.includes(field.name)),
      same:
        field.nested === undefined && field.strategy !== undefined
          ? sameOnEveryRow(field.strategy, field.shape)
          : undefined,
      // A text placeholder: the HMAC of the cell's name, `JSON.stringify([dataset, collection, field, key])`,
      // whose start is the same for every row.
      perCell:
        field.nested === undefined && field.strategy !== undefined
          ? textPlaceholderMask(field.strategy, field.shape, context.secret)
          : undefined,
      cellStart: `${JSON.stringify([step.dataset, step.collection, field.name]).slice(0, -1)},`,
    }));
    // Every row gets the same values (null, fixed texts) and no hold applies: one `set` for all rows.
    const sameSet = plans.every((p) => p.same !== undefined && p.holds.length === 0)
      ? Object.fromEntries(plans.map((p) => [p.field.name, p.same?.value]))
      : undefined;
    for (const row of rows) {
      const key = reread ? Object.fromEntries(keyFields.map((f) => [f, row[f]])) : row;
      if (sameSet !== undefined) {
        if (step.rowDelete) {
          deletes.push(key);
          fallback.push({ key, set: sameSet });
        } else updates.push({ key, set: sameSet });
        continue;
      }
      // Named only when a strategy asks (most masked fields become null without it).
      let rowKey: string | undefined;
      const cell = (field: string) =>
        JSON.stringify([step.dataset, step.collection, field, (rowKey ??= keyText(row, keyFields))]);
      const set: Record<string, unknown> = {};
      let setting = 0;
      let heldHere: Map<string, string> | undefined;
      for (const { field, holds, same, perCell, cellStart } of plans) {
        let reason: string | undefined;
        for (const hold of holds) reason ??= holdReason(hold, row, context.now);
        if (reason !== undefined) (heldHere ??= new Map()).set(field.name, reason);
        else if (same !== undefined) {
          set[field.name] = same.value;
          setting += 1;
        } else if (perCell !== undefined) {
          set[field.name] = perCell(`${cellStart}${JSON.stringify((rowKey ??= keyText(row, keyFields)))}]`);
          setting += 1;
        } else if (field.nested !== undefined) {
          const masked = maskNested(row[field.name], field.nested, {
            secret: context.secret,
            cell: (path) => cell(`${field.name}${path.slice(1)}`),
          });
          if (masked !== undefined) {
            set[field.name] = masked;
            setting += 1;
          }
        } else if (field.strategy !== undefined) {
          set[field.name] = maskValue(field.strategy, field.shape, row[field.name], {
            secret: context.secret,
            get cell() {
              return cell(field.name);
            },
          });
          setting += 1;
        }
      }
      const holds: Reason[] =
        heldHere === undefined
          ? []
          : [...new Set(heldHere.values())].map((message) => ({
              code: 'legal_hold',
              message,
              fields: [...(heldHere ?? [])].filter(([, r]) => r === message).map(([f]) => f),
            }));
      if (step.rowDelete && heldHere === undefined) {
        deletes.push(key);
        fallback.push({ key, set });
      } else if (setting > 0) {
        updates.push({ key, set });
        held.push(...holds);
      } else kept.push(holds[0] ?? { code: 'nothing_to_mask', message: 'no field to mask' });
    }
  }
  return {
    updates,
    deletes,
    fallback,
    ...(unread ? { unread: true } : {}),
    result: {
      dataset: step.dataset,
      status: 'done',
      rows: captured.count,
      masked: updates.length,
      deleted: deletes.length,
      kept: kept.reduce((n, r) => n + (r.rows ?? 1), 0),
      reasons: countReasons([...kept, ...held]),
    },
  };
}
