import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { buildSupplementaryInformation } from './build-supplementary-information.ts';
import type { PackagedCollection } from './package-input.ts';
import { openSeededDemo, type SeededDemo } from './testing/seeded-demo.ts';

const collection = (name: string, rows: number, filledFields: string[]): PackagedCollection => ({
  dataset: 'demo_shop',
  collection: name,
  rows,
  jsonEntry: `demo_shop/${name}.json`,
  csvEntry: `demo_shop/${name}.csv`,
  columns: filledFields,
  filledFields,
});

const at = new Date('2026-03-02T10:30:00Z');

describe.each(storeKinds)('buildSupplementaryInformation from the demo data map on %s', (kind) => {
  let demo: SeededDemo | undefined;
  afterEach(async () => {
    await demo?.cleanup();
  });

  it('derives (a)–(h) and 15(2) from the fields that held values', async () => {
    demo = await openSeededDemo(kind);
    const info = buildSupplementaryInformation(
      demo.dataMap,
      [
        // `subscribed_at` (user.behavior) held no value, so it neither counts as found nor draws in purposes.
        collection('newsletter_subscriptions', 1, ['id', 'email']),
        // Nothing found: neither its categories nor its purposes count.
        collection('support_tickets', 0, []),
      ],
      at,
    );
    expect(info.generatedAt).toBe('2026-03-02T10:30:00.000Z');
    expect(info.controller).toEqual({
      name: 'Privet Demo Shop Ltd',
      address: '1 Example Street, 10115 Berlin, Germany',
      email: 'privacy@demo-shop.example',
      dataProtectionOfficer: 'Dana Peters, dpo@demo-shop.example',
    });
    expect(info.categories.entries).toEqual([
      {
        key: 'user.contact.email',
        name: 'User Contact Email',
        sensitivity: null,
        foundIn: ['demo_shop/newsletter_subscriptions'],
      },
    ]);
    expect(info.purposes.entries.map((e) => [e.purpose, e.legalBasis])).toEqual([
      ['Customer support', 'Performance of a contract with you (Art. 6(1)(b) GDPR)'],
      ['Fraud prevention', 'Our legitimate interests (Art. 6(1)(f) GDPR)'],
      ['Marketing newsletter', 'Consent (Art. 6(1)(a) GDPR)'],
      ['Order fulfilment', 'Performance of a contract with you (Art. 6(1)(b) GDPR)'],
    ]);
    expect(info.recipients.entries.find((r) => r.name === 'Mailcourier Inc.')).toEqual({
      name: 'Mailcourier Inc.',
      category: 'Email delivery service',
      role: 'processor',
      country: 'United States (US)',
      thirdCountry: true,
      purposes: ['Marketing newsletter'],
    });
    // Invoicing and analytics use no email address: their recipients' purposes do not reach it.
    expect(info.recipients.entries.find((r) => r.name === 'EuroCloud Hosting GmbH')?.purposes).toEqual([
      'Fraud prevention',
      'Order fulfilment',
    ]);
    expect(info.retention.entries.find((e) => e.purpose === 'Marketing newsletter')?.retention).toEqual([
      'until consent is withdrawn; the address then stays on a suppression list only',
    ]);
    expect(info.rights.entries.map((r) => r.article)).toEqual([
      'Art. 16 GDPR',
      'Art. 17 GDPR',
      'Art. 18 GDPR',
      'Art. 21 GDPR',
      'Art. 7(3) GDPR',
      'Art. 20 GDPR',
    ]);
    expect(info.rights.entries.find((r) => r.article === 'Art. 21 GDPR')?.appliesTo).toEqual([
      'Fraud prevention',
      'Marketing newsletter',
    ]);
    expect(info.complaint.entries[0]?.supervisoryAuthority).toMatch(/^Berliner Beauftragte/);
    expect(info.sources.entries.every((e) => e.source === 'From you')).toBe(true);
    expect(info.automatedDecisions.entries).toEqual([]);
    expect(info.transfers.entries).toEqual([
      'Mailcourier Inc., United States (US): Standard contractual clauses (Art. 46(2)(c) GDPR) – Commission Implementing Decision (EU) 2021/914, module 2 (controller to processor); transfer impact assessment of 2023-10-20',
    ]);
  });

  it('reports automated decisions, other sources and a missing authority from the data map', async () => {
    demo = await openSeededDemo(kind);
    const model = demo.dataMap.model;
    const purposes = model.purposes.map((p) =>
      p.key === 'fraud_prevention'
        ? {
            ...p,
            automatedDecisionMaking: true,
            automatedDecisionLogic: 'Orders scoring above 80 are held until a person reviews them.',
            source: 'both' as const,
            sourceDescription: 'our payment provider',
          }
        : p,
    );
    const info = buildSupplementaryInformation(
      { ...demo.dataMap, model: { ...model, purposes }, organisation: undefined },
      [collection('web_visits', 3, ['ip_address'])],
      at,
    );
    expect(info.automatedDecisions.entries).toEqual([
      { purpose: 'Fraud prevention', logic: 'Orders scoring above 80 are held until a person reviews them.' },
    ]);
    expect(info.sources.summary).toMatch(/^Some of your data was not collected from you/);
    expect(info.sources.entries).toContainEqual({
      purpose: 'Fraud prevention',
      source: 'From you and from our payment provider',
    });
    expect(info.complaint.entries[0]?.supervisoryAuthority).toBe('not recorded');
    expect(info.controller.name).toBe('');
  });
});
