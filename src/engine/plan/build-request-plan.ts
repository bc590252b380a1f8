import type { ConnectorEngine } from '../../connectors/connection-url.ts';
import type { SchemaInfo } from '../../connectors/introspection.ts';
import { collectionId } from '../../datamap/dataset-graph/dataset-index.ts';
import { findCycles } from '../../datamap/dataset-graph/find-cycles.ts';
import type { FidesCollection, FidesDataset } from '../../datamap/fides-dataset.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import type { ErrorIssue } from '../../domain/errors.ts';
import type { SubjectIdentity } from '../identity/subject-identity.ts';
import { resolveLegalHolds } from '../legal-hold/resolve-legal-holds.ts';
import { keyFieldsOf, placeCollections, referrersOf, type CollectionPlace } from './collection-links.ts';
import {
  collectionScope,
  DEFAULT_SUBJECT,
  isPersonalCategory,
  type CollectionScope,
} from './collection-scope.ts';
import { erasureOrder } from './erasure-order.ts';
import { planFields } from './field-policy.ts';
import { orderCollections, type CollectionOrder } from './order-collections.ts';
import { mapReferences, traversalEdges, type MapReference } from './reference-edges.ts';
import type { ExcludedCollection, PlanSource, PlanStep, RequestPlan } from './request-plan.ts';

/** What a plan is built from; schemas and engines (by dataset `fides_key`) come from the live databases. */
export interface PlanInput {
  readonly datasets: readonly FidesDataset[];
  readonly identities: readonly SubjectIdentity[];
  /** The requester's data subject category (default `customer`). */
  readonly subject?: string;
  readonly schemas?: ReadonlyMap<string, SchemaInfo>;
  readonly engines?: ReadonlyMap<string, ConnectorEngine>;
  /** The data map's purposes, for legal holds. */
  readonly purposes?: readonly Purpose[];
  /** Issues found before planning (identities that could not be read), carried into the plan. */
  readonly issues?: readonly ErrorIssue[];
}

interface Indexed {
  readonly dataset: FidesDataset;
  readonly collection: FidesCollection;
  readonly scope: CollectionScope;
}

/** Plans a request over the datasets: pure, reads nothing; findings are data in the plan. */
export function buildRequestPlan(input: PlanInput): RequestPlan {
  const subject = input.subject ?? DEFAULT_SUBJECT;
  const schemas = input.schemas ?? new Map<string, SchemaInfo>();
  const index = new Map<string, Indexed>();
  for (const dataset of input.datasets)
    for (const collection of dataset.collections)
      index.set(collectionId(dataset.fides_key, collection.name), {
        dataset,
        collection,
        scope: collectionScope(collection, subject),
      });
  const places = placeCollections(input.datasets, schemas, input.engines ?? new Map());
  const { references, issues: referenceIssues } = mapReferences(input.datasets);
  const included = new Set([...index].filter(([, c]) => c.scope.included).map(([id]) => id));
  const identitySources = new Map<string, PlanSource[]>();
  for (const id of included) {
    const sources = (index.get(id)?.collection.fields ?? []).flatMap((field): PlanSource[] => {
      const identity = input.identities.find((i) => i.type === field.fides_meta?.identity);
      return identity === undefined
        ? []
        : [{ kind: 'identity', field: field.name, identity: identity.type, transform: identity.transform }];
    });
    if (sources.length > 0) identitySources.set(id, sources);
  }
  const after = new Map(
    [...included].map((id) => {
      const addresses = index.get(id)?.collection.fides_meta?.after ?? [];
      return [id, addresses.map((a) => [...included].find((s) => s.replace('/', '.') === a) ?? '')] as const;
    }),
  );
  const order = orderCollections(
    new Set(identitySources.keys()),
    traversalEdges(references, included),
    after,
  );
  const issues: ErrorIssue[] = [...(input.issues ?? []), ...referenceIssues];
  const held = new Set(
    [...identitySources.values()].flat().map((s) => (s.kind === 'identity' ? s.identity : '')),
  );
  for (const identity of input.identities)
    if (!held.has(identity.type)) {
      const message = `no collection of the subject holds the identity "${identity.type}", so it finds nothing`;
      issues.push({ code: 'identity_unused', path: `identities.${identity.type}`, message });
    }
  const scopeOf = (id: string): { step: string } | { outside: string } => {
    if (order.reached.has(id)) return { step: id };
    const scope = index.get(id)?.scope;
    return { outside: scope !== undefined && !scope.included ? scope.detail : 'not reached by this request' };
  };
  const steps = order.order.map((id) =>
    planStep(
      id,
      index,
      places,
      references,
      order,
      identitySources,
      schemas,
      input.purposes ?? [],
      scopeOf,
      issues,
    ),
  );
  const excluded: ExcludedCollection[] = [...index].flatMap(([id, c]) => {
    const name = places.get(id)?.name ?? id;
    if (!c.scope.included) return [{ id, name, reason: c.scope.reason, detail: c.scope.detail }];
    if (order.reached.has(id)) return [];
    return [{ id, name, reason: 'unreachable' as const, detail: 'no identity of this request leads to it' }];
  });
  const followedFrom = (id: string) => [...order.kept, ...order.dropped].filter((e) => e.from === id);
  const graph = new Map([...order.reached].map((id) => [id, new Set(followedFrom(id).map((e) => e.to))]));
  return {
    subject,
    identities: input.identities,
    steps,
    erasureOrder: erasureOrder(order.order, references, input.datasets, schemas),
    excluded,
    cycles: findCycles(graph),
    droppedEdges: order.dropped,
    issues,
  };
}

function planStep(
  id: string,
  index: ReadonlyMap<string, Indexed>,
  places: ReadonlyMap<string, CollectionPlace>,
  references: readonly MapReference[],
  order: CollectionOrder,
  identitySources: ReadonlyMap<string, PlanSource[]>,
  schemas: ReadonlyMap<string, SchemaInfo>,
  purposes: readonly Purpose[],
  scopeOf: (id: string) => { step: string } | { outside: string },
  issues: ErrorIssue[],
): PlanStep {
  const { dataset, collection } = index.get(id) as Indexed;
  const place = places.get(id) as CollectionPlace;
  const schema = schemas.get(dataset.fides_key);
  const declared = collection.fields.filter((f) => f.fides_meta?.primary_key === true).map((f) => f.name);
  const live = place.live?.primaryKey ?? [];
  const primaryKey =
    declared.length > 0 ? declared : live.length > 0 ? live : place.engine === 'redis' ? ['key'] : [];
  const sources: PlanSource[] = [
    ...(identitySources.get(id) ?? []),
    ...order.kept
      .filter((e) => e.to === id)
      .map((e): PlanSource => ({
        kind: 'reference',
        field: e.toField,
        from: e.from,
        fromField: e.fromField,
        relation: e.relation,
      })),
  ];
  const personal = collection.fields
    .map((f) => ({ name: f.name, categories: (f.data_categories ?? []).filter(isPersonalCategory) }))
    .filter((f) => f.categories.length > 0);
  const holds = resolveLegalHolds(collection, personal, purposes, id);
  issues.push(...holds.issues);
  const keyFields = keyFieldsOf(place, references, schema);
  const policy = planFields({
    collection,
    table: place.live,
    primaryKey,
    keyFields,
    holds: holds.holds,
    path: id,
  });
  issues.push(...policy.issues);
  const referrers = referrersOf(place, references, places, schema, scopeOf);
  const followed = order.kept.filter((e) => e.from === id).map((e) => e.fromField);
  return {
    id,
    dataset: dataset.fides_key,
    collection: collection.name,
    name: place.name,
    table: place.table,
    primaryKey,
    sources,
    identityFields: Object.fromEntries(
      collection.fields.flatMap((f) =>
        f.fides_meta?.identity === undefined ? [] : [[f.name, f.fides_meta.identity]],
      ),
    ),
    fields: policy.fields,
    rowDelete: policy.rowDelete,
    holds: holds.holds,
    // Key fields too: detaching a loop of references before deletes reads them from the checkpoint.
    captureFields: [
      ...new Set([
        ...primaryKey,
        ...followed,
        ...referrers.flatMap((r) => r.targets ?? [r.target]),
        ...keyFields,
      ]),
    ],
    referrers,
  };
}
