import type { SubjectType } from './consent-vocabulary.ts';

/** Whose consent: a person (by the id the organisation knows them by) or a browser/device. */
export interface ConsentSubject {
  readonly type: SubjectType;
  readonly id: string;
}
