import { DateTime } from '../date-time.tsx';
import type { Job } from './job.ts';
import { JobStatusBadge } from './job-status-badge.tsx';

/** Jobs, newest first, one row each. */
export function JobsTable({ jobs }: { readonly jobs: readonly Job[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Background jobs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Idempotency key</th>
            <th scope="col">Created</th>
            <th scope="col">Finished</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-id={job.id}>
              <td className="nowrap">
                <code>{job.kind}</code>
              </td>
              <td>
                <JobStatusBadge status={job.status} />
              </td>
              <td className="nowrap numeric">
                {job.attempts}/{job.maxAttempts}
              </td>
              <td>
                {job.idempotencyKey === null ? (
                  <span aria-label="none">—</span>
                ) : (
                  <code>{job.idempotencyKey}</code>
                )}
              </td>
              <td className="nowrap">
                <DateTime value={job.createdAt} />
              </td>
              <td className="nowrap">
                <DateTime value={job.finishedAt} />
              </td>
              {job.lastError === null ? (
                <td>
                  <span aria-label="none">—</span>
                </td>
              ) : (
                <td className="error-cell">{job.lastError}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
