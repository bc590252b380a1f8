import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fidesExampleDir } from '../datamap/fides-yaml/fides-examples.fixture.ts';
import { runCli } from '../../test/support/run-cli.ts';

const example = (name: string) => join(fidesExampleDir, name);
const POSTGRES = example('data_dataset_postgres_example_test_dataset.yml');
const MONGO = example('data_dataset_mongo_example_test_dataset.yml');
const MULTI = example('data_dataset_example_test_datasets.yml');

describe('privet datamap import|export', { timeout: 300_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-datamap-cli-'));
    env = { PRIVET_DATA_DIR: join(dir, 'data') };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports several files at once and says what it imported', async () => {
    const result = await runCli(['datamap', 'import', POSTGRES, MONGO, MULTI, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: [
        'postgres_example_test_dataset',
        'mongo_test',
        'mssql_example_test_dataset',
        'mariadb_example_test_dataset',
      ],
      warnings: [],
    });
    const human = await runCli(['datamap', 'import', POSTGRES], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe('Imported 1 dataset(s): postgres_example_test_dataset.\n');
  });

  it('prints file:line: message for a bad file, exits 1 and imports nothing from the good one', async () => {
    const bad = join(dir, 'bad.yml');
    const good = join(dir, 'good.yml');
    await writeFile(
      bad,
      [
        'dataset:',
        '  - fides_key: bad',
        '    collections:',
        '      - name: c',
        '        fields:',
        '          - name: 7',
      ].join('\n'),
    );
    await writeFile(
      good,
      'dataset:\n  - fides_key: good\n    collections:\n      - name: c\n        fields:\n          - name: email\n            fides_meta: {identity: email}\n',
    );
    const result = await runCli(['datamap', 'import', good, bad], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${bad}:6: dataset[0].collections[0].fields[0].name must be a non-empty string\n` +
        'Nothing was imported (1 problem(s)).\n',
    );
    const exported = await runCli(['datamap', 'export', '--format', 'fides-yaml'], env);
    expect(exported.stdout).not.toContain('fides_key: good');

    const policy = await runCli(['datamap', 'import', example('demo_resources_demo_policy.yml')], env);
    expect(policy.code).toBe(1);
    expect(policy.stderr).toContain(
      'demo_resources_demo_policy.yml:1: this is a Fides policy file, not a dataset file',
    );

    const missing = await runCli(['datamap', 'import', join(dir, 'nope.yml')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yml: cannot read the file (ENOENT)');
  });

  it('exports fides-yaml to stdout or a file, and the export imports back unchanged', async () => {
    const stdout = await runCli(['datamap', 'export', '--format', 'fides-yaml'], env);
    expect(stdout.code).toBe(0);
    const plain = parse(stdout.stdout) as { dataset: { fides_key: string }[] };
    expect(plain.dataset.map((d) => d.fides_key)).toEqual([
      'mariadb_example_test_dataset',
      'mongo_test',
      'mssql_example_test_dataset',
      'postgres_example_test_dataset',
    ]);
    const mongo = (parse(await readFile(MONGO, 'utf8')) as { dataset: unknown[] }).dataset[0];
    expect(plain.dataset[1]).toEqual(mongo);

    const out = join(dir, 'map.yml');
    const toFile = await runCli(['datamap', 'export', '--format', 'fides-yaml', '--out', out], env);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toBe(`Wrote 4 dataset(s) to ${out}.\n`);
    expect(await readFile(out, 'utf8')).toBe(`${stdout.stdout}`);
    const back = await runCli(['datamap', 'import', out, '--json'], env);
    expect(JSON.parse(back.stdout).imported).toHaveLength(4);
    const again = await runCli(['datamap', 'export', '--format', 'fides-yaml'], env);
    expect(again.stdout).toBe(stdout.stdout);
  });

  it('refuses an unknown export format as a usage error', async () => {
    const result = await runCli(['datamap', 'export', '--format', 'csv'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fides-yaml');
  });
});
