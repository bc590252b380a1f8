import type { DataConnection, DataRow } from '../../connectors/data-connection.ts';
import { keyText } from '../collect/captured-rows.ts';
import type { PlanStep } from '../plan/request-plan.ts';

/**
 * The current values of the given rows, read by key: by the first key field, then filtered on the whole key,
 * so that composite keys need no special query. Rows that are gone (or whose key changed) are left out.
 */
export async function readCurrentRows(
  connection: DataConnection,
  step: PlanStep,
  keys: readonly DataRow[],
  fields: readonly string[],
  signal: AbortSignal,
): Promise<DataRow[]> {
  const [first] = step.primaryKey;
  if (first === undefined || keys.length === 0) return [];
  const wanted = new Set(keys.map((k) => keyText(k, step.primaryKey)));
  const query = {
    collection: step.table,
    match: { field: first, values: keys.map((k) => k[first]) },
    fields: [...new Set([...step.primaryKey, ...fields])],
  };
  const rows: DataRow[] = [];
  for await (const row of connection.readRows(query, signal))
    if (wanted.has(keyText(row, step.primaryKey))) rows.push(row);
  return rows;
}
