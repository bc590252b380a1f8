import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import type { AuditEntry, AuditFilters, AuditPage } from './audit-entry.ts';
import { auditQuery } from './audit-query.ts';

export interface AuditLogState {
  readonly entries: readonly AuditEntry[];
  readonly next: number | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly loadMore: () => void;
}

/** Loads the audit log for the filters, first page at once, further pages on loadMore(). */
export function useAuditLog(filters: AuditFilters): AuditLogState {
  const { api } = useAdmin();
  const [entries, setEntries] = useState<readonly AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: number | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      setError(null);
      api.get<AuditPage>(auditQuery(filters, before), controller.signal).then(
        (page) => {
          setEntries((shown) => (before === null ? page.entries : [...shown, ...page.entries]));
          setNext(page.next);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorMessage(failure));
          setLoading(false);
        },
      );
    },
    [api, filters],
  );

  useEffect(() => {
    load(null);
    return () => inFlight.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    if (next !== null) load(next);
  }, [load, next]);

  return { entries, next, loading, error, loadMore };
}
