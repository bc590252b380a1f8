import { useLocation } from '../../shared/use-location.ts';
import '../operations.css';
import { OutboxDetail } from './outbox-detail.tsx';
import { OutboxList } from './outbox-list.tsx';
import { outboxFiltersOf } from './outbox-query.ts';

const BASE = '/admin/outbox';

function decodedId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape: ask for it as it stands, and let the server say it does not exist.
    return segment;
  }
}

/** The outbox section: the list at /admin/outbox, one message at /admin/outbox/{id}. */
export function OutboxPage() {
  const { pathname, query } = useLocation();
  if (pathname.startsWith(`${BASE}/`)) {
    const id = decodedId(pathname.slice(BASE.length + 1));
    // key: another message is a fresh page, not an update of the one shown.
    return <OutboxDetail key={id} id={id} />;
  }
  return <OutboxList filters={outboxFiltersOf(query)} />;
}
