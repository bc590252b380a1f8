/** The kinds of request the engine runs. */
export const requestTypes = ['access', 'portability', 'erasure', 'rectification'] as const;
export type RequestType = (typeof requestTypes)[number];

/** A request's overall outcome: `partial` when some collections failed and others were done. */
export const runStatuses = ['completed', 'partial', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Why rows of a collection were kept (or a step failed), as data. */
export interface CollectionReason {
  /** `shared`, `legal_hold`, `no_personal_fields`, `delete_refused`, `failed`, … */
  readonly code: string;
  readonly message: string;
  readonly rows?: number;
  readonly fields?: readonly string[];
}

/** What a request did to one collection. */
export interface CollectionResult {
  readonly dataset: string;
  readonly status: 'done' | 'failed';
  /** Rows of the subject found. */
  readonly rows: number;
  readonly masked: number;
  readonly deleted: number;
  /** Rows left exactly as they were (shared with someone else, under a legal hold, nothing to mask). */
  readonly kept: number;
  /** Rectification: rows whose fields were corrected. */
  readonly corrected?: number;
  readonly reasons: readonly CollectionReason[];
}

/** A collection's result when its step could not run. */
export function failedCollection(dataset: string, message: string): CollectionResult {
  return {
    dataset,
    status: 'failed',
    rows: 0,
    masked: 0,
    deleted: 0,
    kept: 0,
    reasons: [{ code: 'failed', message }],
  };
}

/** The whole run's status from its collections: all done, some done, or none done. */
export function runStatus(results: readonly CollectionResult[]): RunStatus {
  const failed = results.filter((r) => r.status === 'failed').length;
  if (failed === 0) return 'completed';
  return failed === results.length ? 'failed' : 'partial';
}
