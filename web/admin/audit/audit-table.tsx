import type { AuditEntry } from './audit-entry.ts';
import { AuditDetails } from './audit-details.tsx';

/** The audit entries, newest first, one row each. */
export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-seq={entry.seq}>
              <td className="nowrap">
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
              </td>
              <td>
                <code>{entry.actor}</code>
              </td>
              <td className="nowrap">
                <code>{entry.action}</code>
              </td>
              <td>
                <code>{entry.target}</code>
              </td>
              <td className="details-cell">
                <AuditDetails details={entry.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
