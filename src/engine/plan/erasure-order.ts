import type { SchemaInfo } from '../../connectors/introspection.ts';
import { collectionId } from '../../datamap/dataset-graph/dataset-index.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import { findColumn, findTable } from './find-table.ts';
import type { MapReference } from './reference-edges.ts';

/**
 * Erasure order: a collection whose rows refer to another's (by a map reference, whichever its direction, or a
 * foreign key) comes first, so that deletes never leave a row pointing at a deleted one; `erase_after` adds
 * order. A loop is broken at a reference whose column may be null (it is nulled before the delete), else at
 * the collection planned earliest.
 */
export function erasureOrder(
  stepIds: readonly string[],
  references: readonly MapReference[],
  datasets: readonly FidesDataset[],
  schemas: ReadonlyMap<string, SchemaInfo>,
): string[] {
  const steps = new Set(stepIds);
  // then → (first → whether the reference making `first` wait may be nulled)
  const before = new Map<string, Map<string, boolean>>(stepIds.map((id) => [id, new Map()]));
  const must = (first: string, then: string, nullable: boolean) => {
    if (first === then || !steps.has(first) || !steps.has(then)) return;
    const edges = before.get(then);
    edges?.set(first, (edges.get(first) ?? true) && nullable);
  };
  const collectionOf = (id: string) => {
    const dataset = datasets.find((d) => id.startsWith(`${d.fides_key}/`));
    const name = id.slice((dataset?.fides_key.length ?? 0) + 1);
    return { dataset, table: findTable(schemas.get(dataset?.fides_key ?? ''), name) };
  };
  for (const r of references)
    must(r.owner, r.target, findColumn(collectionOf(r.owner).table, r.ownerField)?.nullable ?? false);
  for (const dataset of datasets) {
    const schema = schemas.get(dataset.fides_key);
    const idOf = (table: string) => {
      const collection = dataset.collections.find((c) => findTable(schema, c.name)?.name === table);
      return collection === undefined ? undefined : collectionId(dataset.fides_key, collection.name);
    };
    for (const collection of dataset.collections) {
      const id = collectionId(dataset.fides_key, collection.name);
      const table = findTable(schema, collection.name);
      for (const fk of table?.foreignKeys ?? []) {
        const target = fk.referencedNamespace === undefined ? idOf(fk.referencedTable) : undefined;
        const nullable = fk.columns.every((c) => findColumn(table, c)?.nullable === true);
        if (target !== undefined) must(id, target, nullable);
      }
      for (const address of collection.fides_meta?.erase_after ?? []) {
        const target = stepIds.find((s) => s.replace('/', '.') === address);
        if (target !== undefined) must(target, id, false);
      }
    }
  }
  const order: string[] = [];
  const done = new Set<string>();
  const waiting = (id: string) => [...(before.get(id) ?? [])].filter(([first]) => !done.has(first));
  while (order.length < stepIds.length) {
    const remaining = stepIds.filter((id) => !done.has(id));
    const next =
      remaining.find((id) => waiting(id).length === 0) ??
      remaining.find((id) => waiting(id).every(([, nullable]) => nullable)) ??
      remaining[0] ??
      '';
    order.push(next);
    done.add(next);
  }
  return order;
}
