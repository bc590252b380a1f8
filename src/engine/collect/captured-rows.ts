import type { DataRow, FieldMatch } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';

/** The subject's rows of one collection as a checkpoint: their keys and the values other steps follow. */
export interface CapturedRows {
  readonly count: number;
  /** The rows' captured fields: the primary key, followed fields and fields other collections refer to. */
  readonly rows: readonly DataRow[];
  /** Distinct values of the captured fields, for the steps found from here and the shared-row check. */
  readonly values: Readonly<Record<string, readonly unknown[]>>;
  /**
   * Rows not read (see `derivedSteps`): they are those this match finds, built from the captured keys upstream,
   * which the request does not change. `count`, `rows` and `values` are then empty.
   */
  readonly match?: FieldMatch;
}

/** A stable text for a row's key (field order as given), to compare keys across reads. */
export function keyText(key: DataRow, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => valueKey(key[f])));
}

/**
 * Captured rows as their checkpoint stores them: by column (each captured field's values, row by row), the
 * distinct values left out since they follow from the columns. A third of the text of rows as objects.
 */
export interface StoredCapture {
  readonly count: number;
  readonly fields?: readonly string[];
  readonly columns?: readonly (readonly unknown[])[];
  /** The rows were not read but are matched again from upstream (`CapturedRows.match`). */
  readonly derived?: boolean;
  /** Checkpoints written before columns. */
  readonly rows?: readonly DataRow[];
  readonly values?: Readonly<Record<string, readonly unknown[]>>;
}

/** The checkpoint form of captured rows (all rows name the same fields, as `captureStep` makes them). */
export function toStoredCapture(captured: CapturedRows): StoredCapture {
  if (captured.match !== undefined) return { count: 0, derived: true };
  const fields = Object.keys(captured.rows[0] ?? {});
  return {
    count: captured.count,
    fields,
    columns: fields.map((f) => captured.rows.map((r) => r[f] ?? null)),
  };
}

/**
 * Captured rows back from their checkpoint, with the distinct non-null values of each field in the order they
 * first appear, as `captureStep` gathers them.
 */
export function fromStoredCapture(stored: StoredCapture): CapturedRows {
  if (stored.columns === undefined || stored.fields === undefined)
    return { count: stored.count, rows: stored.rows ?? [], values: stored.values ?? {} };
  const { fields, columns } = stored;
  const length = columns[0]?.length ?? 0;
  const rows: DataRow[] = [];
  for (let i = 0; i < length; i++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, j) => (row[f] = columns[j]?.[i] ?? null));
    rows.push(row);
  }
  const values = Object.fromEntries(
    fields.map((f, j) => {
      const distinct = new Map<string, unknown>();
      for (const value of columns[j] ?? []) {
        if (value === null || value === undefined) continue;
        const id = valueKey(value);
        if (!distinct.has(id)) distinct.set(id, value);
      }
      return [f, [...distinct.values()]];
    }),
  );
  return { count: stored.count, rows, values };
}
