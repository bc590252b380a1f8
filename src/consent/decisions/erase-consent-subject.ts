import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/store.ts';
import type { Database } from '../../store/schema.ts';
import { CONSENT_LEDGER_LOCK } from '../append-consent-events.ts';
import { personIdOfEmail } from './person-id-of-email.ts';

export interface ConsentErasureDeps {
  readonly store: Store;
  readonly clock: Clock;
}

export interface ConsentErasure {
  readonly requestId: string;
  readonly email: string;
  readonly actor: string;
}

/** What an erasure removed: the subjects (the person and their devices) and the state rows deleted. */
export interface ConsentErasureResult {
  readonly subjects: number;
  readonly stateRows: number;
  /** False when this request's erasure had already been carried out (a listener retry). */
  readonly applied: boolean;
}

async function nextErasureSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('consent_erasures')
    .select((eb) => eb.fn.max('seq').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/**
 * Removes an erased person's current consent state, and that of the devices the ledger saw with them, so that
 * purpose decisions find no evidence for them, and records one `consent_erasures` row per subject, which every
 * replica's decider takes within its next refresh; the person's list subscriptions, tracking events and mail
 * links are deleted as well. Runs under the consent ledger's lock, so `up_to_seq` (the
 * chain's head) separates the erased events from any consent given afterwards, which stays. The hash-chained
 * ledger is kept as the proof of consent. Idempotent per request.
 */
export async function eraseConsentSubject(
  deps: ConsentErasureDeps,
  input: ConsentErasure,
): Promise<ConsentErasureResult> {
  const personId = personIdOfEmail(input.email);
  return deps.store.transaction(
    async (db) => {
      const done = await db
        .selectFrom('consent_erasures')
        .select('seq')
        .where('request_id', '=', input.requestId)
        .executeTakeFirst();
      if (done !== undefined) return { subjects: 0, stateRows: 0, applied: false };
      const head = await db
        .selectFrom('consent_events')
        .select((eb) => eb.fn.max('seq').as('last'))
        .executeTakeFirst();
      const upToSeq = Number(head?.last ?? 0);
      const devices = await db
        .selectFrom('consent_events')
        .select('device_id')
        .distinct()
        .where('person_id', '=', personId)
        .where('device_id', 'is not', null)
        .execute();
      const subjects: ['person' | 'device', string][] = [
        ['person', personId],
        ...devices.flatMap((d): ['device', string][] =>
          d.device_id === null ? [] : [['device', d.device_id]],
        ),
      ];
      const at = deps.clock.now().toISOString();
      let seq = await nextErasureSeq(db);
      let stateRows = 0;
      for (const [type, id] of subjects) {
        const deleted = await db
          .deleteFrom('consent_state')
          .where('subject_type', '=', type)
          .where('subject_id', '=', id)
          .where('event_seq', '<=', upToSeq)
          .executeTakeFirst();
        stateRows += Number(deleted.numDeletedRows);
        await db
          .insertInto('consent_erasures')
          .values({
            seq: seq++,
            request_id: input.requestId,
            subject_type: type,
            subject_id: id,
            up_to_seq: upToSeq,
            at,
          })
          .execute();
      }
      // The person's list memberships, tracking and mail links go too: nothing is sent to them afterwards.
      for (const table of [
        'marketing_subscriptions',
        'marketing_tracking_events',
        'marketing_links',
      ] as const) {
        await db.deleteFrom(table).where('email', '=', personId).execute();
      }
      await appendAudit(
        deps,
        {
          actor: input.actor,
          action: 'consent.erase',
          target: `request:${input.requestId}`,
          // No address here: the request holds it, and the erasure reaches it there.
          details: { subjects: subjects.length, stateRows, upToSeq },
        },
        db,
      );
      return { subjects: subjects.length, stateRows, applied: true };
    },
    { lock: CONSENT_LEDGER_LOCK },
  );
}
