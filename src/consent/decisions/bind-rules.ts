import type { Database } from '../../store/schema.ts';
import type { BoundRule } from './decide-purpose.ts';
import type { DecisionModel } from './decision-model.ts';
import { compilePurposeRules } from './purpose-rules.ts';
import type { ActiveLimit, SubjectIndex } from './subject-index.ts';

/** The rules of a model bound to an index, and the number of the notice in force (-1: none). */
export interface BoundModel {
  readonly rules: ReadonlyMap<string, BoundRule>;
  readonly currentNotice: number;
}

/** Compiles the model's rules and binds them to the index's key slots and notice numbers. */
export function bindRules(model: DecisionModel, index: SubjectIndex): BoundModel {
  const notices = model.notices.map((notice) => ({
    number: index.noticeOf(notice.version),
    keys: new Set(notice.purposeKeys),
  }));
  const size = notices.reduce((max, notice) => Math.max(max, notice.number + 1), 0);
  const rules = new Map<string, BoundRule>();
  for (const [key, rule] of compilePurposeRules(model)) {
    const omittedBy = new Uint8Array(size);
    for (const notice of notices) {
      // A notice that names no purposes says nothing either way: only a list that leaves it out denies.
      if (notice.keys.size > 0 && ![...rule.coverKeys].some((k) => notice.keys.has(k))) {
        omittedBy[notice.number] = 1;
      }
    }
    rules.set(key, {
      ...rule,
      slots: rule.ledgerKeys.map((k) => index.slotOf(k)),
      omittedBy,
      plain: new Map(),
    });
  }
  return {
    rules,
    currentNotice: model.currentNotice === null ? -1 : index.noticeOf(model.currentNotice),
  };
}

/** A stored limit as the index keeps it. */
export function activeLimitOf(row: Database['processing_limits']): ActiveLimit {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind === 'restriction' ? 'restriction' : 'objection',
    purposes: row.all_purposes === 1 ? null : new Set(JSON.parse(row.purposes) as string[]),
    since: row.created_at,
  };
}
