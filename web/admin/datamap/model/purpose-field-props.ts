import type { FieldIssues } from '../../field-issues.ts';
import type { PurposeDraft } from './purpose-draft.ts';

/** What each group of the purpose form gets: the draft, a way to change it, and the server's verdict. */
export interface PurposeFieldProps {
  readonly draft: PurposeDraft;
  readonly set: (change: Partial<PurposeDraft>) => void;
  readonly issues: FieldIssues;
}
