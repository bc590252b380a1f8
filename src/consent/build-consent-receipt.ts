import type { Organisation } from '../demo/organisation.ts';
import { pickLanguage } from './banner-texts.ts';
import type { ConsentCategory } from './consent-category.ts';
import type { ConsentEvent } from './consent-event.ts';
import type { ConsentReceipt } from './consent-receipt-schema.ts';
import type { ConsentAction, ConsentMethod } from './consent-vocabulary.ts';

/** What a receipt says besides the event itself. */
export interface ReceiptContext {
  readonly organisation: Organisation | undefined;
  /** The event's category as configured now (its services and texts), when it still exists. */
  readonly category: ConsentCategory | undefined;
  /** Data categories the purpose processes, from the data map. */
  readonly piiCategories: readonly string[];
  readonly policyUrl: string;
  readonly noticeUrl: string;
  readonly jurisdiction: string;
}

const collectionMethods: Readonly<Record<ConsentMethod, string>> = {
  banner: 'Cookie banner on a website',
  gpc: 'Global Privacy Control signal sent by the browser',
  portal: 'Preference portal of the privacy center',
  email: 'Link in an email',
  staff: 'Recorded by staff on the person’s instruction',
  api: 'Application programming interface',
};

// DPV consent status concepts; an objection (Art. 21) is not a consent status, so it names the right used.
const dpvStatus: Readonly<Record<ConsentAction, string>> = {
  given: 'dpv:ConsentGiven',
  withdrawn: 'dpv:ConsentWithdrawn',
  objected: 'dpv:RightToObject',
};

/** Renders one ledger event as a consent receipt (pure: every fact comes in through the arguments). */
export function buildConsentReceipt(event: ConsentEvent, context: ReceiptContext): ConsentReceipt {
  const { organisation, category } = context;
  const text = category === undefined ? undefined : pickLanguage(category.texts, event.language ?? undefined);
  const providers = [...new Set((category?.services ?? []).map((s) => s.provider).filter(Boolean))].filter(
    (provider) => provider !== organisation?.name,
  );
  const purpose = {
    purpose: text ? `${text.title}: ${text.description}` : event.purposeKey,
    purposeCategory: [event.purposeKey],
    consentType: 'EXPLICIT',
    piiCategory: [...context.piiCategories],
    primaryPurpose: false,
    termination:
      event.action === 'given'
        ? 'Until withdrawn; withdraw at any time in the cookie settings or the privacy center'
        : `Not processed for this purpose since ${event.at}`,
    thirdPartyDisclosure: providers.length > 0,
    ...(providers.length > 0 ? { thirdPartyName: providers.join(', ') } : {}),
  };
  const services =
    category && category.services.length > 0
      ? category.services.map((service) => ({ service: service.name, purposes: [purpose] }))
      : [{ service: text?.title ?? event.categoryKey ?? event.purposeKey, purposes: [purpose] }];
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: context.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(event.at) / 1000),
    collectionMethod: collectionMethods[event.method],
    consentReceiptID: event.id,
    language: event.language ?? 'en',
    piiPrincipalId: event.personId ?? `device:${event.deviceId ?? ''}`,
    piiControllers: [
      {
        piiController: organisation?.name ?? '',
        contact: organisation?.dpo ?? '',
        address: organisation?.address ?? '',
        email: organisation?.email ?? '',
        phone: '',
      },
    ],
    policyUrl: context.policyUrl,
    services,
    sensitive: false,
    spiCat: [],
    recordId: event.id,
    event: {
      time: event.at,
      type: dpvStatus[event.action],
      method: event.method,
      globalPrivacyControl: event.gpc,
    },
    state: event.action,
    notice: {
      version: event.noticeVersion,
      hash: { algorithm: 'SHA-256', value: event.noticeHash },
      url: context.noticeUrl,
    },
    dataSubject: { personId: event.personId, personVerified: event.personVerified, deviceId: event.deviceId },
    collection: { ipTruncated: event.ipTruncated, userAgentFamily: event.userAgentFamily },
    ledger: { seq: event.seq, hash: event.hash, prevHash: event.prevHash },
  };
}
