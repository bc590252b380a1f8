import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { issueStatusToken, statusUrl } from '../status/status-token.ts';
import { messageContext } from './message-context.ts';
import { sendRequestMessage } from './send-request-message.ts';

/**
 * Sends the acknowledgement with a fresh status link, in the caller's transaction. Returns the status token
 * (for the API answer) and the mail to deliver after commit.
 */
export async function acknowledgeRequest(
  deps: RequestDeps,
  trx: Kysely<Database>,
  request: DataSubjectRequest,
  actor: string,
): Promise<{ statusToken: string; mail: { outboxId: string; queued: boolean } }> {
  const statusToken = await issueStatusToken(deps, trx, request.id);
  const context = await messageContext(trx, request);
  const mail = await sendRequestMessage(deps, trx, {
    requestId: request.id,
    to: request.identity.email,
    language: request.language,
    message: 'acknowledgement',
    data: { ...context.base, statusUrl: statusUrl(deps.config.publicUrl, statusToken) },
    actor,
    public: true,
  });
  return { statusToken, mail };
}
