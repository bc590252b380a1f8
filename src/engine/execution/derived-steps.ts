import { sameOnEveryRow } from '../masking/mask-value.ts';
import type { PlanStep, RequestPlan } from '../plan/request-plan.ts';

// Whether erasure sets each masked field to one value on every row (null, a fixed text) or keeps it under a
// hold that does not depend on the row (no date field): then the masking needs no row read in JavaScript.
function maskedInSql(step: PlanStep): boolean {
  if (step.rowDelete || step.holds.some((h) => h.dateField !== undefined)) return false;
  return step.fields.every(
    (f) =>
      f.action !== 'mask' ||
      (f.nested === undefined &&
        f.strategy !== undefined &&
        (step.holds.some((h) => h.fields.includes(f.name)) ||
          sameOnEveryRow(f.strategy, f.shape) !== undefined)),
  );
}

function masks(step: PlanStep, field: string): boolean {
  return step.fields.some((f) => f.name === field && f.action === 'mask');
}

/**
 * The erasure steps whose rows are not read (captured) but matched again in SQL when they are masked, set-based
 * like hand-written SQL: `UPDATE t SET f = NULL … WHERE ref IN (<keys captured upstream>)`. A step qualifies
 * when it is found through one reference from a step of the same database (its rows point at those: no
 * shared-row check), neither field followed is changed by the erasure (so a resumed run, re-matching from the
 * upstream's checkpointed keys, finds the same rows), every masked value is the same on every row, no legal
 * hold depends on a row's date, and no row is deleted anywhere. Steps found from it must be in the same
 * database and follow its one-column primary key, so that the nested match (`IN (SELECT key …)`) finds each
 * row once across slices of values; the nested tables never include the updated one (MySQL refuses that).
 * The connection decides last: Redis has no such matches.
 */
export function derivedSteps(plan: RequestPlan): Set<string> {
  const derived = new Set<string>();
  if (plan.steps.some((s) => s.rowDelete)) return derived;
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  // Owners of referrers the shared-row check asks about: it compares their captured keys.
  const asked = new Set<string>();
  for (const step of plan.steps)
    if (step.sources.some((s) => s.kind === 'reference' && s.relation === 'referenced'))
      for (const r of step.referrers) if (r.step !== undefined) asked.add(r.step);
  // The tables a derived step's match selects from, nested.
  const nestedTables = new Map<string, string[]>();
  for (const step of plan.steps) {
    const [source, ...more] = step.sources;
    if (source === undefined || more.length > 0 || source.kind !== 'reference') continue;
    if (source.relation !== 'referencing' || asked.has(step.id) || !maskedInSql(step)) continue;
    const upstream = byId.get(source.from);
    if (upstream === undefined || upstream.dataset !== step.dataset) continue;
    if (masks(step, source.field) || masks(upstream, source.fromField)) continue;
    const tables = derived.has(upstream.id) ? [upstream.table, ...(nestedTables.get(upstream.id) ?? [])] : [];
    if (tables.includes(step.table)) continue;
    const [key, ...rest] = step.primaryKey;
    const followers = plan.steps.filter((d) =>
      d.sources.some((s) => s.kind === 'reference' && s.from === step.id),
    );
    if (
      followers.some(
        (d) =>
          d.dataset !== step.dataset ||
          d.sources.some(
            (s) =>
              s.kind === 'reference' &&
              s.from === step.id &&
              (key === undefined || rest.length > 0 || s.fromField !== key),
          ),
      )
    )
      continue;
    derived.add(step.id);
    nestedTables.set(step.id, tables);
  }
  return derived;
}
