import { consentActions, consentMethods } from '../consent-vocabulary.ts';
import type { ConsentEvidence, Decision, DecisionEvidence, DecisionReason } from './decision.ts';
import type { PurposeRule } from './purpose-rules.ts';
import type { ActiveLimit, SubjectIndex } from './subject-index.ts';

/** A rule bound to one index: its ledger-key slots and, per notice number, whether that notice omits it. */
export interface BoundRule extends PurposeRule {
  readonly slots: readonly number[];
  /** 1 where the notice of that number names purposes but not this one. */
  readonly omittedBy: Uint8Array;
  /** Answers without subject evidence, made once: most answers allocate nothing. */
  readonly plain: Map<DecisionReason, Decision>;
}

const ACTION_GIVEN = consentActions.indexOf('given');
const ACTION_OBJECTED = consentActions.indexOf('objected');
const METHOD_GPC = consentMethods.indexOf('gpc');

// A class, so that the ISO time is only formatted when someone reads it: the hot path stores two numbers.
class IndexedConsentEvidence implements ConsentEvidence {
  readonly kind = 'consent_event';
  constructor(
    readonly subjectType: 'person' | 'device',
    readonly eventSeq: number,
    private readonly atMs: number,
    private readonly code: number,
    readonly noticeVersion: string,
  ) {}
  get at(): string {
    return new Date(this.atMs).toISOString();
  }
  get action(): string {
    return consentActions[this.code & 3] ?? 'given';
  }
  get method(): string {
    return consentMethods[this.code >> 2] ?? 'api';
  }
  toJSON(): ConsentEvidence {
    const { kind, subjectType, eventSeq, at, action, method, noticeVersion } = this;
    return { kind, subjectType, eventSeq, at, action, method, noticeVersion };
  }
}

/** The answer with no subject evidence for this rule and reason, shared by every such decision. */
export function plainDecision(rule: BoundRule, reason: DecisionReason): Decision {
  let decision = rule.plain.get(reason);
  if (decision === undefined) {
    decision = Object.freeze({
      allowed: isAllowing(reason),
      purpose: rule.purpose,
      purposeKey: rule.purposeKey,
      basis: rule.basis,
      reason,
      evidence: Object.freeze([]),
    });
    rule.plain.set(reason, decision);
  }
  return decision;
}

function isAllowing(reason: DecisionReason): boolean {
  return (
    reason === 'consent_given' ||
    reason === 'legitimate_interest' ||
    reason === 'public_task' ||
    reason === 'contract' ||
    reason === 'legal_obligation' ||
    reason === 'vital_interests' ||
    reason === 'strictly_necessary'
  );
}

function answer(rule: BoundRule, reason: DecisionReason, evidence: DecisionEvidence[]): Decision {
  return {
    allowed: isAllowing(reason),
    purpose: rule.purpose,
    purposeKey: rule.purposeKey,
    basis: rule.basis,
    reason,
    evidence,
  };
}

function covers(limit: ActiveLimit, rule: BoundRule): boolean {
  if (limit.purposes === null) return true;
  for (const key of rule.coverKeys) if (limit.purposes.has(key)) return true;
  return false;
}

function limitEvidence(limit: ActiveLimit): DecisionEvidence {
  return { kind: 'processing_limit', limitKind: limit.kind, requestId: limit.requestId, since: limit.since };
}

// Objection (Art. 21) reaches purposes under 6.1.e/f and direct marketing whatever its basis; consent-based
// purposes are stopped too, as the person plainly no longer wants them. A limit naming a purpose explicitly
// is honoured whatever the basis: requests-core has already left out what compelling grounds override.
function objectionStops(limit: ActiveLimit, rule: BoundRule): boolean {
  return limit.purposes !== null || rule.directMarketing || rule.basisKind !== 'fixed';
}

/**
 * Decides one purpose for one subject from the index (`offset` of the subject, -1 when it has no state;
 * `limits` its active limits; `current` the number of the notice in force, -1 when none; `collectedUnder`
 * that of the notice the data was collected under, -1 when unknown, undefined when not asked). Order: restriction, objection (limits, then the ledger), opt-out of
 * sale/sharing, purpose limitation, then the basis: consent needs a current `given` under the notice in
 * force that names the purpose; the others answer by their basis.
 */
export function decidePurpose(
  index: SubjectIndex,
  rule: BoundRule,
  subjectType: 'person' | 'device',
  offset: number,
  limits: readonly ActiveLimit[] | undefined,
  current: number,
  collectedUnder: number | undefined,
): Decision {
  if (limits !== undefined) {
    for (const limit of limits) {
      if (limit.kind === 'restriction' && covers(limit, rule)) {
        return answer(rule, 'restriction', [limitEvidence(limit)]);
      }
    }
    for (const limit of limits) {
      if (limit.kind === 'objection' && covers(limit, rule) && objectionStops(limit, rule)) {
        return answer(rule, 'objection', [limitEvidence(limit)]);
      }
    }
  }
  // The latest state among the purpose's ledger keys (usually one has any).
  let cell = -1;
  if (offset >= 0) {
    for (const slot of rule.slots) {
      const found = index.cellOf(offset, slot);
      if (found >= 0 && (cell < 0 || seqOf(index, found) > seqOf(index, cell))) cell = found;
    }
  }
  const meta = cell >= 0 ? index.arena[cell + 1]! : 0;
  const action = meta & 3;
  if (cell >= 0 && action !== ACTION_GIVEN) {
    const byGpc = ((meta >> 2) & 63) === METHOD_GPC;
    if (action === ACTION_OBJECTED && (rule.directMarketing || rule.basisKind !== 'fixed')) {
      return answer(rule, 'objection', [evidenceOf(index, subjectType, cell)]);
    }
    if (rule.basisKind === 'consent') {
      const reason = byGpc && rule.saleOrSharing ? 'gpc_opt_out' : 'consent_withdrawn';
      return answer(rule, reason, [evidenceOf(index, subjectType, cell)]);
    }
    if (rule.saleOrSharing || rule.basisKind === 'objectable') {
      return answer(rule, byGpc ? 'gpc_opt_out' : 'objection', [evidenceOf(index, subjectType, cell)]);
    }
  }
  if (collectedUnder !== undefined) {
    const at = collectedUnder;
    if (at < 0 || rule.omittedBy[at] === 1) {
      const version = at < 0 ? '' : (index.noticeVersions[at] ?? '');
      return answer(rule, 'purpose_not_in_notice', [
        { kind: 'notice', noticeVersion: version, role: 'collected_under' },
      ]);
    }
  }
  if (rule.basisKind !== 'consent') return plainDecision(rule, rule.fixedReason ?? 'no_legal_basis');
  if (cell < 0) return plainDecision(rule, 'no_consent');
  const given = meta >> 8;
  if (given !== current) {
    const inForce = index.noticeVersions[current] ?? '';
    return answer(rule, 'notice_changed', [
      evidenceOf(index, subjectType, cell),
      { kind: 'notice', noticeVersion: inForce, role: 'in_force' },
    ]);
  }
  const evidence = [evidenceOf(index, subjectType, cell)];
  return answer(rule, rule.omittedBy[given] === 1 ? 'purpose_not_in_notice' : 'consent_given', evidence);
}

function seqOf(index: SubjectIndex, cell: number): number {
  return index.pool[index.arena[cell + 2]! * 2]!;
}

function evidenceOf(index: SubjectIndex, subjectType: 'person' | 'device', cell: number): ConsentEvidence {
  const entry = index.arena[cell + 2]!;
  const meta = index.arena[cell + 1]!;
  return new IndexedConsentEvidence(
    subjectType,
    index.pool[entry * 2]!,
    index.pool[entry * 2 + 1]!,
    meta & 255,
    index.noticeVersions[meta >> 8] ?? '',
  );
}
