import type { SchemaInfo, TableInfo } from '../../connectors/introspection.ts';
import type { GraphCheckOptions, IdentityField } from './check-dataset-graph.ts';

/**
 * Columns a lookup by value can use an index for: the leading column of every index and of the primary key
 * (SQLite's rowid primary key has no index entry of its own, yet is the fastest lookup there is).
 */
export function seekableColumns(table: TableInfo): Set<string> {
  const columns = new Set<string>();
  if (table.primaryKey[0] !== undefined) columns.add(table.primaryKey[0]);
  for (const index of table.indexes) if (index.columns[0] !== undefined) columns.add(index.columns[0]);
  return columns;
}

function findTable(schema: SchemaInfo, name: string): TableInfo | undefined {
  // MySQL on Windows/macOS folds table names to lower case; a data map may keep the original spelling.
  return (
    schema.tables.find((t) => t.name === name) ??
    schema.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * The graph check's index hook, answered from the live schemas of the datasets that have a connection:
 * `undefined` (unknown) for other datasets, nested fields, Redis (keys are looked up directly) and tables or
 * columns the live schema does not have.
 */
export function indexLookup(
  schemas: ReadonlyMap<string, SchemaInfo>,
): NonNullable<GraphCheckOptions['hasIndex']> {
  const cache = new Map<TableInfo, Set<string>>();
  return (field: IdentityField) => {
    const schema = schemas.get(field.dataset);
    if (schema === undefined || schema.engine === 'redis' || field.field.includes('.')) return undefined;
    const table = findTable(schema, field.collection);
    if (table === undefined || !table.columns.some((c) => c.name === field.field)) return undefined;
    const seekable = cache.get(table) ?? seekableColumns(table);
    cache.set(table, seekable);
    return seekable.has(field.field);
  };
}
