import { sql, type Kysely } from 'kysely';
import { PrivetError } from '../../domain/errors.ts';
import { currentNoticeVersion } from '../../notices/read-notice-versions.ts';
import type { Database } from '../../store/schema.ts';
import { CONSENT_LEDGER_LOCK } from '../append-consent-events.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import type { ConsentDeps } from '../consent-deps.ts';
import type { ConsentMethod } from '../consent-vocabulary.ts';
import type { MarketingList } from './marketing-list.ts';
import type { SubscriptionStatus } from './subscription.ts';

/** A subscribe or unsubscribe, with what the ledger should know about how it happened. */
export interface SubscriptionChange {
  readonly list: MarketingList;
  /** Normalised address; also the person id of the consent event. */
  readonly email: string;
  readonly active: boolean;
  readonly method: ConsentMethod;
  /** True when the person proved they hold the address (a confirmation or portal link). */
  readonly personVerified: boolean;
  readonly language?: string | undefined;
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
}

/** What a change did: `changed` is false when the status already was the wanted one (no new event). */
export interface SubscriptionChangeResult {
  readonly status: SubscriptionStatus;
  readonly changed: boolean;
  readonly eventId: string | null;
}

/**
 * Sets a subscription active or unsubscribed inside the caller's transaction and records the consent given
 * or withdrawn for the list's purpose in the consent ledger, under the notice in force. Idempotent: asking
 * for the status it has already changes nothing and appends no event. A withdrawal is honoured even when no
 * notice is published (it is then not in the ledger); a subscription is not.
 */
export async function changeSubscription(
  deps: ConsentDeps,
  trx: Kysely<Database>,
  change: SubscriptionChange,
): Promise<SubscriptionChangeResult> {
  const wanted: SubscriptionStatus = change.active ? 'active' : 'unsubscribed';
  // The ledger's lock, taken before reading: two concurrent unsubscribes then yield one event, not two.
  if (deps.store.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${CONSENT_LEDGER_LOCK}))`.execute(trx);
  }
  const row = await trx
    .selectFrom('marketing_subscriptions')
    .selectAll()
    .where('list_key', '=', change.list.key)
    .where('email', '=', change.email)
    .executeTakeFirst();
  if (row?.status === wanted) return { status: wanted, changed: false, eventId: row.last_event_id };

  const notice = await currentNoticeVersion(trx);
  if (!notice && change.active) {
    throw new PrivetError('unavailable', 'No privacy notice is published: subscriptions cannot be taken yet');
  }
  let eventId: string | null = null;
  if (notice) {
    const recorded = await recordConsent(
      deps,
      {
        personId: change.email,
        personVerified: change.personVerified,
        noticeVersion: notice.version,
        choices: {},
        purposeActions: [
          { purposeKey: change.list.purposeKey, action: change.active ? 'given' : 'withdrawn' },
        ],
        method: change.method,
        gpc: false,
        language: change.language,
        ip: change.ip,
        userAgent: change.userAgent,
      },
      trx,
    );
    eventId = recorded.receiptIds[0] ?? null;
  }
  const now = deps.clock.now().toISOString();
  const columns = {
    status: wanted,
    // An unsubscribe voids any confirmation link still in a mailbox; a confirmation keeps its own, so a
    // second click on it finds the subscription active instead of failing.
    ...(change.active ? { confirmed_at: now } : { unsubscribed_at: now, confirm_nonce_hash: null }),
    last_event_id: eventId,
    updated_at: now,
  };
  if (row) {
    await trx
      .updateTable('marketing_subscriptions')
      .set(columns)
      .where('list_key', '=', change.list.key)
      .where('email', '=', change.email)
      .execute();
  } else {
    await trx
      .insertInto('marketing_subscriptions')
      .values({
        list_key: change.list.key,
        email: change.email,
        locale: change.language ?? null,
        requested_at: null,
        confirm_nonce_hash: null,
        confirmed_at: null,
        unsubscribed_at: null,
        created_at: now,
        ...columns,
      })
      .execute();
  }
  return { status: wanted, changed: true, eventId };
}
