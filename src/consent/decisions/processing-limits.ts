import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import type { Clock } from '../../domain/clock.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { personIdOfEmail } from './person-id-of-email.ts';

/** What a limit stops: a restriction (Art. 18) allows storage only; an objection (Art. 21) stops the purposes. */
export const processingLimitKinds = ['restriction', 'objection'] as const;
export type ProcessingLimitKind = (typeof processingLimitKinds)[number];

/** Serialises `change_seq` across processes, so that deciders polling `change_seq > last` miss nothing. */
export const PROCESSING_LIMITS_LOCK = 'privet:processing-limits';

export interface ProcessingLimitDeps {
  readonly store: Store;
  readonly clock: Clock;
}

export interface NewProcessingLimit {
  readonly email: string;
  readonly kind: ProcessingLimitKind;
  /** Purpose keys (data-map keys or data uses; a data use covers its sub-uses), or every purpose. */
  readonly purposes: readonly string[] | 'all';
  readonly requestId: string;
  /** The restriction ground (Art. 18(1)(a)–(d)) or the person's reasons for objecting. */
  readonly ground?: string;
  readonly actor: string;
}

export interface LiftProcessingLimit {
  readonly requestId: string;
  readonly actor: string;
  readonly reason: string;
}

async function inLock<T>(
  deps: ProcessingLimitDeps,
  trx: Kysely<Database> | undefined,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (trx === undefined) return deps.store.transaction(fn, { lock: PROCESSING_LIMITS_LOCK });
  // The caller's transaction (requests-core completing a request) does not hold the lock yet.
  if (deps.store.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${PROCESSING_LIMITS_LOCK}))`.execute(trx);
  }
  return fn(trx);
}

async function nextChangeSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('processing_limits')
    .select((eb) => eb.fn.max('change_seq').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

function checkInput(input: NewProcessingLimit): void {
  const issues = [];
  if (personIdOfEmail(input.email) === '' || !input.email.includes('@')) {
    issues.push({ code: 'email', path: 'email', message: 'needs the person’s email address' });
  }
  if (input.requestId.trim() === '') {
    issues.push({ code: 'request_id', path: 'requestId', message: 'needs the request id' });
  }
  if (
    input.purposes !== 'all' &&
    (input.purposes.length === 0 || input.purposes.some((p) => p.trim() === ''))
  ) {
    issues.push({ code: 'purposes', path: 'purposes', message: 'name at least one purpose, or all' });
  }
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.path} ${i.message}`).join('; ');
    throw new PrivetError('validation_failed', `The processing limit is not valid: ${summary}`, { issues });
  }
}

/**
 * Records that a person's data may no longer be used for some purposes (or any), because their restriction
 * or objection request completed. One limit per request: recording it again (a retried job) replaces it and
 * re-activates it if lifted. Audited; in `trx` when given, so it commits with the request's completion.
 */
export async function recordProcessingLimit(
  deps: ProcessingLimitDeps,
  input: NewProcessingLimit,
  trx?: Kysely<Database>,
): Promise<void> {
  checkInput(input);
  await inLock(deps, trx, async (db) => {
    const at = deps.clock.now();
    const columns = {
      email: personIdOfEmail(input.email),
      kind: input.kind,
      purposes: JSON.stringify(input.purposes === 'all' ? [] : [...new Set(input.purposes)]),
      all_purposes: input.purposes === 'all' ? 1 : 0,
      ground: input.ground ?? null,
      change_seq: await nextChangeSeq(db),
      created_at: at.toISOString(),
      created_by: input.actor,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
    };
    const existing = await db
      .selectFrom('processing_limits')
      .select('id')
      .where('request_id', '=', input.requestId)
      .executeTakeFirst();
    if (existing) {
      await db.updateTable('processing_limits').set(columns).where('id', '=', existing.id).execute();
    } else {
      await db
        .insertInto('processing_limits')
        .values({ id: newId('plim', at), request_id: input.requestId, ...columns })
        .execute();
    }
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: 'consent.processing_limit.record',
        target: `request:${input.requestId}`,
        // The email stays out of the audit details: the request holds it, and erasure can reach it there.
        details: { kind: input.kind, purposes: input.purposes, ground: input.ground ?? null },
      },
      db,
    );
  });
}

/**
 * Ends the limit a request recorded (the restriction's ground ended, the objection was withdrawn). Lifting a
 * lifted limit does nothing; a request without a limit is `not_found`. Audited with the reason.
 */
export async function liftProcessingLimit(
  deps: ProcessingLimitDeps,
  input: LiftProcessingLimit,
  trx?: Kysely<Database>,
): Promise<void> {
  await inLock(deps, trx, async (db) => {
    const limit = await db
      .selectFrom('processing_limits')
      .select(['id', 'lifted_at'])
      .where('request_id', '=', input.requestId)
      .executeTakeFirst();
    if (!limit) throw new PrivetError('not_found', `Request ${input.requestId} has no processing limit`);
    if (limit.lifted_at !== null) return;
    await db
      .updateTable('processing_limits')
      .set({
        lifted_at: deps.clock.now().toISOString(),
        lifted_by: input.actor,
        lift_reason: input.reason,
        change_seq: await nextChangeSeq(db),
      })
      .where('id', '=', limit.id)
      .execute();
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: 'consent.processing_limit.lift',
        target: `request:${input.requestId}`,
        details: { reason: input.reason },
      },
      db,
    );
  });
}
