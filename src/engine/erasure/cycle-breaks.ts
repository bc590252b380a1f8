import type { RowUpdate } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';
import type { CapturedRows } from '../collect/captured-rows.ts';
import type { PlanStep, RequestPlan } from '../plan/request-plan.ts';
import type { PreparedChange } from './prepared-change.ts';

/**
 * Before a step deletes rows, the subject's rows of steps erased later that point at them through a nullable
 * column are detached (set to null), so that references in a loop cannot block every delete.
 */
export function withCycleBreaks(
  plan: RequestPlan,
  step: PlanStep,
  prepared: PreparedChange,
  captured: ReadonlyMap<string, CapturedRows>,
): PreparedChange {
  if (prepared.deletes.length === 0) return prepared;
  const later = new Set(plan.erasureOrder.slice(plan.erasureOrder.indexOf(step.id) + 1));
  const deleting = new Set(
    prepared.deletes.map((k) => JSON.stringify(step.primaryKey.map((f) => valueKey(k[f])))),
  );
  const own = (captured.get(step.id)?.rows ?? []).filter((r) =>
    deleting.has(JSON.stringify(step.primaryKey.map((f) => valueKey(r[f])))),
  );
  const detach: { table: string; updates: RowUpdate[] }[] = [];
  for (const referrer of step.referrers) {
    const owner = plan.steps.find((s) => s.id === referrer.step);
    // A key of several columns is not detached: the delete is then refused and becomes masking.
    if (owner === undefined || !owner.rowDelete || referrer.nullable !== true || referrer.fields) continue;
    if (owner.dataset !== step.dataset || (!later.has(owner.id) && owner.id !== step.id)) continue;
    const targets = new Set(own.map((r) => valueKey(r[referrer.target])));
    const updates = (captured.get(owner.id)?.rows ?? [])
      .filter((r) => targets.has(valueKey(r[referrer.field])))
      .map((r) => ({
        key: Object.fromEntries(owner.primaryKey.map((f) => [f, r[f]])),
        set: { [referrer.field]: null },
      }));
    if (updates.length > 0) detach.push({ table: referrer.table, updates });
  }
  return detach.length === 0 ? prepared : { ...prepared, detach };
}
