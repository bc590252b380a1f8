import { describe, expect, it } from 'vitest';
import { formatIssue } from '../dataset-graph/dataset-issue.ts';
import {
  fidesExampleDatasetFiles,
  fidesExamplePolicyFiles,
  readFidesExample,
} from './fides-examples.fixture.ts';
import { parseFidesYaml } from './parse-fides-yaml.ts';

/** A one-collection dataset whose `fields:` entries are the given YAML lines (indented by the caller). */
function withFields(fieldLines: string): string {
  return [
    'dataset:',
    '  - fides_key: shop',
    '    collections:',
    '      - name: customer',
    '        fields:',
    fieldLines,
  ].join('\n');
}

describe('parseFidesYaml', () => {
  it.each(fidesExampleDatasetFiles)('reads the example %s without issues', (file) => {
    const parsed = parseFidesYaml(readFidesExample(file), file);
    expect(parsed.issues).toEqual([]);
    expect(parsed.datasets.length).toBeGreaterThan(0);
    for (const dataset of parsed.datasets) expect(dataset.collections.length).toBeGreaterThan(0);
  });

  it('reads both datasets of the multi-dataset file', () => {
    const parsed = parseFidesYaml(readFidesExample('data_dataset_example_test_datasets.yml'), 'multi.yml');
    expect(parsed.datasets.map((d) => d.fides_key)).toEqual([
      'mssql_example_test_dataset',
      'mariadb_example_test_dataset',
    ]);
  });

  it('reads nested mongo fields with their identities, references and unknown keys', () => {
    const [mongo] = parseFidesYaml(
      readFidesExample('data_dataset_mongo_example_test_dataset.yml'),
      'm.yml',
    ).datasets;
    const profile = mongo?.collections.find((c) => c.name === 'internal_customer_profile');
    const identifiers = profile?.fields.find((f) => f.name === 'customer_identifiers');
    expect(identifiers?.fields?.map((f) => f.name)).toEqual([
      'internal_id',
      'derived_emails',
      'derived_phone',
    ]);
    expect(identifiers?.fields?.[1]?.fides_meta).toEqual({ data_type: 'string[]', identity: 'email' });
    expect(identifiers?.fields?.[2]?.fides_meta).toMatchObject({
      identity: 'phone_number',
      return_all_elements: true,
    });
    expect(identifiers?.fields?.[0]?.fides_meta?.references).toEqual([
      {
        dataset: 'mongo_test',
        field: 'customer_feedback.customer_information.internal_customer_id',
        direction: 'from',
      },
    ]);
    // `data_categories` under fides_meta is not a Fides key there; it is kept, not dropped.
    const details = mongo?.collections.find((c) => c.name === 'customer_details');
    const travel = details?.fields.find((f) => f.name === 'travel_identifiers');
    expect(travel?.fides_meta?.extra).toEqual({ data_categories: ['system.operations'] });
  });

  it('reads masking strategy overrides, and keeps one written at the wrong level as an unknown key', () => {
    const [dataset] = parseFidesYaml(
      readFidesExample('data_dataset_example_field_masking_override_test_dataset.yml'),
      'mask.yml',
    ).datasets;
    const customer = dataset?.collections.find((c) => c.name === 'customer');
    expect(customer?.fields.find((f) => f.name === 'name')?.fides_meta).toEqual({
      data_type: 'string',
      length: 40,
      masking_strategy_override: {
        strategy: 'random_string_rewrite',
        configuration: { length: 5, format_preservation: { suffix: '@example.com' } },
      },
    });
    const state = customer?.fields.find((f) => f.name === 'address')?.fields?.find((f) => f.name === 'state');
    expect(state?.extra).toEqual({ masking_strategy_override: { strategy: 'null_rewrite' } });
  });

  it.each(fidesExamplePolicyFiles)(
    'refuses the policy file %s with an error that says what it is',
    (file) => {
      const parsed = parseFidesYaml(readFidesExample(file), file);
      expect(parsed.datasets).toEqual([]);
      expect(parsed.issues).toEqual([
        expect.objectContaining({ code: 'not_a_dataset_file', severity: 'error', where: `${file}:1` }),
      ]);
      expect(parsed.issues[0]?.message).toMatch(/Fides policy file, not a dataset file/);
    },
  );

  it('reports a YAML syntax error with file and line', () => {
    const text = 'dataset:\n  - fides_key: a\n    collections:\n      - name: c\n\tfields: []\n';
    const parsed = parseFidesYaml(text, 'broken.yml');
    expect(parsed.datasets).toEqual([]);
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        code: 'yaml_syntax',
        severity: 'error',
        where: 'broken.yml:5',
        path: 'broken.yml:5',
      }),
    ]);
    expect(formatIssue(parsed.issues[0]!)).toBe('broken.yml:5: Tabs are not allowed as indentation');
  });

  it('reports a duplicate key as a syntax error on the line of the second key', () => {
    const parsed = parseFidesYaml(
      'dataset:\n  - fides_key: a\n    fides_key: b\n    collections: []\n',
      'dup.yml',
    );
    expect(parsed.issues.map(formatIssue)).toEqual(['dup.yml:3: Map keys must be unique']);
  });

  it('reports a schema error with its path and line', () => {
    const text = withFields(
      [
        '          - name: id', // 6
        '            fides_meta:', // 7
        '              primary_key: true', // 8
        '          - name: address_id', // 9
        '            fides_meta:', // 10
        '              references:', // 11
        '                - dataset: shop', // 12
        '                  field: address.id', // 13
        '                  direction: sideways', // 14
      ].join('\n'),
    );
    const parsed = parseFidesYaml(text, 'x.yml');
    expect(parsed.datasets).toEqual([]);
    expect(parsed.issues.map(formatIssue)).toEqual([
      'x.yml:14: dataset[0].collections[0].fields[1].fides_meta.references[0].direction must be "from" or "to"',
    ]);
    expect(parsed.issues[0]).toMatchObject({
      code: 'invalid_direction',
      path: 'x.yml:14:dataset[0].collections[0].fields[1].fides_meta.references[0].direction',
    });
  });

  it('reports every schema error of a file at once, each with its line', () => {
    const text = withFields(
      [
        '          - name: id', // 6
        '            fides_meta:', // 7
        '              primary_key: yes please', // 8
        '              length: -1', // 9
        '          - name: id', // 10
        '          - description: no name', // 11
        '          - name: ref', // 12
        '            fides_meta:', // 13
        '              references:', // 14
        '                - dataset: shop', // 15
        '                  field: nodot', // 16
        '          - name: nested', // 17
        '            fields: not a list', // 18
      ].join('\n'),
    );
    const lines = parseFidesYaml(text, 'x.yml').issues.map(formatIssue);
    expect(lines).toEqual([
      'x.yml:8: dataset[0].collections[0].fields[0].fides_meta.primary_key must be true or false',
      'x.yml:9: dataset[0].collections[0].fields[0].fides_meta.length must be a whole number of 0 or more',
      'x.yml:10: dataset[0].collections[0].fields[1]: "id" is already dataset[0].collections[0].fields[0]',
      'x.yml:11: dataset[0].collections[0].fields[2].name is required',
      'x.yml:16: dataset[0].collections[0].fields[3].fides_meta.references[0].field must name a collection and a field as "collection.field", not "nodot"',
      'x.yml:18: dataset[0].collections[0].fields[4].fields must be a list',
    ]);
  });

  it('checks dataset keys, collection addresses and duplicates across the file', () => {
    const text = [
      'dataset:',
      '  - fides_key: has space', // 2
      '    collections:',
      '      - name: a',
      '        fides_meta:',
      '          after: [nodot]', // 6
      '        fields: []',
      '  - fides_key: twice', // 8
      '    collections: []',
      '  - fides_key: twice', // 10
      '    collections: []',
      '  - name: no key', // 12
    ].join('\n');
    expect(parseFidesYaml(text, 'k.yml').issues.map(formatIssue)).toEqual([
      'k.yml:2: dataset[0].fides_key may hold only letters, digits and _ . < > -, not "has space"',
      'k.yml:6: dataset[0].collections[0].fides_meta.after[0] must name a collection as "dataset.collection", not "nodot"',
      'k.yml:10: dataset "twice" is already dataset[1]',
      'k.yml:12: dataset[3].fides_key is required',
      'k.yml:12: dataset[3].collections is required',
    ]);
  });

  it('refuses an empty file and a file without a dataset list', () => {
    expect(parseFidesYaml('', 'e.yml').issues.map(formatIssue)).toEqual([
      'e.yml:1: the file is empty; a Fides dataset file has a top-level "dataset:" list',
    ]);
    expect(parseFidesYaml('systems: []\n', 's.yml').issues[0]?.code).toBe('not_a_dataset_file');
    expect(parseFidesYaml('- a\n- b\n', 'l.yml').issues.map(formatIssue)).toEqual([
      'l.yml:1: The file must be a mapping of keys to values',
    ]);
  });

  it('warns about, and ignores, other top-level resources; reads through aliases', () => {
    const text = [
      'common: &pk',
      '  primary_key: true',
      'dataset:',
      '  - fides_key: a',
      '    collections:',
      '      - name: c',
      '        fields:',
      '          - name: id',
      '            fides_meta: *pk',
    ].join('\n');
    const parsed = parseFidesYaml(text, 'a.yml');
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'ignored_resource', severity: 'warning' }),
    ]);
    expect(parsed.datasets[0]?.collections[0]?.fields[0]?.fides_meta).toEqual({ primary_key: true });
  });

  it('locates a path inside a dataset on its line, falling back to the nearest parent', () => {
    const parsed = parseFidesYaml(readFidesExample('data_dataset_example_test_datasets.yml'), 'multi.yml');
    expect(
      parsed.locate('mariadb_example_test_dataset', 'collections[1].fields[0].fides_meta.references[0]'),
    ).toEqual({
      path: 'dataset[1].collections[1].fields[0].fides_meta.references[0]',
      where: 'multi.yml:238',
    });
    expect(parsed.locate('mariadb_example_test_dataset', 'collections[1].fields[0].nothing[3]')?.where).toBe(
      'multi.yml:234',
    );
    expect(parsed.locate('unknown', '')).toBeUndefined();
  });
});
