import { outboxStatuses } from '../../../src/mail/mailer.ts';
import type { OutboxFilters } from './outbox-message.ts';

/** Page size of the outbox view. */
export const OUTBOX_PAGE_SIZE = 50;

/** The console address, /admin/outbox?…, that shows the outbox with these filters. */
export function outboxPagePath(filters: OutboxFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== '') params.set('status', filters.status);
  if (filters.to !== '') params.set('to', filters.to);
  return params.size > 0 ? `/admin/outbox?${params.toString()}` : '/admin/outbox';
}

/** The filters an /admin/outbox address names; an unknown status is ignored. */
export function outboxFiltersOf(query: URLSearchParams): OutboxFilters {
  const status = outboxStatuses.find((known) => known === query.get('status')) ?? '';
  return { status, to: query.get('to')?.trim() ?? '' };
}

/** The /api/admin/outbox URL for the filters and, for the pages after the first, the cursor. */
export function outboxQuery(filters: OutboxFilters, before: string | null): string {
  const params = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE) });
  if (before !== null) params.set('before', before);
  if (filters.status !== '') params.set('status', filters.status);
  if (filters.to !== '') params.set('to', filters.to);
  return `/api/admin/outbox?${params.toString()}`;
}
