import { createPurpose } from '../../datamap/purposes/purpose-repository.ts';
import type { NewPurpose } from '../../datamap/purposes/purpose.ts';
import type { Clock } from '../../domain/clock.ts';
import { createNoticeVersion } from '../../notices/create-notice-version.ts';
import type { Store } from '../../store/store.ts';
import { saveCategory } from '../category-repository.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import type { ConsentAction } from '../consent-vocabulary.ts';

/** The notice the kit publishes first. */
export const KIT_NOTICE = '2026-01';

const purposes: NewPurpose[] = [
  { key: 'analytics', name: 'Web analytics', dataUse: 'analytics.reporting', legalBasis: '6.1.a' },
  { key: 'newsletter', name: 'Newsletter', dataUse: 'marketing.communications.email', legalBasis: '6.1.a' },
  { key: 'profiling', name: 'Profiling', dataUse: 'personalize.profiling', legalBasis: '6.1.a' },
  { key: 'fraud_prevention', name: 'Fraud', dataUse: 'essential.fraud_detection', legalBasis: '6.1.f' },
  { key: 'ads', name: 'Ads on other sites', dataUse: 'marketing.advertising', legalBasis: '6.1.f' },
  { key: 'order_fulfilment', name: 'Orders', dataUse: 'essential.service', legalBasis: '6.1.b' },
  { key: 'invoicing', name: 'Invoices', dataUse: 'essential.legal_obligation', legalBasis: '6.1.c' },
  {
    key: 'public_register',
    name: 'Public register',
    dataUse: 'essential.public_register',
    legalBasis: '6.1.e',
  },
  { key: 'emergency_contact', name: 'Emergencies', dataUse: 'essential.emergency', legalBasis: '6.1.d' },
  { key: 'undecided', name: 'No basis yet', dataUse: 'improve.system' },
];

const texts = (title: string) => ({ en: { title, description: `${title}.` } });

/**
 * A data map with one purpose per legal basis, banner categories (one required, two opted out by GPC, one of
 * them a sale/sharing use the data map lacks) and a published notice naming every use but `personalize`.
 */
export async function seedDecisionModel(deps: { store: Store; clock: Clock }): Promise<void> {
  for (const purpose of purposes) await createPurpose(deps, purpose, 'test');
  const category = (purposeKey: string, required: boolean, gpcOptOut: boolean, position: number) => ({
    purposeKey,
    required,
    gpcOptOut,
    services: [],
    texts: texts(purposeKey),
    googleConsentMode: [],
    position,
  });
  await saveCategory(deps, 'create', 'necessary', category('functional.essential', true, false, 0), 'test');
  await saveCategory(deps, 'create', 'analytics', category('analytics.reporting', false, false, 10), 'test');
  await saveCategory(deps, 'create', 'marketing', category('marketing.advertising', false, true, 20), 'test');
  await saveCategory(deps, 'create', 'sharing', category('third_party_sharing', false, true, 30), 'test');
  await createNoticeVersion(
    deps,
    {
      version: KIT_NOTICE,
      text: 'Privacy notice, first version.',
      purposeKeys: ['analytics', 'marketing', 'essential', 'functional', 'third_party_sharing', 'improve'],
      publish: true,
    },
    'test',
  );
}

/** Records a person's (verified) action on one purpose under the notice in force. */
export async function personAction(
  deps: { store: Store; clock: Clock },
  personId: string,
  purposeKey: string,
  action: ConsentAction,
  noticeVersion = KIT_NOTICE,
): Promise<void> {
  await recordConsent(deps, {
    personId,
    personVerified: true,
    noticeVersion,
    choices: {},
    purposeActions: [{ purposeKey, action }],
    method: 'staff',
    gpc: false,
  });
}
