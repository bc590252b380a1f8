import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../shared/api-error.ts';
import { useAdmin } from './admin-context.ts';

/** The rows of one page and the cursor of the page after it (null on the last page). */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface CursorPagesState<T, P> {
  /** Every row loaded so far, across pages. */
  readonly items: readonly T[];
  readonly next: string | null;
  /** The newest answer as the API gave it, for what comes with each page (such as the queue depth). */
  readonly latest: P | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly loadMore: () => void;
  /** Loads the first page again, replacing what is shown. */
  readonly reload: () => void;
}

/**
 * Loads a newest-first list a page at a time: the first page at once and whenever `pathFor` changes (keep it
 * stable with useCallback), further pages on loadMore().
 */
export function useCursorPages<P, T>(
  pathFor: (before: string | null) => string,
  pick: (page: P) => CursorPage<T>,
): CursorPagesState<T, P> {
  const { api } = useAdmin();
  const [items, setItems] = useState<readonly T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [latest, setLatest] = useState<P | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      setError(null);
      api.get<P>(pathFor(before), controller.signal).then(
        (answer) => {
          const page = pick(answer);
          setItems((shown) => (before === null ? page.items : [...shown, ...page.items]));
          setNext(page.next);
          setLatest(answer);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorMessage(failure));
          setLoading(false);
        },
      );
    },
    [api, pathFor, pick],
  );

  useEffect(() => {
    load(null);
    return () => inFlight.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    if (next !== null) load(next);
  }, [load, next]);
  const reload = useCallback(() => load(null), [load]);

  return { items, next, latest, loading, error, loadMore, reload };
}
