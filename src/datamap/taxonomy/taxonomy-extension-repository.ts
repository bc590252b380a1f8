import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import { withTransaction } from '../privacy-model/with-transaction.ts';
import { mergeTaxonomy, type TaxonomyExtension } from './merge-taxonomy.ts';
import {
  entriesOf,
  sensitivityKinds,
  taxonomyKinds,
  type Sensitivity,
  type TaxonomyKind,
} from './taxonomy.ts';

/** A custom key to add: its parent is the key minus its last segment, and must exist. */
export const NewTaxonomyExtensionSchema = Type.Object({
  kind: Type.Enum(taxonomyKinds),
  key: Type.String({ pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)*$', maxLength: 200 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  sensitivity: Type.Optional(
    Type.Union([Type.Enum(sensitivityKinds), Type.Null()], {
      description: 'Data categories only: art9 (special category) or art10 (criminal offence data)',
    }),
  ),
});
export type NewTaxonomyExtension = Static<typeof NewTaxonomyExtensionSchema>;

function toExtension(row: Database['taxonomy_extensions']): TaxonomyExtension {
  return {
    kind: row.kind as TaxonomyKind,
    key: row.fides_key,
    name: row.name,
    description: row.description,
    parentKey: row.parent_key,
    sensitivity: row.sensitivity as Sensitivity | null,
  };
}

/** The organisation's custom taxonomy keys, by kind and key. */
export async function listTaxonomyExtensions(
  db: Kysely<Database>,
  signal?: AbortSignal,
): Promise<TaxonomyExtension[]> {
  signal?.throwIfAborted();
  const rows = await db
    .selectFrom('taxonomy_extensions')
    .selectAll()
    .orderBy('kind')
    .orderBy('fides_key')
    .execute();
  return rows.map(toExtension);
}

function invalid(path: string, message: string): PrivetError {
  return new PrivetError('validation_failed', `${path}: ${message}`, {
    issues: [{ code: 'invalid_extension', path, message }],
  });
}

/** Adds a custom key under an existing parent; a key the taxonomy has is a `conflict`. Audited. */
export async function addTaxonomyExtension(
  deps: PrivacyModelDeps,
  input: NewTaxonomyExtension,
  actor: string,
  trx?: Kysely<Database>,
): Promise<TaxonomyExtension> {
  const sensitivity = input.sensitivity ?? null;
  if (sensitivity !== null && input.kind !== 'data_category') {
    throw invalid('sensitivity', 'only data categories can be special category or offence data');
  }
  const dot = input.key.lastIndexOf('.');
  const parentKey = dot === -1 ? null : input.key.slice(0, dot);
  return withTransaction(deps.store, trx, async (db) => {
    const taxonomy = mergeTaxonomy(deps.taxonomyDefaults, await listTaxonomyExtensions(db));
    const entries = entriesOf(taxonomy, input.kind);
    if (entries.some((e) => e.key === input.key)) {
      throw new PrivetError('conflict', `The ${input.kind} ${input.key} exists already`);
    }
    if (parentKey !== null && !entries.some((e) => e.key === parentKey)) {
      throw invalid('key', `the parent ${parentKey} is not a known ${input.kind}`);
    }
    const at = deps.clock.now().toISOString();
    const extension: TaxonomyExtension = {
      kind: input.kind,
      key: input.key,
      name: input.name,
      description: input.description ?? '',
      parentKey,
      sensitivity,
    };
    await db
      .insertInto('taxonomy_extensions')
      .values({
        kind: extension.kind,
        fides_key: extension.key,
        name: extension.name,
        description: extension.description,
        parent_key: parentKey,
        sensitivity,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const target = `taxonomy:${input.kind}:${input.key}`;
    await appendAudit(deps, { actor, action: 'datamap.taxonomy.add', target, details: { ...extension } }, db);
    return extension;
  });
}

/** Removes a custom key that no other custom key descends from. Purposes still using it show in the check. */
export async function removeTaxonomyExtension(
  deps: PrivacyModelDeps,
  kind: TaxonomyKind,
  key: string,
  actor: string,
): Promise<void> {
  await withTransaction(deps.store, undefined, async (db) => {
    const all = await listTaxonomyExtensions(db);
    const found = all.find((e) => e.kind === kind && e.key === key);
    if (!found) throw new PrivetError('not_found', `No custom ${kind} ${key}`);
    const children = all.filter((e) => e.kind === kind && e.parentKey === key).map((e) => e.key);
    if (children.length > 0) {
      throw new PrivetError('conflict', `Remove the keys under ${key} first: ${children.join(', ')}`);
    }
    await db
      .deleteFrom('taxonomy_extensions')
      .where('kind', '=', kind)
      .where('fides_key', '=', key)
      .execute();
    const target = `taxonomy:${kind}:${key}`;
    await appendAudit(deps, { actor, action: 'datamap.taxonomy.remove', target, details: { ...found } }, db);
  });
}
