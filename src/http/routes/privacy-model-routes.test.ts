import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../audit/list-audit.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';

describe.each(storeKinds)('privacy model routes on %s', (kind) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
    viewer = { authorization: `Bearer ${await t.apiKey('viewer')}` };
  });
  afterAll(async () => {
    await t.stop();
  });

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    });

  it('creates, reads, replaces and deletes a recipient, a system, a purpose and a transfer; each audited', async () => {
    const recipient = await send('POST', '/api/admin/recipients', admin, {
      key: 'mailer',
      name: 'Mailer Inc.',
      role: 'processor',
      country: 'US',
      dpaSignedOn: '2024-01-01',
    });
    expect(recipient.statusCode).toBe(201);
    expect(recipient.json()).toMatchObject({
      key: 'mailer',
      category: '',
      internalNotes: '',
      purposeKeys: [],
    });

    const system = await send('POST', '/api/admin/systems', admin, {
      key: 'crm',
      name: 'CRM',
      businessFunction: 'Sales',
      datasetKeys: ['crm_db'],
      recipientKeys: ['mailer'],
    });
    expect(system.statusCode).toBe(201);

    const purpose = await send('POST', '/api/admin/purposes', admin, {
      key: 'newsletter',
      name: 'Newsletter',
      dataUse: 'marketing.communications.email',
      systemKey: 'crm',
      legalBasis: '6.1.a',
      dataCategories: ['user.contact.email'],
      retentionPeriod: 'P2Y',
    });
    expect(purpose.statusCode).toBe(201);
    expect(purpose.json()).toMatchObject({
      actingAs: 'controller',
      automatedDecisionMaking: false,
      source: 'data_subject',
    });

    const transfer = await send('POST', '/api/admin/transfers', admin, {
      recipientKey: 'mailer',
      destinationCountry: 'US',
      safeguard: 'scc',
      safeguardReference: 'SCC 2021/914 module 2',
    });
    expect(transfer.statusCode).toBe(201);
    const transferId = transfer.json().id as string;

    const read = await send('GET', '/api/admin/recipients/mailer', viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json().purposeKeys).toEqual(['newsletter']);
    const list = await send('GET', '/api/admin/purposes', viewer);
    expect(list.json().purposes.map((p: { key: string }) => p.key)).toEqual(['newsletter']);

    const replaced = await send('PUT', '/api/admin/purposes/newsletter', admin, {
      name: 'Newsletter (weekly)',
      dataUse: 'marketing.communications.email',
      legalBasis: '6.1.a',
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      name: 'Newsletter (weekly)',
      systemKey: null,
      dataCategories: [],
    });

    expect((await send('DELETE', `/api/admin/transfers/${transferId}`, admin)).statusCode).toBe(204);
    expect((await send('GET', `/api/admin/transfers/${transferId}`, viewer)).statusCode).toBe(404);

    const actions = (await listAudit(t.store, { limit: 50, action: 'datamap.*' })).entries.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'datamap.recipient.create',
        'datamap.system.create',
        'datamap.purpose.create',
        'datamap.transfer.create',
        'datamap.purpose.update',
        'datamap.transfer.delete',
      ]),
    );
    const update = (await listAudit(t.store, { limit: 1, action: 'datamap.purpose.update' })).entries[0];
    expect(update?.target).toBe('purpose:newsletter');
    expect(update?.details).toMatchObject({
      before: { name: 'Newsletter' },
      after: { name: 'Newsletter (weekly)' },
    });
  });

  it('lets viewers read but not write, and anonymous callers do neither', async () => {
    expect((await send('GET', '/api/admin/systems', viewer)).statusCode).toBe(200);
    const write = await send('POST', '/api/admin/systems', viewer, { key: 'x', name: 'X' });
    expect(write.statusCode).toBe(403);
    const operator = { authorization: `Bearer ${await t.apiKey('operator')}` };
    expect((await send('DELETE', '/api/admin/systems/crm', operator)).statusCode).toBe(403);
    expect((await send('GET', '/api/admin/systems', {})).statusCode).toBe(401);
    expect((await send('GET', '/api/admin/systems/crm', viewer)).statusCode).toBe(200);
  });

  it('refuses a taken key, unknown references, a referenced record and a bad duration', async () => {
    const taken = await send('POST', '/api/admin/systems', admin, { key: 'crm', name: 'Again' });
    expect(taken.statusCode).toBe(409);
    const dangling = await send('POST', '/api/admin/purposes', admin, {
      key: 'p2',
      name: 'P2',
      dataUse: 'analytics',
      systemKey: 'nope',
      recipientKeys: ['mailer', 'ghost'],
    });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json().error.issues).toEqual([
      { code: 'unknown_system', path: 'systemKey', message: 'no system nope' },
      { code: 'unknown_recipient', path: 'recipientKeys.1', message: 'no recipient ghost' },
    ]);
    expect((await send('GET', '/api/admin/purposes/p2', viewer)).statusCode).toBe(404);

    const inUse = await send('DELETE', '/api/admin/recipients/mailer', admin);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('system crm');

    const badDuration = await send('POST', '/api/admin/purposes', admin, {
      key: 'p3',
      name: 'P3',
      dataUse: 'analytics',
      retentionPeriod: '6 years',
    });
    expect(badDuration.statusCode).toBe(400);
    expect((await send('DELETE', '/api/admin/systems/ghost', admin)).statusCode).toBe(404);
  });

  it('serves the taxonomy with DPV legal bases and merges a custom category', async () => {
    const added = await send('POST', '/api/admin/taxonomy/extensions', admin, {
      kind: 'data_category',
      key: 'user.demographic.trade_union',
      name: 'Trade union membership',
      sensitivity: 'art9',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ parentKey: 'user.demographic' });
    const orphan = await send('POST', '/api/admin/taxonomy/extensions', admin, {
      kind: 'data_use',
      key: 'nowhere.custom',
      name: 'Orphan',
    });
    expect(orphan.statusCode).toBe(400);
    const duplicate = await send('POST', '/api/admin/taxonomy/extensions', admin, {
      kind: 'data_category',
      key: 'user.contact.email',
      name: 'Email again',
    });
    expect(duplicate.statusCode).toBe(409);

    const taxonomy = (await send('GET', '/api/admin/taxonomy', viewer)).json();
    expect(taxonomy.dataCategories).toHaveLength(86);
    expect(taxonomy.dataCategories).toContainEqual(
      expect.objectContaining({ key: 'user.demographic.trade_union', custom: true, sensitivity: 'art9' }),
    );
    expect(taxonomy.dataUses).toHaveLength(54);
    expect(taxonomy.dataSubjects).toHaveLength(15);
    expect(taxonomy.legalBases.map((b: { code: string; dpvName: string }) => [b.code, b.dpvName])).toEqual([
      ['6.1.a', 'consent'],
      ['6.1.b', 'contract'],
      ['6.1.c', 'legal obligation'],
      ['6.1.d', 'protect vital interests'],
      ['6.1.e', 'public interest or official authority'],
      ['6.1.f', 'legitimate interest'],
    ]);
    expect(taxonomy.specialCategoryConditions).toHaveLength(10);

    expect(
      (
        await send(
          'DELETE',
          '/api/admin/taxonomy/extensions/data_category/user.demographic.trade_union',
          admin,
        )
      ).statusCode,
    ).toBe(204);
    const after = (await send('GET', '/api/admin/taxonomy', viewer)).json();
    expect(after.dataCategories).toHaveLength(85);
  });

  it('lists validation issues as data with code and path', async () => {
    await send('POST', '/api/admin/recipients', admin, {
      key: 'cloud_us',
      name: 'Cloud US',
      role: 'processor',
      country: 'US',
    });
    await send('POST', '/api/admin/transfers', admin, { recipientKey: 'cloud_us', destinationCountry: 'US' });
    await send('POST', '/api/admin/purposes', admin, {
      key: 'health_check',
      name: 'Health check',
      dataUse: 'essential.service',
      legalBasis: '6.1.b',
      dataCategories: ['user.health_and_medical', 'user.made_up'],
      recipientKeys: ['cloud_us'],
      retentionPeriod: 'P1Y',
    });
    await send('POST', '/api/admin/purposes', admin, {
      key: 'profiling',
      name: 'Profiling',
      dataUse: 'marketing.advertising.profiling',
      legalBasis: '6.1.f',
      legitimateInterest: 'Selling more',
      dataCategories: ['user.behavior.purchase_history'],
      retentionPeriod: 'P1Y',
    });
    const res = await send('GET', '/api/admin/datamap/check', viewer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    const found = body.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'special_category_without_condition purposes/health_check/specialCategoryCondition',
        'unknown_data_category purposes/health_check/dataCategories/1',
        'legitimate_interest_without_assessment purposes/profiling/legitimateInterestAssessment',
        'processor_without_dpa recipients/cloud_us/dpaSignedOn',
      ]),
    );
    const transferIssue = body.issues.find((i: { code: string }) => i.code === 'transfer_without_safeguard');
    expect(transferIssue).toMatchObject({
      severity: 'error',
      path: expect.stringMatching(/^transfers\/trf_.+\/safeguard$/),
    });
  });
});
