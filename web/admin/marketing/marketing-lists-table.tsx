import type { MarketingListList } from './marketing-list.ts';

type ListRow = MarketingListList['lists'][number];

export interface MarketingListsTableProps {
  readonly lists: readonly ListRow[];
  readonly canChange: boolean;
  readonly onEdit: (list: ListRow) => void;
  readonly onShowSubscribers: (list: ListRow) => void;
}

/** Marketing lists with their purpose and how many addresses are pending, active or gone. */
export function MarketingListsTable({
  lists,
  canChange,
  onEdit,
  onShowSubscribers,
}: MarketingListsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Marketing lists</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Purpose</th>
            <th scope="col">Public</th>
            <th scope="col">Pending</th>
            <th scope="col">Active</th>
            <th scope="col">Unsubscribed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lists.map((list) => (
            <tr key={list.key} data-key={list.key}>
              <th scope="row" className="row-heading">
                {list.name}
              </th>
              <td>
                <code>{list.key}</code>
              </td>
              <td>
                <code>{list.purposeKey}</code>
              </td>
              <td>{list.public ? 'yes' : 'no'}</td>
              <td>{list.subscribers.pending}</td>
              <td>{list.subscribers.active}</td>
              <td>{list.subscribers.unsubscribed}</td>
              <td className="actions-cell">
                <button
                  className="button button-secondary button-small"
                  type="button"
                  aria-label={`Subscribers of ${list.name}`}
                  onClick={() => onShowSubscribers(list)}
                >
                  Subscribers
                </button>{' '}
                {canChange && (
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`Edit the list ${list.name}`}
                    onClick={() => onEdit(list)}
                  >
                    Edit
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
