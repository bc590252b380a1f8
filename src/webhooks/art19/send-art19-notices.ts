import { listRecipients } from '../../datamap/recipients/recipient-repository.ts';
import { newId } from '../../domain/ids.ts';
import type { DataSubjectRequest } from '../../requests/data-subject-request.ts';
import { getRequest } from '../../requests/read-request.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import { enqueueMailDelivery } from '../../mail/send-mail.ts';
import { emitWebhookEvent, startDeliveries } from '../emit-webhook-event.ts';
import type { DeliveryPolicy } from '../webhook-deps.ts';
import { ART19_EVENT_KIND, type Art19Deps } from './art19-deps.ts';

/** How many recipients were newly told, by channel. */
export interface Art19Result {
  readonly webhook: number;
  readonly email: number;
  readonly none: number;
}

/** What a recipient's webhook receives in `data`. */
function noticeData(request: DataSubjectRequest, recipientKey: string) {
  return {
    requestId: request.id,
    action: request.type,
    status: request.status,
    completedAt: request.completedAt,
    recipient: recipientKey,
    subject: {
      email: request.identity.email,
      ...(request.identity.name ? { name: request.identity.name } : {}),
    },
    ...(request.type === 'rectification' ? { corrections: request.details.corrections ?? {} } : {}),
    ...(request.type === 'restriction'
      ? { restrictionGround: request.details.restrictionGround ?? null }
      : {}),
  };
}

function correctionsText(request: DataSubjectRequest): string {
  const lines = Object.entries(request.details.corrections ?? {}).map(
    ([field, value]) => `${field}: ${value}`,
  );
  return lines.length > 0 ? lines.join('\n') : '-';
}

/**
 * Tells every data-map recipient not yet told about a completed rectification, erasure or restriction:
 * by a signed webhook to its endpoint, else by email, else records that it has no channel. One notice row per
 * request and recipient makes repeating this (a retried listener) send nothing twice.
 */
export async function sendArt19Notices(
  deps: Art19Deps & { readonly policy?: DeliveryPolicy },
  requestId: string,
  signal?: AbortSignal,
): Promise<Art19Result> {
  const request = await getRequest(deps, requestId);
  if (request === undefined) return { webhook: 0, email: 0, none: 0 };
  const db = deps.store.db;
  const recipients = await listRecipients(db);
  const done = await db
    .selectFrom('art19_notices')
    .select('recipient_key')
    .where('request_id', '=', requestId)
    .execute();
  const channels = await db.selectFrom('art19_recipient_channels').selectAll().execute();
  const liveEndpoints = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('enabled', '=', 1)
    .execute();
  const todo = recipients.filter((r) => !done.some((d) => d.recipient_key === r.key));
  const deliveryIds: string[] = [];
  const mails: string[] = [];
  const result = { webhook: 0, email: 0, none: 0 };
  await deps.store.transaction(async (trx) => {
    for (const recipient of todo) {
      signal?.throwIfAborted();
      const channel = channels.find((c) => c.recipient_key === recipient.key);
      const endpointId =
        channel?.endpoint_id != null && liveEndpoints.some((e) => e.id === channel.endpoint_id)
          ? channel.endpoint_id
          : null;
      const now = deps.clock.now();
      const notice = {
        id: newId('a19', now),
        request_id: requestId,
        recipient_key: recipient.key,
        recipient_name: recipient.name,
        channel: 'none',
        delivery_id: null as string | null,
        outbox_id: null as string | null,
        created_at: now.toISOString(),
      };
      if (endpointId !== null) {
        const emitted = await emitWebhookEvent(deps, trx, {
          kind: ART19_EVENT_KIND,
          data: noticeData(request, recipient.key),
          sourceKey: `art19:${requestId}:${recipient.key}`,
          endpointIds: [endpointId],
        });
        notice.channel = 'webhook';
        notice.delivery_id = emitted.deliveryIds[0] ?? null;
        deliveryIds.push(...emitted.deliveryIds);
      } else if (channel?.email) {
        const entry = await queueMail(
          deps,
          {
            to: channel.email,
            template: `art19-${request.type}`,
            locale: channel.language,
            data: {
              recipientName: recipient.name,
              subjectEmail: request.identity.email,
              requestId,
              completedAt: request.completedAt ?? now.toISOString(),
              corrections: correctionsText(request),
              restrictionGround: request.details.restrictionGround ?? '-',
            },
          },
          trx,
          signal,
        );
        notice.channel = 'email';
        notice.outbox_id = entry.id;
        if (entry.status === 'queued') mails.push(entry.id);
      }
      result[notice.channel as keyof Art19Result] += 1;
      await trx.insertInto('art19_notices').values(notice).execute();
    }
  });
  await startDeliveries(deps.queue, deliveryIds);
  const queue = deps.queue;
  if (queue !== undefined) {
    // The mail sweep sends these anyway; enqueuing only makes it sooner.
    for (const id of mails) await enqueueMailDelivery(queue, id).catch(() => undefined);
  }
  return result;
}
