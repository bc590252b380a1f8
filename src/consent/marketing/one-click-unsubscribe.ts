import { PrivetError } from '../../domain/errors.ts';
import { changeSubscription } from './change-subscription.ts';
import { openMailLink } from './mail-links.ts';
import { getMarketingList } from './list-repository.ts';
import { listText, type MarketingList } from './marketing-list.ts';
import type { MarketingDeps } from './marketing-deps.ts';

/** The list and address an unsubscribe token names, or a 404 for anything that is not a valid token. */
export async function openUnsubscribeToken(
  deps: MarketingDeps,
  token: string,
): Promise<{ readonly list: MarketingList; readonly email: string }> {
  const link = await openMailLink(deps.store.db, deps.config.secret, 'unsubscribe', token);
  const list = link === undefined ? undefined : await getMarketingList(deps.store.db, link.listKey);
  if (!link || !list) throw new PrivetError('not_found', 'This unsubscribe link is not valid');
  return { list, email: link.email };
}

/**
 * Unsubscribes the token's address from its list at once and records the withdrawal (method `email`) in
 * the consent ledger. Idempotent: a second POST answers the same and appends nothing.
 */
export async function oneClickUnsubscribe(
  deps: MarketingDeps,
  token: string,
  context: { readonly ip?: string | undefined; readonly userAgent?: string | undefined } = {},
): Promise<{ readonly listName: string; readonly changed: boolean }> {
  const { list, email } = await openUnsubscribeToken(deps, token);
  return deps.store.transaction(async (trx) => {
    const result = await changeSubscription(deps, trx, {
      list,
      email,
      active: false,
      method: 'email',
      // Whoever holds the mail may unsubscribe: a withdrawal needs no proof of identity.
      personVerified: false,
      ip: context.ip,
      userAgent: context.userAgent,
    });
    return { listName: listText(list, undefined).name, changed: result.changed };
  });
}
