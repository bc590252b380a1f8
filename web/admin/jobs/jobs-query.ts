import type { JobFilters } from './job.ts';

/** Page size of the jobs view. */
export const JOBS_PAGE_SIZE = 50;

/** The /api/admin/jobs URL for the filters and, for the pages after the first, the cursor. */
export function jobsQuery(filters: JobFilters, before: string | null): string {
  const params = new URLSearchParams({ limit: String(JOBS_PAGE_SIZE) });
  if (before !== null) params.set('before', before);
  if (filters.status !== '') params.set('status', filters.status);
  const kind = filters.kind.trim();
  if (kind !== '') params.set('kind', kind);
  return `/api/admin/jobs?${params.toString()}`;
}
