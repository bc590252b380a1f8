import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../shared/api-error.ts';
import { useAdmin } from './admin-context.ts';

export interface ApiGetState<T> {
  /** The last answer; kept while a reload is on its way so that the page does not flicker. */
  readonly data: T | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly reload: () => void;
}

/** GETs an API path when the page opens and again on reload(). */
export function useApiGet<T>(path: string): ApiGetState<T> {
  const { api } = useAdmin();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api.get<T>(path, controller.signal).then(
      (answer) => {
        setData(answer);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, loading, error, reload };
}
