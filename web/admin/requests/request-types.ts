import type { DataSubjectRequest } from '../../../src/requests/data-subject-request.ts';

export type { DataSubjectRequest };

/** One page of the queue. */
export interface RequestQueuePage {
  readonly items: readonly DataSubjectRequest[];
  readonly nextCursor: string | null;
}

/** One entry of a request's timeline, as staff see it. */
export interface StaffTimelineEntry {
  readonly id: string;
  readonly at: string;
  readonly kind: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly actor: string;
  readonly reason: string | null;
  readonly message: string | null;
  readonly public: boolean;
}

/** A piece of work for one system: run by the engine (automatic) or by a person (manual). */
export interface RequestTask {
  readonly id: string;
  readonly kind: 'automatic' | 'manual';
  readonly target: string;
  readonly title: string;
  readonly instructions: string;
  readonly assigneeId: string | null;
  readonly dueAt: string | null;
  readonly status: string;
  readonly error: string | null;
  readonly upload: { readonly sha256: string } | null;
  readonly completedAt: string | null;
}

/** A request of the same person before this one: the evidence for "manifestly unfounded or excessive". */
export interface EarlierRequest {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly receivedAt: string;
}

/** Where proving the person's identity stands. */
export interface VerificationState {
  readonly method: string;
  readonly expiresAt: string;
  readonly tries: number;
  readonly maxTries: number;
  readonly state: string;
}

/** GET /api/admin/requests/:id. */
export interface RequestDetailAnswer {
  readonly request: DataSubjectRequest;
  readonly timeline: readonly StaffTimelineEntry[];
  readonly tasks: readonly RequestTask[];
  readonly earlierRequests: readonly EarlierRequest[];
  readonly verification: VerificationState | null;
}

/** GET /api/admin/requests/stats. */
export interface RequestStats {
  readonly months: readonly { readonly month: string; readonly type: string; readonly count: number }[];
}

/** The queue's filters as the address carries them; '' is "any". */
export interface RequestFilters {
  readonly status: string;
  readonly type: string;
  readonly jurisdiction: string;
  readonly channel: string;
  readonly due: '' | 'soon' | 'overdue';
  readonly q: string;
}
