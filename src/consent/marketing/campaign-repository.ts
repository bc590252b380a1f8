import type { Kysely } from 'kysely';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { campaignFromRow, type Campaign } from './marketing-campaign.ts';

/** One campaign, or `not_found`. */
export async function getMarketingCampaign(db: Kysely<Database>, id: string): Promise<Campaign> {
  const row = await db.selectFrom('marketing_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new PrivetError('not_found', `No campaign ${id}`);
  return campaignFromRow(row);
}

/** The latest campaigns, newest first, optionally of one list. */
export async function listMarketingCampaigns(
  db: Kysely<Database>,
  filter: { readonly listKey?: string | undefined; readonly limit: number },
): Promise<Campaign[]> {
  let query = db.selectFrom('marketing_campaigns').selectAll();
  if (filter.listKey !== undefined) query = query.where('list_key', '=', filter.listKey);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(campaignFromRow);
}
