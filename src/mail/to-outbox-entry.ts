import { PrivetError } from '../domain/errors.ts';
import type { Database } from '../store/schema.ts';
import { isOutboxStatus, type OutboxEntry } from './mailer.ts';

export type OutboxRow = Database['outbox'];

/** Maps an outbox row to the entry callers see; the headers column holds a JSON object. */
export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  if (!isOutboxStatus(row.status)) {
    throw new PrivetError('internal', `Outbox entry ${row.id} has an unknown status "${row.status}"`);
  }
  return {
    id: row.id,
    to: row.to_address,
    from: row.from_address,
    subject: row.subject,
    template: row.template,
    locale: row.locale,
    text: row.text_body,
    html: row.html_body,
    headers: parseHeaders(row.headers),
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    messageId: row.message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function parseHeaders(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  const headers: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
