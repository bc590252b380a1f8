import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { toDataSubjectRequest, type DataSubjectRequest, type RequestRow } from './data-subject-request.ts';
import type { RequestDeps } from './request-deps.ts';

/** The stored row of a request, in `trx` when given. */
export async function readRequestRow(db: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A request by id, or undefined. */
export async function getRequest(
  deps: Pick<RequestDeps, 'store'>,
  id: string,
): Promise<DataSubjectRequest | undefined> {
  const row = await readRequestRow(deps.store.db, id);
  return row === undefined ? undefined : toDataSubjectRequest(row);
}
