import type { ColumnInfo, SchemaInfo, TableInfo } from '../../connectors/introspection.ts';

function byName<T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined {
  // MySQL on some systems and SQLite always match names case-insensitively; a map may spell them either way.
  return items.find((i) => i.name === name) ?? items.find((i) => i.name.toLowerCase() === name.toLowerCase());
}

/** The live table a collection names, if the schema has it. */
export function findTable(schema: SchemaInfo | undefined, name: string): TableInfo | undefined {
  return schema === undefined ? undefined : byName(schema.tables, name);
}

/** The live column a field names, if the table has it. */
export function findColumn(table: TableInfo | undefined, name: string): ColumnInfo | undefined {
  return table === undefined ? undefined : byName(table.columns, name);
}
