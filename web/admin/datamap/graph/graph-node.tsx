import {
  META_CHAR_WIDTH,
  NAME_CHAR_WIDTH,
  NODE_PADDING,
  type PlacedNode,
} from './layout-collection-graph.ts';
import { nodeClasses, nodeMeta } from './node-kinds.ts';

function fit(text: string, width: number, charWidth: number): string {
  const room = Math.floor((width - NODE_PADDING * 2) / charWidth);
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
}

export interface GraphNodeProps {
  readonly node: PlacedNode;
  /** Errors the graph check found in this collection. */
  readonly issues: number;
}

/** One collection as a box: its name, and what kind it is or how many fields it has. */
export function GraphNode({ node, issues }: GraphNodeProps) {
  const meta = nodeMeta(node);
  const details = [
    meta,
    ...(node.external || node.missing ? [] : [`${node.fields} ${node.fields === 1 ? 'field' : 'fields'}`]),
    ...(issues > 0 ? [`${issues} ${issues === 1 ? 'error' : 'errors'} found by the check`] : []),
  ];
  return (
    <g
      className={nodeClasses(node, issues)}
      data-collection={node.id}
      transform={`translate(${node.x} ${node.y})`}
    >
      <title>{`${node.name}: ${[...new Set(details)].join('; ')}`}</title>
      <rect className="graph-node-box" width={node.width} height={node.height} rx="8" />
      {node.identities.length > 0 && (
        <path
          className="graph-node-mark"
          d={`M 8 0 H 0 V ${node.height} H 8 A 8 8 0 0 1 0 ${node.height - 8} V 8 A 8 8 0 0 1 8 0 Z`}
        />
      )}
      <text className="graph-node-name" x={NODE_PADDING} y="23">
        {fit(node.name, node.width, NAME_CHAR_WIDTH)}
      </text>
      <text className="graph-node-meta" x={NODE_PADDING} y="43">
        {fit(meta, node.width, META_CHAR_WIDTH)}
      </text>
    </g>
  );
}
