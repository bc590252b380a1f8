import { DateTime } from '../date-time.tsx';
import type { ApiKey } from './api-key.ts';

export interface ApiKeysTableProps {
  readonly keys: readonly ApiKey[];
  readonly onRevoke: (key: ApiKey) => void;
}

/** Active API keys, oldest first, each recognisable by its first characters and revocable. */
export function ApiKeysTable({ keys, onRevoke }: ApiKeysTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Active API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key starts with</th>
            <th scope="col">Role</th>
            <th scope="col">Created by</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-id={key.id}>
              <th scope="row" className="row-heading">
                {key.name}
              </th>
              <td className="nowrap">
                <code>{key.prefix}…</code>
              </td>
              <td>
                <span className={`badge badge-role-${key.role}`}>{key.role}</span>
              </td>
              <td>
                <code>{key.createdBy}</code>
              </td>
              <td className="nowrap">
                <DateTime value={key.createdAt} />
              </td>
              <td className="nowrap">
                <DateTime value={key.lastUsedAt} />
              </td>
              <td className="actions-cell">
                <button
                  className="button button-danger-quiet button-small"
                  type="button"
                  aria-label={`Revoke the key ${key.name}`}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
