import { jobStatuses } from '../../../src/jobs/queue.ts';

/** A job's status as a coloured label; a status this console does not know yet gets the plain one. */
export function JobStatusBadge({ status }: { readonly status: string }) {
  const known = (jobStatuses as readonly string[]).includes(status);
  return <span className={`badge ${known ? `badge-job-${status}` : ''}`}>{status}</span>;
}
