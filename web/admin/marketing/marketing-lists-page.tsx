import { useState } from 'react';
import { roleAllows } from '../../../src/domain/roles.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useSession } from '../admin-context.ts';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import type { MarketingList, MarketingListList } from './marketing-list.ts';
import { MarketingListForm } from './marketing-list-form.tsx';
import { MarketingListsTable } from './marketing-lists-table.tsx';
import { SubscribersPanel } from './subscribers-panel.tsx';

/** Marketing lists: what each is for, who is on it, and (operators) creating, editing and unsubscribing. */
export function MarketingListsPage() {
  const session = useSession();
  const canChange = roleAllows(session.user.role, 'operator');
  const { data, loading, error, reload } = useApiGet<MarketingListList>('/api/admin/marketing/lists');
  const [editing, setEditing] = useState<MarketingList | null>(null);
  const [showing, setShowing] = useState<MarketingList | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const lists = data?.lists ?? [];

  function saved(list: MarketingList, created: boolean): void {
    setDone(created ? `Created the list ${list.name}.` : `Saved the list ${list.name}.`);
    setEditing(null);
    if (showing?.key === list.key) setShowing(list);
    reload();
  }

  return (
    <>
      <PageHeading title="Marketing lists" titleSuffix="Privet admin" />
      <p className="lead">
        Each list is tied to a consent purpose: subscribing (after the person confirms by mail) records
        consent, unsubscribing withdraws it.{' '}
        <Link to="/admin/marketing/campaigns">
          {canChange ? 'Send a campaign or make unsubscribe links' : 'See the campaigns'}
        </Link>
        .
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The lists could not be loaded: {error}
        </p>
      )}
      {lists.length > 0 && (
        <MarketingListsTable
          lists={lists}
          canChange={canChange}
          onEdit={(list) => {
            setDone(null);
            setEditing(list);
          }}
          onShowSubscribers={setShowing}
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                lists.length === 0
                  ? 'There are no marketing lists yet.'
                  : `${lists.length} ${lists.length === 1 ? 'list' : 'lists'}.`
              }`}
        </p>
      </div>
      {showing !== null && (
        <SubscribersPanel
          key={showing.key}
          list={showing}
          canChange={canChange}
          onChanged={reload}
          onClose={() => setShowing(null)}
        />
      )}
      {canChange && (
        <MarketingListForm
          key={editing?.key ?? ''}
          editing={editing}
          onSaved={saved}
          onCancelEdit={() => setEditing(null)}
        />
      )}
    </>
  );
}
