import type { DataConnection, DataRow, FieldMatch } from '../../connectors/data-connection.ts';
import type { CollectionReason, CollectionResult } from '../execution/request-result.ts';
import { holdReason } from '../legal-hold/legal-hold.ts';
import { sameOnEveryRow } from '../masking/mask-value.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import type { PreparedChange } from './prepared-change.ts';

/** A step masked set-based on the rows a match finds (see `derivedSteps`): the values and the held fields. */
export interface MatchedChange {
  readonly match: FieldMatch;
  readonly set: DataRow;
  /** Fields kept under a legal hold, on every row the update finds. */
  readonly held: readonly CollectionReason[];
}

/** The result of a matched change that found `rows` rows. */
export function matchedResult(step: PlanStep, change: MatchedChange, rows: number): CollectionResult {
  return {
    dataset: step.dataset,
    status: 'done',
    rows,
    masked: rows,
    deleted: 0,
    kept: 0,
    reasons: rows === 0 ? [] : change.held.map((r) => ({ ...r, rows })),
  };
}

/**
 * Erasure of a step whose rows were not read (`CapturedRows.match`): every masked field gets the value it
 * would get on each row (null, a fixed text) or is kept under a hold that holds on every row, so the rows are
 * changed by one update on the match, as the rows read one by one would be. With nothing to set they are
 * counted and kept.
 */
export async function prepareMatchedErasure(
  connection: DataConnection,
  step: PlanStep,
  match: FieldMatch,
  now: Date,
  signal: AbortSignal,
): Promise<PreparedChange> {
  const masked = step.fields.filter((f) => f.action === 'mask');
  const set: Record<string, unknown> = {};
  const heldBy = new Map<string, string[]>();
  for (const field of masked) {
    let reason: string | undefined;
    for (const hold of step.holds) if (hold.fields.includes(field.name)) reason ??= holdReason(hold, {}, now);
    const same = field.strategy === undefined ? undefined : sameOnEveryRow(field.strategy, field.shape);
    if (reason !== undefined) heldBy.set(reason, [...(heldBy.get(reason) ?? []), field.name]);
    else if (same !== undefined) set[field.name] = same.value;
    else throw new Error(`${step.name}.${field.name} cannot be masked without reading its rows`);
  }
  const held = [...heldBy].map(([message, fields]) => ({ code: 'legal_hold', message, fields }));
  const empty = { updates: [], deletes: [], fallback: [] };
  if (Object.keys(set).length > 0) {
    const matching = { match, set, held };
    return { ...empty, matching, result: matchedResult(step, matching, 0) };
  }
  const rows = await connection.countRows({ collection: step.table, match }, signal);
  const reason =
    masked.length === 0
      ? { code: 'no_personal_fields', message: 'no field to mask: the rows stay as they are' }
      : (held[0] ?? { code: 'nothing_to_mask', message: 'no field to mask' });
  return {
    ...empty,
    result: {
      dataset: step.dataset,
      status: 'done',
      rows,
      masked: 0,
      deleted: 0,
      kept: rows,
      reasons: rows === 0 ? [] : [{ ...reason, rows }],
    },
  };
}
