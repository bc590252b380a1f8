import type { DataConnection, DataRow } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';
import type { SubjectIdentity } from '../identity/subject-identity.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import { keyText, type CapturedRows } from './captured-rows.ts';
import { sourceValues } from './source-values.ts';

/**
 * Finds the subject's rows of one step through each of its sources and keeps their keys and the values
 * followed from them. Reads only the captured fields; a row found by two sources counts once.
 */
export async function captureStep(
  connection: DataConnection,
  step: PlanStep,
  identities: readonly SubjectIdentity[],
  upstream: (step: string) => CapturedRows | undefined,
  signal: AbortSignal,
): Promise<CapturedRows> {
  const keyFields = step.primaryKey.length > 0 ? step.primaryKey : step.captureFields;
  const fields = [...new Set([...keyFields, ...step.captureFields])];
  const seen = new Set<string>();
  const rows: DataRow[] = [];
  // Distinct values only, as they arrive: a field repeats across many rows (an invoice's lines).
  const values = new Map(step.captureFields.map((f) => [f, new Map<string, unknown>()]));
  for (const source of step.sources) {
    const compared = sourceValues(source, identities, upstream);
    if (compared.length === 0) continue;
    const match = {
      field: source.field,
      values: compared,
      transform: source.kind === 'identity' ? source.transform : 'none',
    } as const;
    for await (const row of connection.readRows({ collection: step.table, match, fields }, signal)) {
      const text = keyText(row, keyFields);
      if (seen.has(text)) continue;
      seen.add(text);
      rows.push(Object.fromEntries(fields.map((f) => [f, row[f] ?? null])));
      for (const [field, distinct] of values) {
        const value = row[field];
        if (value !== null && value !== undefined) distinct.set(valueKey(value), value);
      }
    }
  }
  return {
    count: rows.length,
    rows,
    values: Object.fromEntries([...values].map(([field, distinct]) => [field, [...distinct.values()]])),
  };
}
