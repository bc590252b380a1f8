import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from './load-default-taxonomy.ts';
import { mergeTaxonomy } from './merge-taxonomy.ts';
import { parseCsv, parseCsvRecords } from './parse-csv.ts';
import { findEntry } from './taxonomy.ts';

describe('default taxonomy', () => {
  it('loads fideslang from the copied files: 85 categories, 54 uses, 15 subjects, parents known', async () => {
    const defaults = await loadDefaultTaxonomy();
    expect(defaults.dataCategories).toHaveLength(85);
    expect(defaults.dataUses).toHaveLength(54);
    expect(defaults.dataSubjects).toHaveLength(15);
    const keys = new Set(defaults.dataCategories.map((c) => c.fides_key));
    for (const category of defaults.dataCategories) {
      if (category.parent_key) expect(keys).toContain(category.parent_key);
    }
  });

  it('names Art. 6(1)(a)–(f) and Art. 9(2)(a)–(j) with their DPV concepts', async () => {
    const { legalBases, specialCategoryConditions } = await loadDefaultTaxonomy();
    expect(legalBases.map((b) => b.code)).toEqual(['6.1.a', '6.1.b', '6.1.c', '6.1.d', '6.1.e', '6.1.f']);
    expect(legalBases[5]).toMatchObject({
      article: 'Art. 6(1)(f) GDPR',
      dpvTerm: 'A6-1-f',
      dpvLabel: 'Art 6(1-f) legitimate interest',
      dpvName: 'legitimate interest',
      dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-f',
      plainName: 'Our legitimate interests',
    });
    expect(specialCategoryConditions.map((c) => c.code)).toEqual([
      '9.2.a',
      '9.2.b',
      '9.2.c',
      '9.2.d',
      '9.2.e',
      '9.2.f',
      '9.2.g',
      '9.2.h',
      '9.2.i',
      '9.2.j',
    ]);
    expect(specialCategoryConditions[0]).toMatchObject({
      article: 'Art. 9(2)(a) GDPR',
      dpvName: 'explicit consent',
    });
  });

  it('aborts reading when the signal is aborted', async () => {
    await expect(loadDefaultTaxonomy(AbortSignal.abort())).rejects.toThrow(/abort/i);
  });
});

describe('mergeTaxonomy', () => {
  it('marks Art. 9 and Art. 10 categories with their descendants, and custom keys by their flag', async () => {
    const defaults = await loadDefaultTaxonomy();
    const taxonomy = mergeTaxonomy(defaults, [
      {
        kind: 'data_category',
        key: 'user.demographic.trade_union',
        name: 'Trade union',
        description: '',
        parentKey: 'user.demographic',
        sensitivity: 'art9',
      },
      {
        kind: 'data_category',
        key: 'user.health_and_medical.allergy',
        name: 'Allergy',
        description: '',
        parentKey: 'user.health_and_medical',
        sensitivity: null,
      },
      {
        kind: 'data_category',
        key: 'user.contact.email',
        name: 'Redefined',
        description: '',
        parentKey: 'user.contact',
        sensitivity: 'art9',
      },
      {
        kind: 'data_use',
        key: 'essential.service.loyalty',
        name: 'Loyalty',
        description: '',
        parentKey: 'essential.service',
        sensitivity: null,
      },
    ]);
    const sensitivity = (key: string) => findEntry(taxonomy, 'data_category', key)?.sensitivity;
    expect(sensitivity('user.health_and_medical.genetic')).toBe('art9');
    expect(sensitivity('user.biometric.fingerprint')).toBe('art9');
    expect(sensitivity('user.demographic.sexual_orientation')).toBe('art9');
    expect(sensitivity('user.criminal_history')).toBe('art10');
    expect(sensitivity('user.demographic.gender')).toBeNull();
    expect(sensitivity('user.demographic.trade_union')).toBe('art9');
    expect(sensitivity('user.health_and_medical.allergy')).toBe('art9');
    // A default key is never redefined by an extension.
    expect(findEntry(taxonomy, 'data_category', 'user.contact.email')).toMatchObject({
      name: 'User Contact Email',
      custom: false,
    });
    expect(findEntry(taxonomy, 'data_use', 'essential.service.loyalty')?.custom).toBe(true);
    expect(taxonomy.dataCategories).toHaveLength(87);
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180: quoted commas, doubled quotes, line breaks in fields, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"1,5","say ""hi""","two\r\nlines"\r\nx,,z\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'say "hi"', 'two\r\nlines'],
      ['x', '', 'z'],
    ]);
    expect(parseCsvRecords('k,v\n1,2')).toEqual([{ k: '1', v: '2' }]);
  });
});
