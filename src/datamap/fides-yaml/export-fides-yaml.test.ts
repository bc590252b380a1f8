import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { walkFields } from '../dataset-graph/walk-fields.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { exportFidesYaml } from './export-fides-yaml.ts';
import { fidesExampleDatasetFiles, readFidesExample } from './fides-examples.fixture.ts';
import { parseFidesYaml } from './parse-fides-yaml.ts';

function importOk(text: string, file: string): readonly FidesDataset[] {
  const parsed = parseFidesYaml(text, file);
  expect(parsed.issues).toEqual([]);
  return parsed.datasets;
}

/** Everything the round trip must keep, field by field, as flat comparable rows. */
function facts(datasets: readonly FidesDataset[]): string[] {
  return datasets.flatMap((d) => [
    `dataset ${d.fides_key} ${d.name ?? ''} ${JSON.stringify(d.data_categories ?? [])}`,
    ...d.collections.flatMap((c) => [
      `collection ${d.fides_key}.${c.name} after=${JSON.stringify(c.fides_meta?.after)} ` +
        `erase_after=${JSON.stringify(c.fides_meta?.erase_after)} ` +
        `masking=${JSON.stringify(c.fides_meta?.masking_strategy_override)}`,
      ...[...walkFields(c.fields)].map(({ field, path }) => {
        const meta = field.fides_meta;
        return (
          `field ${d.fides_key}.${c.name}.${path} categories=${JSON.stringify(field.data_categories)} ` +
          `identity=${meta?.identity} pk=${meta?.primary_key} refs=${JSON.stringify(meta?.references)} ` +
          `masking=${JSON.stringify(meta?.masking_strategy_override)}`
        );
      }),
    ]),
  ]);
}

describe('exportFidesYaml', () => {
  it.each(fidesExampleDatasetFiles)('round-trips %s: import → export → import is equal', (file) => {
    const first = importOk(readFidesExample(file), file);
    const again = importOk(exportFidesYaml(first), `exported-${file}`);
    expect(again).toEqual(first);
    expect(facts(again)).toEqual(facts(first));
  });

  it.each(fidesExampleDatasetFiles)('writes %s unchanged in meaning: the same plain YAML data', (file) => {
    const original: unknown = parse(readFidesExample(file));
    const exported: unknown = parse(exportFidesYaml(importOk(readFidesExample(file), file)));
    expect(exported).toEqual(original);
  });

  it('keeps identities, primary keys, references with direction and masking overrides', () => {
    const yaml = exportFidesYaml(
      importOk(readFidesExample('data_dataset_postgres_example_test_dataset.yml'), 'pg.yml'),
    );
    const [dataset] = importOk(yaml, 'pg-exported.yml');
    const customer = dataset?.collections.find((c) => c.name === 'customer');
    expect(customer?.fields.find((f) => f.name === 'email')?.fides_meta?.identity).toBe('email');
    expect(customer?.fields.find((f) => f.name === 'id')?.fides_meta?.primary_key).toBe(true);
    expect(customer?.fields.find((f) => f.name === 'address_id')?.fides_meta?.references).toEqual([
      { dataset: 'postgres_example_test_dataset', field: 'address.id', direction: 'to' },
    ]);
    const employee = dataset?.collections.find((c) => c.name === 'employee');
    expect(employee?.fields.find((f) => f.name === 'name')?.fides_meta?.masking_strategy_override).toEqual({
      strategy: 'string_rewrite',
      configuration: { rewrite_value: 'testing', format_preservation: { suffix: '-test' } },
    });
    expect(yaml).toContain('data_categories: [user.contact.email]');
  });

  it('round-trips after, erase_after, collection overrides, Privet extensions and unknown keys everywhere', () => {
    const dataset: FidesDataset = {
      fides_key: 'shop',
      name: 'Shop',
      description: 'Multi-line\ndescription: with a colon, "quotes" and # hash',
      organization_fides_key: 'default_organization',
      data_categories: ['user'],
      fides_meta: { namespace: { schema: 'public' } },
      extra: { tags: ['a', 'b'], retention: 'True' },
      collections: [
        {
          name: 'orders',
          fides_meta: {
            after: ['shop.customer'],
            erase_after: ['shop.customer', 'other.logs'],
            skip_processing: false,
            masking_strategy_override: { strategy: 'delete' },
            extra: { limit: 10 },
          },
          'x-privet': { data_subject: 'customer', personal: true },
          fields: [
            {
              name: 'customer_id',
              fides_meta: {
                references: [{ dataset: 'shop', field: 'customer.id', extra: { note: 'both ways' } }],
                read_only: true,
                masking_strategy_override: {
                  strategy: 'hash',
                  configuration: { algorithm: 'SHA-512' },
                  extra: { v: 2 },
                },
              },
              'x-privet': { confidence: 0.75, reason: 'name' },
              extra: { '123': null, yes: 'no' },
            },
            {
              name: 'doc',
              fields: [{ name: 'inner', fields: [{ name: 'deep', data_categories: ['user.name'] }] }],
            },
          ],
        },
        { name: 'empty', fields: [] },
      ],
    };
    expect(importOk(exportFidesYaml([dataset]), 'made.yml')).toEqual([dataset]);
  });

  it('writes an empty map as an empty dataset list that imports to nothing', () => {
    expect(importOk(exportFidesYaml([]), 'none.yml')).toEqual([]);
  });
});
