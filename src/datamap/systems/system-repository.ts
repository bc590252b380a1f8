import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { readJsonColumn, writeJsonColumn } from '../privacy-model/json-column.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import { listReferences, requireExistingKeys } from '../privacy-model/require-existing-keys.ts';
import { withTransaction } from '../privacy-model/with-transaction.ts';
import type { NewSystem, System, SystemFields } from './system.ts';

type SystemRow = Database['systems'];
type Deps = Pick<PrivacyModelDeps, 'store' | 'clock'>;

function toSystem(row: SystemRow): System {
  return {
    key: row.fides_key,
    name: row.name,
    description: row.description,
    businessFunction: row.business_function,
    owner: row.owner,
    datasetKeys: readJsonColumn<string[]>(row.dataset_keys, []),
    recipientKeys: readJsonColumn<string[]>(row.recipient_keys, []),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(fields: SystemFields) {
  return {
    name: fields.name,
    description: fields.description ?? '',
    business_function: fields.businessFunction ?? '',
    owner: fields.owner ?? '',
    dataset_keys: writeJsonColumn(fields.datasetKeys ?? []),
    recipient_keys: writeJsonColumn(fields.recipientKeys ?? []),
  };
}

/** Every system, by name. */
export async function listSystems(db: Kysely<Database>, signal?: AbortSignal): Promise<System[]> {
  signal?.throwIfAborted();
  const rows = await db.selectFrom('systems').selectAll().orderBy('name').orderBy('fides_key').execute();
  return rows.map(toSystem);
}

/** One system, or undefined. */
export async function getSystem(db: Kysely<Database>, key: string): Promise<System | undefined> {
  const row = await db.selectFrom('systems').selectAll().where('fides_key', '=', key).executeTakeFirst();
  return row && toSystem(row);
}

async function requireSystem(trx: Kysely<Database>, key: string): Promise<System> {
  const system = await getSystem(trx, key);
  if (!system) throw new PrivetError('not_found', `No system ${key}`);
  return system;
}

/** Creates a system; a taken key is a `conflict`, an unknown recipient `validation_failed`. Audited. */
export async function createSystem(
  deps: Deps,
  input: NewSystem,
  actor: string,
  trx?: Kysely<Database>,
): Promise<System> {
  return withTransaction(deps.store, trx, async (db) => {
    if (await getSystem(db, input.key)) throw new PrivetError('conflict', `A system ${input.key} exists`);
    await requireExistingKeys(db, listReferences('recipients', input.recipientKeys ?? [], 'recipientKeys'));
    const at = deps.clock.now().toISOString();
    await db
      .insertInto('systems')
      .values({ fides_key: input.key, ...toColumns(input), created_at: at, updated_at: at })
      .execute();
    const system = await requireSystem(db, input.key);
    await appendAudit(
      deps,
      { actor, action: 'datamap.system.create', target: `system:${input.key}`, details: { after: system } },
      db,
    );
    return system;
  });
}

/** Replaces a system's fields. Audited with the values before and after. */
export async function updateSystem(
  deps: Deps,
  key: string,
  fields: SystemFields,
  actor: string,
  trx?: Kysely<Database>,
): Promise<System> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireSystem(db, key);
    await requireExistingKeys(db, listReferences('recipients', fields.recipientKeys ?? [], 'recipientKeys'));
    await db
      .updateTable('systems')
      .set({ ...toColumns(fields), updated_at: deps.clock.now().toISOString() })
      .where('fides_key', '=', key)
      .execute();
    const after = await requireSystem(db, key);
    await appendAudit(
      deps,
      { actor, action: 'datamap.system.update', target: `system:${key}`, details: { before, after } },
      db,
    );
    return after;
  });
}

/** Deletes a system no purpose or transfer refers to (else `conflict` naming them). Audited. */
export async function deleteSystem(
  deps: Deps,
  key: string,
  actor: string,
  trx?: Kysely<Database>,
): Promise<void> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireSystem(db, key);
    const purposes = await db
      .selectFrom('purposes')
      .select('fides_key')
      .where('system_key', '=', key)
      .execute();
    const transfers = await db.selectFrom('transfers').select('id').where('system_key', '=', key).execute();
    const users = [
      ...purposes.map((p) => `purpose ${p.fides_key}`),
      ...transfers.map((t) => `transfer ${t.id}`),
    ];
    if (users.length > 0) {
      throw new PrivetError('conflict', `System ${key} is still used by ${users.join(', ')}`);
    }
    await db.deleteFrom('systems').where('fides_key', '=', key).execute();
    await appendAudit(
      deps,
      { actor, action: 'datamap.system.delete', target: `system:${key}`, details: { before } },
      db,
    );
  });
}
