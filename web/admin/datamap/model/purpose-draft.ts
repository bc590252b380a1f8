import type { Purpose } from '../datamap-types.ts';
import { withoutKeys } from '../without-keys.ts';

/** Everything a purpose form edits: the stored purpose without its key and timestamps. */
export type PurposeDraft = Omit<Purpose, 'key' | 'createdAt' | 'updatedAt'>;

/** The fields of a new purpose: what the server would default an omitted field to. */
export const emptyPurpose: PurposeDraft = {
  name: '',
  description: '',
  dataUse: '',
  systemKey: null,
  actingAs: 'controller',
  onBehalfOf: null,
  legalBasis: null,
  specialCategoryCondition: null,
  criminalOffenceAuthority: '',
  legitimateInterest: '',
  legitimateInterestAssessment: '',
  assessmentPublic: false,
  dataSubjects: [],
  dataCategories: [],
  retentionPeriod: null,
  retentionCriteria: '',
  retentionByCategory: [],
  recipientKeys: [],
  source: 'data_subject',
  sourceDescription: '',
  automatedDecisionMaking: false,
  automatedDecisionLogic: '',
  securityMeasures: '',
  consentRecord: '',
  internalNotes: '',
};

/** The names of the fields, to tell problems with them from problems with the whole request. */
export const purposeFieldNames: ReadonlySet<string> = new Set(['key', ...Object.keys(emptyPurpose)]);

/** The draft of a stored purpose: all its fields, so that saving replaces none of them by accident. */
export function purposeDraftOf(purpose: Purpose): PurposeDraft {
  return withoutKeys(purpose, ['key', 'createdAt', 'updatedAt']);
}

/** The body to send: the draft with blank optional text as the server's empty values. */
export function purposeBody(draft: PurposeDraft): PurposeDraft {
  return {
    ...draft,
    name: draft.name.trim(),
    retentionPeriod:
      draft.retentionPeriod === null || draft.retentionPeriod.trim() === ''
        ? null
        : draft.retentionPeriod.trim(),
  };
}
