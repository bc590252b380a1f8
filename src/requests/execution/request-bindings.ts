import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

/** The keys of the datasets with a connection, without opening any secret. */
export async function connectedDatasetKeys(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('connections as c')
    .innerJoin('datasets as d', 'd.fides_key', 'c.dataset_key')
    .select('d.fides_key')
    .distinct()
    .orderBy('d.fides_key')
    .execute();
  return rows.map((r) => r.fides_key);
}
