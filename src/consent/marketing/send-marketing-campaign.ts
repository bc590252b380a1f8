import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { countRecipients } from './campaign-recipients.ts';
import { getMarketingCampaign } from './campaign-repository.ts';
import type { Campaign } from './marketing-campaign.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { requireMarketingList } from './list-repository.ts';
import { runMarketingCampaign } from './run-marketing-campaign.ts';

/** Job kind that sends a large list's campaign in batches. */
export const CAMPAIGN_JOB_KIND = 'marketing.campaign-send';

/** Lists with more recipients than this are sent by a job; smaller ones within the request. */
export const INLINE_CAMPAIGN_LIMIT = 500;

/** A plain marketing message: a subject, text paragraphs and one call-to-action link. */
export interface CampaignInput {
  readonly listKey: string;
  readonly subject: string;
  readonly text: string;
  readonly linkText: string;
  readonly linkUrl: string;
  readonly campaign?: string | undefined;
}

export interface CampaignSendOptions {
  /** Where a large list's sending job goes; without it every list is sent within the call. */
  readonly queue?: Pick<JobQueue, 'enqueue'> | undefined;
  readonly inlineLimit?: number;
}

/**
 * Starts a campaign to a list's subscribed, confirmed addresses, each mail carrying its recipient's one-click
 * unsubscribe headers (RFC 8058); a recipient whose purpose decision says no (an objection to direct marketing,
 * a restriction, consent withdrawn elsewhere, an erasure) is skipped. Only recipients who consented to e-mail
 * tracking get the open pixel and a click redirect. A list of at most `inlineLimit` recipients is sent before
 * this returns (status `sent`); a larger one by the `marketing.campaign-send` job (status `queued`, then
 * `sending`). Starting is audited, and so is the end of the sending.
 */
export async function sendMarketingCampaign(
  deps: MarketingDeps,
  input: CampaignInput,
  actor: string,
  options: CampaignSendOptions = {},
): Promise<Campaign> {
  const now = deps.clock.now();
  const id = input.campaign ?? newId('cmp', now);
  const recipients = await deps.store.transaction(async (trx) => {
    const list = await requireMarketingList(trx, input.listKey);
    const taken = await trx
      .selectFrom('marketing_campaigns')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (taken !== undefined)
      throw new PrivetError('conflict', `A campaign ${id} exists already: choose another name`);
    const count = await countRecipients(trx, list.key);
    await trx
      .insertInto('marketing_campaigns')
      .values({
        id,
        list_key: list.key,
        subject: input.subject,
        body: input.text,
        link_text: input.linkText,
        link_url: input.linkUrl,
        status: 'queued',
        recipients: count,
        queued: 0,
        skipped: 0,
        tracked: 0,
        cursor: null,
        job_id: null,
        error: null,
        created_by: actor,
        created_at: now.toISOString(),
        finished_at: null,
      })
      .execute();
    await appendAudit(
      deps,
      {
        actor,
        action: 'marketing.campaign.start',
        target: `marketing-list:${list.key}`,
        details: { campaign: id, recipients: count, subject: input.subject },
      },
      trx,
    );
    return count;
  });
  if (options.queue === undefined || recipients <= (options.inlineLimit ?? INLINE_CAMPAIGN_LIMIT)) {
    return runMarketingCampaign(deps, id);
  }
  const job = await options.queue.enqueue(
    CAMPAIGN_JOB_KIND,
    { campaignId: id },
    { idempotencyKey: `campaign:${id}` },
  );
  await deps.store.db
    .updateTable('marketing_campaigns')
    .set({ job_id: job.id })
    .where('id', '=', id)
    .execute();
  return getMarketingCampaign(deps.store.db, id);
}
