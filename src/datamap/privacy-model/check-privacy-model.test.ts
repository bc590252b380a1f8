import { beforeAll, describe, expect, it } from 'vitest';
import type { Purpose } from '../purposes/purpose.ts';
import type { Recipient } from '../recipients/recipient.ts';
import type { Transfer } from '../recipients/transfer.ts';
import { loadDefaultTaxonomy } from '../taxonomy/load-default-taxonomy.ts';
import { mergeTaxonomy } from '../taxonomy/merge-taxonomy.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { checkPrivacyModel } from './check-privacy-model.ts';
import type { PrivacyModel } from './privacy-model.ts';

const at = '2026-01-01T00:00:00.000Z';

function purpose(fields: Partial<Purpose> & { key: string }): Purpose {
  return {
    name: fields.key,
    description: '',
    dataUse: 'essential.service',
    systemKey: null,
    actingAs: 'controller',
    onBehalfOf: null,
    legalBasis: '6.1.b',
    specialCategoryCondition: null,
    criminalOffenceAuthority: '',
    legitimateInterest: '',
    legitimateInterestAssessment: '',
    assessmentPublic: false,
    dataSubjects: ['customer'],
    dataCategories: ['user.contact.email'],
    retentionPeriod: 'P1Y',
    retentionCriteria: '',
    retentionByCategory: [],
    recipientKeys: [],
    source: 'data_subject',
    sourceDescription: '',
    automatedDecisionMaking: false,
    automatedDecisionLogic: '',
    securityMeasures: '',
    consentRecord: '',
    internalNotes: '',
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

function recipient(fields: Partial<Recipient> & { key: string }): Recipient {
  return {
    name: fields.key,
    category: '',
    role: 'processor',
    country: 'DE',
    dpaSignedOn: '2024-01-01',
    contractUrl: '',
    contact: '',
    description: '',
    internalNotes: '',
    purposeKeys: [],
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

function transfer(fields: Partial<Transfer> & { id: string; recipientKey: string }): Transfer {
  return {
    systemKey: null,
    destinationCountry: 'US',
    safeguard: 'scc',
    safeguardReference: 'SCC 2021/914',
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

describe('checkPrivacyModel', () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = mergeTaxonomy(await loadDefaultTaxonomy(), []);
  });
  const check = (model: Partial<PrivacyModel>) =>
    checkPrivacyModel({ systems: [], purposes: [], recipients: [], transfers: [], taxonomy, ...model }).map(
      (i) => `${i.severity} ${i.code} ${i.path}`,
    );

  it('finds nothing in a complete record', () => {
    expect(check({ purposes: [purpose({ key: 'orders' })] })).toEqual([]);
  });

  it('special category data without an Art. 9(2) condition, including descendants, and an unneeded one', () => {
    expect(check({ purposes: [purpose({ key: 'p', dataCategories: ['user.health_and_medical'] })] })).toEqual(
      ['error special_category_without_condition purposes/p/specialCategoryCondition'],
    );
    expect(
      check({ purposes: [purpose({ key: 'p', dataCategories: ['user.biometric.fingerprint'] })] }),
    ).toEqual(['error special_category_without_condition purposes/p/specialCategoryCondition']);
    expect(
      check({
        purposes: [
          purpose({
            key: 'p',
            dataCategories: ['user.health_and_medical.genetic'],
            specialCategoryCondition: '9.2.a',
          }),
        ],
      }),
    ).toEqual([]);
    expect(check({ purposes: [purpose({ key: 'p', specialCategoryCondition: '9.2.h' })] })).toEqual([
      'warning condition_without_special_category purposes/p/specialCategoryCondition',
    ]);
  });

  it('criminal offence data (Art. 10) needs the law that authorises it', () => {
    expect(check({ purposes: [purpose({ key: 'p', dataCategories: ['user.criminal_history'] })] })).toEqual([
      'error criminal_offence_data_without_authority purposes/p/criminalOffenceAuthority',
    ]);
    expect(
      check({
        purposes: [
          purpose({
            key: 'p',
            dataCategories: ['user.criminal_history'],
            criminalOffenceAuthority: '§ 30a BZRG',
          }),
        ],
      }),
    ).toEqual([]);
  });

  it('legitimate interests need the interest and an assessment; consent a record; a basis is required', () => {
    expect(check({ purposes: [purpose({ key: 'p', legalBasis: '6.1.f' })] })).toEqual([
      'error legitimate_interest_without_assessment purposes/p/legitimateInterestAssessment',
      'error legitimate_interest_not_stated purposes/p/legitimateInterest',
    ]);
    expect(
      check({
        purposes: [
          purpose({
            key: 'p',
            legalBasis: '6.1.f',
            legitimateInterest: 'x',
            legitimateInterestAssessment: 'y',
          }),
        ],
      }),
    ).toEqual([]);
    expect(check({ purposes: [purpose({ key: 'p', legalBasis: '6.1.a' })] })).toEqual([
      'warning consent_record_missing purposes/p/consentRecord',
    ]);
    expect(check({ purposes: [purpose({ key: 'p', legalBasis: null })] })).toEqual([
      'error missing_legal_basis purposes/p/legalBasis',
    ]);
  });

  it('unknown taxonomy keys, with the index of each', () => {
    const p = purpose({
      key: 'p',
      dataUse: 'made.up',
      dataCategories: ['user.contact.email', 'user.nope'],
      dataSubjects: ['martian'],
      retentionByCategory: [{ dataCategory: 'user.nope2', period: 'P1M', criteria: '' }],
    });
    expect(check({ purposes: [p] })).toEqual([
      'error unknown_data_use purposes/p/dataUse',
      'error unknown_data_category purposes/p/dataCategories/1',
      'error unknown_data_subject purposes/p/dataSubjects/0',
      'error unknown_data_category purposes/p/retentionByCategory/0/dataCategory',
    ]);
  });

  it('retention, automated decisions, sources and processor activities', () => {
    const p = purpose({
      key: 'p',
      retentionPeriod: null,
      automatedDecisionMaking: true,
      source: 'other_source',
      dataCategories: [],
    });
    expect(check({ purposes: [p] })).toEqual([
      'error automated_decision_without_logic purposes/p/automatedDecisionLogic',
      'error source_not_described purposes/p/sourceDescription',
      'warning missing_retention purposes/p/retentionPeriod',
      'warning no_data_categories purposes/p/dataCategories',
    ]);
    const processing = purpose({
      key: 'q',
      actingAs: 'processor',
      legalBasis: null,
      dataCategories: ['user.health_and_medical'],
    });
    expect(check({ purposes: [processing] })).toEqual([
      'error processor_activity_without_controller purposes/q/onBehalfOf',
    ]);
    expect(
      check({
        purposes: [{ ...processing, onBehalfOf: 'client' }],
        recipients: [recipient({ key: 'client', role: 'controller' })],
      }),
    ).toEqual([]);
  });

  it('transfers to third countries need a safeguard; the EEA does not; adequacy must exist', () => {
    const recipients = [recipient({ key: 'us', country: 'US' })];
    expect(
      check({ recipients, transfers: [transfer({ id: 't1', recipientKey: 'us', safeguard: null })] }),
    ).toEqual(['error transfer_without_safeguard transfers/t1/safeguard']);
    expect(
      check({
        recipients,
        transfers: [transfer({ id: 't1', recipientKey: 'us', destinationCountry: 'FR', safeguard: null })],
      }),
    ).toEqual([]);
    expect(
      check({
        recipients,
        transfers: [
          transfer({ id: 't1', recipientKey: 'us', destinationCountry: 'IN', safeguard: 'adequacy' }),
        ],
      }),
    ).toEqual(['error adequacy_not_recognised transfers/t1/safeguard']);
    expect(
      check({
        recipients,
        transfers: [
          transfer({
            id: 't1',
            recipientKey: 'us',
            destinationCountry: 'JP',
            safeguard: 'adequacy',
            safeguardReference: '',
          }),
        ],
      }),
    ).toEqual(['warning safeguard_reference_missing transfers/t1/safeguardReference']);
  });

  it('recipients: processors need a contract, a third-country recipient a recorded transfer', () => {
    const recipients = [recipient({ key: 'us', country: 'US', dpaSignedOn: null })];
    const purposes = [purpose({ key: 'p', recipientKeys: ['us', 'ghost'] })];
    expect(check({ recipients, purposes })).toEqual([
      'error unknown_recipient purposes/p/recipientKeys/1',
      'error processor_without_dpa recipients/us/dpaSignedOn',
      'error third_country_recipient_without_transfer recipients/us/country',
    ]);
  });
});
