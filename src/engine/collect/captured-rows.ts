import type { DataRow } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';

/** The subject's rows of one collection as a checkpoint: their keys and the values other steps follow. */
export interface CapturedRows {
  readonly count: number;
  /** The rows' captured fields: the primary key, followed fields and fields other collections refer to. */
  readonly rows: readonly DataRow[];
  /** Distinct values of the captured fields, for the steps found from here and the shared-row check. */
  readonly values: Readonly<Record<string, readonly unknown[]>>;
}

/** A stable text for a row's key (field order as given), to compare keys across reads. */
export function keyText(key: DataRow, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => valueKey(key[f])));
}
