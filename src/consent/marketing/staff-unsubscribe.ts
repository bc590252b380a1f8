import { appendAudit } from '../../audit/append-audit.ts';
import { changeSubscription, type SubscriptionChangeResult } from './change-subscription.ts';
import { requireMarketingList } from './list-repository.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { normaliseEmail } from './normalise-email.ts';

/** Unsubscribes an address on the person's instruction to staff (a reply, a call), ledgered and audited. */
export async function staffUnsubscribe(
  deps: MarketingDeps,
  input: { readonly listKey: string; readonly email: string; readonly reason: string },
  actor: string,
): Promise<SubscriptionChangeResult> {
  const email = normaliseEmail(input.email);
  return deps.store.transaction(async (trx) => {
    const list = await requireMarketingList(trx, input.listKey);
    const result = await changeSubscription(deps, trx, {
      list,
      email,
      active: false,
      method: 'staff',
      personVerified: true,
    });
    await appendAudit(
      deps,
      {
        actor,
        action: 'marketing.subscription.unsubscribe',
        target: `marketing-list:${list.key}`,
        details: { reason: input.reason, changed: result.changed, eventId: result.eventId },
      },
      trx,
    );
    return result;
  });
}
