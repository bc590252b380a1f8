import type { IndexInfo } from './introspection.ts';

/** Columns that a unique index, unique constraint or primary key covers on its own. */
export function uniqueColumns(
  indexes: readonly IndexInfo[],
  primaryKey: readonly string[],
): ReadonlySet<string> {
  const unique = new Set<string>();
  if (primaryKey.length === 1 && primaryKey[0] !== undefined) unique.add(primaryKey[0]);
  for (const index of indexes)
    if ((index.unique || index.primary) && index.columns.length === 1 && index.columns[0] !== undefined)
      unique.add(index.columns[0]);
  return unique;
}
