import { Link } from '../../../shared/link.tsx';
import { DateTime } from '../../date-time.tsx';
import type { DatasetSummary } from '../datamap-types.ts';

export interface DatasetsTableProps {
  readonly datasets: readonly DatasetSummary[];
  /** Absent for roles that may not delete. */
  readonly onDelete?: ((dataset: DatasetSummary) => void) | undefined;
}

/** Stored datasets by key with their size, each leading to its collections and its graph. */
export function DatasetsTable({ datasets, onDelete }: DatasetsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Datasets</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Collections
            </th>
            <th scope="col" className="numeric">
              Fields
            </th>
            <th scope="col">Systems</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.fidesKey} data-key={dataset.fidesKey}>
              <th scope="row" className="row-heading">
                <Link to={`/admin/datamap/datasets/${encodeURIComponent(dataset.fidesKey)}`}>
                  <code>{dataset.fidesKey}</code>
                </Link>
              </th>
              <td>{dataset.name ?? '—'}</td>
              <td className="numeric">{dataset.collections}</td>
              <td className="numeric">{dataset.fields}</td>
              <td>{dataset.systemKeys.length === 0 ? '—' : <code>{dataset.systemKeys.join(', ')}</code>}</td>
              <td className="nowrap">
                <DateTime value={dataset.updatedAt} />
              </td>
              <td className="actions-cell">
                <Link
                  className="button button-secondary button-small"
                  to={`/admin/datamap/graph/${encodeURIComponent(dataset.fidesKey)}`}
                  aria-label={`Graph of ${dataset.fidesKey}`}
                >
                  Graph
                </Link>{' '}
                {onDelete !== undefined && (
                  <button
                    className="button button-danger-quiet button-small"
                    type="button"
                    aria-label={`Delete the dataset ${dataset.fidesKey}`}
                    onClick={() => onDelete(dataset)}
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
