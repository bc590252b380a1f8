import type { SchemaInfo, TableInfo } from '../../connectors/introspection.ts';
import { collectionId } from '../../datamap/dataset-graph/dataset-index.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import { findColumn, findTable } from './find-table.ts';
import type { MapReference } from './reference-edges.ts';
import type { Referrer } from './request-plan.ts';

/** Where a collection of the map lives, as a connector names it. */
export interface CollectionPlace {
  readonly id: string;
  readonly dataset: string;
  readonly name: string;
  readonly table: string;
  readonly engine?: string;
  readonly live?: TableInfo;
}

/** The fields of a collection that link rows: its references, its foreign keys, and what others point at. */
export function keyFieldsOf(
  place: CollectionPlace,
  references: readonly MapReference[],
  schema: SchemaInfo | undefined,
): Set<string> {
  const keys = new Set<string>();
  for (const r of references) {
    if (r.owner === place.id) keys.add(r.ownerField);
    if (r.target === place.id) keys.add(r.targetField);
  }
  for (const fk of place.live?.foreignKeys ?? []) fk.columns.forEach((c) => keys.add(c));
  for (const table of schema?.tables ?? [])
    for (const fk of table.foreignKeys)
      if (fk.referencedNamespace === undefined && fk.referencedTable === place.live?.name)
        fk.referencedColumns.forEach((c) => keys.add(c));
  return keys;
}

/**
 * Everything that refers to a collection: map references (from any collection, in the plan or not) and
 * foreign keys of the same database (of several columns too). `scope` says whether a referrer is a step, or why not.
 */
export function referrersOf(
  place: CollectionPlace,
  references: readonly MapReference[],
  places: ReadonlyMap<string, CollectionPlace>,
  schema: SchemaInfo | undefined,
  scope: (id: string) => { step: string } | { outside: string },
): Referrer[] {
  const referrers = new Map<string, Referrer>();
  const add = (referrer: Referrer) =>
    referrers.set(
      JSON.stringify([referrer.dataset, referrer.table, referrer.field, referrer.target]),
      referrer,
    );
  for (const r of references) {
    const owner = places.get(r.owner);
    if (r.target !== place.id || owner === undefined) continue;
    const nullable = findColumn(owner.live, r.ownerField)?.nullable;
    add({
      dataset: owner.dataset,
      table: owner.table,
      name: owner.name,
      field: r.ownerField,
      target: r.targetField,
      ...(nullable === undefined ? {} : { nullable }),
      ...scope(r.owner),
    });
  }
  for (const table of schema?.tables ?? [])
    for (const fk of table.foreignKeys) {
      const [column] = fk.columns;
      const [target] = fk.referencedColumns;
      if (column === undefined || target === undefined) continue;
      if (fk.columns.length !== fk.referencedColumns.length) continue;
      if (fk.referencedNamespace !== undefined || fk.referencedTable !== place.live?.name) continue;
      const owner = [...places.values()].find(
        (p) => p.dataset === place.dataset && p.live?.name === table.name,
      );
      const where = owner === undefined ? { outside: 'not in the data map' } : scope(owner.id);
      add({
        dataset: place.dataset,
        table: table.name,
        name: owner?.name ?? table.name,
        nullable: findColumn(table, column)?.nullable ?? true,
        field: column,
        target,
        ...(fk.columns.length > 1 ? { fields: fk.columns, targets: fk.referencedColumns } : {}),
        ...where,
      });
    }
  return [...referrers.values()];
}

/** Where every collection of the map lives: its table (or Redis key template) and its live table if known. */
export function placeCollections(
  datasets: readonly FidesDataset[],
  schemas: ReadonlyMap<string, SchemaInfo>,
  engines: ReadonlyMap<string, string>,
): Map<string, CollectionPlace> {
  const counts = new Map<string, number>();
  for (const d of datasets) for (const c of d.collections) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const places = new Map<string, CollectionPlace>();
  for (const dataset of datasets)
    for (const collection of dataset.collections) {
      const id = collectionId(dataset.fides_key, collection.name);
      const live = findTable(schemas.get(dataset.fides_key), collection.name);
      const extension: Readonly<Record<string, unknown>> = collection['x-privet'] ?? {};
      const pattern = typeof extension.key_pattern === 'string' ? extension.key_pattern : undefined;
      const engine = engines.get(dataset.fides_key);
      const table = engine === 'redis' ? (pattern ?? collection.name) : (live?.name ?? collection.name);
      const name =
        (counts.get(collection.name) ?? 0) > 1 ? `${dataset.fides_key}.${collection.name}` : collection.name;
      places.set(id, {
        id,
        dataset: dataset.fides_key,
        name,
        table,
        ...(engine === undefined ? {} : { engine }),
        ...(live === undefined ? {} : { live }),
      });
    }
  return places;
}
