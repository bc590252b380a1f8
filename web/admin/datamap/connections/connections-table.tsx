import { Link } from '../../../shared/link.tsx';
import type { ConnectionView } from '../datamap-types.ts';
import { LastTest } from './last-test.tsx';

export interface ConnectionsTableProps {
  readonly connections: readonly ConnectionView[];
  /** The id of the connection being tested, to disable its button meanwhile. */
  readonly testing: string | null;
  /** Each action is absent for roles that may not take it. */
  readonly onTest?: ((connection: ConnectionView) => void) | undefined;
  readonly canScan: boolean;
  readonly onDelete?: ((connection: ConnectionView) => void) | undefined;
}

/** Connections by name: engine, URL without its password, dataset, last test, and the actions the role allows. */
export function ConnectionsTable({ connections, testing, onTest, canScan, onDelete }: ConnectionsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Connections</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Engine</th>
            <th scope="col">URL</th>
            <th scope="col">Dataset</th>
            <th scope="col">Last test</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <tr key={connection.id} data-id={connection.id}>
              <th scope="row" className="row-heading">
                {connection.name}
              </th>
              <td>{connection.engine}</td>
              <td>
                <code>{connection.url}</code>
              </td>
              <td>
                {connection.datasetKey === null ? (
                  '—'
                ) : (
                  <Link to={`/admin/datamap/datasets/${encodeURIComponent(connection.datasetKey)}`}>
                    <code>{connection.datasetKey}</code>
                  </Link>
                )}
              </td>
              <td className="last-test-cell">
                <LastTest lastTest={connection.lastTest} />
              </td>
              <td className="actions-cell">
                {onTest !== undefined && (
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`Test the connection ${connection.name}`}
                    disabled={testing === connection.id}
                    onClick={() => onTest(connection)}
                  >
                    {testing === connection.id ? 'Testing…' : 'Test'}
                  </button>
                )}{' '}
                {canScan && (
                  <Link
                    className="button button-secondary button-small"
                    to={`/admin/datamap/connections/${encodeURIComponent(connection.id)}/scan`}
                    aria-label={`Scan ${connection.name}`}
                  >
                    Scan
                  </Link>
                )}{' '}
                {onDelete !== undefined && (
                  <button
                    className="button button-danger-quiet button-small"
                    type="button"
                    aria-label={`Delete the connection ${connection.name}`}
                    onClick={() => onDelete(connection)}
                  >
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
