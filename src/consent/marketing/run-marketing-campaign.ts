import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import type { Decider } from '../decisions/create-decider.ts';
import { recipientBatch } from './campaign-recipients.ts';
import { trackingConsentOf, trackingLinks } from './email-tracking.ts';
import { getMarketingCampaign } from './campaign-repository.ts';
import { campaignFromRow, type Campaign } from './marketing-campaign.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import type { MarketingList } from './marketing-list.ts';
import { requireMarketingList } from './list-repository.ts';
import { unsubscribeLink } from './unsubscribe-link.ts';

/** Recipients per transaction: their mails and the moved cursor commit together. */
export const CAMPAIGN_BATCH = 200;

async function loadCampaign(deps: MarketingDeps, id: string) {
  const row = await deps.store.db
    .selectFrom('marketing_campaigns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new PrivetError('not_found', `No campaign ${id}`);
  return row;
}

/** True when the person may be mailed for the list's purpose now (see sendMarketingCampaign). */
function mayMail(decider: Decider, list: MarketingList, email: string): boolean {
  // A purpose the decider does not know (not in the data map) has only the list's own consent: the subscription.
  if (!decider.knows(list.purposeKey)) return true;
  return decider.decide({ email, purpose: list.purposeKey }).allowed;
}

/**
 * Sends a started campaign, one batch of recipients per transaction: each recipient still subscribed and
 * confirmed, and whose purpose decision allows it, gets one mail carrying their RFC 8058 headers; the others
 * count as skipped. The campaign's cursor moves with the batch's mails, so running again after a crash or a
 * retry continues where the last commit stopped and mails nobody twice. Audited when it finishes.
 */
export async function runMarketingCampaign(
  deps: MarketingDeps,
  campaignId: string,
  options: { readonly batchSize?: number; readonly signal?: AbortSignal } = {},
): Promise<Campaign> {
  const first = await loadCampaign(deps, campaignId);
  if (first.status === 'sent' || first.status === 'failed') return campaignFromRow(first);
  const list = await requireMarketingList(deps.store.db, first.list_key);
  const size = options.batchSize ?? CAMPAIGN_BATCH;
  for (;;) {
    options.signal?.throwIfAborted();
    // Each batch sees objections, withdrawals and erasures committed while the campaign was going out.
    const decider = await deps.decisions.fresh(options.signal);
    const finished = await deps.store.transaction(async (trx) => {
      const row = await trx
        .selectFrom('marketing_campaigns')
        .selectAll()
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow();
      if (row.status === 'sent' || row.status === 'failed') return true;
      const batch = await recipientBatch(trx, list.key, row.cursor, size);
      const allowed = batch.filter((r) => mayMail(decider, list, r.email));
      const consented = await trackingConsentOf(
        trx,
        allowed.map((r) => r.email),
      );
      let tracked = 0;
      for (const { email, locale } of allowed) {
        const unsubscribe = await unsubscribeLink(deps, trx, email, list.key);
        const common = {
          subject: row.subject,
          body: row.body,
          linkText: row.link_text,
          unsubscribeUrl: unsubscribe.url,
          preferencesUrl: `${deps.config.publicUrl}/preferences`,
        };
        const tracking = consented.has(email)
          ? await trackingLinks(deps, trx, { email, listKey: list.key, campaign: row.id })
          : undefined;
        if (tracking) tracked += 1;
        await queueMail(
          deps,
          {
            to: email,
            template: tracking ? 'marketing-message-tracked' : 'marketing-message',
            locale: locale ?? undefined,
            data: tracking
              ? { ...common, linkUrl: await tracking.click(row.link_url), pixelUrl: tracking.pixelUrl }
              : { ...common, linkUrl: row.link_url },
            headers: unsubscribe.headers,
          },
          trx,
        );
      }
      const done = batch.length < size;
      const counts = {
        queued: Number(row.queued) + allowed.length,
        skipped: Number(row.skipped) + batch.length - allowed.length,
        tracked: Number(row.tracked) + tracked,
      };
      const moved = await trx
        .updateTable('marketing_campaigns')
        .set({
          ...counts,
          cursor: batch.at(-1)?.email ?? row.cursor,
          status: done ? 'sent' : 'sending',
          finished_at: done ? deps.clock.now().toISOString() : null,
        })
        .where('id', '=', campaignId)
        // Another runner that moved the cursor first wins; this transaction's mails roll back.
        .where((eb) => (row.cursor === null ? eb('cursor', 'is', null) : eb('cursor', '=', row.cursor)))
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) {
        throw new PrivetError('conflict', `Campaign ${campaignId} is being sent by another worker`);
      }
      if (done) {
        await appendAudit(
          deps,
          {
            actor: row.created_by,
            action: 'marketing.campaign.send',
            target: `marketing-list:${list.key}`,
            details: { campaign: row.id, recipients: Number(row.recipients), ...counts },
          },
          trx,
        );
      }
      return done;
    });
    if (finished) break;
  }
  return getMarketingCampaign(deps.store.db, campaignId);
}

/** Marks a campaign failed (the job gave up); what was queued stays queued. */
export async function failMarketingCampaign(
  deps: MarketingDeps,
  campaignId: string,
  error: string,
): Promise<void> {
  await deps.store.db
    .updateTable('marketing_campaigns')
    .set({ status: 'failed', error: error.slice(0, 500), finished_at: deps.clock.now().toISOString() })
    .where('id', '=', campaignId)
    .where('status', 'in', ['queued', 'sending'])
    .execute();
}
