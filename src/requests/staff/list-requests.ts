import { PrivetError } from '../../domain/errors.ts';
import { toDataSubjectRequest, type DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { FINAL_STATUSES } from '../request-vocabulary.ts';

/** How far ahead a deadline counts as "due soon". */
export const DUE_SOON_DAYS = 7;

/** Filters of the request queue. */
export interface RequestListQuery {
  readonly status?: string | undefined;
  readonly type?: string | undefined;
  readonly jurisdiction?: string | undefined;
  /** How the request arrived: web, email, post, phone, api, drp (an authorized agent). */
  readonly channel?: string | undefined;
  readonly due?: 'soon' | 'overdue' | undefined;
  /** Part of the email, or a request id. */
  readonly q?: string | undefined;
  readonly assigneeId?: string | undefined;
  readonly limit?: number | undefined;
  /** The last id of the previous page. */
  readonly cursor?: string | undefined;
}

/** The request queue, newest first, one page at a time. */
export async function listRequests(
  deps: Pick<RequestDeps, 'store' | 'clock'>,
  query: RequestListQuery,
): Promise<{ items: DataSubjectRequest[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new PrivetError('bad_request', 'limit must be between 1 and 200');
  }
  const now = deps.clock.now();
  let select = deps.store.db.selectFrom('requests').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.type !== undefined) select = select.where('type', '=', query.type);
  if (query.jurisdiction !== undefined) select = select.where('jurisdiction', '=', query.jurisdiction);
  if (query.channel !== undefined) select = select.where('channel', '=', query.channel);
  if (query.assigneeId !== undefined) select = select.where('assignee_id', '=', query.assigneeId);
  if (query.due !== undefined) {
    select = select.where('status', 'not in', [...FINAL_STATUSES]);
    if (query.due === 'overdue') select = select.where('due_at', '<', now.toISOString());
    else {
      const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString();
      select = select.where('due_at', '>=', now.toISOString()).where('due_at', '<=', soon);
    }
  }
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = query.q.trim().toLowerCase();
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([eb('id', '=', query.q?.trim() ?? ''), eb('email', 'like', pattern)]),
    );
  }
  if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map(toDataSubjectRequest),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
