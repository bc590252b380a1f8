import { Type, type Static } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { getRecipient, listRecipients } from '../../datamap/recipients/recipient-repository.ts';
import { PrivetError } from '../../domain/errors.ts';
import { requireEndpointRow } from '../endpoint-repository.ts';
import type { WebhookDeps } from '../webhook-deps.ts';

/** How one recipient is told: by its webhook endpoint when set, else by email; `language` picks the template. */
export const RecipientChannelSchema = Type.Object({
  recipientKey: Type.String(),
  recipientName: Type.String(),
  endpointId: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.Literal('en'), Type.Literal('de')]),
});
export type RecipientChannel = Static<typeof RecipientChannelSchema>;

/** What an admin sets for a recipient. */
export const RecipientChannelInputSchema = Type.Object({
  endpointId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  email: Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]),
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('de')], { default: 'en' })),
});
export type RecipientChannelInput = Static<typeof RecipientChannelInputSchema>;

/** Every data-map recipient with its Art. 19 channel (both null when none is set). */
export async function listRecipientChannels(deps: Pick<WebhookDeps, 'store'>): Promise<RecipientChannel[]> {
  const db = deps.store.db;
  const recipients = await listRecipients(db);
  const channels = await db.selectFrom('art19_recipient_channels').selectAll().execute();
  return recipients.map((r) => {
    const channel = channels.find((c) => c.recipient_key === r.key);
    return {
      recipientKey: r.key,
      recipientName: r.name,
      endpointId: channel?.endpoint_id ?? null,
      email: channel?.email ?? null,
      language: channel?.language === 'de' ? 'de' : 'en',
    };
  });
}

/** Sets how a recipient is told; the endpoint must exist. Audited. */
export async function setRecipientChannel(
  deps: WebhookDeps,
  recipientKey: string,
  input: RecipientChannelInput,
  actor: string,
): Promise<RecipientChannel> {
  return deps.store.transaction(async (trx) => {
    const recipient = await getRecipient(trx, recipientKey);
    if (!recipient) throw new PrivetError('not_found', `No recipient ${recipientKey}`);
    if (input.endpointId !== null) await requireEndpointRow(trx, input.endpointId);
    const row = {
      recipient_key: recipientKey,
      endpoint_id: input.endpointId,
      email: input.email,
      language: input.language ?? 'en',
      updated_at: deps.clock.now().toISOString(),
    };
    await trx.deleteFrom('art19_recipient_channels').where('recipient_key', '=', recipientKey).execute();
    await trx.insertInto('art19_recipient_channels').values(row).execute();
    const after = {
      recipientKey,
      recipientName: recipient.name,
      endpointId: row.endpoint_id,
      email: row.email,
      language: row.language === 'de' ? ('de' as const) : ('en' as const),
    };
    await appendAudit(
      deps,
      {
        actor,
        action: 'webhooks.art19_channel.set',
        target: `recipient:${recipientKey}`,
        details: { after },
      },
      trx,
    );
    return after;
  });
}
