import { FINAL_STATUSES } from '../../../src/requests/request-vocabulary.ts';
import type { DataSubjectRequest } from './request-types.ts';

/** How many days before the due date a request counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** Where an open request stands against its deadline; `closed` once nothing more is owed. */
export type DueState = 'overdue' | 'soon' | 'on_time' | 'closed';

/** The deadline state of a request at `now`. */
export function dueState(request: Pick<DataSubjectRequest, 'status' | 'dueAt'>, now: Date): DueState {
  if ((FINAL_STATUSES as readonly string[]).includes(request.status)) return 'closed';
  const due = new Date(request.dueAt).getTime();
  if (due < now.getTime()) return 'overdue';
  if (due - now.getTime() <= DUE_SOON_DAYS * 24 * 60 * 60 * 1000) return 'soon';
  return 'on_time';
}
