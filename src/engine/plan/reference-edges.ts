import { collectionId } from '../../datamap/dataset-graph/dataset-index.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import type { ErrorIssue } from '../../domain/errors.ts';

/** "Rows of `to` are found where `toField` equals `fromField` of the rows found in `from`." */
export interface TraversalEdge {
  readonly from: string;
  readonly to: string;
  readonly fromField: string;
  readonly toField: string;
  /** `referenced`: `from`'s rows point at `to`'s; `referencing`: `to`'s rows point at `from`'s. */
  readonly relation: 'referenced' | 'referencing';
}

/** One field reference of the map: the field that holds it points at `target`'s field. */
export interface MapReference {
  readonly owner: string;
  readonly ownerField: string;
  readonly target: string;
  readonly targetField: string;
  readonly direction?: 'from' | 'to';
}

/**
 * Every top-level field reference of the map, resolved to collection ids. References on or to nested fields
 * cannot be queried in a table and are reported; references to missing collections are left to the graph check.
 */
export function mapReferences(datasets: readonly FidesDataset[]): {
  references: MapReference[];
  issues: ErrorIssue[];
} {
  const known = new Set(datasets.flatMap((d) => d.collections.map((c) => collectionId(d.fides_key, c.name))));
  const references: MapReference[] = [];
  const issues: ErrorIssue[] = [];
  for (const dataset of datasets)
    for (const collection of dataset.collections) {
      const owner = collectionId(dataset.fides_key, collection.name);
      const visit = (fields: typeof collection.fields, nested: boolean) => {
        for (const field of fields) {
          for (const reference of field.fides_meta?.references ?? []) {
            const [name = '', ...rest] = reference.field.split('.');
            const target = collectionId(reference.dataset, name);
            if (nested || rest.length !== 1) {
              const path = `${owner}.${field.name}`;
              issues.push({
                code: 'nested_reference',
                path,
                message: `${path}: references between nested fields are not followed`,
              });
            } else if (known.has(target))
              references.push({
                owner,
                ownerField: field.name,
                target,
                targetField: rest[0] ?? '',
                ...(reference.direction === undefined ? {} : { direction: reference.direction }),
              });
          }
          if (field.fields !== undefined) visit(field.fields, true);
        }
      };
      visit(collection.fields, false);
    }
  return { references, issues };
}

/**
 * The traversal edges between included collections, per Fides `direction`: on field F of C, a reference to X.f
 * with `to` finds X from C (X.f = C.F), `from` finds C from X (C.F = X.f), no direction both.
 */
export function traversalEdges(
  references: readonly MapReference[],
  included: ReadonlySet<string>,
): TraversalEdge[] {
  const edges: TraversalEdge[] = [];
  for (const r of references) {
    if (!included.has(r.owner) || !included.has(r.target)) continue;
    if (r.direction !== 'from')
      edges.push({
        from: r.owner,
        to: r.target,
        fromField: r.ownerField,
        toField: r.targetField,
        relation: 'referenced',
      });
    if (r.direction !== 'to')
      edges.push({
        from: r.target,
        to: r.owner,
        fromField: r.targetField,
        toField: r.ownerField,
        relation: 'referencing',
      });
  }
  return edges;
}
