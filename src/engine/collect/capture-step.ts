import type { DataConnection, DataRow } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';
import type { SubjectIdentity } from '../identity/subject-identity.ts';
import type { PlanStep } from '../plan/request-plan.ts';
import { keyText, type CapturedRows } from './captured-rows.ts';
import { sourceMatch } from './source-values.ts';
import { boundValues } from '../../connectors/data-connection.ts';

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
  tableOf: (step: string) => string = (id) => id,
): Promise<CapturedRows> {
  const keyFields = step.primaryKey.length > 0 ? step.primaryKey : step.captureFields;
  const fields = [...new Set([...keyFields, ...step.captureFields])];
  // Rows found twice are told apart by key: a one-column key by its value alone. One source over an SQL table
  // with a primary key cannot find a row twice (a row has one value in the matched column), so it is not
  // checked; Redis scans may return a key twice.
  const dedupe = step.sources.length > 1 || step.primaryKey.length === 0 || connection.engine === 'redis';
  const single = keyFields.length === 1 ? keyFields[0] : undefined;
  const seen = new Set<string>();
  const rows: DataRow[] = [];
  // Distinct values only, as they arrive: a field repeats across many rows (an invoice's lines).
  const values = new Map(step.captureFields.map((f) => [f, new Map<string, unknown>()]));
  for (const source of step.sources) {
    const match = sourceMatch(source, identities, upstream, tableOf);
    if (boundValues(match).length === 0) continue;
    for await (const row of connection.readRows({ collection: step.table, match, fields }, signal)) {
      if (dedupe) {
        const text = single !== undefined ? valueKey(row[single]) : keyText(row, keyFields);
        if (seen.has(text)) continue;
        seen.add(text);
      }
      const kept: Record<string, unknown> = {};
      for (const f of fields) kept[f] = row[f] ?? null;
      rows.push(kept);
      for (const [field, distinct] of values) {
        const value = row[field];
        if (value === null || value === undefined) continue;
        const id = valueKey(value);
        if (!distinct.has(id)) distinct.set(id, value);
      }
    }
  }
  return {
    count: rows.length,
    rows,
    values: Object.fromEntries([...values].map(([field, distinct]) => [field, [...distinct.values()]])),
  };
}
