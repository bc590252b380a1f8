// The dataset↔system link lives in systems.dataset_keys only (migration 012); a dataset's systems are derived.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { fixedClock } from '../../domain/clock.ts';
import { migrate } from '../../store/migrate.ts';
import { createSystem, listSystems, updateSystem } from '../systems/system-repository.ts';
import { importDatasets } from './import-datasets.ts';
import { listDatasets } from './list-datasets.ts';

const at = '2026-01-01T00:00:00.000Z';
const yaml = (key: string) =>
  `dataset:\n  - fides_key: ${key}\n    collections:\n      - name: t\n        fields:\n          - name: email\n            fides_meta: {identity: email}\n`;

describe.each(storeKinds)('dataset ↔ system link on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  }, 60_000);
  afterEach(async () => {
    await t.cleanup();
  });
  const deps = () => ({ store: t.store, clock: fixedClock(new Date(at)) });

  it('a dataset lists the systems that name it; changing a system changes the dataset, an import does not', async () => {
    await importDatasets(
      deps(),
      [{ name: 'a.yml', text: yaml('shop') + yaml('crm').replace('dataset:\n', '') }],
      'test',
    );
    await createSystem(deps(), { key: 'web', name: 'Web', datasetKeys: ['shop'] }, 'test');
    await createSystem(
      deps(),
      { key: 'backoffice', name: 'Back office', datasetKeys: ['shop', 'crm'] },
      'test',
    );
    const summary = async () =>
      (await listDatasets(t.store)).map((d) => [d.fidesKey, d.systemKey, d.systemKeys]);
    expect(await summary()).toEqual([
      ['crm', 'backoffice', ['backoffice']],
      ['shop', 'backoffice', ['backoffice', 'web']],
    ]);
    await updateSystem(deps(), 'backoffice', { name: 'Back office', datasetKeys: ['crm'] }, 'test');
    await importDatasets(deps(), [{ name: 'b.yml', text: yaml('shop') }], 'test');
    expect(await summary()).toEqual([
      ['crm', 'backoffice', ['backoffice']],
      ['shop', 'web', ['web']],
    ]);
  });

  it('migration 012 carries links stored only on the dataset into the system, then drops the column', async () => {
    await importDatasets(
      deps(),
      [
        {
          name: 'a.yml',
          text:
            yaml('shop') + yaml('crm').replace('dataset:\n', '') + yaml('orphan').replace('dataset:\n', ''),
        },
      ],
      'test',
    );
    await createSystem(deps(), { key: 'web', name: 'Web', datasetKeys: ['zeta', 'crm'] }, 'test');
    await createSystem(deps(), { key: 'mail', name: 'Mail' }, 'test');
    // Back to the shape before 012, with links on both sides (one on both, two only on the dataset).
    await t.store.execScript(
      'ALTER TABLE datasets ADD COLUMN system_key TEXT; CREATE INDEX datasets_system ON datasets (system_key);',
    );
    await sql`UPDATE datasets SET system_key = 'web' WHERE fides_key IN ('shop', 'crm')`.execute(t.store.db);
    await sql`UPDATE datasets SET system_key = 'mail' WHERE fides_key = 'orphan'`.execute(t.store.db);
    await t.store.db.deleteFrom('schema_migrations').where('version', '=', '012').execute();

    expect((await migrate(t.store)).applied).toEqual(['012_dataset_system_link']);
    const systems = await listSystems(t.store.db);
    expect(systems.map((s) => [s.key, s.datasetKeys])).toEqual([
      ['mail', ['orphan']],
      ['web', ['zeta', 'crm', 'shop']],
    ]);
    await expect(sql`SELECT system_key FROM datasets`.execute(t.store.db)).rejects.toThrow();
    expect((await listDatasets(t.store)).map((d) => [d.fidesKey, d.systemKeys])).toEqual([
      ['crm', ['web']],
      ['orphan', ['mail']],
      ['shop', ['web']],
    ]);
  });
});
