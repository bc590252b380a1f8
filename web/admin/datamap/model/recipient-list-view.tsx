import { useApiGet } from '../../use-api-get.ts';
import type { RecipientList } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { RecipientsTable } from './recipients-table.tsx';
import { RecordListHeader } from './record-list-header.tsx';

/** Every recipient, and for admins the way to add one. */
export function RecipientListView() {
  const canEdit = useRoleAllows('admin');
  const { data, loading, error } = useApiGet<RecipientList>('/api/admin/recipients');
  const recipients = data?.recipients ?? [];
  return (
    <>
      <RecordListHeader
        title="Recipients"
        lead="Processors and other parties that receive personal data: their role, where they process it and when the contract (DPA) was signed."
        add={canEdit ? { to: '/admin/datamap/recipients/new', label: 'Add a recipient' } : undefined}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The recipients could not be loaded: {error}
        </p>
      )}
      {recipients.length > 0 && <RecipientsTable recipients={recipients} />}
      <p className="status table-footer" role="status">
        {loading && data === null
          ? 'Loading…'
          : recipients.length === 0
            ? 'There are no recipients yet.'
            : `${recipients.length} ${recipients.length === 1 ? 'recipient' : 'recipients'}.`}
      </p>
    </>
  );
}
