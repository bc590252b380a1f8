import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { DefaultTaxonomy } from './load-default-taxonomy.ts';
import { mergeTaxonomy } from './merge-taxonomy.ts';
import { listTaxonomyExtensions } from './taxonomy-extension-repository.ts';
import type { Taxonomy } from './taxonomy.ts';

/** The taxonomy in force: the shipped defaults merged with the organisation's stored extensions. */
export async function loadTaxonomy(
  db: Kysely<Database>,
  defaults: DefaultTaxonomy,
  signal?: AbortSignal,
): Promise<Taxonomy> {
  return mergeTaxonomy(defaults, await listTaxonomyExtensions(db, signal));
}
