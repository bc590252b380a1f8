import type { CollectionGraph, CollectionNode, ReferenceEdge } from './collection-graph.ts';
import { nodeMeta } from './node-kinds.ts';

/** A node with its place: its column (layer) and the box it is drawn in. */
export interface PlacedNode extends CollectionNode {
  readonly layer: number;
  /** References to follow from an identity collection to reach it; null when no identity reaches it. */
  readonly distance: number | null;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge with the SVG path it is drawn along. */
export interface PlacedEdge extends ReferenceEdge {
  readonly path: string;
}

/** Where everything goes, and the size of the drawing. */
export interface GraphLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
  /** Where the columns of collections no identity reaches begin, to mark them off; null when there are none. */
  readonly unreachedX: number | null;
}

export const NODE_HEIGHT = 56;
const GAP_X = 96;
const GAP_Y = 28;
const MARGIN = 24;
const SWEEPS = 4;
// Room above the columns for the "not reached" label.
const LABEL_SPACE = 26;

/** Rough widths of a character of the name (bold 14px) and of the second line (12px). */
export const NAME_CHAR_WIDTH = 8.2;
export const META_CHAR_WIDTH = 6.9;
export const NODE_PADDING = 16;

/** The width that fits a node's two lines, within bounds (SVG text does not wrap; longer text is cut). */
export function nodeWidth(node: CollectionNode): number {
  const text = Math.max(node.name.length * NAME_CHAR_WIDTH, nodeMeta(node).length * META_CHAR_WIDTH);
  return Math.min(340, Math.max(150, Math.ceil(text + NODE_PADDING * 2 + 2)));
}

function adjacency(graph: CollectionGraph): Map<string, string[]> {
  const next = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    next.get(edge.from)?.push(edge.to);
    if (!edge.directed) next.get(edge.to)?.push(edge.from);
  }
  return next;
}

function breadthFirst(
  starts: readonly string[],
  next: Map<string, string[]>,
  skip: Set<string>,
): Map<string, number> {
  const distance = new Map<string, number>(starts.map((id) => [id, 0]));
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] ?? '';
    for (const to of next.get(id) ?? []) {
      if (distance.has(to) || skip.has(to)) continue;
      distance.set(to, (distance.get(id) ?? 0) + 1);
      queue.push(to);
    }
  }
  return distance;
}

/**
 * Layers: identity collections first, then each collection at its reference distance from them (following
 * references the way a request does). Collections no identity reaches come after, layered the same way from
 * those of them no directed reference points at.
 */
function layers(graph: CollectionGraph): {
  layer: Map<string, number>;
  distance: Map<string, number>;
  firstUnreached: number | null;
} {
  const next = adjacency(graph);
  const roots = graph.nodes.filter((node) => node.identities.length > 0).map((node) => node.id);
  const distance = breadthFirst(roots, next, new Set());
  const layer = new Map(distance);
  let offset = distance.size === 0 ? 0 : Math.max(...distance.values()) + 1;
  const firstUnreached = layer.size < graph.nodes.length ? offset : null;
  // Only a directed reference from another collection makes one the start of nothing.
  const pointedAt = new Set(
    graph.edges.filter((edge) => edge.directed && edge.from !== edge.to).map((edge) => edge.to),
  );
  let rest = graph.nodes.filter((node) => !layer.has(node.id)).map((node) => node.id);
  while (rest.length > 0) {
    const sources = rest.filter((id) => !pointedAt.has(id));
    const starts = sources.length > 0 ? sources : rest.slice(0, 1);
    const local = breadthFirst(starts, next, new Set(layer.keys()));
    for (const [id, d] of local) layer.set(id, offset + d);
    offset += Math.max(...local.values()) + 1;
    rest = rest.filter((id) => !layer.has(id));
  }
  return { layer, distance, firstUnreached };
}

/** Orders each layer by the mean position of its neighbours in the layer before (then after), to untangle. */
function orderLayers(graph: CollectionGraph, layer: Map<string, number>): string[][] {
  const count = Math.max(-1, ...layer.values()) + 1;
  const columns: string[][] = Array.from({ length: count }, () => []);
  const byName = [...graph.nodes].sort((a, b) => a.name.localeCompare(b.name));
  for (const node of byName) columns[layer.get(node.id) ?? 0]?.push(node.id);
  const neighbours = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    neighbours.get(edge.from)?.push(edge.to);
    neighbours.get(edge.to)?.push(edge.from);
  }
  const reorder = (column: string[], reference: string[] | undefined) => {
    if (reference === undefined) return;
    const position = new Map(reference.map((id, i) => [id, i]));
    const weight = new Map(
      column.map((id, i) => {
        const places = (neighbours.get(id) ?? []).flatMap((n) => {
          const at = position.get(n);
          return at === undefined ? [] : [at];
        });
        return [id, places.length === 0 ? i : places.reduce((a, b) => a + b, 0) / places.length];
      }),
    );
    column.sort((a, b) => (weight.get(a) ?? 0) - (weight.get(b) ?? 0));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 1; i < count; i++) reorder(columns[i] ?? [], columns[i - 1]);
    for (let i = count - 2; i >= 0; i--) reorder(columns[i] ?? [], columns[i + 1]);
  }
  return columns;
}

function edgePath(from: PlacedNode, to: PlacedNode): string {
  const fromMid = from.y + from.height / 2;
  const toMid = to.y + to.height / 2;
  if (from.id === to.id) {
    // A self-reference: a loop off the right side.
    const x = from.x + from.width;
    return `M ${x} ${fromMid - 10} C ${x + 44} ${fromMid - 34}, ${x + 44} ${fromMid + 34}, ${x} ${fromMid + 10}`;
  }
  if (to.layer > from.layer) {
    const x1 = from.x + from.width;
    const x2 = to.x;
    const bend = (x2 - x1) / 2;
    return `M ${x1} ${fromMid} C ${x1 + bend} ${fromMid}, ${x2 - bend} ${toMid}, ${x2} ${toMid}`;
  }
  if (to.layer < from.layer) {
    const x1 = from.x;
    const x2 = to.x + to.width;
    const bend = (x1 - x2) / 2;
    return `M ${x1} ${fromMid} C ${x1 - bend} ${fromMid}, ${x2 + bend} ${toMid}, ${x2} ${toMid}`;
  }
  // The same column: an arc out to the right and back.
  const x = from.x + from.width;
  const reach = Math.min(GAP_X - 20, 36 + Math.abs(toMid - fromMid) / 6);
  return `M ${x} ${fromMid} C ${x + reach} ${fromMid}, ${x + reach} ${toMid}, ${x} ${toMid}`;
}

/** Places the nodes in columns by reference distance from the identity collections, and routes the edges. */
export function layoutCollectionGraph(graph: CollectionGraph): GraphLayout {
  const { layer, distance, firstUnreached } = layers(graph);
  const top0 = MARGIN + (firstUnreached === null ? 0 : LABEL_SPACE);
  const columns = orderLayers(graph, layer);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // Each column as wide as its widest node.
  const widths = columns.map((column) =>
    Math.max(
      0,
      ...column.map((id) => {
        const node = byId.get(id);
        return node === undefined ? 0 : nodeWidth(node);
      }),
    ),
  );
  const lefts = widths.map((_, l) => MARGIN + widths.slice(0, l).reduce((sum, w) => sum + w + GAP_X, 0));
  const tallest = Math.max(0, ...columns.map((column) => column.length));
  const columnHeight = (n: number) => n * NODE_HEIGHT + Math.max(0, n - 1) * GAP_Y;
  const nodes: PlacedNode[] = [];
  columns.forEach((column, l) => {
    const top = top0 + (columnHeight(tallest) - columnHeight(column.length)) / 2;
    column.forEach((id, i) => {
      const node = byId.get(id);
      if (node === undefined) return;
      nodes.push({
        ...node,
        layer: l,
        distance: distance.get(id) ?? null,
        x: lefts[l] ?? MARGIN,
        y: top + i * (NODE_HEIGHT + GAP_Y),
        width: widths[l] ?? 0,
        height: NODE_HEIGHT,
      });
    });
  });
  const placed = new Map(nodes.map((node) => [node.id, node]));
  const edges = graph.edges.flatMap((edge): PlacedEdge[] => {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    return from === undefined || to === undefined ? [] : [{ ...edge, path: edgePath(from, to) }];
  });
  // Room on the right for arcs within the last column and self-loops.
  const hasArcs = edges.some(
    (edge) => (placed.get(edge.from)?.layer ?? -1) === (placed.get(edge.to)?.layer ?? -2),
  );
  return {
    nodes,
    edges,
    width:
      MARGIN * 2 +
      widths.reduce((sum, w) => sum + w, 0) +
      Math.max(0, columns.length - 1) * GAP_X +
      (hasArcs ? 60 : 0),
    height: top0 + MARGIN + columnHeight(tallest),
    unreachedX:
      firstUnreached === null
        ? null
        : firstUnreached === 0
          ? MARGIN / 2
          : (lefts[firstUnreached] ?? MARGIN) - GAP_X / 2,
  };
}
