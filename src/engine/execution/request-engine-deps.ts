import type { Introspector } from '../../connectors/introspection.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import type { OpenConnection } from './dataset-connections.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { SchemaCache } from './schema-cache.ts';

/** Progress of a run: steps done of all steps, and the step that just ended. */
export interface RunProgress {
  readonly runId: string | null;
  readonly done: number;
  readonly total: number;
  readonly phase: string;
  readonly collection: string;
  readonly status: 'done' | 'failed';
}

/** What the requests engine needs from outside. */
export interface RequestEngineDeps {
  /** Privet's store: runs, steps, purposes, audit. */
  readonly store: Store;
  readonly clock: Clock;
  /** Keys HMAC masking and resume keys (PRIVET_SECRET). */
  readonly secret: string;
  readonly openConnection: OpenConnection;
  readonly openIntrospector: (url: string, signal: AbortSignal) => Promise<Introspector>;
  readonly retry?: RetryPolicy;
  /** Live schemas reused across runs while unchanged; the process's own cache by default. */
  readonly schemaCache?: SchemaCache;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Test hook (`--step-delay`): waits this long before each change step, so a test can kill the run mid-way. */
  readonly stepDelayMs?: number;
}
