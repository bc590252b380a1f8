import { useState } from 'react';
import { PageHeading } from '../../shared/page-heading.tsx';
import type { AuditFilters } from './audit-entry.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { AuditTable } from './audit-table.tsx';
import { useAuditLog } from './use-audit-log.ts';

/** The audit log: who did what to what and when, newest first, with filters and paging. */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({ action: '', actor: '' });
  const { entries, next, loading, error, loadMore } = useAuditLog(filters);
  const filtered = filters.action !== '' || filters.actor !== '';

  return (
    <>
      <PageHeading title="Audit log" titleSuffix="Privet admin" />
      <p className="lead">
        Every sign-in and every change, newest first. Entries are hash-chained, so a changed or removed entry
        shows.
      </p>
      <AuditFilterForm applied={filters} onApply={setFilters} />
      {error !== null && (
        <p className="alert" role="alert">
          The audit log could not be loaded: {error}
        </p>
      )}
      {entries.length > 0 && <AuditTable entries={entries} />}
      <div className="table-footer">
        <p className="status" role="status">
          {loading
            ? 'Loading…'
            : entries.length === 0
              ? filtered
                ? 'No entries match these filters.'
                : 'The audit log is empty.'
              : `Showing ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${next === null ? '' : ' so far'}.`}
        </p>
        {next !== null && (
          <button className="button button-secondary" type="button" onClick={loadMore} disabled={loading}>
            Load more
          </button>
        )}
      </div>
    </>
  );
}
