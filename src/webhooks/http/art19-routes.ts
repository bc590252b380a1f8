import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { getRequest } from '../../requests/read-request.ts';
import { readRequestByStatusToken } from '../../requests/status/read-request-by-status-token.ts';
import { Art19NoticeSchema, listArt19Notices, NOTICE_OUTCOMES } from '../art19/list-art19-notices.ts';
import {
  listRecipientChannels,
  RecipientChannelInputSchema,
  RecipientChannelSchema,
  setRecipientChannel,
} from '../art19/recipient-channels.ts';
import type { WebhookDeps } from '../webhook-deps.ts';

const tags = ['requests'];

/** What the person sees about each recipient told of their request. */
const PublicNoticeSchema = Type.Object({
  recipient: Type.String({ description: 'The recipient as the privacy notice names it' }),
  channel: Type.Union([Type.Literal('webhook'), Type.Literal('email'), Type.Literal('none')]),
  notifiedAt: Type.String(),
  outcome: Type.Enum(NOTICE_OUTCOMES),
});

/**
 * Art. 19: each recipient's channel (admin), the notices of a request (staff), and for the person, behind
 * their status token, which recipients were told.
 */
export async function registerArt19Routes(app: PrivetApp, appDeps: AppDeps): Promise<void> {
  const deps: WebhookDeps = {
    store: appDeps.store,
    clock: appDeps.clock,
    config: appDeps.config,
    queue: appDeps.queue,
  };

  app.get(
    '/api/admin/art19/recipients',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Every data-map recipient with how it is told of rectifications, erasures and restrictions',
        tags,
        response: { 200: Type.Object({ recipients: Type.Array(RecipientChannelSchema) }) },
      },
    },
    async () => ({ recipients: await listRecipientChannels(deps) }),
  );

  app.put(
    '/api/admin/art19/recipients/:key',
    {
      config: { role: 'admin' },
      schema: {
        summary: "Set a recipient's Art. 19 channel: a webhook endpoint, else an email address",
        tags,
        params: Type.Object({ key: Type.String({ maxLength: 200 }) }),
        body: RecipientChannelInputSchema,
        response: { 200: RecipientChannelSchema },
      },
    },
    async (request) =>
      setRecipientChannel(deps, request.params.key, request.body, principalOf(request).actor),
  );

  app.get(
    '/api/admin/requests/:id/recipient-notices',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The Art. 19 notices of a request: recipient, channel, time and outcome',
        tags,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ notices: Type.Array(Art19NoticeSchema) }) },
      },
    },
    async (request) => {
      if ((await getRequest(deps, request.params.id)) === undefined) {
        throw new PrivetError('not_found', `No request ${request.params.id}`);
      }
      return { notices: await listArt19Notices(deps.store.db, request.params.id) };
    },
  );

  app.get(
    '/api/public/request-status/recipients',
    {
      schema: {
        summary: 'Which recipients were told of the request (Art. 19), for the holder of its status token',
        tags,
        headers: Type.Object({ 'x-request-token': Type.Optional(Type.String({ maxLength: 300 })) }),
        response: { 200: Type.Object({ recipients: Type.Array(PublicNoticeSchema) }) },
      },
    },
    async (request) => {
      const token = request.headers['x-request-token'] ?? '';
      const found = await readRequestByStatusToken(deps, token);
      const notices = await listArt19Notices(deps.store.db, found.id);
      return {
        recipients: notices.map((n) => ({
          recipient: n.recipientName,
          channel: n.channel,
          notifiedAt: n.at,
          outcome: n.outcome,
        })),
      };
    },
  );
}
