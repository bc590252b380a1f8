import type { DataSubjectRequest } from './request-types.ts';
import { dueState } from './due-state.ts';

const LABEL = { overdue: 'Overdue', soon: 'Due soon' } as const;

/** A request's due date, coloured and labelled when it is due soon or overdue (the word, not only the colour). */
export function DueDate({ request }: { readonly request: Pick<DataSubjectRequest, 'status' | 'dueAt'> }) {
  const state = dueState(request, new Date());
  return (
    <span className={`due due-${state}`}>
      <time dateTime={request.dueAt}>{new Date(request.dueAt).toLocaleDateString()}</time>
      {(state === 'overdue' || state === 'soon') && (
        <span className={`badge badge-due-${state}`}>{LABEL[state]}</span>
      )}
    </span>
  );
}
