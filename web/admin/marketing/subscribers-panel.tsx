import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { DateTime } from '../date-time.tsx';
import { useApiGet } from '../use-api-get.ts';
import type { MarketingList, SubscriberPage, Subscription } from './marketing-list.ts';

export interface SubscribersPanelProps {
  readonly list: MarketingList;
  readonly canChange: boolean;
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

/** The addresses on one list (first 500) and, for operators, unsubscribing one on the person's instruction. */
export function SubscribersPanel({ list, canChange, onChanged, onClose }: SubscribersPanelProps) {
  const { api } = useAdmin();
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `/api/admin/marketing/lists/${encodeURIComponent(list.key)}/subscribers?limit=500`;
  const { data, loading, error, reload } = useApiGet<SubscriberPage>(path);
  const [target, setTarget] = useState<Subscription | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const subscribers = data?.subscribers ?? [];

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
          {loading && data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                subscribers.length === 0
                  ? 'Nobody is on this list yet.'
                  : `${subscribers.length} ${subscribers.length === 1 ? 'address' : 'addresses'}${
                      data?.next === null ? '' : ' (the first 500)'
                    }.`
              }`}
        </p>
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
