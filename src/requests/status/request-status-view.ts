import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { publicReasonOf, type PublicReason } from './public-reason.ts';
import { readRequestByStatusToken } from './read-request-by-status-token.ts';

/** What the requester's status page shows: public timeline entries only, and whether a download waits. */
export interface RequestStatusView {
  readonly id: string;
  readonly type: DataSubjectRequest['type'];
  readonly status: DataSubjectRequest['status'];
  readonly receivedAt: string;
  readonly dueAt: string;
  /**
   * `message`: the subject of a message sent to the person (already in their language); `reason`: why a step
   * happened, as a key of the privacy center's message catalogue, never the server's English note.
   */
  readonly timeline: { at: string; status?: string; message?: string; reason?: PublicReason }[];
  readonly download: { available: boolean; expiresAt?: string };
}

/** The status page of the request the token opens (`not_found` for any other token). */
export async function requestStatusView(
  deps: Pick<RequestDeps, 'store' | 'clock'>,
  token: string,
): Promise<RequestStatusView> {
  const request = await readRequestByStatusToken(deps, token);
  const now = deps.clock.now().toISOString();
  const [events, pkg] = await Promise.all([
    deps.store.db
      .selectFrom('request_events')
      .select(['at', 'kind', 'from_status', 'to_status', 'actor', 'reason', 'message', 'data'])
      .where('request_id', '=', request.id)
      .where('public', '=', 1)
      .orderBy('seq')
      .execute(),
    latestPackage(deps, request.id, now),
  ]);
  return {
    id: request.id,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    timeline: events.map((e) => {
      const reason = publicReasonOf(e);
      return {
        at: e.at,
        ...(e.kind === 'status' && e.to_status !== null ? { status: e.to_status } : {}),
        ...(e.kind === 'message' && e.message !== null ? { message: e.message } : {}),
        ...(reason === undefined ? {} : { reason }),
      };
    }),
    download: pkg === undefined ? { available: false } : { available: true, expiresAt: pkg.expires_at },
  };
}

/** The request's newest package that is still kept. */
export async function latestPackage(
  deps: Pick<RequestDeps, 'store'>,
  requestId: string,
  now: string,
): Promise<{ id: string; path: string; expires_at: string } | undefined> {
  return deps.store.db
    .selectFrom('request_packages')
    .select(['id', 'path', 'expires_at'])
    .where('request_id', '=', requestId)
    .where('purged_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
