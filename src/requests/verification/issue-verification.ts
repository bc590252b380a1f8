import type { Kysely } from 'kysely';
import { tokenHash } from '../../auth/token-hash.ts';
import { newId, newToken } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { messageContext } from '../messages/message-context.ts';
import { formatMessageTime } from '../messages/request-type-label.ts';
import { sendRequestMessage } from '../messages/send-request-message.ts';
import type { RequestDeps } from '../request-deps.ts';
import { CODE_MAX_TRIES, CODE_TTL_MINUTES, codeHash, newVerificationCode } from './verification-code.ts';

/** The page of the privacy center that posts a magic link's token; the token sits in the fragment. */
export function verifyLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/requests/verify#token=${token}`;
}

/**
 * Voids the request's open codes of the purpose and emails a new one (with a magic link for identity), in
 * the caller's transaction. Only hashes are stored.
 */
export async function issueVerificationIn(
  deps: RequestDeps,
  trx: Kysely<Database>,
  request: DataSubjectRequest,
  purpose: 'identity' | 'download',
): Promise<{ expiresAt: string; mail: { outboxId: string; queued: boolean } }> {
  const now = deps.clock.now();
  await trx
    .updateTable('request_verifications')
    .set({ voided_at: now.toISOString() })
    .where('request_id', '=', request.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .execute();
  const id = newId('rqv', now);
  const code = newVerificationCode();
  const link = purpose === 'identity' ? newToken() : undefined;
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString();
  await trx
    .insertInto('request_verifications')
    .values({
      id,
      request_id: request.id,
      purpose,
      code_hash: codeHash(deps.config.secret, id, code),
      link_hash: link === undefined ? null : tokenHash(link),
      tries: 0,
      max_tries: CODE_MAX_TRIES,
      expires_at: expiresAt,
      created_at: now.toISOString(),
      used_at: null,
      voided_at: null,
    })
    .execute();
  const context = await messageContext(trx, request);
  const mail = await sendRequestMessage(deps, trx, {
    requestId: request.id,
    to: request.identity.email,
    language: request.language,
    message: purpose === 'identity' ? 'verification-code' : 'download-code',
    data: {
      ...context.base,
      code,
      expiresAt: formatMessageTime(expiresAt, request.language, context.timeZone),
      ...(link === undefined ? {} : { verifyUrl: verifyLinkUrl(deps.config.publicUrl, link) }),
    },
    actor: 'system',
    public: false,
  });
  return { expiresAt, mail };
}
