import type { Jurisdiction } from '../../domain/deadlines/jurisdiction.ts';
import { toDataSubjectRequest, type RequestDetails } from '../data-subject-request.ts';
import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestLanguage, RequestType } from '../request-vocabulary.ts';
import { hitThrottle, ADDRESS_LIMITS } from '../throttle/hit-throttle.ts';
import { issueVerificationIn } from '../verification/issue-verification.ts';
import { createRequestIn } from './create-request.ts';
import { checkPublicCorrections } from './rectifiable-fields.ts';

/** What the privacy center's form sends. */
export interface PublicRequestInput {
  readonly type: RequestType;
  readonly email: string;
  readonly name?: string | undefined;
  readonly language?: RequestLanguage | undefined;
  readonly jurisdiction?: Jurisdiction | undefined;
  readonly details?: RequestDetails | undefined;
}

/** The answer, the same whoever the email belongs to. */
export interface PublicRequestAnswer {
  readonly requestId: string;
  readonly verification: { readonly method: 'email_code'; readonly expiresAt: string };
}

/**
 * Takes a request from the privacy center: always creates it and emails a code, without ever looking at
 * whether the address is known to any system, so the answer (status, body, work done, hence timing) is the
 * same for everybody. Limited per address in the store.
 */
export async function submitPublicRequest(
  deps: RequestDeps,
  input: PublicRequestInput,
): Promise<PublicRequestAnswer> {
  await hitThrottle(deps, `submit:${input.email.trim().toLowerCase()}`, ADDRESS_LIMITS.submit);
  if (input.type === 'rectification' && input.details?.corrections !== undefined) {
    await checkPublicCorrections(deps, input.details.corrections);
  }
  const done = await deps.store.transaction(async (trx) => {
    const created = await createRequestIn(deps, trx, {
      type: input.type,
      jurisdiction: input.jurisdiction ?? 'gdpr',
      channel: 'web',
      language: input.language,
      identity: { email: input.email, ...(input.name === undefined ? {} : { name: input.name }) },
      details: input.details,
      actor: 'public',
      acknowledge: false,
    });
    const verifying = await transitionRequestIn(deps, trx, {
      requestId: created.request.id,
      to: 'verifying',
      actor: 'system',
      reason: 'Verification code sent by email',
    });
    const issued = await issueVerificationIn(deps, trx, verifying.request, 'identity');
    return { created, verifying, issued };
  });
  await enqueueStatusChanged(deps, [...done.created.eventIds, done.verifying.eventId]);
  await deliverRequestMail(deps, [...done.created.mail, done.issued.mail]);
  return {
    requestId: done.created.request.id,
    verification: { method: 'email_code', expiresAt: done.issued.expiresAt },
  };
}

/** Sends a new code for a request still verifying; answers the same for any id so ids reveal nothing. */
export async function resendVerificationCode(deps: RequestDeps, requestId: string): Promise<void> {
  await hitThrottle(deps, `resend:${requestId}`, ADDRESS_LIMITS.resend);
  const known = await deps.store.db
    .selectFrom('requests')
    .select('email')
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (known === undefined) return;
  await hitThrottle(deps, `resend-address:${known.email}`, ADDRESS_LIMITS.resend);
  const mail = await deps.store.transaction(async (trx) => {
    const row = await trx.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (row?.status !== 'verifying') return undefined;
    return (await issueVerificationIn(deps, trx, toDataSubjectRequest(row), 'identity')).mail;
  });
  if (mail !== undefined) await deliverRequestMail(deps, [mail]);
}
