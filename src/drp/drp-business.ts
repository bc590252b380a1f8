import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

const KEY = 'drp.business';

/** This business's DRP identity and policy as saved through the admin API. */
export interface DrpBusinessSettings {
  /** Absent while PRIVET_DRP_BUSINESS_ID alone names the business. */
  readonly businessId?: string;
  /**
   * Start requests whose identity the agent verified enough for the action at once, without waiting for staff
   * to approve them (default false).
   */
  readonly startVerifiedRequests: boolean;
}

/** The saved DRP settings, or undefined. */
export async function readDrpBusinessSettings(
  db: Kysely<Database>,
): Promise<DrpBusinessSettings | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (row === undefined) return undefined;
  const value = JSON.parse(row.value) as Partial<DrpBusinessSettings>;
  return {
    ...(typeof value.businessId === 'string' ? { businessId: value.businessId } : {}),
    startVerifiedRequests: value.startVerifiedRequests === true,
  };
}

/** Saves the DRP settings (insert or replace). */
export async function writeDrpBusinessSettings(
  db: Kysely<Database>,
  settings: DrpBusinessSettings,
  at: Date,
): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
    .execute();
}

/**
 * The `business-id` agents must name: PRIVET_DRP_BUSINESS_ID when set (operators pin it in the environment),
 * else the one saved through the admin API; undefined while DRP is not set up.
 */
export async function currentBusinessId(deps: {
  readonly store: Store;
  readonly config: Pick<Config, 'drpBusinessId'>;
}): Promise<string | undefined> {
  return deps.config.drpBusinessId ?? (await readDrpBusinessSettings(deps.store.db))?.businessId;
}
