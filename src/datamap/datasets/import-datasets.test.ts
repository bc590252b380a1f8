import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../audit/verify-audit.ts';
import { fixedClock } from '../../domain/clock.ts';
import { isPrivetError, type PrivetError } from '../../domain/errors.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { formatIssue, type DatasetIssue } from '../dataset-graph/dataset-issue.ts';
import { exportFidesYaml } from '../fides-yaml/export-fides-yaml.ts';
import { fidesExampleDatasetFiles, readFidesExample } from '../fides-yaml/fides-examples.fixture.ts';
import { parseFidesYaml } from '../fides-yaml/parse-fides-yaml.ts';
import { checkStoredDatasets } from './check-stored-datasets.ts';
import { deleteDataset } from './delete-dataset.ts';
import { getDataset } from './get-dataset.ts';
import { importDatasets, type DatasetFile } from './import-datasets.ts';
import { listDatasets } from './list-datasets.ts';
import { loadDatasets } from './load-datasets.ts';

const example = (name: string): DatasetFile => ({ name, text: readFidesExample(name) });

const danglingYaml = [
  'dataset:',
  '  - fides_key: dangling',
  '    collections:',
  '      - name: customer',
  '        fields:',
  '          - name: email',
  '            fides_meta:',
  '              identity: email',
  '          - name: address_id',
  '            fides_meta:',
  '              references:',
  '                - dataset: dangling', // 12
  '                  field: adress.id',
  '                  direction: to',
].join('\n');

async function rejection(promise: Promise<unknown>): Promise<PrivetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPrivetError(error)) throw new Error(`expected a PrivetError, got ${String(error)}`);
  return error;
}

describe.each(storeKinds)('dataset import on %s', (kind) => {
  let t: TestStore;
  const clock = fixedClock('2026-03-01T10:00:00Z');
  const deps = () => ({ store: t.store, clock });
  const counts = async () => ({
    datasets: (await t.store.db.selectFrom('datasets').select('fides_key').execute()).length,
    audit: (await t.store.db.selectFrom('audit_log').select('seq').execute()).length,
    documents: JSON.stringify(await loadDatasets(t.store)),
  });

  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('imports every Fides example file, one file at a time, and audits each dataset', async () => {
    for (const file of fidesExampleDatasetFiles) {
      const result = await importDatasets(deps(), [example(file)], 'test');
      const expected = parseFidesYaml(readFidesExample(file), file).datasets.map((d) => d.fides_key);
      expect(result).toEqual({ imported: expected, warnings: [] });
    }
    const list = await listDatasets(t.store);
    expect(list.map((d) => d.fidesKey)).toEqual([
      'field_masking_override_test_dataset',
      'mariadb_example_test_dataset',
      'mongo_test',
      'mssql_example_test_dataset',
      'mysql_example_test_dataset',
      'postgres_example_test_dataset',
      'postgres_example_test_extended_dataset',
    ]);
    expect(list.find((d) => d.fidesKey === 'mongo_test')).toMatchObject({
      name: 'Mongo Example Test Dataset',
      systemKey: null,
      collections: 9,
      fields: 66,
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor'])
      .where('action', '=', 'datamap.dataset.import')
      .execute();
    // The PostgreSQL example is imported twice (two files hold it): an upsert, audited both times.
    expect(audit).toHaveLength(8);
    expect(audit[0]).toEqual({
      action: 'datamap.dataset.import',
      target: 'dataset:postgres_example_test_dataset',
      actor: 'test',
    });
    expect((await verifyAudit(t.store)).ok).toBe(true);
    expect(await checkStoredDatasets(t.store)).toEqual([]);
  });

  it('stores each document exactly: what comes back equals what was parsed', async () => {
    // In import order, so that the later of the two PostgreSQL files is the one stored.
    const latest = new Map(
      fidesExampleDatasetFiles.flatMap((file) =>
        parseFidesYaml(readFidesExample(file), file).datasets.map((d) => [d.fides_key, d] as const),
      ),
    );
    expect(latest.size).toBe(7);
    for (const [key, dataset] of latest) expect(await getDataset(t.store, key)).toEqual(dataset);
  });

  it('round-trips the stored map: export → import → the same documents', async () => {
    const before = await loadDatasets(t.store);
    const result = await importDatasets(deps(), [{ name: 'all.yml', text: exportFidesYaml(before) }], 'test');
    expect(result.imported).toHaveLength(before.length);
    expect(await loadDatasets(t.store)).toEqual(before);
  });

  it('upserts by fides_key: keeps created_at, moves updated_at', async () => {
    clock.advance(60_000);
    await importDatasets(
      deps(),
      [example('data_dataset_postgres_example_test_extended_dataset.yml')],
      'test',
    );
    const row = (await listDatasets(t.store)).find(
      (d) => d.fidesKey === 'postgres_example_test_extended_dataset',
    );
    expect(row).toMatchObject({
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:01:00.000Z',
    });
  });

  it('rejects a dangling reference with its file, line and path, and leaves the store unchanged', async () => {
    const before = await counts();
    const error = await rejection(
      importDatasets(deps(), [{ name: 'dangling.yml', text: danglingYaml }], 'test'),
    );
    expect(error.code).toBe('validation_failed');
    const issues = error.issues as readonly DatasetIssue[];
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'reference_missing_collection dangling.yml:12:dataset[0].collections[0].fields[1].fides_meta.references[0]',
    ]);
    expect(error.message).toBe(
      'dangling.yml:12: dataset[0].collections[0].fields[1].fides_meta.references[0]: ' +
        'customer.address_id refers to dangling.adress.id, but dataset "dangling" has no collection "adress"',
    );
    expect(await counts()).toEqual(before);
  });

  it('imports nothing from a multi-file import when the second file is bad', async () => {
    const before = await counts();
    const good: DatasetFile = {
      name: 'good.yml',
      text: 'dataset:\n  - fides_key: brand_new\n    collections:\n      - name: c\n        fields:\n          - name: email\n            fides_meta: {identity: email}\n',
    };
    const bad: DatasetFile = { name: 'bad.yml', text: 'dataset:\n  - fides_key: [oops\n' };
    const error = await rejection(importDatasets(deps(), [good, bad], 'test'));
    expect(error.issues.map((i) => formatIssue(i as DatasetIssue))[0]).toMatch(/^bad\.yml:\d+: /);
    expect(await counts()).toEqual(before);
    await expect(getDataset(t.store, 'brand_new')).rejects.toMatchObject({ code: 'not_found' });

    // A graph error found only once both files are read also stops both.
    const second: DatasetFile = { name: 'second.yml', text: danglingYaml };
    await rejection(importDatasets(deps(), [good, second], 'test'));
    expect(await counts()).toEqual(before);
  });

  it('refuses policy files and the same dataset from two files, naming both places', async () => {
    const before = await counts();
    const policy = await rejection(
      importDatasets(deps(), [example('demo_resources_demo_policy.yml')], 'test'),
    );
    expect(policy.message).toMatch(/^demo_resources_demo_policy\.yml:1: this is a Fides policy file/);
    const twice = await rejection(
      importDatasets(
        deps(),
        [
          example('data_dataset_postgres_example_test_dataset.yml'),
          example('src_fides_data_sample_project_sample_resources_postgres_example_test_dataset.yml'),
        ],
        'test',
      ),
    );
    expect(twice.message).toBe(
      'src_fides_data_sample_project_sample_resources_postgres_example_test_dataset.yml:2: dataset ' +
        '"postgres_example_test_dataset" is also defined at data_dataset_postgres_example_test_dataset.yml:2; ' +
        'import only one of them',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses an upsert that breaks a reference from a stored dataset', async () => {
    const before = await counts();
    // mongo_test references postgres_example_test_dataset.customer.id; this version has no customer.
    const shrunk =
      'dataset:\n  - fides_key: postgres_example_test_dataset\n    collections:\n      - name: visit\n        fields:\n          - name: email\n            fides_meta: {identity: email}\n';
    const error = await rejection(importDatasets(deps(), [{ name: 'shrunk.yml', text: shrunk }], 'test'));
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'reference_missing_collection',
        path: 'mongo_test:collections[0].fields[1].fides_meta.references[0]',
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('returns warnings without refusing, traced to the file', async () => {
    const text =
      'dataset:\n  - fides_key: lonely\n    collections:\n      - name: island\n        fields:\n          - name: id\n';
    const result = await importDatasets(deps(), [{ name: 'lonely.yml', text }], 'test');
    expect(result.imported).toEqual(['lonely']);
    expect(result.warnings.map(formatIssue)).toEqual([
      'lonely.yml:4: dataset[0].collections[0]: collection lonely.island cannot be reached from any identity field, ' +
        'so no request will find its rows',
    ]);
  });

  it('deletes a dataset with an audit entry; deleting it again is not_found', async () => {
    await deleteDataset(deps(), 'lonely', 'test');
    await expect(getDataset(t.store, 'lonely')).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteDataset(deps(), 'lonely', 'test')).rejects.toMatchObject({ code: 'not_found' });
    const entry = await t.store.db
      .selectFrom('audit_log')
      .select(['target'])
      .where('action', '=', 'datamap.dataset.delete')
      .executeTakeFirst();
    expect(entry).toEqual({ target: 'dataset:lonely' });
  });

  it('honours an aborted signal before touching the store', async () => {
    const before = await counts();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      importDatasets(
        deps(),
        [example('data_dataset_mysql_example_test_dataset.yml')],
        'test',
        controller.signal,
      ),
    ).rejects.toThrow('stop');
    expect(await counts()).toEqual(before);
  });
});
