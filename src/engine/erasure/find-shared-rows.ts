import { keyText, type CapturedRows } from '../collect/captured-rows.ts';
import type { DatasetConnections } from '../execution/dataset-connections.ts';
import type { PlanStep, Referrer, RequestPlan } from '../plan/request-plan.ts';

/** Rows (by key text) of a step that also belong to someone else, with the reason, by step id. */
export type SharedRows = ReadonlyMap<string, ReadonlyMap<string, string>>;

function keyFieldsOf(step: PlanStep): readonly string[] {
  return step.primaryKey.length > 0 ? step.primaryKey : step.captureFields;
}

// Values (by key text of the referring columns) that rows outside the subject's own refer to, with why; `all`
// when the referrer cannot be asked.
async function foreignValues(
  plan: RequestPlan,
  referrer: Referrer,
  values: readonly unknown[],
  captured: ReadonlyMap<string, CapturedRows>,
  connections: DatasetConnections,
  signal: AbortSignal,
): Promise<{ foreign: Map<string, string>; all?: string }> {
  const foreign = new Map<string, string>();
  const owner = referrer.step === undefined ? undefined : plan.steps.find((s) => s.id === referrer.step);
  const ownerKeys = owner === undefined ? [] : keyFieldsOf(owner);
  const mine = new Set((captured.get(owner?.id ?? '')?.rows ?? []).map((r) => keyText(r, ownerKeys)));
  const why = `also referred to by ${referrer.name}.${referrer.field}${referrer.outside === undefined ? '' : ` (${referrer.outside})`}`;
  const columns = referrer.fields ?? [referrer.field];
  try {
    const connection = await connections.get(referrer.dataset, signal);
    const fields = [...new Set([...ownerKeys, ...columns])];
    const query = { collection: referrer.table, match: { field: referrer.field, values }, fields };
    for await (const row of connection.readRows(query, signal))
      if (owner === undefined || !mine.has(keyText(row, ownerKeys))) foreign.set(keyText(row, columns), why);
  } catch (error) {
    if (signal.aborted) throw error;
    // Unable to tell whose the rows are: keep them all rather than erase someone else's.
    const reason = `cannot tell whether ${referrer.name} refers to it: ${error instanceof Error ? error.message : String(error)}`;
    return { all: reason, foreign };
  }
  return { foreign };
}

/**
 * Rows found because the subject's rows point at them (an address, an account) are the subject's alone only
 * if nothing else points at them. For every such step, asks each referrer (map references and foreign keys,
 * from any collection) for rows pointing at the captured rows that are not the subject's own.
 */
export async function findSharedRows(
  plan: RequestPlan,
  captured: ReadonlyMap<string, CapturedRows>,
  connections: DatasetConnections,
  signal: AbortSignal,
): Promise<SharedRows> {
  const shared = new Map<string, Map<string, string>>();
  for (const step of plan.steps) {
    const rows = captured.get(step.id)?.rows ?? [];
    if (rows.length === 0 || !step.sources.some((s) => s.kind === 'reference' && s.relation === 'referenced'))
      continue;
    const byRow = new Map<string, string>();
    for (const referrer of step.referrers) {
      const values = captured.get(step.id)?.values[referrer.target] ?? [];
      if (values.length === 0) continue;
      const { foreign, all } = await foreignValues(plan, referrer, values, captured, connections, signal);
      const targets = referrer.targets ?? [referrer.target];
      for (const row of rows) {
        if (row[referrer.target] === null || row[referrer.target] === undefined) continue;
        const reason = all ?? foreign.get(keyText(row, targets));
        const text = keyText(row, keyFieldsOf(step));
        if (reason !== undefined && !byRow.has(text)) byRow.set(text, reason);
      }
    }
    if (byRow.size > 0) shared.set(step.id, byRow);
  }
  return shared;
}
