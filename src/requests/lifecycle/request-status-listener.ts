import type { RequestStatus, RequestType } from '../request-vocabulary.ts';

/** A status change as status listeners (DRP callbacks, Art. 19 notices) receive it. */
export interface RequestStatusChange {
  readonly eventId: string;
  readonly requestId: string;
  readonly type: RequestType;
  readonly from: RequestStatus | null;
  readonly to: RequestStatus;
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
}

/** Hears about every status change at least once; must be idempotent (keyed by `eventId`), throws to retry. */
export type RequestStatusListener = (change: RequestStatusChange, signal: AbortSignal) => Promise<void>;
