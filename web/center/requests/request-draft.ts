import type { Jurisdiction, RestrictionGround } from '../../../src/requests/request-vocabulary.ts';
import type { FormProblem } from '../../shared/error-summary.tsx';
import type { CenterLanguage } from '../i18n/languages.ts';
import type { Messages } from '../i18n/messages-en.ts';
import type { CenterRequestType } from '../rights.ts';

/** One thing the person wants corrected, in their own words. */
export interface CorrectionDraft {
  readonly field: string;
  readonly value: string;
}

/** Everything typed into a request form so far. */
export interface RequestDraft {
  readonly type: CenterRequestType;
  readonly email: string;
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly note: string;
  readonly ground: RestrictionGround | null;
  readonly purposes: readonly string[];
  readonly corrections: readonly CorrectionDraft[];
  readonly portabilityTarget: 'self' | 'controller';
  readonly endpoint: string;
}

/** A fresh form for a request type. */
export function emptyDraft(type: CenterRequestType): RequestDraft {
  return {
    type,
    email: '',
    name: '',
    jurisdiction: type === 'opt_out_sale' ? 'ccpa' : 'gdpr',
    note: '',
    ground: null,
    purposes: [],
    corrections: [{ field: '', value: '' }],
    portabilityTarget: 'self',
    endpoint: '',
  };
}

// Deliberately loose: the code sent there is the real check; this only catches slips such as a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems with a draft, in the order of the fields on the page. */
export function draftProblems(draft: RequestDraft, t: Messages): FormProblem[] {
  const problems: FormProblem[] = [];
  const email = draft.email.trim();
  if (email === '') problems.push({ fieldId: 'request-email', message: t.errors.emailMissing });
  else if (!EMAIL.test(email)) problems.push({ fieldId: 'request-email', message: t.errors.emailInvalid });
  if (draft.type === 'restriction' && draft.ground === null) {
    problems.push({ fieldId: 'request-ground', message: t.errors.groundMissing });
  }
  if (draft.type === 'objection' && draft.purposes.length === 0 && draft.note.trim() === '') {
    problems.push({ fieldId: 'request-purposes', message: t.errors.purposesMissing });
  }
  if (draft.type === 'rectification') {
    draft.corrections.forEach((correction, index) => {
      const empty = correction.field.trim() === '' || correction.value.trim() === '';
      if (empty && (index === 0 || correction.field.trim() !== '' || correction.value.trim() !== '')) {
        const fieldId =
          correction.field.trim() === '' ? `correction-field-${index}` : `correction-value-${index}`;
        problems.push({ fieldId, message: t.errors.correctionMissing });
      }
    });
  }
  if (draft.type === 'portability' && draft.portabilityTarget === 'controller') {
    if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(draft.endpoint.trim())) {
      problems.push({ fieldId: 'request-endpoint', message: t.errors.endpointInvalid });
    }
  }
  return problems;
}

/** The body of POST /api/public/requests for a valid draft. */
export function requestBody(draft: RequestDraft, language: CenterLanguage): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const note = draft.note.trim();
  if (note !== '') details.note = note;
  if (draft.type === 'restriction' && draft.ground !== null) details.restrictionGround = draft.ground;
  if (draft.type === 'objection' && draft.purposes.length > 0)
    details.objectionPurposes = [...draft.purposes];
  if (draft.type === 'rectification') {
    const corrections: Record<string, string> = {};
    for (const { field, value } of draft.corrections) {
      if (field.trim() !== '' && value.trim() !== '') corrections[field.trim()] = value.trim();
    }
    details.corrections = corrections;
  }
  if (draft.type === 'portability' && draft.portabilityTarget === 'controller') {
    details.portabilityTarget = draft.endpoint.trim();
  }
  const name = draft.name.trim();
  return {
    type: draft.type,
    email: draft.email.trim(),
    ...(name === '' ? {} : { name }),
    language,
    jurisdiction: draft.jurisdiction,
    ...(Object.keys(details).length === 0 ? {} : { details }),
  };
}
