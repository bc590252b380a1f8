import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Fides example dataset files (an unchanged copy in test/fixtures). */
export const fidesExampleDir = fileURLToPath(
  new URL('../../../test/fixtures/datasets/fides-example/', import.meta.url),
);

/**
 * Every dataset YAML file of the examples, in an order that imports one by one: the PostgreSQL dataset first,
 * because the mongo dataset references it.
 */
export const fidesExampleDatasetFiles: readonly string[] = readdirSync(fidesExampleDir)
  .filter((name) => name.endsWith('.yml') && name.includes('dataset'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** The example files that are Fides policies, not datasets. */
export const fidesExamplePolicyFiles: readonly string[] = readdirSync(fidesExampleDir).filter(
  (name) => name.endsWith('.yml') && name.includes('policy'),
);

/** The text of an example file. */
export function readFidesExample(name: string): string {
  return readFileSync(`${fidesExampleDir}${name}`, 'utf8');
}

function rank(name: string): number {
  return name === 'data_dataset_postgres_example_test_dataset.yml' ? 0 : 1;
}
