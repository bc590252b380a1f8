import { Link } from '../../../shared/link.tsx';
import type { GraphLayout, PlacedEdge } from './layout-collection-graph.ts';
import { nodeKindWords } from './node-kinds.ts';

export interface GraphTableProps {
  readonly datasetKey: string;
  readonly layout: GraphLayout;
}

function referenceList(edges: readonly PlacedEdge[], other: (edge: PlacedEdge) => string) {
  if (edges.length === 0) return <span aria-label="none">—</span>;
  return (
    <ul className="plain-list">
      {edges.map((edge) => (
        <li key={edge.id}>
          <strong>{other(edge)}</strong> <span className="muted">via</span> <code>{edge.field}</code>
          {edge.directed ? '' : ' (both ways)'}
        </li>
      ))}
    </ul>
  );
}

/** The graph as a table, in drawing order: what each collection is and where its references lead. */
export function GraphTable({ datasetKey, layout }: GraphTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="table-caption">Collections and references</caption>
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Kind</th>
            <th scope="col">Steps from an identity</th>
            <th scope="col">Leads to</th>
            <th scope="col">Reached from</th>
          </tr>
        </thead>
        <tbody>
          {layout.nodes.map((node) => {
            const words = nodeKindWords(node);
            return (
              <tr key={node.id} data-collection={node.id}>
                <th scope="row" className="row-heading">
                  {node.external || node.missing ? (
                    node.id
                  ) : (
                    <Link
                      to={`/admin/datamap/datasets/${encodeURIComponent(datasetKey)}#collection-${node.id}`}
                    >
                      {node.name}
                    </Link>
                  )}
                </th>
                <td>{words.length === 0 ? `${node.fields} fields` : words.join('; ')}</td>
                <td className="numeric">{node.distance === null ? 'not reached' : node.distance}</td>
                <td>
                  {referenceList(
                    layout.edges.filter((edge) => edge.from === node.id),
                    (edge) => edge.to,
                  )}
                </td>
                <td>
                  {referenceList(
                    layout.edges.filter((edge) => edge.to === node.id),
                    (edge) => edge.from,
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
