import { beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import type { PrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { loadDefaultTaxonomy } from '../../datamap/taxonomy/load-default-taxonomy.ts';
import { mergeTaxonomy } from '../../datamap/taxonomy/merge-taxonomy.ts';
import type { Taxonomy } from '../../datamap/taxonomy/taxonomy.ts';
import { categoryOrigin } from './category-origin.ts';
import type { PackageDataMap } from './package-input.ts';
import { portableFields } from './portable-fields.ts';

function purpose(fields: Partial<Purpose> & Pick<Purpose, 'key' | 'legalBasis' | 'dataCategories'>): Purpose {
  return {
    name: fields.key,
    description: '',
    dataUse: 'essential.service',
    systemKey: null,
    actingAs: 'controller',
    onBehalfOf: null,
    specialCategoryCondition: null,
    criminalOffenceAuthority: '',
    legitimateInterest: '',
    legitimateInterestAssessment: '',
    assessmentPublic: false,
    dataSubjects: [],
    retentionPeriod: null,
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
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const dataset: FidesDataset = {
  fides_key: 'crm',
  collections: [
    {
      name: 'people',
      fields: [
        { name: 'id', data_categories: ['user.unique_id'] },
        { name: 'email', data_categories: ['user.contact.email'] },
        { name: 'full_name', data_categories: ['user.name'] },
        { name: 'passport', data_categories: ['user.government_id.passport_number'] },
        { name: 'website', data_categories: ['user.contact.url'] },
        { name: 'last_login_ip', data_categories: ['user.device.ip_address'] },
        { name: 'segment', data_categories: ['user.behavior'] },
        { name: 'notes' },
        {
          name: 'profile',
          fields: [
            { name: 'city', data_categories: ['user.contact.address.city'] },
            { name: 'score', data_categories: ['user.behavior'] },
          ],
        },
        { name: 'prefs', fields: [{ name: 'language', data_categories: ['user.demographic.language'] }] },
        { name: 'created_at', data_categories: ['system.operations'] },
      ],
    },
  ],
};

describe('portableFields', () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = mergeTaxonomy(await loadDefaultTaxonomy(), []);
  });

  const dataMap = (purposes: Purpose[], systems: PrivacyModel['systems'] = []): PackageDataMap => ({
    model: { systems, purposes, recipients: [], transfers: [], taxonomy },
    organisation: undefined,
    datasets: [dataset],
  });

  it('keeps provided fields covered by a consent or contract purpose, and nothing else', () => {
    const map = dataMap([
      purpose({ key: 'account', legalBasis: '6.1.b', dataCategories: ['user.contact', 'user.name.first'] }),
      purpose({ key: 'tax', legalBasis: '6.1.c', dataCategories: ['user.government_id'] }),
      purpose({ key: 'security', legalBasis: '6.1.f', dataCategories: ['user.device', 'user.behavior'] }),
      purpose({ key: 'settings', legalBasis: '6.1.a', dataCategories: ['user.demographic'] }),
      purpose({
        key: 'client_work',
        legalBasis: '6.1.b',
        actingAs: 'processor',
        dataCategories: ['user.government_id'],
      }),
    ]);
    expect(portableFields(map, 'crm', 'people')).toEqual([
      { name: 'email', categories: ['user.contact.email'], purposes: ['account'] },
      // `user.name.first` in the purpose overlaps a `user.name` column, which holds the first name.
      { name: 'full_name', categories: ['user.name'], purposes: ['account'] },
      { name: 'website', categories: ['user.contact.url'], purposes: ['account'] },
      { name: 'prefs', categories: ['user.demographic.language'], purposes: ['settings'] },
    ]);
  });

  it('leaves out a purpose whose system uses other datasets', () => {
    const system = {
      key: 'newsletter_tool',
      name: 'Newsletter tool',
      description: '',
      businessFunction: '',
      owner: '',
      datasetKeys: ['mailing'],
      recipientKeys: [],
      createdAt: '',
      updatedAt: '',
    };
    const map = dataMap(
      [
        purpose({
          key: 'newsletter',
          legalBasis: '6.1.a',
          systemKey: 'newsletter_tool',
          dataCategories: ['user.contact.email'],
        }),
      ],
      [system],
    );
    expect(portableFields(map, 'crm', 'people')).toEqual([]);
    expect(
      portableFields(
        { ...map, model: { ...map.model, systems: [{ ...system, datasetKeys: ['crm'] }] } },
        'crm',
        'people',
      ),
    ).toEqual([{ name: 'email', categories: ['user.contact.email'], purposes: ['newsletter'] }]);
  });

  it('is empty for a collection the data map does not know', () => {
    const map = dataMap([purpose({ key: 'all', legalBasis: '6.1.b', dataCategories: ['user'] })]);
    expect(portableFields(map, 'crm', 'unknown')).toEqual([]);
    expect(portableFields(map, 'other', 'people')).toEqual([]);
  });
});

describe('categoryOrigin', () => {
  it('classifies by the nearest listed ancestor', () => {
    expect(categoryOrigin('user.contact.address.street')).toBe('provided');
    expect(categoryOrigin('user.contact.messenger_handle')).toBe('provided');
    expect(categoryOrigin('user.behavior.purchase_history')).toBe('observed');
    expect(categoryOrigin('user.device.ip_address')).toBe('observed');
    expect(categoryOrigin('user.financial')).toBe('derived');
    expect(categoryOrigin('user.financial.credit_card')).toBe('provided');
    expect(categoryOrigin('user.unique_id.pseudonymous')).toBe('assigned');
    expect(categoryOrigin('user.authorization.password')).toBe('assigned');
    expect(categoryOrigin('system.operations')).toBe('assigned');
    expect(categoryOrigin('user')).toBe('derived');
    expect(categoryOrigin('custom.thing')).toBe('derived');
  });
});
