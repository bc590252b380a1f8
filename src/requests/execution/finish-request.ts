import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { messageContext } from '../messages/message-context.ts';
import { sendRequestMessage } from '../messages/send-request-message.ts';
import { readRequestRow } from '../read-request.ts';
import { toDataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { issueStatusToken, statusUrl } from '../status/status-token.ts';

const OUTCOME = {
  en: {
    completed: 'everything is done.',
    partially_completed: 'some of it could not be done; the status page says what.',
  },
  de: {
    completed: 'alles ist erledigt.',
    partially_completed: 'ein Teil konnte nicht erledigt werden; die Statusseite sagt, welcher.',
  },
} as const;

/**
 * Closes an in-progress request once no task is open: `completed` when every task is done, else
 * `partially_completed`; tells the person. Returns the status event, or undefined when tasks remain open.
 */
export async function finishRequestIn(
  deps: RequestDeps,
  trx: Kysely<Database>,
  requestId: string,
  actor: string,
): Promise<{ eventId: string; mail: { outboxId: string; queued: boolean } } | undefined> {
  const row = await readRequestRow(trx, requestId);
  if (row === undefined || row.status !== 'in_progress') return undefined;
  const tasks = await trx
    .selectFrom('request_tasks')
    .select('status')
    .where('request_id', '=', requestId)
    .execute();
  if (tasks.some((t) => t.status === 'pending' || t.status === 'running')) return undefined;
  const to = tasks.some((t) => t.status === 'failed') ? 'partially_completed' : 'completed';
  const done = await transitionRequestIn(deps, trx, {
    requestId,
    to,
    actor,
    reason: to === 'completed' ? 'Every task is done' : 'Some tasks failed',
  });
  const request = toDataSubjectRequest({ ...row, status: to });
  const context = await messageContext(trx, request);
  const token = await issueStatusToken(deps, trx, requestId);
  const mail = await sendRequestMessage(deps, trx, {
    requestId,
    to: request.identity.email,
    language: request.language,
    message: 'completion',
    data: {
      ...context.base,
      outcome: (request.language === 'de' ? OUTCOME.de : OUTCOME.en)[to],
      statusUrl: statusUrl(deps.config.publicUrl, token),
    },
    actor,
    public: true,
  });
  return { eventId: done.eventId, mail };
}
