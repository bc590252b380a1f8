import { createPurpose } from '../datamap/purposes/purpose-repository.ts';
import type { NewPurpose } from '../datamap/purposes/purpose.ts';
import type { NewRecipient } from '../datamap/recipients/recipient.ts';
import { createRecipient } from '../datamap/recipients/recipient-repository.ts';
import { createTransfer } from '../datamap/recipients/transfer-repository.ts';
import type { NewSystem } from '../datamap/systems/system.ts';
import { createSystem } from '../datamap/systems/system-repository.ts';
import type { SeedStep } from './seed-steps.ts';

const SECURITY =
  'TLS 1.2+ in transit; encrypted disks and backups (AES-256); role-based access with two-factor sign-in; ' +
  'access logged; staff bound to confidentiality; annual penetration test.';

const recipients: NewRecipient[] = [
  {
    key: 'eurocloud_hosting',
    name: 'EuroCloud Hosting GmbH',
    category: 'Hosting provider',
    role: 'processor',
    country: 'DE',
    dpaSignedOn: '2023-06-01',
    contractUrl: 'https://contracts.demo-shop.example/dpa/eurocloud.pdf',
    contact: 'privacy@eurocloud.example',
  },
  {
    key: 'payflow_payments',
    name: 'PayFlow Payments Europe S.A.',
    category: 'Payment service provider',
    role: 'processor',
    country: 'LU',
    dpaSignedOn: '2024-01-15',
    contractUrl: 'https://contracts.demo-shop.example/dpa/payflow.pdf',
    contact: 'dpo@payflow.example',
  },
  {
    key: 'mailcourier',
    name: 'Mailcourier Inc.',
    category: 'Email delivery service',
    role: 'processor',
    country: 'US',
    dpaSignedOn: '2023-11-02',
    contractUrl: 'https://contracts.demo-shop.example/dpa/mailcourier.pdf',
    contact: 'privacy@mailcourier.example',
    internalNotes: 'Renewal due 2026-11; ask for their latest sub-processor list.',
  },
  {
    key: 'helpdesk_saas',
    name: 'HelpDesk SaaS B.V.',
    category: 'Customer support software',
    role: 'processor',
    country: 'NL',
    dpaSignedOn: '2024-03-10',
    contractUrl: 'https://contracts.demo-shop.example/dpa/helpdesk.pdf',
    contact: 'privacy@helpdesk.example',
  },
  {
    key: 'parcelpost',
    name: 'ParcelPost AG',
    category: 'Parcel delivery service',
    role: 'controller',
    country: 'DE',
    contact: 'datenschutz@parcelpost.example',
  },
  {
    key: 'nordic_brands',
    name: 'Nordic Brands AB',
    category: 'Marketplace partner',
    role: 'controller',
    country: 'SE',
    contact: 'Legal team, privacy@nordicbrands.example, Storgatan 1, 111 23 Stockholm',
  },
];

const systems: NewSystem[] = [
  {
    key: 'web_shop',
    name: 'Web shop',
    description: 'The online shop: catalogue, basket, checkout and customer accounts.',
    businessFunction: 'Sales',
    owner: 'E-commerce team, shop@demo-shop.example',
    datasetKeys: ['demo_shop'],
    recipientKeys: ['eurocloud_hosting'],
  },
  {
    key: 'accounting',
    name: 'Accounting',
    description: 'Invoices and bookkeeping.',
    businessFunction: 'Finance',
    owner: 'Finance team, finance@demo-shop.example',
    datasetKeys: ['demo_shop'],
    recipientKeys: ['eurocloud_hosting'],
  },
  {
    key: 'newsletter_tool',
    name: 'Newsletter tool',
    description: 'Newsletter sign-ups and sending.',
    businessFunction: 'Marketing',
    owner: 'Marketing team, marketing@demo-shop.example',
    datasetKeys: ['demo_shop'],
    recipientKeys: ['mailcourier'],
  },
  {
    key: 'web_analytics',
    name: 'Web analytics',
    description: 'Self-hosted analytics of visits to the shop.',
    businessFunction: 'Marketing',
    owner: 'Marketing team, marketing@demo-shop.example',
    datasetKeys: ['demo_shop'],
    recipientKeys: ['eurocloud_hosting'],
  },
  {
    key: 'support_desk',
    name: 'Support desk',
    description: 'Customer enquiries and complaints.',
    businessFunction: 'Customer service',
    owner: 'Support lead, support@demo-shop.example',
    datasetKeys: ['demo_shop'],
    recipientKeys: ['helpdesk_saas'],
  },
];

const purposes: NewPurpose[] = [
  {
    key: 'order_fulfilment',
    name: 'Order fulfilment',
    description: 'Taking, paying for and delivering your orders, and handling returns.',
    dataUse: 'essential.service',
    systemKey: 'web_shop',
    legalBasis: '6.1.b',
    dataSubjects: ['customer'],
    dataCategories: [
      'user.name',
      'user.contact.email',
      'user.contact.address',
      'user.contact.phone_number',
      'user.payment',
      'user.behavior.purchase_history',
    ],
    retentionPeriod: 'P6Y',
    retentionCriteria:
      'from the end of the calendar year of the order (commercial correspondence, § 257 HGB)',
    retentionByCategory: [{ dataCategory: 'user.payment', period: 'P13M', criteria: 'for chargebacks' }],
    recipientKeys: ['payflow_payments', 'parcelpost'],
    securityMeasures: SECURITY,
  },
  {
    key: 'invoicing',
    name: 'Invoices and bookkeeping',
    description: 'Issuing invoices and keeping the accounts that tax law requires.',
    dataUse: 'essential.legal_obligation',
    systemKey: 'accounting',
    legalBasis: '6.1.c',
    dataSubjects: ['customer'],
    dataCategories: ['user.name', 'user.contact.address', 'user.behavior.purchase_history'],
    retentionPeriod: 'P10Y',
    retentionCriteria:
      'legal obligation: from the end of the calendar year of the invoice (§ 147 AO, § 257 HGB)',
    securityMeasures: SECURITY,
  },
  {
    key: 'newsletter',
    name: 'Marketing newsletter',
    description: 'Sending our newsletter with offers to people who signed up for it.',
    dataUse: 'marketing.communications.email',
    systemKey: 'newsletter_tool',
    legalBasis: '6.1.a',
    consentRecord: 'Privet consent ledger, purpose "newsletter" (double opt-in)',
    dataSubjects: ['customer', 'prospect'],
    dataCategories: ['user.contact.email', 'user.name.first'],
    retentionCriteria: 'until consent is withdrawn; the address then stays on a suppression list only',
    securityMeasures: SECURITY,
  },
  {
    key: 'analytics',
    name: 'Web analytics',
    description: 'Measuring how the shop is used, to improve it.',
    dataUse: 'analytics.reporting',
    systemKey: 'web_analytics',
    legalBasis: '6.1.a',
    consentRecord: 'Privet consent ledger, purpose "analytics" (cookie banner, § 25 TDDDG)',
    dataSubjects: ['visitor', 'customer'],
    dataCategories: ['user.device.cookie_id', 'user.device.ip_address', 'user.behavior.browsing_history'],
    retentionPeriod: 'P13M',
    securityMeasures: `${SECURITY} IP addresses truncated before storage.`,
  },
  {
    key: 'fraud_prevention',
    name: 'Fraud prevention',
    description: 'Checking orders for signs of payment fraud.',
    dataUse: 'essential.fraud_detection',
    systemKey: 'web_shop',
    legalBasis: '6.1.f',
    legitimateInterest:
      'Preventing payment fraud, protecting our customers and the shop from losses (Recital 47).',
    legitimateInterestAssessment:
      'Purpose test: fraud causes real losses and harms customers whose cards are misused. Necessity: only order, address and device signals are scored; no external profiles are bought. Balancing: customers expect fraud checks when paying online; a flagged order is reviewed by a person before any decision; data are deleted after one year. Result: our interest is not overridden. Reviewed 2024-05-02 by the DPO.',
    dataSubjects: ['customer'],
    dataCategories: [
      'user.contact.email',
      'user.contact.address',
      'user.device.ip_address',
      'user.behavior.purchase_history',
    ],
    retentionPeriod: 'P1Y',
    recipientKeys: ['payflow_payments'],
    securityMeasures: SECURITY,
    internalNotes: 'Score thresholds are in the fraud runbook.',
  },
  {
    key: 'customer_support',
    name: 'Customer support',
    description: 'Answering your questions and complaints.',
    dataUse: 'essential.service.operations.support',
    systemKey: 'support_desk',
    legalBasis: '6.1.b',
    dataSubjects: ['customer', 'prospect'],
    dataCategories: ['user.name', 'user.contact.email', 'user.content.private'],
    retentionPeriod: 'P3Y',
    retentionCriteria: 'after the enquiry is closed (limitation period, § 195 BGB)',
    securityMeasures: SECURITY,
  },
  {
    key: 'partner_fulfilment',
    name: 'Fulfilment for marketplace partners',
    description: "Packing and shipping orders placed in Nordic Brands' own shop.",
    dataUse: 'essential.service',
    systemKey: 'web_shop',
    actingAs: 'processor',
    onBehalfOf: 'nordic_brands',
    dataSubjects: ['customer'],
    dataCategories: ['user.name', 'user.contact.address'],
    retentionPeriod: 'P30D',
    retentionCriteria: 'after delivery, as instructed by the partner',
    recipientKeys: ['parcelpost'],
    securityMeasures: SECURITY,
  },
];

/** The demo shop's privacy model: systems, processors, purposes with legal bases and retention, a transfer. */
export const demoPrivacyModelStep: SeedStep = {
  name: 'demo-privacy-model',
  async run(deps, trx) {
    // A data map someone already started is theirs: never mix demo records into it.
    const existing = await trx.selectFrom('purposes').select('fides_key').limit(1).executeTakeFirst();
    const system = await trx.selectFrom('systems').select('fides_key').limit(1).executeTakeFirst();
    if (existing || system) return;
    for (const recipient of recipients) await createRecipient(deps, recipient, 'system', trx);
    for (const system of systems) await createSystem(deps, system, 'system', trx);
    for (const purpose of purposes) await createPurpose(deps, purpose, 'system', trx);
    await createTransfer(
      deps,
      {
        recipientKey: 'mailcourier',
        systemKey: 'newsletter_tool',
        destinationCountry: 'US',
        safeguard: 'scc',
        safeguardReference:
          'Commission Implementing Decision (EU) 2021/914, module 2 (controller to processor); transfer impact assessment of 2023-10-20',
      },
      'system',
      trx,
    );
  },
};
