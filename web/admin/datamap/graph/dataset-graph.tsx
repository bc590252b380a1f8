import type { GraphLayout } from './layout-collection-graph.ts';
import { GraphNode } from './graph-node.tsx';

export interface DatasetGraphProps {
  readonly datasetKey: string;
  readonly layout: GraphLayout;
  /** Errors of the graph check per collection name. */
  readonly issues: ReadonlyMap<string, number>;
}

/**
 * The collections of a dataset as boxes in columns, identity collections first, and its references as arrows.
 * For screen readers it is one image with a summary; the table beside it holds the same facts.
 */
export function DatasetGraph({ datasetKey, layout, issues }: DatasetGraphProps) {
  const roots = layout.nodes.filter((node) => node.identities.length > 0).map((node) => node.name);
  return (
    <div className="graph-scroll" tabIndex={0} role="group" aria-label={`Graph of ${datasetKey}, scrollable`}>
      <svg
        className="graph"
        role="img"
        aria-labelledby="graph-title graph-desc"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="graph-title">{`Collections and references of ${datasetKey}`}</title>
        <desc id="graph-desc">
          {`${layout.nodes.length} collections and ${layout.edges.length} references. ` +
            `Identity collections: ${roots.length === 0 ? 'none' : roots.join(', ')}. ` +
            'The table "Collections and references" below lists the same.'}
        </desc>
        <defs>
          <marker
            id="graph-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path className="graph-arrow" d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        {layout.unreachedX !== null && (
          <g className="graph-unreached">
            <line
              className="graph-unreached-line"
              x1={layout.unreachedX}
              y1="8"
              x2={layout.unreachedX}
              y2={layout.height - 8}
            />
            <text className="graph-unreached-label" x={layout.unreachedX + 10} y="20">
              Not reached from any identity →
            </text>
          </g>
        )}
        <g className="graph-edges">
          {layout.edges.map((edge) => (
            <path
              key={edge.id}
              className={edge.directed ? 'graph-edge' : 'graph-edge graph-edge-both'}
              d={edge.path}
              markerEnd="url(#graph-arrow)"
              {...(edge.directed ? {} : { markerStart: 'url(#graph-arrow)' })}
              data-from={edge.from}
              data-to={edge.to}
            >
              <title>{`${edge.field} → ${edge.target}${edge.directed ? '' : ' (both ways)'}`}</title>
            </path>
          ))}
        </g>
        <g className="graph-nodes">
          {layout.nodes.map((node) => (
            <GraphNode key={node.id} node={node} issues={issues.get(node.id) ?? 0} />
          ))}
        </g>
      </svg>
    </div>
  );
}
