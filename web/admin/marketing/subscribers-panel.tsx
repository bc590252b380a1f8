import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { DateTime } from '../date-time.tsx';
import { useCursorPages, type CursorPage } from '../use-cursor-pages.ts';
import type { MarketingList, SubscriberPage, Subscription } from './marketing-list.ts';

export interface SubscribersPanelProps {
  readonly list: MarketingList;
  readonly canChange: boolean;
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

// Addresses per page; "Show more" reads the next page after the last address shown.
const PAGE_SIZE = 200;
const pickPage = (page: SubscriberPage): CursorPage<Subscription> => ({
  items: page.subscribers,
  next: page.next,
});

/**
 * The addresses on one list, a page at a time and searchable by part of the address (lists of any size),
 * and, for operators, unsubscribing one on the person's instruction.
 */
export function SubscribersPanel({ list, canChange, onChanged, onClose }: SubscribersPanelProps) {
  const { api } = useAdmin();
  const heading = useRef<HTMLHeadingElement>(null);
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const pathFor = useCallback(
    (after: string | null) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (applied !== '') query.set('q', applied);
      if (after !== null) query.set('after', after);
      return `/api/admin/marketing/lists/${encodeURIComponent(list.key)}/subscribers?${query.toString()}`;
    },
    [list.key, applied],
  );
  const { items: subscribers, next, loading, error, loadMore, reload } = useCursorPages(pathFor, pickPage);
  const [target, setTarget] = useState<Subscription | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function find(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setDone(null);
    setApplied(search.trim());
  }

  useEffect(() => heading.current?.focus(), [list.key]);

  function ask(subscription: Subscription): void {
    setReason('');
    setActionError(null);
    setTarget(subscription);
  }

  async function unsubscribe(): Promise<void> {
    if (target === null) return;
    if (reason.trim() === '') {
      setActionError('Say why, such as “asked by phone on 3 May”: the consent record keeps it.');
      return;
    }
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`/api/admin/marketing/lists/${encodeURIComponent(list.key)}/unsubscribe`, {
        email: target.email,
        reason: reason.trim(),
      });
      setDone(`Unsubscribed ${target.email}.`);
      setTarget(null);
      reload();
      onChanged();
    } catch (failure) {
      setActionError(`The address was not unsubscribed: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-wide" aria-labelledby="subscribers-heading">
      <h2 id="subscribers-heading" ref={heading} tabIndex={-1}>
        Subscribers of {list.name}
      </h2>
      {error !== null && (
        <p className="alert" role="alert">
          The subscribers could not be loaded: {error}
        </p>
      )}
      <form className="filters" role="search" aria-label="Search the subscribers" onSubmit={find}>
        <div className="field">
          <label htmlFor="subscriber-search">Address contains</label>
          <input
            id="subscriber-search"
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <button className="button button-secondary button-small" type="submit">
          Search
        </button>
      </form>
      {subscribers.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Subscribers of {list.name}</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col">Asked</th>
                <th scope="col">Confirmed</th>
                <th scope="col">Unsubscribed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subscribers.map((subscription) => (
                <tr key={subscription.email}>
                  <th scope="row" className="row-heading">
                    {subscription.email}
                  </th>
                  <td>
                    <span className={`badge badge-subscription-${subscription.status}`}>
                      {subscription.status}
                    </span>
                  </td>
                  <td className="nowrap">
                    <DateTime value={subscription.requestedAt} />
                  </td>
                  <td className="nowrap">
                    <DateTime value={subscription.confirmedAt} />
                  </td>
                  <td className="nowrap">
                    <DateTime value={subscription.unsubscribedAt} />
                  </td>
                  <td className="actions-cell">
                    {canChange && subscription.status !== 'unsubscribed' && (
                      <button
                        className="button button-danger-quiet button-small"
                        type="button"
                        aria-label={`Unsubscribe ${subscription.email}`}
                        onClick={() => ask(subscription)}
                      >
                        Unsubscribe
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && subscribers.length === 0
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                subscribers.length === 0
                  ? applied === ''
                    ? 'Nobody is on this list yet.'
                    : `No address contains “${applied}”.`
                  : `${subscribers.length} ${subscribers.length === 1 ? 'address' : 'addresses'}${
                      next === null ? '' : ' shown, more to load'
                    }${applied === '' ? '' : ` containing “${applied}”`}.`
              }`}
        </p>
        {next !== null && (
          <button
            className="button button-secondary button-small"
            type="button"
            disabled={loading}
            onClick={loadMore}
          >
            Show more
          </button>
        )}
        <button className="button button-secondary button-small" type="button" onClick={onClose}>
          Close subscribers
        </button>
      </div>
      <ConfirmDialog
        open={target !== null}
        title={`Unsubscribe ${target?.email ?? ''}?`}
        confirmLabel="Unsubscribe"
        busy={busy}
        error={actionError}
        onConfirm={() => void unsubscribe()}
        onCancel={() => setTarget(null)}
      >
        <p>
          The address gets no more mail from {list.name}, and its consent to the purpose{' '}
          <code>{list.purposeKey}</code> is withdrawn in the consent record.
        </p>
        <div className="field">
          <label htmlFor="unsubscribe-reason">Reason</label>
          <input
            id="unsubscribe-reason"
            type="text"
            autoComplete="off"
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      </ConfirmDialog>
    </section>
  );
}
