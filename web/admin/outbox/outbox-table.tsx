import { Link } from '../../shared/link.tsx';
import { DateTime } from '../date-time.tsx';
import type { OutboxMessage } from './outbox-message.ts';
import { OutboxStatusBadge } from './outbox-status-badge.tsx';

/** Outbox messages, newest first; the subject opens the message. */
export function OutboxTable({ messages }: { readonly messages: readonly OutboxMessage[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Outbox messages, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Template</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} data-id={message.id}>
              <td className="nowrap">
                <DateTime value={message.createdAt} />
              </td>
              <td>{message.to}</td>
              <td>
                <Link to={`/admin/outbox/${encodeURIComponent(message.id)}`}>
                  {message.subject || '(no subject)'}
                </Link>
              </td>
              <td className="nowrap">
                <code>
                  {message.template}/{message.locale}
                </code>
              </td>
              <td>
                <OutboxStatusBadge status={message.status} />
              </td>
              <td className="numeric">{message.attempts}</td>
              <td className="nowrap">
                <DateTime value={message.sentAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
