import { Link } from '../../../shared/link.tsx';
import { useApiGet } from '../../use-api-get.ts';
import type { RecipientList, TransferList } from '../datamap-types.ts';
import { RecordListHeader } from '../model/record-list-header.tsx';
import { useRoleAllows } from '../use-role-allows.ts';
import { safeguardLabel } from './safeguard-options.ts';

/** Every international transfer with its safeguard, and for admins the way to record one. */
export function TransferListView() {
  const canEdit = useRoleAllows('admin');
  const { data, loading, error } = useApiGet<TransferList>('/api/admin/transfers');
  const recipients = useApiGet<RecipientList>('/api/admin/recipients').data?.recipients ?? [];
  const transfers = data?.transfers ?? [];
  const nameOf = (key: string) => recipients.find((r) => r.key === key)?.name ?? key;
  return (
    <>
      <RecordListHeader
        title="Transfers"
        lead="Personal data sent to a country outside the EEA, and what makes it lawful: an adequacy decision, standard contractual clauses, binding corporate rules or a derogation (GDPR Chapter V)."
        add={canEdit ? { to: '/admin/datamap/transfers/new', label: 'Add a transfer' } : undefined}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The transfers could not be loaded: {error}
        </p>
      )}
      {transfers.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Transfers</caption>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Country</th>
                <th scope="col">Safeguard</th>
                <th scope="col">Reference</th>
                <th scope="col">System</th>
              </tr>
            </thead>
            <tbody>
              {transfers.map((transfer) => (
                <tr key={transfer.id} data-key={transfer.id}>
                  <th scope="row" className="row-heading">
                    <Link to={`/admin/datamap/transfers/${encodeURIComponent(transfer.id)}`}>
                      {nameOf(transfer.recipientKey)}
                    </Link>
                  </th>
                  <td>{transfer.destinationCountry}</td>
                  <td>{safeguardLabel(transfer.safeguard)}</td>
                  <td>{transfer.safeguardReference || '—'}</td>
                  <td>{transfer.systemKey === null ? '—' : <code>{transfer.systemKey}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="status table-footer" role="status">
        {loading && data === null
          ? 'Loading…'
          : transfers.length === 0
            ? 'There are no transfers yet.'
            : `${transfers.length} ${transfers.length === 1 ? 'transfer' : 'transfers'}.`}
      </p>
    </>
  );
}
