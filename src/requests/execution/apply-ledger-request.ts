import type { Kysely } from 'kysely';
import { recordConsent } from '../../consent/commit-consent-batch.ts';
import { listCategories } from '../../consent/category-repository.ts';
import type { ConsentMethod } from '../../consent/consent-vocabulary.ts';
import { recordProcessingLimit } from '../../consent/decisions/processing-limits.ts';
import { personIdOfEmail } from '../../consent/decisions/person-id-of-email.ts';
import { currentNoticeVersion } from '../../notices/read-notice-versions.ts';
import type { Database } from '../../store/schema.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestChannel } from '../request-vocabulary.ts';

const METHOD: Readonly<Record<RequestChannel, ConsentMethod>> = {
  web: 'portal',
  email: 'email',
  post: 'staff',
  phone: 'staff',
  api: 'api',
  drp: 'api',
};

/**
 * Carries out a request that changes the consent ledger or the processing limits, in the caller's
 * transaction: restriction and objection record a limit the purpose-decision API enforces; consent withdrawal
 * records every optional category as withdrawn; sale opt-out/opt-in records the sale/sharing (GPC) categories.
 * Returns what was recorded, for the task's result.
 */
export async function applyLedgerRequest(
  deps: RequestDeps,
  trx: Kysely<Database>,
  request: DataSubjectRequest,
): Promise<Record<string, unknown>> {
  const actor = 'system';
  const email = request.identity.email;
  if (request.type === 'restriction') {
    await recordProcessingLimit(
      deps,
      {
        email,
        kind: 'restriction',
        purposes: 'all',
        requestId: request.id,
        ...(request.details.restrictionGround === undefined
          ? {}
          : { ground: request.details.restrictionGround }),
        actor,
      },
      trx,
    );
    return { limit: 'restriction', purposes: 'all' };
  }
  if (request.type === 'objection') {
    const kept = new Set(Object.keys(request.details.compellingGrounds ?? {}));
    const asked = request.details.objectionPurposes ?? 'all';
    // Purposes kept on recorded compelling grounds are left out; direct marketing never has any (checked at intake).
    const purposes = asked === 'all' ? 'all' : asked.filter((p) => !kept.has(p));
    if (purposes !== 'all' && purposes.length === 0) return { limit: 'none', keptOnGrounds: [...kept] };
    await recordProcessingLimit(
      deps,
      {
        email,
        kind: 'objection',
        purposes,
        requestId: request.id,
        ...(request.details.note === undefined ? {} : { ground: request.details.note }),
        actor,
      },
      trx,
    );
    return { limit: 'objection', purposes, keptOnGrounds: [...kept] };
  }
  const categories = (await listCategories(trx)).filter((c) => !c.required);
  const chosen = request.type === 'consent_withdrawal' ? categories : categories.filter((c) => c.gpcOptOut);
  if (chosen.length === 0) return { consent: 'no categories to record' };
  const notice = await currentNoticeVersion(trx);
  const given = request.type === 'opt_in_sale';
  const recorded = await recordConsent(
    deps,
    {
      personId: personIdOfEmail(email),
      personVerified: true,
      noticeVersion: notice?.version ?? '',
      choices: Object.fromEntries(chosen.map((c) => [c.key, given])),
      method: METHOD[request.channel],
      gpc: false,
      language: request.language,
    },
    trx,
  );
  return {
    consent: given ? 'given' : 'withdrawn',
    categories: chosen.map((c) => c.key),
    receipts: recorded.receiptIds,
  };
}
