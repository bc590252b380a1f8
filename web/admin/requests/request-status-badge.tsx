import { labelOf, statusLabels } from './request-labels.ts';

/** A request's status as a coloured label. */
export function RequestStatusBadge({ status }: { readonly status: string }) {
  return <span className={`badge badge-request-${status}`}>{labelOf(statusLabels, status)}</span>;
}
