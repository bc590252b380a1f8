import { timingSafeEqual } from 'node:crypto';
import { tokenHash } from '../../auth/token-hash.ts';
import { PrivetError } from '../../domain/errors.ts';
import { changeSubscription } from './change-subscription.ts';
import { createLinkTokens } from './link-tokens.ts';
import { getMarketingList } from './list-repository.ts';
import { listText } from './marketing-list.ts';
import type { MarketingDeps } from './marketing-deps.ts';

/** Who confirms, for the ledger: only the network of the address and the browser family are kept. */
export interface ConfirmationContext {
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
  readonly language?: string | undefined;
}

/** The list a confirmation made active, and whether this call did it (false when already confirmed). */
export interface ConfirmationResult {
  readonly listKey: string;
  readonly listName: string;
  readonly changed: boolean;
  readonly eventId: string | null;
}

const refused = () =>
  new PrivetError('bad_request', 'This confirmation link is not valid or has expired: subscribe again');

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The second half of the double opt-in: a valid, unexpired confirmation token for the newest request makes
 * the subscription active and records the consent (method `email`, person verified by the mailbox) in the
 * ledger under the notice in force. Confirming twice with the same link changes nothing the second time.
 */
export async function confirmSubscription(
  deps: MarketingDeps,
  token: string,
  context: ConfirmationContext = {},
): Promise<ConfirmationResult> {
  const payload = createLinkTokens(deps.config.secret).open('confirm', token, deps.clock.now());
  if (payload?.l === undefined || payload.n === undefined) throw refused();
  const { e: email, l: listKey, n: nonce } = payload;
  return deps.store.transaction(async (trx) => {
    const list = await getMarketingList(trx, listKey);
    const row = await trx
      .selectFrom('marketing_subscriptions')
      .select(['status', 'confirm_nonce_hash', 'locale'])
      .where('list_key', '=', listKey)
      .where('email', '=', email)
      .executeTakeFirst();
    if (
      !list ||
      !row ||
      row.confirm_nonce_hash === null ||
      !sameHash(row.confirm_nonce_hash, tokenHash(nonce))
    ) {
      throw refused();
    }
    const language = context.language ?? row.locale ?? undefined;
    const name = listText(list, language).name;
    if (row.status === 'active') return { listKey, listName: name, changed: false, eventId: null };
    if (row.status !== 'pending') throw refused();
    const result = await changeSubscription(deps, trx, {
      list,
      email,
      active: true,
      method: 'email',
      personVerified: true,
      language,
      ip: context.ip,
      userAgent: context.userAgent,
    });
    return { listKey, listName: name, changed: result.changed, eventId: result.eventId };
  });
}
