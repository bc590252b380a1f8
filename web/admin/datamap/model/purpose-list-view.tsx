import { useApiGet } from '../../use-api-get.ts';
import type { PurposeList } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { PurposesTable } from './purposes-table.tsx';
import { RecordListHeader } from './record-list-header.tsx';

/** Every purpose, and for admins the way to add one. */
export function PurposeListView() {
  const canEdit = useRoleAllows('admin');
  const { data, loading, error } = useApiGet<PurposeList>('/api/admin/purposes');
  const purposes = data?.purposes ?? [];
  return (
    <>
      <RecordListHeader
        title="Purposes"
        lead="Why personal data is processed: each purpose with its legal basis, the people and data it concerns, how long the data is kept and who receives it."
        add={canEdit ? { to: '/admin/datamap/purposes/new', label: 'Add a purpose' } : undefined}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The purposes could not be loaded: {error}
        </p>
      )}
      {purposes.length > 0 && <PurposesTable purposes={purposes} />}
      <p className="status table-footer" role="status">
        {loading && data === null
          ? 'Loading…'
          : purposes.length === 0
            ? 'There are no purposes yet.'
            : `${purposes.length} ${purposes.length === 1 ? 'purpose' : 'purposes'}.`}
      </p>
    </>
  );
}
