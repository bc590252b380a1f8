import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { DateTime } from '../date-time.tsx';
import { useApiGet } from '../use-api-get.ts';
import { MailHeaders } from './mail-headers.tsx';
import { MailHtmlPreview } from './mail-html-preview.tsx';
import type { OutboxMessage } from './outbox-message.ts';
import { OutboxStatusBadge } from './outbox-status-badge.tsx';

/** One outbox message: its envelope and delivery, its headers, and both bodies. */
export function OutboxDetail({ id }: { readonly id: string }) {
  const { data: message, error } = useApiGet<OutboxMessage>(`/api/admin/outbox/${encodeURIComponent(id)}`);
  const back = (
    <p className="back-link">
      <Link to="/admin/outbox">← Back to the outbox</Link>
    </p>
  );

  if (message === null) {
    return (
      <>
        {back}
        <PageHeading title="Message" titleSuffix="Privet admin" />
        {error === null ? (
          <p className="status" role="status">
            Loading…
          </p>
        ) : (
          <p className="alert" role="alert">
            The message could not be loaded: {error}
          </p>
        )}
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeading title={message.subject || '(no subject)'} titleSuffix="Privet admin" />
      <dl className="facts">
        <dt>From</dt>
        <dd>{message.from}</dd>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Status</dt>
        <dd>
          <OutboxStatusBadge status={message.status} />
          {message.attempts > 0 &&
            ` after ${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'}`}
        </dd>
        {message.error !== null && (
          <>
            <dt>Error</dt>
            <dd className="error-text">{message.error}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <DateTime value={message.createdAt} />
        </dd>
        <dt>Sent</dt>
        <dd>
          <DateTime value={message.sentAt} />
        </dd>
        <dt>Template</dt>
        <dd>
          <code>{message.template}</code> in <code>{message.locale}</code>
        </dd>
        <dt>Message-ID</dt>
        <dd>{message.messageId === null ? '—' : <code>{message.messageId}</code>}</dd>
        <dt>Outbox id</dt>
        <dd>
          <code>{message.id}</code>
        </dd>
      </dl>
      <section className="mail-part" aria-labelledby="mail-headers-heading">
        <h2 id="mail-headers-heading">Extra headers</h2>
        <MailHeaders headers={message.headers} />
      </section>
      <section className="mail-part" aria-labelledby="mail-text-heading">
        <h2 id="mail-text-heading">Text body</h2>
        <pre className="mail-text" tabIndex={0} aria-labelledby="mail-text-heading">
          {message.text}
        </pre>
      </section>
      <section className="mail-part" aria-labelledby="mail-html-heading">
        <h2 id="mail-html-heading">HTML body</h2>
        {message.html.trim() === '' ? (
          <p className="status">This message has no HTML body.</p>
        ) : (
          <MailHtmlPreview html={message.html} />
        )}
      </section>
    </>
  );
}
