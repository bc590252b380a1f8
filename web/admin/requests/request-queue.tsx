import { useCallback } from 'react';
import { Link } from '../../shared/link.tsx';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useRoleAllows } from '../datamap/use-role-allows.ts';
import { useApiGet } from '../use-api-get.ts';
import { useCursorPages, type CursorPage } from '../use-cursor-pages.ts';
import { DUE_SOON_DAYS } from './due-state.ts';
import { RequestFilterForm } from './request-filter-form.tsx';
import { requestsApiPath, requestsPagePath } from './request-query.ts';
import type { DataSubjectRequest, RequestFilters, RequestQueuePage, RequestStats } from './request-types.ts';
import { RequestsChart } from './requests-chart.tsx';
import { RequestsTable } from './requests-table.tsx';

function pickRequests(page: RequestQueuePage): CursorPage<DataSubjectRequest> {
  return { items: page.items, next: page.nextCursor };
}

function RequestCounts() {
  const { data, error } = useApiGet<RequestStats>('/api/admin/requests/stats');
  return (
    <section className="panel requests-counts" aria-labelledby="requests-counts-heading">
      <h2 id="requests-counts-heading">Requests per month</h2>
      {data !== null ? (
        <RequestsChart stats={data} />
      ) : error !== null ? (
        <p className="alert" role="alert">
          The counts could not be loaded: {error}
        </p>
      ) : (
        <p className="status">Loading…</p>
      )}
    </section>
  );
}

/** The request queue with its filters, and the counts per type and month. */
export function RequestQueue({ filters }: { readonly filters: RequestFilters }) {
  const { status, type, jurisdiction, channel, due, q } = filters;
  const pathFor = useCallback(
    (cursor: string | null) => requestsApiPath({ status, type, jurisdiction, channel, due, q }, cursor),
    [status, type, jurisdiction, channel, due, q],
  );
  const { items, next, loading, error, loadMore } = useCursorPages(pathFor, pickRequests);
  const filtered = Object.values(filters).some((value) => value !== '');
  const canEnter = useRoleAllows('operator');

  return (
    <>
      <PageHeading title="Requests" titleSuffix="Privet admin" />
      <p className="lead">
        Data-subject requests, newest first. Due dates turn amber {DUE_SOON_DAYS} days before they fall due
        and red once they have passed.
      </p>
      <p className="template-actions">
        {canEnter && (
          <Link to="/admin/requests/new" className="button">
            Enter a request
          </Link>
        )}
        <Link to="/admin/requests/templates" className="button button-secondary">
          Message templates
        </Link>
      </p>
      <RequestFilterForm
        key={requestsPagePath(filters)}
        applied={filters}
        onApply={(chosen) => navigate(requestsPagePath(chosen))}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The requests could not be loaded: {error}
        </p>
      )}
      {items.length > 0 && <RequestsTable requests={items} />}
      <div className="table-footer">
        <p className="status" role="status">
          {loading
            ? 'Loading…'
            : items.length === 0
              ? filtered
                ? 'No requests match these filters.'
                : 'There are no requests yet.'
              : `Showing ${items.length} ${items.length === 1 ? 'request' : 'requests'}${next === null ? '' : ' so far'}.`}
        </p>
        {next !== null && (
          <button className="button button-secondary" type="button" onClick={loadMore} disabled={loading}>
            Load more
          </button>
        )}
      </div>
      <RequestCounts />
    </>
  );
}
