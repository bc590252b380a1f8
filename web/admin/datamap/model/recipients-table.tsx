import { Link } from '../../../shared/link.tsx';
import type { Recipient } from '../datamap-types.ts';

/** Recipients by name, with their role, country and contract date. */
export function RecipientsTable({ recipients }: { readonly recipients: readonly Recipient[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Recipients</caption>
        <thead>
          <tr>
            <th scope="col">Recipient</th>
            <th scope="col">Category</th>
            <th scope="col">Role</th>
            <th scope="col">Country</th>
            <th scope="col">DPA signed</th>
            <th scope="col">Purposes</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((recipient) => (
            <tr key={recipient.key} data-key={recipient.key}>
              <th scope="row" className="row-heading">
                <Link to={`/admin/datamap/recipients/${encodeURIComponent(recipient.key)}`}>
                  {recipient.name}
                </Link>
              </th>
              <td>{recipient.category || '—'}</td>
              <td>
                <span className="badge">{recipient.role.replace('_', ' ')}</span>
              </td>
              <td>{recipient.country}</td>
              <td className="nowrap">{recipient.dpaSignedOn ?? '—'}</td>
              <td>
                {recipient.purposeKeys.length === 0 ? '—' : <code>{recipient.purposeKeys.join(', ')}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
