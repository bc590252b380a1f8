import { PrivetError } from '../../domain/errors.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { getRequest } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { toTaskView, type RequestTaskView } from '../tasks/task-view.ts';

/** One timeline entry. */
export interface TimelineEntry {
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

/** Everything the request page shows, including the evidence for an Art. 12(5) decision. */
export interface RequestDetail {
  readonly request: DataSubjectRequest;
  readonly timeline: TimelineEntry[];
  readonly tasks: RequestTaskView[];
  /** The same person's earlier requests (by email) and their dates: the evidence for "manifestly excessive". */
  readonly earlierRequests: { id: string; type: string; status: string; receivedAt: string }[];
  readonly verification: {
    readonly method: 'email_code';
    readonly expiresAt: string;
    readonly tries: number;
    readonly maxTries: number;
    readonly state: 'pending' | 'used' | 'void' | 'expired';
  } | null;
}

/** The request with its timeline, tasks, earlier requests of the same person and verification state. */
export async function requestDetail(
  deps: Pick<RequestDeps, 'store' | 'clock'>,
  id: string,
): Promise<RequestDetail> {
  const request = await getRequest(deps, id);
  if (request === undefined) throw new PrivetError('not_found', `No request ${id}`);
  const db = deps.store.db;
  const [events, tasks, earlier, verification] = await Promise.all([
    db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('request_tasks')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('requests')
      .select(['id', 'type', 'status', 'received_at'])
      .where('email', '=', request.identity.email)
      .where('id', '!=', id)
      .where('received_at', '<=', request.receivedAt)
      .orderBy('received_at', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('request_verifications')
      .selectAll()
      .where('request_id', '=', id)
      .where('purpose', '=', 'identity')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  const now = deps.clock.now().toISOString();
  return {
    request,
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      from: e.from_status,
      to: e.to_status,
      actor: e.actor,
      reason: e.reason,
      message: e.message,
      public: e.public === 1,
    })),
    tasks: tasks.map(toTaskView),
    earlierRequests: earlier.map((r) => ({
      id: r.id,
      type: r.type,
      status: r.status,
      receivedAt: r.received_at,
    })),
    verification:
      verification === undefined
        ? null
        : {
            method: 'email_code',
            expiresAt: verification.expires_at,
            tries: verification.tries,
            maxTries: verification.max_tries,
            state:
              verification.used_at !== null
                ? 'used'
                : verification.voided_at !== null
                  ? 'void'
                  : verification.expires_at <= now
                    ? 'expired'
                    : 'pending',
          },
  };
}
