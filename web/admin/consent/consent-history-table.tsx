import { DateTime } from '../date-time.tsx';
import type { ConsentEventView } from './consent-record.ts';
import { receiptPath } from './consent-record.ts';

/** Ledger events, newest first: each choice as it was recorded, with where it came from. */
export function ConsentHistoryTable({ events }: { readonly events: readonly ConsentEventView[] }) {
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="consent-history">
        <caption className="visually-hidden">Consent history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Purpose</th>
            <th scope="col">Choice</th>
            <th scope="col">Method</th>
            <th scope="col">Notice</th>
            <th scope="col">Network, browser</th>
            <th scope="col">Receipt</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-seq={event.seq}>
              <td className="nowrap">
                <DateTime value={event.at} />
              </td>
              <th scope="row" className="row-heading nowrap">
                <code>{event.purposeKey}</code>
                {event.categoryKey !== null && event.categoryKey !== event.purposeKey && (
                  <> ({event.categoryKey})</>
                )}
              </th>
              <td>
                <span className={`badge badge-consent-${event.action}`}>{event.action}</span>
                {event.gpc && <> · GPC</>}
                {event.personId !== null && !event.personVerified && <> · unverified person id</>}
              </td>
              <td>{event.method}</td>
              <td className="nowrap">{event.noticeVersion}</td>
              <td>
                {[event.ipTruncated, event.userAgentFamily].filter((part) => part !== null).join(', ') || '—'}
              </td>
              <td>
                <a href={receiptPath(event.id)} target="_blank" rel="noreferrer">
                  JSON<span className="visually-hidden"> receipt of event {event.seq}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
