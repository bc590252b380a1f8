import type { MaskingStrategy } from '../masking/masking-strategy.ts';
import type { PlanSource, PlanStep, RequestPlan } from './request-plan.ts';

/** Expected rows of a step: a count, or why it could not be counted. */
export type StepRows = { readonly rows: number } | { readonly error: string };

function strategyName(strategy: MaskingStrategy | undefined): string {
  if (strategy === undefined) return 'keep';
  return strategy.kind === 'fixed' ? `fixed "${strategy.value}"` : strategy.kind;
}

function sourceText(plan: RequestPlan, source: PlanSource): string {
  if (source.kind === 'identity') return `${source.field} = ${source.identity}`;
  const from = plan.steps.find((s) => s.id === source.from)?.name ?? source.from;
  return `${source.field} = ${from}.${source.fromField}`;
}

/** The plan as data for `--json`: names instead of ids, no identity values. */
export function describePlan(plan: RequestPlan, rows: ReadonlyMap<string, StepRows>) {
  const nameOf = (id: string) => plan.steps.find((s) => s.id === id)?.name ?? id;
  return {
    subject: plan.subject,
    identities: plan.identities.map((i) => i.type),
    collections: plan.steps.map((step: PlanStep) => ({
      collection: step.name,
      dataset: step.dataset,
      ...(rows.get(step.id) ?? {}),
      foundBy: step.sources.map((s) => sourceText(plan, s)),
      primaryKey: step.primaryKey,
      erasure: step.rowDelete ? 'delete rows' : 'mask fields',
      mask: step.fields
        .filter((f) => f.action === 'mask')
        .map((f) => ({
          field: f.name,
          strategy: f.nested === undefined ? strategyName(f.strategy) : 'nested',
          ...(f.note ? { note: f.note } : {}),
          ...(f.heldBy.length > 0 ? { legalHold: f.heldBy } : {}),
        })),
      keep: step.fields
        .filter((f) => f.action === 'keep')
        .map((f) => ({ field: f.name, note: f.note ?? '' })),
    })),
    erasureOrder: plan.erasureOrder.map(nameOf),
    excluded: plan.excluded.map((e) => ({ collection: e.name, reason: e.reason, detail: e.detail })),
    cycles: plan.cycles.map((c) => c.map(nameOf)),
    notFollowed: plan.droppedEdges.map((d) => `${nameOf(d.to)}.${d.field} from ${nameOf(d.from)}`),
    issues: plan.issues,
  };
}

/** The plan as lines of text for people. */
export function formatPlan(plan: RequestPlan, rows: ReadonlyMap<string, StepRows>): string[] {
  const described = describePlan(plan, rows);
  const width = Math.max(10, ...described.collections.map((c) => c.collection.length));
  const lines = [
    `Subject: ${plan.subject}; identities: ${described.identities.join(', ') || 'none'}.`,
    'Collections, in the order their rows are found:',
  ];
  described.collections.forEach((c, i) => {
    const found = rows.get(plan.steps[i]?.id ?? '');
    const count =
      found === undefined
        ? ''
        : 'rows' in found
          ? `${found.rows} row${found.rows === 1 ? '' : 's'}`
          : `unavailable (${found.error})`;
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${c.collection.padEnd(width)}  ${count.padEnd(10)}  by ${c.foundBy.join(' or ')}`,
    );
    const mask = c.mask.map(
      (m) => `${m.field} (${m.strategy}${m.legalHold ? `, legal hold ${m.legalHold.join('/')}` : ''})`,
    );
    lines.push(
      `      ${' '.repeat(width)}  ${c.erasure === 'delete rows' ? 'delete rows; ' : ''}mask: ${mask.join(', ') || 'nothing'}`,
    );
  });
  lines.push(`Erasure order: ${described.erasureOrder.join(', ') || 'none'}.`);
  if (described.excluded.length > 0)
    lines.push(
      `Not part of this request: ${described.excluded.map((e) => `${e.collection} (${e.detail})`).join('; ')}.`,
    );
  lines.push(`Cycles: ${described.cycles.map((c) => c.join(' ↔ ')).join('; ') || 'none'}.`);
  if (described.notFollowed.length > 0)
    lines.push(`Not followed (closes a cycle): ${described.notFollowed.join('; ')}.`);
  for (const issue of plan.issues) lines.push(`warning: ${issue.message}`);
  return lines;
}
