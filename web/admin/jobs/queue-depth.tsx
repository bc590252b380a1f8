import { jobStatuses } from '../../../src/jobs/queue.ts';
import { JobStatusBadge } from './job-status-badge.tsx';

/** How many jobs the queue holds in each status, the known statuses first and in their order. */
export function QueueDepth({ depth }: { readonly depth: Readonly<Record<string, number>> }) {
  const others = Object.keys(depth).filter((status) => !(jobStatuses as readonly string[]).includes(status));
  const statuses = [...jobStatuses, ...others.sort()];
  return (
    <dl className="depth-list" aria-label="Jobs per status">
      {statuses.map((status) => (
        <div key={status} className="depth-item" data-status={status}>
          <dt>
            <JobStatusBadge status={status} />
          </dt>
          <dd>{depth[status] ?? 0}</dd>
        </div>
      ))}
    </dl>
  );
}
