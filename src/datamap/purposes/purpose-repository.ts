import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import {
  listReferences,
  requireExistingKeys,
  type KeyReference,
} from '../privacy-model/require-existing-keys.ts';
import { withTransaction } from '../privacy-model/with-transaction.ts';
import type { NewPurpose, Purpose, PurposeFields } from './purpose.ts';
import { toPurpose, toPurposeColumns } from './purpose-rows.ts';

type Deps = Pick<PrivacyModelDeps, 'store' | 'clock'>;

function referencesOf(fields: PurposeFields): KeyReference[] {
  const references = listReferences('recipients', fields.recipientKeys ?? [], 'recipientKeys');
  if (fields.systemKey) references.push({ table: 'systems', key: fields.systemKey, path: 'systemKey' });
  if (fields.onBehalfOf) references.push({ table: 'recipients', key: fields.onBehalfOf, path: 'onBehalfOf' });
  return references;
}

/** Every purpose, by name. */
export async function listPurposes(db: Kysely<Database>, signal?: AbortSignal): Promise<Purpose[]> {
  signal?.throwIfAborted();
  const rows = await db.selectFrom('purposes').selectAll().orderBy('name').orderBy('fides_key').execute();
  return rows.map(toPurpose);
}

/** One purpose, or undefined. */
export async function getPurpose(db: Kysely<Database>, key: string): Promise<Purpose | undefined> {
  const row = await db.selectFrom('purposes').selectAll().where('fides_key', '=', key).executeTakeFirst();
  return row && toPurpose(row);
}

async function requirePurpose(db: Kysely<Database>, key: string): Promise<Purpose> {
  const purpose = await getPurpose(db, key);
  if (!purpose) throw new PrivetError('not_found', `No purpose ${key}`);
  return purpose;
}

/**
 * Creates a purpose; a taken key is a `conflict`, an unknown system or recipient `validation_failed`. Legal
 * completeness (an Art. 9 condition, an assessment) is not enforced here but reported by the data-map check,
 * so that a record can be drafted before it is complete. Audited.
 */
export async function createPurpose(
  deps: Deps,
  input: NewPurpose,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Purpose> {
  return withTransaction(deps.store, trx, async (db) => {
    if (await getPurpose(db, input.key)) throw new PrivetError('conflict', `A purpose ${input.key} exists`);
    await requireExistingKeys(db, referencesOf(input));
    const at = deps.clock.now().toISOString();
    await db
      .insertInto('purposes')
      .values({ fides_key: input.key, ...toPurposeColumns(input), created_at: at, updated_at: at })
      .execute();
    const after = await requirePurpose(db, input.key);
    const target = `purpose:${input.key}`;
    await appendAudit(deps, { actor, action: 'datamap.purpose.create', target, details: { after } }, db);
    return after;
  });
}

/** Replaces a purpose's fields. Audited with the values before and after. */
export async function updatePurpose(
  deps: Deps,
  key: string,
  fields: PurposeFields,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Purpose> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requirePurpose(db, key);
    await requireExistingKeys(db, referencesOf(fields));
    await db
      .updateTable('purposes')
      .set({ ...toPurposeColumns(fields), updated_at: deps.clock.now().toISOString() })
      .where('fides_key', '=', key)
      .execute();
    const after = await requirePurpose(db, key);
    const target = `purpose:${key}`;
    await appendAudit(
      deps,
      { actor, action: 'datamap.purpose.update', target, details: { before, after } },
      db,
    );
    return after;
  });
}

/** Deletes a purpose. Audited. */
export async function deletePurpose(
  deps: Deps,
  key: string,
  actor: string,
  trx?: Kysely<Database>,
): Promise<void> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requirePurpose(db, key);
    await db.deleteFrom('purposes').where('fides_key', '=', key).execute();
    await appendAudit(
      deps,
      { actor, action: 'datamap.purpose.delete', target: `purpose:${key}`, details: { before } },
      db,
    );
  });
}
