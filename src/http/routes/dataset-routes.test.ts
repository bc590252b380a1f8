import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFidesExample } from '../../datamap/fides-yaml/fides-examples.fixture.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const POSTGRES_FILE = 'data_dataset_postgres_example_test_dataset.yml';
const MONGO_FILE = 'data_dataset_mongo_example_test_dataset.yml';

describe.each(storeKinds)('dataset routes on %s', (kind) => {
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

  const importYaml = (yaml: string, name?: string, headers = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/datasets/import',
      headers,
      payload: { yaml, ...(name === undefined ? {} : { name }) },
    });

  it('imports, lists, reads, exports and deletes datasets', async () => {
    const first = await importYaml(readFidesExample(POSTGRES_FILE), POSTGRES_FILE);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ imported: ['postgres_example_test_dataset'], warnings: [] });
    const second = await importYaml(readFidesExample(MONGO_FILE), MONGO_FILE);
    expect(second.json()).toEqual({ imported: ['mongo_test'], warnings: [] });

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/datasets', headers: viewer });
    expect(list.statusCode).toBe(200);
    expect(list.json().datasets).toEqual([
      expect.objectContaining({ fidesKey: 'mongo_test', collections: 9, fields: 66 }),
      expect.objectContaining({
        fidesKey: 'postgres_example_test_dataset',
        name: 'Postgres Example Test Dataset',
        collections: 11,
        systemKey: null,
      }),
    ]);

    const one = await t.app.inject({ method: 'GET', url: '/api/admin/datasets/mongo_test', headers: viewer });
    expect(one.statusCode).toBe(200);
    const document = one.json();
    expect(document.fides_key).toBe('mongo_test');
    expect(document.collections[0].fields[1].fides_meta.references).toEqual([
      { dataset: 'postgres_example_test_dataset', field: 'customer.id', direction: 'from' },
    ]);
    // Unknown keys are kept in the document, not dropped by the response schema.
    expect(document.collections[0].fields[8].fides_meta.extra).toEqual({
      data_categories: ['system.operations'],
    });

    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/admin/datasets/export',
      headers: viewer,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
    const plain = parse(exported.body) as { dataset: { fides_key: string }[] };
    expect(plain.dataset.map((d) => d.fides_key)).toEqual(['mongo_test', 'postgres_example_test_dataset']);
    expect(plain.dataset[1]).toEqual(
      (parse(readFidesExample(POSTGRES_FILE)) as { dataset: unknown[] }).dataset[0],
    );

    const check = await t.app.inject({ method: 'GET', url: '/api/admin/datasets/check', headers: viewer });
    expect(check.json()).toEqual({ issues: [] });

    // Deleting the referenced dataset is allowed; the check then names the reference left dangling.
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/datasets/postgres_example_test_dataset',
      headers: admin,
    });
    expect(deleted.statusCode).toBe(204);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/admin/datasets/postgres_example_test_dataset',
      headers: viewer,
    });
    expect(missing.statusCode).toBe(404);
    const after = await t.app.inject({ method: 'GET', url: '/api/admin/datasets/check', headers: viewer });
    expect(after.json().issues[0]).toMatchObject({
      code: 'reference_missing_dataset',
      severity: 'error',
      dataset: 'mongo_test',
      collection: 'customer_details',
      path: 'mongo_test:collections[0].fields[1].fides_meta.references[0]',
    });

    // Importing it again from the exported YAML repairs the map.
    const again = await importYaml(exported.body, 'export.yml');
    expect(again.json().imported).toEqual(['mongo_test', 'postgres_example_test_dataset']);
    const repaired = await t.app.inject({ method: 'GET', url: '/api/admin/datasets/check', headers: viewer });
    expect(repaired.json()).toEqual({ issues: [] });
  });

  it('answers 400 with issues naming file, line and path, and changes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/admin/datasets/export', headers: viewer }))
      .body;
    const bad = [
      'dataset:',
      '  - fides_key: broken',
      '    collections:',
      '      - name: c',
      '        fields:',
      '          - name: x',
      '            fides_meta:',
      '              references:',
      '                - dataset: broken',
      '                  field: c.x',
      '                  direction: both',
    ].join('\n');
    const res = await importYaml(bad, 'bad.yml');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      message:
        'bad.yml:11: dataset[0].collections[0].fields[0].fides_meta.references[0].direction must be "from" or "to"',
      issues: [
        {
          code: 'invalid_direction',
          path: 'bad.yml:11:dataset[0].collections[0].fields[0].fides_meta.references[0].direction',
          message:
            'dataset[0].collections[0].fields[0].fides_meta.references[0].direction must be "from" or "to"',
        },
      ],
    });
    const syntax = await importYaml('dataset:\n  - fides_key: [x\n');
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.message).toMatch(/^upload\.yml:\d+: /);
    const policy = await importYaml(readFidesExample('demo_resources_demo_policy.yml'), 'policy.yml');
    expect(policy.statusCode).toBe(400);
    expect(policy.json().error.issues[0].code).toBe('not_a_dataset_file');
    const after = (await t.app.inject({ method: 'GET', url: '/api/admin/datasets/export', headers: viewer }))
      .body;
    expect(after).toBe(before);
  });

  it('lets viewers read but only admins change datasets', async () => {
    expect((await importYaml(readFidesExample(POSTGRES_FILE), undefined, viewer)).statusCode).toBe(403);
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/datasets/mongo_test',
      headers: viewer,
    });
    expect(del.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/datasets' });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/admin/datasets/nope', headers: admin })).statusCode,
    ).toBe(404);
  });
});
