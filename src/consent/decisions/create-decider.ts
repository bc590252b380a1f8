import type { Kysely } from 'kysely';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { activeLimitOf, bindRules, type BoundModel } from './bind-rules.ts';
import { decidePurpose, type BoundRule } from './decide-purpose.ts';
import type { Decision, DecisionQuery } from './decision.ts';
import { decisionModelFingerprint, loadDecisionModel } from './decision-model.ts';
import { subjectProblem } from './decision-subject.ts';
import { isPersonIdOfEmail, personIdOfEmail } from './person-id-of-email.ts';
import { SubjectIndex, type StateRow } from './subject-index.ts';

export interface DeciderDeps {
  readonly store: { readonly db: Kysely<Database> };
}

export interface DeciderOptions {
  /** Background refresh every this many ms; 0 (the default) leaves refreshing to the caller. */
  readonly pollMs?: number;
  /** Reload the model even when its fingerprint did not move, at most this long apart (default 60 s). */
  readonly modelMaxAgeMs?: number;
  /** Rows per read while catching up. */
  readonly pageSize?: number;
  /** Told about a failed background refresh (the index keeps answering from what it has). */
  readonly onError?: (error: unknown) => void;
}

/** Where the index stands: the last consent-state, limit and erasure changes it has taken. */
export interface DeciderPosition {
  readonly consentSeq: number;
  readonly limitSeq: number;
  readonly erasureSeq: number;
}

/** In-process purpose decisions from an in-memory index of every subject's consent and limits. */
export interface Decider {
  /** Loads the index; decisions before it resolves throw `unavailable`. */
  start(signal?: AbortSignal): Promise<void>;
  /** Answers from the index as of the last refresh: synchronous, no I/O, no allocation for most answers. */
  decide(query: DecisionQuery): Decision;
  /** True when the purpose is known (a data-map key, a data use or a banner category's data use). */
  knows(purpose: string): boolean;
  /** True when a published notice has this version. */
  knowsNotice(version: string): boolean;
  /** Takes every change committed before the call; concurrent callers share reads. */
  refresh(signal?: AbortSignal): Promise<void>;
  readonly position: DeciderPosition;
  /** State entries held (subject × purpose keys with an event). */
  readonly size: number;
  /** Stops the background refresh. */
  close(): void;
}

const stateColumns = [
  'subject_type',
  'subject_id',
  'purpose_key',
  'action',
  'method',
  'notice_version',
  'event_seq',
  'at',
] as const;

/** A consent-state row as the index takes it. */
export function stateRowOf(row: Pick<Database['consent_state'], (typeof stateColumns)[number]>): StateRow {
  return {
    subjectType: row.subject_type === 'person' ? 'person' : 'device',
    subjectId: row.subject_id,
    purposeKey: row.purpose_key,
    action: row.action as StateRow['action'],
    method: row.method as StateRow['method'],
    noticeVersion: row.notice_version,
    eventSeq: Number(row.event_seq),
    at: row.at,
  };
}

/**
 * Builds a decider. Freshness: the index takes consent changes by `consent_state.event_seq`, limit
 * changes by `processing_limits.change_seq` and erasures by `consent_erasures.seq`. Each grows in commit order (each is assigned under a lock held
 * to commit), so reading `> last` after any commit sees that commit: `refresh()` gives read-your-writes,
 * and a change committed by any replica reaches every decider within one `pollMs` (plus the read). The
 * model (purposes, categories, notices) reloads when its fingerprint moves or after `modelMaxAgeMs`.
 */
export function createDecider(deps: DeciderDeps, options: DeciderOptions = {}): Decider {
  const db = deps.store.db;
  const pageSize = options.pageSize ?? 5000;
  const modelMaxAgeMs = options.modelMaxAgeMs ?? 60_000;
  const index = new SubjectIndex();
  let bound: BoundModel | undefined;
  let fingerprint = '';
  let modelLoadedAt = 0;
  let consentSeq = 0;
  let limitSeq = 0;
  let erasureSeq = 0;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  async function catchUp(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const print = await decisionModelFingerprint(db);
    if (bound === undefined || print !== fingerprint || now - modelLoadedAt > modelMaxAgeMs) {
      const model = await loadDecisionModel(db);
      bound = bindRules(model, index);
      fingerprint = print;
      modelLoadedAt = now;
    }
    for (;;) {
      signal?.throwIfAborted();
      const rows = await db
        .selectFrom('consent_state')
        .select(stateColumns)
        .where('event_seq', '>', consentSeq)
        .orderBy('event_seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) index.apply(stateRowOf(row));
      const last = rows.at(-1);
      if (last !== undefined) consentSeq = Number(last.event_seq);
      if (rows.length < pageSize) break;
    }
    const limits = await db
      .selectFrom('processing_limits')
      .selectAll()
      .where('change_seq', '>', limitSeq)
      .orderBy('change_seq')
      .execute();
    for (const row of limits) {
      if (row.lifted_at === null) index.putLimit(row.email, activeLimitOf(row));
      else index.removeLimit(row.id);
      limitSeq = Number(row.change_seq);
    }
    // Erasures last: a state row read above from before an erasure is dropped; a later one carries a higher seq.
    const erasures = await db
      .selectFrom('consent_erasures')
      .select(['seq', 'subject_type', 'subject_id', 'up_to_seq'])
      .where('seq', '>', erasureSeq)
      .orderBy('seq')
      .execute();
    for (const row of erasures) {
      index.drop(row.subject_type === 'person' ? 'person' : 'device', row.subject_id, Number(row.up_to_seq));
      erasureSeq = Number(row.seq);
    }
  }

  function refresh(signal?: AbortSignal): Promise<void> {
    if (running === undefined) {
      running = catchUp(signal).finally(() => {
        running = undefined;
      });
      return running;
    }
    // A read already under way may have started before the caller's write: queue one more after it.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return refresh(signal);
      });
    return queued;
  }

  function schedule(): void {
    const pollMs = options.pollMs ?? 0;
    if (closed || pollMs <= 0) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) => options.onError?.(error))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  function ruleOf(purpose: string): BoundRule | undefined {
    if (bound === undefined) throw new PrivetError('unavailable', 'The purpose decider has not loaded yet');
    return bound.rules.get(purpose);
  }

  return {
    async start(signal) {
      await refresh(signal);
      schedule();
    },
    decide(query) {
      const rule = ruleOf(query.purpose);
      if (rule === undefined) {
        return {
          allowed: false,
          purpose: query.purpose,
          purposeKey: null,
          basis: null,
          reason: 'unknown_purpose',
          evidence: [],
        };
      }
      const { email, personId, deviceId } = query;
      let id: string;
      let type: 'person' | 'device' = 'person';
      // The three single-key shapes without allocating; anything else is refused by the full check.
      if (email !== undefined && personId === undefined && deviceId === undefined) {
        id = isPersonIdOfEmail(email) ? email : personIdOfEmail(email);
      } else if (personId !== undefined && email === undefined && deviceId === undefined) {
        id = personId;
      } else if (deviceId !== undefined && email === undefined && personId === undefined) {
        id = deviceId;
        type = 'device';
      } else throw subjectProblem(query) ?? new PrivetError('internal', 'Unreachable subject shape');
      const offset = (type === 'person' ? index.persons : index.devices).get(id) ?? -1;
      const limits =
        type === 'person' && offset >= 0 && index.hasLimits(offset) ? index.limitsOf(id) : undefined;
      const collected = query.collectedUnder;
      const collectedUnder = collected === undefined ? undefined : (index.knownNotice(collected) ?? -1);
      return decidePurpose(index, rule, type, offset, limits, bound?.currentNotice ?? -1, collectedUnder);
    },
    knows: (purpose) => ruleOf(purpose) !== undefined,
    knowsNotice: (version) => index.knownNotice(version) !== undefined,
    refresh,
    get position() {
      return { consentSeq, limitSeq, erasureSeq };
    },
    get size() {
      return index.size;
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
