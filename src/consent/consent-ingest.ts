import { commitConsentBatch, type RecordedConsent } from './commit-consent-batch.ts';
import type { ConsentDeps } from './consent-deps.ts';
import type { ConsentSubmission } from './consent-submission.ts';
import { createGroupCommit } from '../store/group-commit.ts';

export interface ConsentIngestOptions {
  /** Told about every batch (its size, whether it committed): tests count transactions with it. */
  readonly onBatch?: (size: number, ok: boolean) => void;
  readonly maxBatch?: number;
  readonly lingerMs?: number;
}

/** The write path of `POST /api/public/consent`: submissions arriving together share one transaction. */
export interface ConsentIngest {
  /** Resolves once the submission's events are committed; rejects with its issues or its batch's failure. */
  record(submission: ConsentSubmission, signal?: AbortSignal): Promise<RecordedConsent>;
  /** Finishes what was accepted, then refuses new submissions. */
  close(): Promise<void>;
}

/** Builds the group-committing consent writer of one process. */
export function createConsentIngest(deps: ConsentDeps, options: ConsentIngestOptions = {}): ConsentIngest {
  const group = createGroupCommit<ConsentSubmission, RecordedConsent>({
    commit: (submissions) => commitConsentBatch(deps, submissions),
    ...(options.onBatch === undefined ? {} : { onBatch: options.onBatch }),
    ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    ...(options.lingerMs === undefined ? {} : { lingerMs: options.lingerMs }),
  });
  return { record: (submission, signal) => group.submit(submission, signal), close: () => group.close() };
}
