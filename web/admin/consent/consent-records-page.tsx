import { useCallback } from 'react';
import { roleAllows } from '../../../src/domain/roles.ts';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLocation } from '../../shared/use-location.ts';
import { useSession } from '../admin-context.ts';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { useCursorPages, type CursorPage } from '../use-cursor-pages.ts';
import { ConsentHistoryTable } from './consent-history-table.tsx';
import { ConsentInstructionForm } from './consent-instruction-form.tsx';
import { ConsentLookupForm } from './consent-lookup-form.tsx';
import type {
  ConsentEventView,
  ConsentHistoryAnswer,
  ConsentStateAnswer,
  ConsentSubjectQuery,
} from './consent-record.ts';
import { consentPagePath, subjectOfQuery, subjectParams } from './consent-record.ts';
import { ConsentStateTable } from './consent-state-table.tsx';
import { ConsentStatsPanel } from './consent-stats-panel.tsx';
import { LedgerVerifyPanel } from './ledger-verify-panel.tsx';

// Events per page of the history; "Show more" reads the next page before the last event shown.
const HISTORY_PAGE_SIZE = 50;
const pickHistory = (page: ConsentHistoryAnswer): CursorPage<ConsentEventView> => ({
  items: page.events,
  next: page.next === null ? null : String(page.next),
});

function describe(subject: ConsentSubjectQuery): string {
  return `${subject.type === 'device' ? 'device' : 'person'} ${subject.id}`;
}

/** Whose records to show comes from the address (?deviceId= or ?personId=), so a lookup can be linked. */
export function ConsentRecordsPage() {
  const session = useSession();
  const { query } = useLocation();
  const subject = subjectOfQuery(query);
  const key = subject === undefined ? '' : consentPagePath(subject);
  return (
    <>
      <PageHeading title="Consent records" titleSuffix="Privet admin" />
      <p className="lead">
        What a person or a browser chose, purpose by purpose, with every recorded change and its receipt: the
        proof of consent the GDPR asks for (Art. 7(1)).
      </p>
      <ConsentLookupForm key={key} shown={subject} onFind={(found) => navigate(consentPagePath(found))} />
      {subject === undefined ? (
        <ConsentStatsPanel />
      ) : (
        <SubjectRecords key={key} subject={subject} canRecord={roleAllows(session.user.role, 'operator')} />
      )}
      {roleAllows(session.user.role, 'admin') && <LedgerVerifyPanel />}
    </>
  );
}

interface SubjectRecordsProps {
  readonly subject: ConsentSubjectQuery;
  /** Operators record a person's instruction; a browser's choices come only from its banner. */
  readonly canRecord: boolean;
}

function SubjectRecords({ subject, canRecord }: SubjectRecordsProps) {
  const params = subjectParams(subject).toString();
  const state = useApiGet<ConsentStateAnswer>(`/api/admin/consent/state?${params}`);
  const pathFor = useCallback(
    (before: string | null) =>
      `/api/admin/consent/history?${params}&limit=${HISTORY_PAGE_SIZE}${before === null ? '' : `&before=${before}`}`,
    [params],
  );
  const history = useCursorPages(pathFor, pickHistory);
  const purposes = state.data?.purposes ?? [];
  const { reload: reloadState } = state;
  const { reload: reloadHistory } = history;
  const recorded = useCallback(() => {
    reloadState();
    reloadHistory();
  }, [reloadState, reloadHistory]);
  const events = history.items;
  return (
    <>
      <section aria-labelledby="consent-state-heading">
        <h2 id="consent-state-heading">Current consent of {describe(subject)}</h2>
        {state.error !== null && (
          <p className="alert" role="alert">
            The current consent could not be loaded: {state.error}
          </p>
        )}
        {purposes.length > 0 && <ConsentStateTable purposes={purposes} />}
        <p className="status" role="status">
          {state.loading && state.data === null
            ? 'Loading…'
            : purposes.length === 0
              ? 'No consent is recorded for this subject.'
              : `${purposes.length} ${purposes.length === 1 ? 'purpose' : 'purposes'}.`}
        </p>
      </section>
      <section aria-labelledby="consent-history-heading">
        <h2 id="consent-history-heading">History</h2>
        {history.error !== null && (
          <p className="alert" role="alert">
            The history could not be loaded: {history.error}
          </p>
        )}
        {events.length > 0 && <ConsentHistoryTable events={events} />}
        <div className="table-footer">
          <p className="status" role="status">
            {history.loading && events.length === 0
              ? 'Loading…'
              : events.length === 0
                ? 'No events.'
                : `${events.length} ${events.length === 1 ? 'event' : 'events'}${
                    history.next === null ? '' : ' shown, more to load'
                  }.`}
          </p>
          {history.next !== null && (
            <button
              className="button button-secondary button-small"
              type="button"
              disabled={history.loading}
              onClick={history.loadMore}
            >
              Show more
            </button>
          )}
        </div>
      </section>
      {canRecord && subject.type === 'person' && (
        <ConsentInstructionForm personId={subject.id} onRecorded={recorded} />
      )}
    </>
  );
}
