import { DateTime } from '../date-time.tsx';
import type { ConsentStateEntry } from './consent-record.ts';
import { receiptPath } from './consent-record.ts';

/** The current choice per purpose: what a purpose decision reads. */
export function ConsentStateTable({ purposes }: { readonly purposes: readonly ConsentStateEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="consent-state">
        <caption className="visually-hidden">Current consent per purpose</caption>
        <thead>
          <tr>
            <th scope="col">Purpose</th>
            <th scope="col">Category</th>
            <th scope="col">Choice</th>
            <th scope="col">Method</th>
            <th scope="col">Notice</th>
            <th scope="col">Since</th>
            <th scope="col">Receipt</th>
          </tr>
        </thead>
        <tbody>
          {purposes.map((entry) => (
            <tr key={entry.purposeKey} data-purpose={entry.purposeKey}>
              <th scope="row" className="row-heading">
                <code>{entry.purposeKey}</code>
              </th>
              <td>{entry.categoryKey ?? '—'}</td>
              <td>
                <span className={`badge badge-consent-${entry.action}`}>{entry.action}</span>
              </td>
              <td>{entry.method}</td>
              <td>{entry.noticeVersion}</td>
              <td className="nowrap">
                <DateTime value={entry.at} />
              </td>
              <td>
                <a href={receiptPath(entry.eventId)} target="_blank" rel="noreferrer">
                  JSON<span className="visually-hidden"> receipt of the {entry.purposeKey} choice</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
