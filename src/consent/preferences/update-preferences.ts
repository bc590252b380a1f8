import { PrivetError } from '../../domain/errors.ts';
import { currentNoticeVersion } from '../../notices/read-notice-versions.ts';
import { listCategories } from '../category-repository.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import { readConsentState } from '../consent-state.ts';
import type { PurposeAction } from '../consent-submission.ts';
import { changeSubscription } from '../marketing/change-subscription.ts';
import { EMAIL_TRACKING_PURPOSE } from '../marketing/email-tracking.ts';
import { getMarketingList } from '../marketing/list-repository.ts';
import type { MarketingDeps } from '../marketing/marketing-deps.ts';

/** The changes a person makes in the portal; anything left out stays as it is. */
export interface PreferenceChanges {
  readonly categories?: Readonly<Record<string, boolean>> | undefined;
  readonly lists?: Readonly<Record<string, boolean>> | undefined;
  readonly emailTracking?: boolean | undefined;
  readonly language?: string | undefined;
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
}

/**
 * Applies a person's portal changes in one transaction: each choice that differs from the current state
 * becomes one consent ledger event (method `portal`, person verified by the mailed link) under the notice
 * in force; a list switched on is active at once (the link proved the mailbox), switched off unsubscribed.
 * Returns the ids of the events appended.
 */
export async function updatePreferences(
  deps: MarketingDeps,
  email: string,
  changes: PreferenceChanges,
): Promise<string[]> {
  return deps.store.transaction(async (trx) => {
    const notice = await currentNoticeVersion(trx);
    if (!notice)
      throw new PrivetError('unavailable', 'No privacy notice is published: choices cannot be recorded');
    const state = await readConsentState(trx, { type: 'person', id: email });
    const given = new Set(state.filter((s) => s.action === 'given').map((s) => s.purposeKey));
    const known = new Set(state.map((s) => s.purposeKey));
    const categories = await listCategories(trx);
    const choices: Record<string, boolean> = {};
    for (const [key, wanted] of Object.entries(changes.categories ?? {})) {
      const category = categories.find((c) => c.key === key);
      // Unknown and required keys go on to the ledger's own checks, which refuse them with a clear issue.
      if (
        category &&
        !category.required &&
        given.has(category.purposeKey) === wanted &&
        known.has(category.purposeKey)
      )
        continue;
      choices[key] = wanted;
    }
    const purposeActions: PurposeAction[] = [];
    if (changes.emailTracking !== undefined && given.has(EMAIL_TRACKING_PURPOSE) !== changes.emailTracking) {
      purposeActions.push({
        purposeKey: EMAIL_TRACKING_PURPOSE,
        action: changes.emailTracking ? 'given' : 'withdrawn',
      });
    }
    const context = { language: changes.language, ip: changes.ip, userAgent: changes.userAgent };
    const eventIds: string[] = [];
    if (Object.keys(choices).length > 0 || purposeActions.length > 0) {
      const recorded = await recordConsent(
        deps,
        {
          personId: email,
          personVerified: true,
          noticeVersion: notice.version,
          choices,
          purposeActions,
          method: 'portal',
          gpc: false,
          ...context,
        },
        trx,
      );
      eventIds.push(...recorded.receiptIds);
    }
    for (const [key, active] of Object.entries(changes.lists ?? {})) {
      const list = await getMarketingList(trx, key);
      if (!list) throw new PrivetError('not_found', `No marketing list ${key}`);
      const result = await changeSubscription(deps, trx, {
        list,
        email,
        active,
        method: 'portal',
        personVerified: true,
        ...context,
      });
      if (result.changed && result.eventId !== null) eventIds.push(result.eventId);
    }
    return eventIds;
  });
}
