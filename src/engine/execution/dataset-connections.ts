import { connectionErrorMessage } from '../../connectors/connection-error-message.ts';
import type { DataConnection, DataConnectionOptions } from '../../connectors/data-connection.ts';
import { PrivetError } from '../../domain/errors.ts';
import { withRetry, type RetryPolicy } from './retry-policy.ts';

/** Opens a data connection; `openDataConnection` in production, a fake or a failing one in tests. */
export type OpenConnection = (
  url: string,
  options: DataConnectionOptions,
  signal: AbortSignal,
) => Promise<DataConnection>;

/** The data connections of a run, one per dataset, opened on first use. */
export interface DatasetConnections {
  /** The dataset's connection; an unreachable database fails with `unavailable` (once, then at once). */
  get(dataset: string, signal: AbortSignal): Promise<DataConnection>;
  /** Drops a connection after a transient error, so that the next `get` connects again. */
  reset(dataset: string): Promise<void>;
  closeAll(): Promise<void>;
}

/** Connections for datasets bound to URLs; opening retries transient failures by the policy. */
export function datasetConnections(
  urls: ReadonlyMap<string, string>,
  open: OpenConnection,
  options: DataConnectionOptions & { readonly retry: RetryPolicy },
): DatasetConnections {
  const open_ = new Map<string, Promise<DataConnection>>();
  const failures = new Map<string, PrivetError>();
  return {
    get: async (dataset, signal) => {
      const failure = failures.get(dataset);
      if (failure !== undefined) throw failure;
      const url = urls.get(dataset);
      if (url === undefined) throw new PrivetError('bad_request', `No connection for dataset ${dataset}`);
      let pending = open_.get(dataset);
      if (pending === undefined) {
        pending = withRetry(() => open(url, options, signal), options.retry, signal).then((r) => r.value);
        open_.set(dataset, pending);
      }
      try {
        return await pending;
      } catch (error) {
        open_.delete(dataset);
        if (signal.aborted) throw error;
        const unreachable = new PrivetError(
          'unavailable',
          `Cannot connect: ${connectionErrorMessage(error, url)}`,
          {
            cause: error,
          },
        );
        failures.set(dataset, unreachable);
        throw unreachable;
      }
    },
    reset: async (dataset) => {
      const pending = open_.get(dataset);
      open_.delete(dataset);
      await pending?.then((c) => c.close()).catch(() => undefined);
    },
    closeAll: async () => {
      const all = [...open_.values()];
      open_.clear();
      await Promise.all(all.map((p) => p.then((c) => c.close()).catch(() => undefined)));
    },
  };
}
