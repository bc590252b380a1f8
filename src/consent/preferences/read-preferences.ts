import type { Kysely } from 'kysely';
import { currentNoticeVersion } from '../../notices/read-notice-versions.ts';
import type { Database } from '../../store/schema.ts';
import { pickLanguage } from '../banner-texts.ts';
import { listCategories } from '../category-repository.ts';
import { listConsentHistory } from '../consent-history.ts';
import { readConsentState } from '../consent-state.ts';
import { EMAIL_TRACKING_PURPOSE } from '../marketing/email-tracking.ts';
import { listMarketingLists } from '../marketing/list-repository.ts';
import { listText } from '../marketing/marketing-list.ts';
import type { SubscriptionStatus } from '../marketing/subscription.ts';
import type { PreferenceView } from './preference-view.ts';

/**
 * Everything the portal shows a person known by `email`: each optional banner category with whether its
 * purpose is consented, the public lists and any list they are on, e-mail tracking, and recent history.
 */
export async function readPreferences(
  db: Kysely<Database>,
  email: string,
  language: string | undefined,
): Promise<PreferenceView> {
  const subject = { type: 'person', id: email } as const;
  const [notice, categories, state, lists, rows, history] = await Promise.all([
    currentNoticeVersion(db),
    listCategories(db),
    readConsentState(db, subject),
    listMarketingLists(db),
    db
      .selectFrom('marketing_subscriptions')
      .select(['list_key', 'status'])
      .where('email', '=', email)
      .execute(),
    listConsentHistory(db, subject, { limit: 20 }),
  ]);
  const given = new Set(state.filter((s) => s.action === 'given').map((s) => s.purposeKey));
  const statusOf = new Map(rows.map((r) => [r.list_key, r.status as SubscriptionStatus]));
  return {
    email,
    noticeVersion: notice?.version ?? null,
    categories: categories
      .filter((c) => !c.required)
      .map((c) => {
        const text = pickLanguage(c.texts, language) ?? { title: c.key, description: '' };
        return {
          key: c.key,
          purposeKey: c.purposeKey,
          title: text.title,
          description: text.description,
          given: given.has(c.purposeKey),
        };
      }),
    lists: lists
      .filter((l) => l.public || statusOf.has(l.key))
      .map((l) => ({
        key: l.key,
        purposeKey: l.purposeKey,
        ...listText(l, language),
        status: statusOf.get(l.key) ?? 'none',
      })),
    emailTracking: { purposeKey: EMAIL_TRACKING_PURPOSE, given: given.has(EMAIL_TRACKING_PURPOSE) },
    history: history.events,
  };
}
