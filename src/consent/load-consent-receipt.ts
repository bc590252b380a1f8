import type { Kysely } from 'kysely';
import { readOrganisation } from '../demo/organisation.ts';
import type { Database } from '../store/schema.ts';
import { buildConsentReceipt } from './build-consent-receipt.ts';
import { getCategory } from './category-repository.ts';
import { findConsentEvent } from './consent-history.ts';
import type { ConsentReceipt } from './consent-receipt-schema.ts';
import { readConsentSettings } from './consent-settings.ts';

export interface ReceiptOptions {
  readonly publicUrl: string;
  /** When set, only an event of this device is found: a banner may read its own receipts only. */
  readonly deviceId?: string | undefined;
}

// The data map's purposes name the data categories a data use processes; a purpose not mapped yet has none.
async function piiCategoriesOf(db: Kysely<Database>, purposeKey: string): Promise<string[]> {
  const rows = await db
    .selectFrom('purposes')
    .select('data_categories')
    .where('data_use', '=', purposeKey)
    .execute();
  const categories = new Set<string>();
  for (const row of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.data_categories);
    } catch {
      continue;
    }
    if (Array.isArray(parsed)) for (const c of parsed) if (typeof c === 'string') categories.add(c);
  }
  return [...categories].sort();
}

/** The receipt of one consent event, or undefined when there is no such event (for this device). */
export async function loadConsentReceipt(
  db: Kysely<Database>,
  id: string,
  options: ReceiptOptions,
): Promise<ConsentReceipt | undefined> {
  const event = await findConsentEvent(db, id);
  if (!event) return undefined;
  if (options.deviceId !== undefined && event.deviceId !== options.deviceId) return undefined;
  const [organisation, category, settings, piiCategories] = [
    await readOrganisation(db),
    event.categoryKey === null ? undefined : await getCategory(db, event.categoryKey),
    await readConsentSettings(db),
    await piiCategoriesOf(db, event.purposeKey),
  ];
  return buildConsentReceipt(event, {
    organisation,
    category,
    piiCategories,
    policyUrl: settings.privacyNoticeUrl || `${options.publicUrl}/privacy-notice`,
    noticeUrl: `${options.publicUrl}/api/public/notice?version=${encodeURIComponent(event.noticeVersion)}`,
    jurisdiction: 'EU',
  });
}
