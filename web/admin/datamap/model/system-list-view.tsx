import { useApiGet } from '../../use-api-get.ts';
import type { SystemList } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { RecordListHeader } from './record-list-header.tsx';
import { SystemsTable } from './systems-table.tsx';

/** Every system, and for admins the way to add one. */
export function SystemListView() {
  const canEdit = useRoleAllows('admin');
  const { data, loading, error } = useApiGet<SystemList>('/api/admin/systems');
  const systems = data?.systems ?? [];
  return (
    <>
      <RecordListHeader
        title="Systems"
        lead="The applications and databases that hold personal data: who owns each, which datasets it uses and who receives its data."
        add={canEdit ? { to: '/admin/datamap/systems/new', label: 'Add a system' } : undefined}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The systems could not be loaded: {error}
        </p>
      )}
      {systems.length > 0 && <SystemsTable systems={systems} />}
      <p className="status table-footer" role="status">
        {loading && data === null
          ? 'Loading…'
          : systems.length === 0
            ? 'There are no systems yet.'
            : `${systems.length} ${systems.length === 1 ? 'system' : 'systems'}.`}
      </p>
    </>
  );
}
