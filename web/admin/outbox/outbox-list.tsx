import { useCallback } from 'react';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useCursorPages, type CursorPage } from '../use-cursor-pages.ts';
import { OutboxFilterForm } from './outbox-filter-form.tsx';
import type { OutboxFilters, OutboxMessage, OutboxPage } from './outbox-message.ts';
import { outboxPagePath, outboxQuery } from './outbox-query.ts';
import { OutboxTable } from './outbox-table.tsx';

function pickMessages(page: OutboxPage): CursorPage<OutboxMessage> {
  return { items: page.messages, next: page.next };
}

/** The outbox list; its filters live in the address, so that back from a message returns to them. */
export function OutboxList({ filters }: { readonly filters: OutboxFilters }) {
  const { status, to } = filters;
  const pathFor = useCallback((before: string | null) => outboxQuery({ status, to }, before), [status, to]);
  const { items, next, loading, error, loadMore } = useCursorPages(pathFor, pickMessages);
  const filtered = status !== '' || to !== '';

  return (
    <>
      <PageHeading title="Outbox" titleSuffix="Privet admin" />
      <p className="lead">
        Every message Privet wrote, newest first: sent, waiting, failed, or kept when no SMTP server is set
        up.
      </p>
      {/* key: the form starts over when the address changes its filters (back, forward, Clear). */}
      <OutboxFilterForm
        key={outboxPagePath(filters)}
        applied={filters}
        onApply={(chosen) => navigate(outboxPagePath(chosen))}
      />
      {error !== null && (
        <p className="alert" role="alert">
          The outbox could not be loaded: {error}
        </p>
      )}
      {items.length > 0 && <OutboxTable messages={items} />}
      <div className="table-footer">
        <p className="status" role="status">
          {loading
            ? 'Loading…'
            : items.length === 0
              ? filtered
                ? 'No messages match these filters.'
                : 'The outbox is empty.'
              : `Showing ${items.length} ${items.length === 1 ? 'message' : 'messages'}${next === null ? '' : ' so far'}.`}
        </p>
        {next !== null && (
          <button className="button button-secondary" type="button" onClick={loadMore} disabled={loading}>
            Load more
          </button>
        )}
      </div>
    </>
  );
}
