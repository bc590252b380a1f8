import { outboxStatuses } from '../../../src/mail/mailer.ts';

/** A message's delivery status as a coloured label; `kept` means stored without SMTP, never to be sent. */
export function OutboxStatusBadge({ status }: { readonly status: string }) {
  const known = (outboxStatuses as readonly string[]).includes(status);
  return <span className={`badge ${known ? `badge-mail-${status}` : ''}`}>{status}</span>;
}
