import { Link } from '../../../shared/link.tsx';
import type { System } from '../datamap-types.ts';

/** Systems by name, with their owner, datasets and recipients. */
export function SystemsTable({ systems }: { readonly systems: readonly System[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Systems</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Business function</th>
            <th scope="col">Owner</th>
            <th scope="col">Datasets</th>
            <th scope="col">Recipients</th>
          </tr>
        </thead>
        <tbody>
          {systems.map((system) => (
            <tr key={system.key} data-key={system.key}>
              <th scope="row" className="row-heading">
                <Link to={`/admin/datamap/systems/${encodeURIComponent(system.key)}`}>{system.name}</Link>
              </th>
              <td>{system.businessFunction || '—'}</td>
              <td>{system.owner || '—'}</td>
              <td>{system.datasetKeys.length === 0 ? '—' : <code>{system.datasetKeys.join(', ')}</code>}</td>
              <td>
                {system.recipientKeys.length === 0 ? '—' : <code>{system.recipientKeys.join(', ')}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
