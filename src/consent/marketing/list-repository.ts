import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { listFromRow, type MarketingList, type MarketingListInput } from './marketing-list.ts';
import type { MarketingDeps } from './marketing-deps.ts';

/** Every list, by key. */
export async function listMarketingLists(
  db: Kysely<Database>,
  options: { readonly publicOnly?: boolean } = {},
): Promise<MarketingList[]> {
  let query = db.selectFrom('marketing_lists').selectAll();
  if (options.publicOnly === true) query = query.where('public', '=', 1);
  const rows = await query.orderBy('key').execute();
  return rows.map(listFromRow);
}

/** One list, or undefined. */
export async function getMarketingList(
  db: Kysely<Database>,
  key: string,
): Promise<MarketingList | undefined> {
  const row = await db.selectFrom('marketing_lists').selectAll().where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : listFromRow(row);
}

/** One list, or a 404 naming it. */
export async function requireMarketingList(db: Kysely<Database>, key: string): Promise<MarketingList> {
  const list = await getMarketingList(db, key);
  if (!list) throw new PrivetError('not_found', `No marketing list ${key}`);
  return list;
}

/**
 * Creates (`create`: 409 when it exists) or replaces (`replace`: 404 when missing) a list, audited, in
 * `trx` or its own transaction. Changing the purpose does not move past consent: events already in the
 * ledger keep the purpose they were given for.
 */
export async function saveMarketingList(
  deps: Pick<MarketingDeps, 'store' | 'clock'>,
  mode: 'create' | 'replace',
  key: string,
  input: MarketingListInput,
  actor: string,
  trx?: Kysely<Database>,
): Promise<MarketingList> {
  if (trx === undefined) {
    return deps.store.transaction((inner) => saveMarketingList(deps, mode, key, input, actor, inner));
  }
  const existing = await getMarketingList(trx, key);
  if (mode === 'create' && existing)
    throw new PrivetError('conflict', `Marketing list ${key} exists already`);
  if (mode === 'replace' && !existing) throw new PrivetError('not_found', `No marketing list ${key}`);
  const now = deps.clock.now().toISOString();
  const columns = {
    name: input.name,
    description: input.description,
    purpose_key: input.purposeKey,
    texts: JSON.stringify(input.texts),
    public: input.public ? 1 : 0,
  };
  if (existing) {
    await trx
      .updateTable('marketing_lists')
      .set({ ...columns, updated_at: now })
      .where('key', '=', key)
      .execute();
  } else {
    await trx
      .insertInto('marketing_lists')
      .values({ key, ...columns, created_at: now, updated_at: now })
      .execute();
  }
  await appendAudit(
    deps,
    {
      actor,
      action: existing ? 'marketing.list.update' : 'marketing.list.create',
      target: `marketing-list:${key}`,
      details: { purposeKey: input.purposeKey, public: input.public },
    },
    trx,
  );
  return requireMarketingList(trx, key);
}
