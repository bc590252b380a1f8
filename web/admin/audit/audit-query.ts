import type { AuditFilters } from './audit-entry.ts';

/** Page size of the audit log view. */
export const AUDIT_PAGE_SIZE = 50;

/** The /api/admin/audit URL for the filters and, for the pages after the first, the cursor. */
export function auditQuery(filters: AuditFilters, before: number | null): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before !== null) params.set('before', String(before));
  const action = filters.action.trim();
  const actor = filters.actor.trim();
  if (action !== '') params.set('action', action);
  if (actor !== '') params.set('actor', actor);
  return `/api/admin/audit?${params.toString()}`;
}
