import { useMemo, useSyncExternalStore } from 'react';
import { subscribeToLocation } from './navigate.ts';

/** The part of the address a page is chosen by. */
export interface AppLocation {
  readonly pathname: string;
  readonly query: URLSearchParams;
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** The current path and query; re-renders the caller when they change. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribeToLocation, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    // A trailing slash names the same page: /admin/ is /admin.
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    return { pathname, query: url.searchParams };
  }, [href]);
}
