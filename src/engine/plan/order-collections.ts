import type { DroppedEdge } from './request-plan.ts';
import type { TraversalEdge } from './reference-edges.ts';

/** The traversal order, the edges kept, and the edges dropped to break cycles. */
export interface CollectionOrder {
  readonly order: readonly string[];
  readonly reached: ReadonlySet<string>;
  readonly kept: readonly TraversalEdge[];
  readonly dropped: readonly DroppedEdge[];
}

/**
 * Orders the collections reachable from `starts` so that each comes after every collection it is found from
 * (and after its `after` collections). Where references loop, the collection nearest an identity goes first
 * and the loop's edges into it are dropped: following them would find rows by way of rows found from it.
 */
export function orderCollections(
  starts: ReadonlySet<string>,
  edges: readonly TraversalEdge[],
  after: ReadonlyMap<string, readonly string[]> = new Map(),
): CollectionOrder {
  const distance = new Map<string, number>();
  const queue = [...starts].sort();
  for (const id of queue) distance.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    for (const edge of edges)
      if (edge.from === id && !distance.has(edge.to)) {
        distance.set(edge.to, (distance.get(id) ?? 0) + 1);
        queue.push(edge.to);
      }
  }
  const reached = new Set(distance.keys());
  const incoming = (id: string) => edges.filter((e) => e.to === id && reached.has(e.from) && e.from !== id);
  const waitsFor = (id: string) => (after.get(id) ?? []).filter((w) => reached.has(w) && w !== id);
  const ordered = new Set<string>();
  const kept: TraversalEdge[] = [];
  const dropped: DroppedEdge[] = [];
  const byNearest = (a: string, b: string) =>
    (distance.get(a) ?? 0) - (distance.get(b) ?? 0) || a.localeCompare(b);
  while (ordered.size < reached.size) {
    const remaining = [...reached].filter((id) => !ordered.has(id)).sort(byNearest);
    const ready = remaining.find(
      (id) => incoming(id).every((e) => ordered.has(e.from)) && waitsFor(id).every((w) => ordered.has(w)),
    );
    const next =
      ready ??
      remaining.find((id) => starts.has(id) || incoming(id).some((e) => ordered.has(e.from))) ??
      remaining[0] ??
      '';
    for (const edge of incoming(next)) {
      if (ordered.has(edge.from)) kept.push(edge);
      else dropped.push({ from: edge.from, to: edge.to, field: edge.toField });
    }
    ordered.add(next);
  }
  // A collection found from its own rows (a customer referring a customer) would reach other people.
  for (const edge of edges)
    if (edge.from === edge.to && reached.has(edge.from))
      dropped.push({ from: edge.from, to: edge.to, field: edge.toField });
  return { order: [...ordered], reached, kept, dropped };
}
