import { sql, type Kysely } from 'kysely';
import { PrivetError } from '../domain/errors.ts';
import { currentNoticeStamp } from '../notices/read-notice-versions.ts';
import type { Database } from '../store/schema.ts';
import { appendConsentEvents, CONSENT_LEDGER_LOCK } from './append-consent-events.ts';
import { listCategoryRules } from './category-repository.ts';
import type { ConsentDeps } from './consent-deps.ts';
import { consentEventFromRow, type ConsentEvent } from './consent-event.ts';
import type { ConsentSubmission } from './consent-submission.ts';
import type { BatchOutcome } from '../store/group-commit.ts';
import { planConsentEvents } from './plan-consent-events.ts';
import {
  loadPostEvents,
  postKeyOf,
  readPostKeys,
  savePostKeys,
  type StoredPost,
} from './consent-post-keys.ts';

/** What a caller gets back once its consent is durable. */
export interface RecordedConsent {
  /** One per event; each is the id of the event and of its consent receipt. */
  readonly receiptIds: string[];
  readonly recordedAt: string;
  readonly events: ConsentEvent[];
  /** True when this answers a retry: its idempotency key was recorded before, and nothing new was. */
  readonly replayed?: boolean;
}

/**
 * Records many submissions in one transaction (`trx`, or its own, committed durably) holding the consent
 * ledger's lock. Each is checked against the notice and categories as they are at commit time; a refused
 * submission gets its own validation error and does not stop the others. Throws (failing the whole batch)
 * only when the database does.
 */
export async function commitConsentBatch(
  deps: ConsentDeps,
  submissions: readonly ConsentSubmission[],
  trx?: Kysely<Database>,
): Promise<BatchOutcome<RecordedConsent>[]> {
  if (trx === undefined) {
    // The store's transaction takes the chain's lock itself (one round trip fewer per batch on PostgreSQL;
    // SQLite's BEGIN IMMEDIATE serialises the chain) and resolves once the batch is durable, its log synced
    // off the event loop: requests keep being parsed while a batch's fsync runs.
    return deps.store.transaction((inner) => commitLocked(deps, submissions, inner), {
      lock: CONSENT_LEDGER_LOCK,
      syncOffLoop: true,
    });
  }
  // A caller's own transaction does not hold the chain's lock yet (SQLite's BEGIN IMMEDIATE already serialises).
  if (deps.store.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${CONSENT_LEDGER_LOCK}))`.execute(trx);
  }
  return commitLocked(deps, submissions, trx);
}

// The batch, in a transaction that holds the consent ledger's lock.
async function commitLocked(
  deps: ConsentDeps,
  submissions: readonly ConsentSubmission[],
  trx: Kysely<Database>,
): Promise<BatchOutcome<RecordedConsent>[]> {
  const notice = await currentNoticeStamp(trx);
  const categories = await listCategoryRules(trx);
  const at = deps.clock.now();
  const postKeys = submissions.map(postKeyOf);
  const stored = await readPostKeys(trx, submissions);
  // A retried post (its key stored, or already in this batch) plans no events and answers as its first.
  const firstInBatch = new Map<string, number>();
  const repeats = postKeys.map((key, i) => {
    if (key === undefined) return false;
    if (stored.has(key) || firstInBatch.has(key)) return true;
    firstInBatch.set(key, i);
    return false;
  });
  const plans = submissions.map((submission, i) =>
    repeats[i] ? { ok: true as const, events: [] } : planConsentEvents(submission, notice, categories),
  );
  const rows = await appendConsentEvents(
    trx,
    deps.store.dialect,
    plans.flatMap((plan) => (plan.ok ? plan.events : [])),
    at,
  );
  let offset = 0;
  const outcomes = plans.map((plan): BatchOutcome<RecordedConsent> => {
    if (!plan.ok) {
      const summary = plan.issues.map((i) => `${i.path} ${i.message}`).join('; ');
      return {
        ok: false,
        error: new PrivetError('validation_failed', `The consent was not recorded: ${summary}`, {
          issues: plan.issues,
        }),
      };
    }
    const mine = rows.slice(offset, offset + plan.events.length);
    offset += plan.events.length;
    return {
      ok: true,
      value: {
        receiptIds: mine.map((row) => row.id),
        recordedAt: at.toISOString(),
        events: mine.map(consentEventFromRow),
      },
    };
  });
  return answerRepeats(deps, trx, postKeys, repeats, stored, outcomes);
}

// Keeps the keys of this batch's first posts, and answers each repeat with what its first post recorded.
async function answerRepeats(
  deps: ConsentDeps,
  trx: Kysely<Database>,
  postKeys: readonly (string | undefined)[],
  repeats: readonly boolean[],
  stored: ReadonlyMap<string, StoredPost>,
  outcomes: BatchOutcome<RecordedConsent>[],
): Promise<BatchOutcome<RecordedConsent>[]> {
  const fresh = new Map<string, BatchOutcome<RecordedConsent>>();
  outcomes.forEach((outcome, i) => {
    const key = postKeys[i];
    if (key !== undefined && !repeats[i]) fresh.set(key, outcome);
  });
  const toSave = [...fresh].flatMap(([postKey, outcome]) =>
    outcome.ok
      ? [{ postKey, stored: { receiptIds: outcome.value.receiptIds, recordedAt: outcome.value.recordedAt } }]
      : [],
  );
  if (toSave.length > 0) await savePostKeys(trx, deps.store.dialect, toSave);
  const replayed = [...new Set(postKeys.flatMap((key, i) => (repeats[i] && key !== undefined ? [key] : [])))];
  const events = await loadPostEvents(
    trx,
    replayed.flatMap((key) => stored.get(key)?.receiptIds ?? []),
  );
  return outcomes.map((outcome, i) => {
    const key = postKeys[i];
    if (!repeats[i] || key === undefined) return outcome;
    const first = fresh.get(key);
    if (first !== undefined) return first;
    const post = stored.get(key);
    if (post === undefined) return outcome;
    const value: RecordedConsent = {
      receiptIds: post.receiptIds,
      recordedAt: post.recordedAt,
      events: post.receiptIds.flatMap((id) => events.get(id) ?? []),
      replayed: true,
    };
    return { ok: true, value };
  });
}

/** Records one submission (portal, staff, scripts), in `trx` or its own transaction; throws when refused. */
export async function recordConsent(
  deps: ConsentDeps,
  submission: ConsentSubmission,
  trx?: Kysely<Database>,
): Promise<RecordedConsent> {
  const [outcome] = await commitConsentBatch(deps, [submission], trx);
  if (outcome === undefined) throw new PrivetError('internal', 'No outcome for the consent submission');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
