import type { FidesCollection, FidesDataset, FidesField } from '../datamap-types.ts';

/** A collection drawn as a node: its own, or one of another dataset that a reference points into. */
export interface CollectionNode {
  /** `collection` for the dataset's own, `dataset.collection` for another dataset's. */
  readonly id: string;
  /** The collection's name. */
  readonly name: string;
  /** The other dataset it is in; null for the dataset's own collections. */
  readonly dataset: string | null;
  readonly fields: number;
  /** Identity types its fields hold (`email`, `phone_number`): a request starts here. */
  readonly identities: readonly string[];
  /** Whose data the rows are when not the dataset's people (`employee`); null for the usual subject. */
  readonly subject: string | null;
  /** Marked as holding nothing about people (a product catalogue). */
  readonly catalogue: boolean;
  /** In another dataset: drawn for context, not part of this one. */
  readonly external: boolean;
  /** Named by a reference but not in this dataset. */
  readonly missing: boolean;
}

/** A reference between two collections, drawn from the side whose value finds rows in the other. */
export interface ReferenceEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** False for a reference without `direction`: it can be followed both ways. */
  readonly directed: boolean;
  /** The field that holds the reference, `collection.field`, and the field it names, `dataset.collection.field`. */
  readonly field: string;
  readonly target: string;
}

/** The collections of one dataset and the references between them. */
export interface CollectionGraph {
  readonly nodes: readonly CollectionNode[];
  readonly edges: readonly ReferenceEdge[];
}

function* walk(fields: readonly FidesField[], prefix = ''): Generator<{ field: FidesField; path: string }> {
  for (const field of fields) {
    const path = prefix === '' ? field.name : `${prefix}.${field.name}`;
    yield { field, path };
    if (field.fields !== undefined) yield* walk(field.fields, path);
  }
}

function ownNode(collection: FidesCollection): CollectionNode {
  const fields = [...walk(collection.fields)];
  const identities = fields.flatMap(({ field }) =>
    field.fides_meta?.identity === undefined ? [] : [field.fides_meta.identity],
  );
  return {
    id: collection.name,
    name: collection.name,
    dataset: null,
    fields: fields.length,
    identities: [...new Set(identities)],
    subject: collection['x-privet']?.data_subject ?? null,
    catalogue: collection['x-privet']?.personal === false,
    external: false,
    missing: false,
  };
}

/** The nodes and edges of a dataset: one node per collection, one edge per field reference. */
export function collectionGraph(dataset: FidesDataset): CollectionGraph {
  const nodes = new Map<string, CollectionNode>(dataset.collections.map((c) => [c.name, ownNode(c)]));
  const edges: ReferenceEdge[] = [];
  for (const collection of dataset.collections) {
    for (const { field, path } of walk(collection.fields)) {
      for (const reference of field.fides_meta?.references ?? []) {
        const targetCollection = reference.field.split('.')[0] ?? reference.field;
        const own = reference.dataset === dataset.fides_key;
        const target = own ? targetCollection : `${reference.dataset}.${targetCollection}`;
        if (!nodes.has(target)) {
          nodes.set(target, {
            id: target,
            name: targetCollection,
            dataset: own ? null : reference.dataset,
            fields: 0,
            identities: [],
            subject: null,
            catalogue: false,
            external: !own,
            missing: own,
          });
        }
        // `to`: this field's value finds rows there; `from`: that field's value finds rows here.
        const backwards = reference.direction === 'from';
        edges.push({
          id: `e${edges.length}`,
          from: backwards ? target : collection.name,
          to: backwards ? collection.name : target,
          directed: reference.direction !== undefined,
          field: `${collection.name}.${path}`,
          target: `${reference.dataset}.${reference.field}`,
        });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}
