import { sql, type Kysely } from 'kysely';
import type { Clock } from '../domain/clock.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export interface AuditInput {
  /** Who: `user:<id>`, `key:<id>`, `system`, `cli`, `person:<ref>`. */
  readonly actor: string;
  /** What, as `<capability>.<verb>`, e.g. `auth.login`. */
  readonly action: string;
  /** On what: `<kind>:<id>`. */
  readonly target: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly details: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditDeps {
  readonly store: Store;
  readonly clock: Clock;
}

const AUDIT_LOCK = 'privet:audit';

/**
 * Appends one entry to the hash-chained audit ledger. Pass `trx` to write it in the same transaction as the
 * state change it records; appends are serialised so the chain never forks, even across processes.
 */
export async function appendAudit(
  deps: AuditDeps,
  input: AuditInput,
  trx?: Kysely<Database>,
): Promise<AuditEntry> {
  if (trx === undefined) {
    return deps.store.transaction((inner) => appendAudit(deps, input, inner), { lock: AUDIT_LOCK });
  }
  if (deps.store.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${AUDIT_LOCK}))`.execute(trx);
  }
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const now = deps.clock.now();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    id: newId('aud', now),
    at: now.toISOString(),
    actor: input.actor,
    action: input.action,
    target: input.target,
    details: JSON.stringify(input.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(fields);
  await trx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      id: fields.id,
      at: fields.at,
      actor: fields.actor,
      action: fields.action,
      target: fields.target,
      details: fields.details,
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  return { ...fields, details: { ...(input.details ?? {}) }, hash };
}
