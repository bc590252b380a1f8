import { useCallback, useState } from 'react';
import { PageHeading } from '../../shared/page-heading.tsx';
import '../operations.css';
import { useCursorPages, type CursorPage } from '../use-cursor-pages.ts';
import type { Job, JobFilters, JobPage } from './job.ts';
import { JobFilterForm } from './job-filter-form.tsx';
import { JobsTable } from './jobs-table.tsx';
import { jobsQuery } from './jobs-query.ts';
import { QueueDepth } from './queue-depth.tsx';

function pickJobs(page: JobPage): CursorPage<Job> {
  return { items: page.jobs, next: page.next };
}

/** Background jobs: how deep the queue is, and each job with its attempts and last error. */
export function JobsPage() {
  const [filters, setFilters] = useState<JobFilters>({ status: '', kind: '' });
  const pathFor = useCallback((before: string | null) => jobsQuery(filters, before), [filters]);
  const { items, next, latest, loading, error, loadMore, reload } = useCursorPages(pathFor, pickJobs);
  const filtered = filters.status !== '' || filters.kind !== '';

  return (
    <>
      <PageHeading title="Jobs" titleSuffix="Privet admin" />
      <p className="lead">
        Work Privet does in the background, newest first. A failed attempt is retried until the job runs out
        of attempts; the last error says why.
      </p>
      <div className="toolbar">
        <h2 className="toolbar-title">Queue depth</h2>
        <button className="button button-secondary" type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      {latest !== null && <QueueDepth depth={latest.depth} />}
      <JobFilterForm applied={filters} onApply={setFilters} />
      {error !== null && (
        <p className="alert" role="alert">
          The jobs could not be loaded: {error}
        </p>
      )}
      {items.length > 0 && <JobsTable jobs={items} />}
      <div className="table-footer">
        <p className="status" role="status">
          {loading
            ? 'Loading…'
            : items.length === 0
              ? filtered
                ? 'No jobs match these filters.'
                : 'There are no jobs yet.'
              : `Showing ${items.length} ${items.length === 1 ? 'job' : 'jobs'}${next === null ? '' : ' so far'}.`}
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
