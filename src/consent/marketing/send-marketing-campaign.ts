import { appendAudit } from '../../audit/append-audit.ts';
import { newId } from '../../domain/ids.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import { trackingConsentOf, trackingLinks } from './email-tracking.ts';
import { requireMarketingList } from './list-repository.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { unsubscribeLink } from './unsubscribe-link.ts';

/** A plain marketing message: a subject, text paragraphs and one call-to-action link. */
export interface CampaignInput {
  readonly listKey: string;
  readonly subject: string;
  readonly text: string;
  readonly linkText: string;
  readonly linkUrl: string;
  readonly campaign?: string | undefined;
}

/** How many mails were queued, and how many of them carry tracking (their recipients consented to it). */
export interface CampaignResult {
  readonly campaign: string;
  readonly queued: number;
  readonly tracked: number;
}

/**
 * Queues the message to every active subscriber of the list, each mail carrying its recipient's one-click
 * unsubscribe headers (RFC 8058). Only recipients who consented to e-mail tracking get the open pixel and a
 * click redirect; everyone else gets plain links and no pixel. One transaction, audited.
 */
export async function sendMarketingCampaign(
  deps: MarketingDeps,
  input: CampaignInput,
  actor: string,
): Promise<CampaignResult> {
  const campaign = input.campaign ?? newId('cmp', deps.clock.now());
  return deps.store.transaction(async (trx) => {
    const list = await requireMarketingList(trx, input.listKey);
    const subscribers = await trx
      .selectFrom('marketing_subscriptions')
      .select(['email', 'locale'])
      .where('list_key', '=', list.key)
      .where('status', '=', 'active')
      .orderBy('email')
      .execute();
    const consented = await trackingConsentOf(
      trx,
      subscribers.map((s) => s.email),
    );
    let tracked = 0;
    for (const { email, locale } of subscribers) {
      const unsubscribe = await unsubscribeLink(deps, trx, email, list.key);
      const common = {
        subject: input.subject,
        body: input.text,
        linkText: input.linkText,
        unsubscribeUrl: unsubscribe.url,
        preferencesUrl: `${deps.config.publicUrl}/preferences`,
      };
      const tracking = consented.has(email)
        ? await trackingLinks(deps, trx, { email, listKey: list.key, campaign })
        : undefined;
      if (tracking) tracked += 1;
      await queueMail(
        deps,
        {
          to: email,
          template: tracking ? 'marketing-message-tracked' : 'marketing-message',
          locale: locale ?? undefined,
          data: tracking
            ? { ...common, linkUrl: await tracking.click(input.linkUrl), pixelUrl: tracking.pixelUrl }
            : { ...common, linkUrl: input.linkUrl },
          headers: unsubscribe.headers,
        },
        trx,
      );
    }
    await appendAudit(
      deps,
      {
        actor,
        action: 'marketing.campaign.send',
        target: `marketing-list:${list.key}`,
        details: { campaign, queued: subscribers.length, tracked },
      },
      trx,
    );
    return { campaign, queued: subscribers.length, tracked };
  });
}
