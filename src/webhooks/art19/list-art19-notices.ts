import { Type, type Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

/** Where a notice stands: handed over (`delivered`/`sent`), still trying, given up, or never sent. */
export const NOTICE_OUTCOMES = ['delivered', 'pending', 'failed', 'not_sent', 'no_channel'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** One Art. 19 notice as staff see it. */
export const Art19NoticeSchema = Type.Object({
  recipientKey: Type.String(),
  recipientName: Type.String(),
  channel: Type.Union([Type.Literal('webhook'), Type.Literal('email'), Type.Literal('none')]),
  at: Type.String({ description: 'When the notice was recorded' }),
  outcome: Type.Enum(NOTICE_OUTCOMES),
  outcomeAt: Type.Union([Type.String(), Type.Null()], {
    description: 'When it was delivered, sent or given up',
  }),
  deliveryId: Type.Union([Type.String(), Type.Null()]),
  outboxId: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type Art19Notice = Static<typeof Art19NoticeSchema>;

function outcomeOf(status: string | null): NoticeOutcome {
  switch (status) {
    case 'delivered':
    case 'sent':
      return 'delivered';
    case 'pending':
    case 'queued':
      return 'pending';
    case 'failed':
      return 'failed';
    default:
      // `kept` mail (no SMTP configured) and cancelled deliveries never reached the recipient.
      return 'not_sent';
  }
}

/** The notices of one request with their current outcome, by recipient name. */
export async function listArt19Notices(db: Kysely<Database>, requestId: string): Promise<Art19Notice[]> {
  const rows = await db
    .selectFrom('art19_notices as n')
    .leftJoin('webhook_deliveries as d', 'd.id', 'n.delivery_id')
    .leftJoin('outbox as o', 'o.id', 'n.outbox_id')
    .select([
      'n.recipient_key',
      'n.recipient_name',
      'n.channel',
      'n.created_at',
      'n.delivery_id',
      'n.outbox_id',
      'd.status as delivery_status',
      'd.attempts as delivery_attempts',
      'd.last_error as delivery_error',
      'd.finished_at as delivery_finished_at',
      'o.status as mail_status',
      'o.attempts as mail_attempts',
      'o.error as mail_error',
      'o.sent_at as mail_sent_at',
    ])
    .where('n.request_id', '=', requestId)
    .orderBy('n.recipient_name')
    .orderBy('n.recipient_key')
    .execute();
  return rows.map((r) => {
    const email = r.channel === 'email';
    return {
      recipientKey: r.recipient_key,
      recipientName: r.recipient_name,
      channel: r.channel as Art19Notice['channel'],
      at: r.created_at,
      outcome: r.channel === 'none' ? 'no_channel' : outcomeOf(email ? r.mail_status : r.delivery_status),
      outcomeAt: (email ? r.mail_sent_at : r.delivery_finished_at) ?? null,
      deliveryId: r.delivery_id,
      outboxId: r.outbox_id,
      attempts: (email ? r.mail_attempts : r.delivery_attempts) ?? 0,
      lastError: (email ? r.mail_error : r.delivery_error) ?? null,
    };
  });
}
