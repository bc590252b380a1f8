import type { RequestFilters } from './request-types.ts';

const KEYS = ['status', 'type', 'jurisdiction', 'channel', 'due', 'q'] as const;

/** The filters an address names; unknown values are passed on for the server to refuse. */
export function requestFiltersOf(query: URLSearchParams): RequestFilters {
  const due = query.get('due');
  return {
    status: query.get('status') ?? '',
    type: query.get('type') ?? '',
    jurisdiction: query.get('jurisdiction') ?? '',
    channel: query.get('channel') ?? '',
    due: due === 'soon' || due === 'overdue' ? due : '',
    q: query.get('q') ?? '',
  };
}

function params(filters: RequestFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key] !== '') search.set(key, filters[key]);
  return search;
}

/** The queue page's own address for these filters, so that back and shared links keep them. */
export function requestsPagePath(filters: RequestFilters): string {
  const search = params(filters).toString();
  return search === '' ? '/admin/requests' : `/admin/requests?${search}`;
}

/** The API path of one page of the queue. */
export function requestsApiPath(filters: RequestFilters, cursor: string | null): string {
  const search = params(filters);
  search.set('limit', '50');
  if (cursor !== null) search.set('cursor', cursor);
  return `/api/admin/requests?${search.toString()}`;
}
