import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { readJsonColumn } from '../privacy-model/json-column.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import { withTransaction } from '../privacy-model/with-transaction.ts';
import type { NewRecipient, Recipient, RecipientFields, RecipientRole } from './recipient.ts';

type RecipientRow = Database['recipients'];
type Deps = Pick<PrivacyModelDeps, 'store' | 'clock'>;

interface Usage {
  readonly purposes: {
    key: string;
    systemKey: string | null;
    recipientKeys: string[];
    onBehalfOf: string | null;
  }[];
  readonly systems: Map<string, string[]>;
}

async function loadUsage(db: Kysely<Database>): Promise<Usage> {
  const purposes = await db
    .selectFrom('purposes')
    .select(['fides_key', 'system_key', 'recipient_keys', 'on_behalf_of'])
    .orderBy('fides_key')
    .execute();
  const systems = await db.selectFrom('systems').select(['fides_key', 'recipient_keys']).execute();
  return {
    purposes: purposes.map((p) => ({
      key: p.fides_key,
      systemKey: p.system_key,
      recipientKeys: readJsonColumn<string[]>(p.recipient_keys, []),
      onBehalfOf: p.on_behalf_of,
    })),
    systems: new Map(systems.map((s) => [s.fides_key, readJsonColumn<string[]>(s.recipient_keys, [])])),
  };
}

// A recipient serves a purpose when the purpose names it, when the purpose's system sends it data, or when the
// purpose is done on its behalf.
function purposeKeysOf(key: string, usage: Usage): string[] {
  return usage.purposes
    .filter(
      (p) =>
        p.recipientKeys.includes(key) ||
        p.onBehalfOf === key ||
        (p.systemKey !== null && (usage.systems.get(p.systemKey) ?? []).includes(key)),
    )
    .map((p) => p.key);
}

function toRecipient(row: RecipientRow, usage: Usage): Recipient {
  return {
    key: row.fides_key,
    name: row.name,
    category: row.category,
    role: row.role as RecipientRole,
    country: row.country,
    dpaSignedOn: row.dpa_signed_on,
    contractUrl: row.contract_url,
    contact: row.contact,
    description: row.description,
    internalNotes: row.internal_notes,
    purposeKeys: purposeKeysOf(row.fides_key, usage),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(fields: RecipientFields) {
  return {
    name: fields.name,
    category: fields.category ?? '',
    role: fields.role,
    country: fields.country,
    dpa_signed_on: fields.dpaSignedOn ?? null,
    contract_url: fields.contractUrl ?? '',
    contact: fields.contact ?? '',
    description: fields.description ?? '',
    internal_notes: fields.internalNotes ?? '',
  };
}

/** Every recipient, by name, with the purposes it serves. */
export async function listRecipients(db: Kysely<Database>, signal?: AbortSignal): Promise<Recipient[]> {
  signal?.throwIfAborted();
  const rows = await db.selectFrom('recipients').selectAll().orderBy('name').orderBy('fides_key').execute();
  const usage = await loadUsage(db);
  return rows.map((row) => toRecipient(row, usage));
}

/** One recipient, or undefined. */
export async function getRecipient(db: Kysely<Database>, key: string): Promise<Recipient | undefined> {
  const row = await db.selectFrom('recipients').selectAll().where('fides_key', '=', key).executeTakeFirst();
  return row && toRecipient(row, await loadUsage(db));
}

async function requireRecipient(db: Kysely<Database>, key: string): Promise<Recipient> {
  const recipient = await getRecipient(db, key);
  if (!recipient) throw new PrivetError('not_found', `No recipient ${key}`);
  return recipient;
}

/** Creates a recipient; a taken key is a `conflict`. Audited. */
export async function createRecipient(
  deps: Deps,
  input: NewRecipient,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Recipient> {
  return withTransaction(deps.store, trx, async (db) => {
    if (await getRecipient(db, input.key))
      throw new PrivetError('conflict', `A recipient ${input.key} exists`);
    const at = deps.clock.now().toISOString();
    await db
      .insertInto('recipients')
      .values({ fides_key: input.key, ...toColumns(input), created_at: at, updated_at: at })
      .execute();
    const after = await requireRecipient(db, input.key);
    const target = `recipient:${input.key}`;
    await appendAudit(deps, { actor, action: 'datamap.recipient.create', target, details: { after } }, db);
    return after;
  });
}

/** Replaces a recipient's fields. Audited with the values before and after. */
export async function updateRecipient(
  deps: Deps,
  key: string,
  fields: RecipientFields,
  actor: string,
  trx?: Kysely<Database>,
): Promise<Recipient> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireRecipient(db, key);
    await db
      .updateTable('recipients')
      .set({ ...toColumns(fields), updated_at: deps.clock.now().toISOString() })
      .where('fides_key', '=', key)
      .execute();
    const after = await requireRecipient(db, key);
    const target = `recipient:${key}`;
    await appendAudit(
      deps,
      { actor, action: 'datamap.recipient.update', target, details: { before, after } },
      db,
    );
    return after;
  });
}

/** Deletes a recipient no system, purpose or transfer refers to (else `conflict` naming them). Audited. */
export async function deleteRecipient(
  deps: Deps,
  key: string,
  actor: string,
  trx?: Kysely<Database>,
): Promise<void> {
  return withTransaction(deps.store, trx, async (db) => {
    const before = await requireRecipient(db, key);
    const usage = await loadUsage(db);
    const transfers = await db
      .selectFrom('transfers')
      .select('id')
      .where('recipient_key', '=', key)
      .execute();
    const users = [
      ...[...usage.systems].filter(([, keys]) => keys.includes(key)).map(([system]) => `system ${system}`),
      ...usage.purposes
        .filter((p) => p.recipientKeys.includes(key) || p.onBehalfOf === key)
        .map((p) => `purpose ${p.key}`),
      ...transfers.map((t) => `transfer ${t.id}`),
    ];
    if (users.length > 0) {
      throw new PrivetError('conflict', `Recipient ${key} is still used by ${users.join(', ')}`);
    }
    await db.deleteFrom('recipients').where('fides_key', '=', key).execute();
    const target = `recipient:${key}`;
    await appendAudit(deps, { actor, action: 'datamap.recipient.delete', target, details: { before } }, db);
  });
}
