import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import type { Database } from '../store/schema.ts';
import {
  categoryFromRow,
  type ConsentCategory,
  type ConsentCategoryInput,
  type ConsentCategoryRule,
} from './consent-category.ts';
import type { ConsentDeps } from './consent-deps.ts';

/** Every banner category in banner order. */
export async function listCategories(db: Kysely<Database>): Promise<ConsentCategory[]> {
  const rows = await db
    .selectFrom('consent_categories')
    .selectAll()
    .orderBy('position')
    .orderBy('key')
    .execute();
  return rows.map(categoryFromRow);
}

/** What checking and planning a consent post needs of every category, in banner order (no texts to parse). */
export async function listCategoryRules(db: Kysely<Database>): Promise<ConsentCategoryRule[]> {
  const rows = await db
    .selectFrom('consent_categories')
    .select(['key', 'purpose_key', 'required', 'gpc_opt_out'])
    .orderBy('position')
    .orderBy('key')
    .execute();
  return rows.map((row) => ({
    key: row.key,
    purposeKey: row.purpose_key,
    required: row.required === 1,
    gpcOptOut: row.gpc_opt_out === 1,
  }));
}

/** One category, or undefined. */
export async function getCategory(db: Kysely<Database>, key: string): Promise<ConsentCategory | undefined> {
  const row = await db.selectFrom('consent_categories').selectAll().where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : categoryFromRow(row);
}

function columns(input: ConsentCategoryInput) {
  return {
    purpose_key: input.purposeKey,
    required: input.required ? 1 : 0,
    // A required category has no choice, so no signal can opt out of it.
    gpc_opt_out: input.gpcOptOut && !input.required ? 1 : 0,
    services: JSON.stringify(input.services),
    texts: JSON.stringify(input.texts),
    google_consent_mode: JSON.stringify([...new Set(input.googleConsentMode)]),
    position: input.position,
  };
}

/**
 * Creates (`create`: 409 when it exists) or replaces (`replace`: 404 when it does not) a category, audited.
 * Adding a category makes the banner ask again; changing one does not rewrite past consent events.
 */
export async function saveCategory(
  deps: ConsentDeps,
  mode: 'create' | 'replace',
  key: string,
  input: ConsentCategoryInput,
  actor: string,
  trx?: Kysely<Database>,
): Promise<ConsentCategory> {
  if (trx === undefined) {
    return deps.store.transaction((inner) => saveCategory(deps, mode, key, input, actor, inner));
  }
  const existing = await getCategory(trx, key);
  if (mode === 'create' && existing) throw new PrivetError('conflict', `Category ${key} exists already`);
  if (mode === 'replace' && !existing) throw new PrivetError('not_found', `No consent category ${key}`);
  const now = deps.clock.now().toISOString();
  if (existing) {
    await trx
      .updateTable('consent_categories')
      .set({ ...columns(input), updated_at: now })
      .where('key', '=', key)
      .execute();
  } else {
    await trx
      .insertInto('consent_categories')
      .values({ key, ...columns(input), created_at: now, updated_at: now })
      .execute();
  }
  await appendAudit(
    deps,
    {
      actor,
      action: existing ? 'consent.category.update' : 'consent.category.create',
      target: `consent-category:${key}`,
      details: { purposeKey: input.purposeKey, required: input.required, gpcOptOut: input.gpcOptOut },
    },
    trx,
  );
  const saved = await getCategory(trx, key);
  if (!saved) throw new PrivetError('internal', `Category ${key} vanished while saving`);
  return saved;
}

/** Removes a category from the banner, audited; its past consent events stay in the ledger. */
export async function deleteCategory(deps: ConsentDeps, key: string, actor: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const deleted = await trx.deleteFrom('consent_categories').where('key', '=', key).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0)
      throw new PrivetError('not_found', `No consent category ${key}`);
    await appendAudit(
      deps,
      { actor, action: 'consent.category.delete', target: `consent-category:${key}` },
      trx,
    );
  });
}
