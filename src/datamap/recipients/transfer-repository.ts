import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import { requireExistingKeys, type KeyReference } from '../privacy-model/require-existing-keys.ts';
import { withTransaction } from '../privacy-model/with-transaction.ts';
import type { Transfer, TransferFields, TransferSafeguard } from './transfer.ts';

type TransferRow = Database['transfers'];
type Deps = Pick<PrivacyModelDeps, 'store' | 'clock'>;

function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    recipientKey: row.recipient_key,
    systemKey: row.system_key,
    destinationCountry: row.destination_country,
    safeguard: row.safeguard as TransferSafeguard | null,
    safeguardReference: row.safeguard_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(fields: TransferFields) {
  return {
    recipient_key: fields.recipientKey,
    system_key: fields.systemKey ?? null,
    destination_country: fields.destinationCountry,
    safeguard: fields.safeguard ?? null,
    safeguard_reference: fields.safeguardReference ?? '',
  };
}

function referencesOf(fields: TransferFields): KeyReference[] {
  const references: KeyReference[] = [
    { table: 'recipients', key: fields.recipientKey, path: 'recipientKey' },
  ];
  if (fields.systemKey) references.push({ table: 'systems', key: fields.systemKey, path: 'systemKey' });
  return references;
}

/** Every international transfer, oldest first. */
export async function listTransfers(db: Kysely<Database>, signal?: AbortSignal): Promise<Transfer[]> {
  signal?.throwIfAborted();
  const rows = await db.selectFrom('transfers').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toTransfer);
}

/** One transfer, or undefined. */
export async function getTransfer(db: Kysely<Database>, id: string): Promise<Transfer | undefined> {
  const row = await db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTransfer(row);
}

async function requireTransfer(db: Kysely<Database>, id: string): Promise<Transfer> {
  const transfer = await getTransfer(db, id);
  if (!transfer) throw new PrivetError('not_found', `No transfer ${id}`);
  return transfer;
}

/** Records an international transfer to a recipient. Audited. */
export async function createTransfer(
  deps: Deps,
  fields: TransferFields,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Transfer> {
  return withTransaction(deps.store, trx, async (db) => {
    await requireExistingKeys(db, referencesOf(fields));
    const now = deps.clock.now();
    const id = newId('trf', now);
    const at = now.toISOString();
    await db
      .insertInto('transfers')
      .values({ id, ...toColumns(fields), created_at: at, updated_at: at })
      .execute();
    const after = await requireTransfer(db, id);
    await appendAudit(
      deps,
      { actor, action: 'datamap.transfer.create', target: `transfer:${id}`, details: { after } },
      db,
    );
    return after;
  });
}

/** Replaces a transfer's fields. Audited with the values before and after. */
export async function updateTransfer(
  deps: Deps,
  id: string,
  fields: TransferFields,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Transfer> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireTransfer(db, id);
    await requireExistingKeys(db, referencesOf(fields));
    await db
      .updateTable('transfers')
      .set({ ...toColumns(fields), updated_at: deps.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await requireTransfer(db, id);
    const target = `transfer:${id}`;
    await appendAudit(
      deps,
      { actor, action: 'datamap.transfer.update', target, details: { before, after } },
      db,
    );
    return after;
  });
}

/** Deletes a transfer. Audited. */
export async function deleteTransfer(
  deps: Deps,
  id: string,
  actor: string,
  trx?: Kysely<Database>,
): Promise<void> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireTransfer(db, id);
    await db.deleteFrom('transfers').where('id', '=', id).execute();
    await appendAudit(
      deps,
      { actor, action: 'datamap.transfer.delete', target: `transfer:${id}`, details: { before } },
      db,
    );
  });
}
