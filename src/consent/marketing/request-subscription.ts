import { tokenHash } from '../../auth/token-hash.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newToken } from '../../domain/ids.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import { createLinkTokens } from './link-tokens.ts';
import { requireMarketingList } from './list-repository.ts';
import { listText } from './marketing-list.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { normaliseEmail } from './normalise-email.ts';

const SUBSCRIBE_LOCK = 'privet:marketing-subscribe';

/** How long a double opt-in confirmation link stays valid. */
export const CONFIRM_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** A subscription request from a public form. */
export interface SubscriptionRequest {
  readonly email: string;
  readonly listKey: string;
  readonly language?: string | undefined;
  /** From a public form: lists not offered publicly answer like unknown ones. */
  readonly publicOnly?: boolean | undefined;
}

/**
 * The first half of the double opt-in: the address becomes `pending` and gets a confirmation mail whose link
 * holds a sealed, expiring token bound to this request (a newer request voids older links). Nothing is
 * consented yet. An address already active gets no mail, and the caller answers the same either way, so
 * the form does not tell who is subscribed.
 */
export async function requestSubscription(deps: MarketingDeps, request: SubscriptionRequest): Promise<void> {
  const email = normaliseEmail(request.email);
  const tokens = createLinkTokens(deps.config.secret);
  // The lock keeps two simultaneous requests for a new address from both inserting it.
  await deps.store.transaction(
    async (trx) => {
      const list = await requireMarketingList(trx, request.listKey);
      if (request.publicOnly === true && !list.public) {
        throw new PrivetError('not_found', `No marketing list ${request.listKey}`);
      }
      const row = await trx
        .selectFrom('marketing_subscriptions')
        .select('status')
        .where('list_key', '=', list.key)
        .where('email', '=', email)
        .executeTakeFirst();
      if (row?.status === 'active') return;
      const now = deps.clock.now();
      const nonce = newToken(16);
      const expiresAt = new Date(now.getTime() + CONFIRM_TTL_MS);
      const columns = {
        status: 'pending',
        locale: request.language ?? null,
        confirm_nonce_hash: tokenHash(nonce),
        requested_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      if (row) {
        await trx
          .updateTable('marketing_subscriptions')
          .set(columns)
          .where('list_key', '=', list.key)
          .where('email', '=', email)
          .execute();
      } else {
        await trx
          .insertInto('marketing_subscriptions')
          .values({
            list_key: list.key,
            email,
            ...columns,
            confirmed_at: null,
            unsubscribed_at: null,
            last_event_id: null,
            created_at: now.toISOString(),
          })
          .execute();
      }
      const token = tokens.seal('confirm', { e: email, l: list.key, n: nonce, x: expiresAt.getTime() });
      await queueMail(
        deps,
        {
          to: email,
          template: 'marketing-confirm',
          locale: request.language,
          data: {
            listName: listText(list, request.language).name,
            url: `${deps.config.publicUrl}/preferences/confirm#token=${token}`,
            expiresAt: expiresAt.toISOString(),
          },
        },
        trx,
      );
    },
    { lock: SUBSCRIBE_LOCK },
  );
}
