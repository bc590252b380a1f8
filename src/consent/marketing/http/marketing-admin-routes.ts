import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import { principalOf } from '../../../http/auth-hook.ts';
import { getMarketingCampaign, listMarketingCampaigns } from '../campaign-repository.ts';
import { countSubscribers, listSubscribers } from '../list-subscribers.ts';
import { listMarketingLists, requireMarketingList, saveMarketingList } from '../list-repository.ts';
import { CampaignSchema } from '../marketing-campaign.ts';
import { ListKey, MarketingListInput, MarketingListSchema } from '../marketing-list.ts';
import { normaliseEmail } from '../normalise-email.ts';
import { INLINE_CAMPAIGN_LIMIT, sendMarketingCampaign } from '../send-marketing-campaign.ts';
import { staffUnsubscribe } from '../staff-unsubscribe.ts';
import { SubscriptionSchema, subscriptionStatuses } from '../subscription.ts';
import { unsubscribeLink } from '../unsubscribe-link.ts';

const tags = ['marketing'];
const KeyParams = Type.Object({ key: ListKey });
const Counts = Type.Object({ pending: Type.Integer(), active: Type.Integer(), unsubscribed: Type.Integer() });
const Email = Type.String({ minLength: 3, maxLength: 254 });
const HttpUrl = Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$' });

/** Staff routes: lists and their subscribers, one-click unsubscribe links for a company's own mailer, sends. */
export async function registerMarketingAdminRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/marketing/lists',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Marketing lists with subscriber counts',
        tags,
        response: {
          200: Type.Object({
            lists: Type.Array(Type.Intersect([MarketingListSchema, Type.Object({ subscribers: Counts })])),
          }),
        },
      },
    },
    async () => {
      const [lists, counts] = await Promise.all([
        listMarketingLists(deps.store.db),
        countSubscribers(deps.store.db),
      ]);
      const none = { pending: 0, active: 0, unsubscribed: 0 };
      return { lists: lists.map((l) => ({ ...l, subscribers: counts.get(l.key) ?? none })) };
    },
  );

  app.post(
    '/api/admin/marketing/lists',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Create a marketing list tied to a consent purpose',
        tags,
        body: Type.Intersect([Type.Object({ key: ListKey }), MarketingListInput]),
        response: { 201: MarketingListSchema },
      },
    },
    async (request, reply) => {
      const { key, ...input } = request.body;
      const saved = await saveMarketingList(deps, 'create', key, input, principalOf(request).actor);
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/admin/marketing/lists/:key',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One marketing list',
        tags,
        params: KeyParams,
        response: { 200: MarketingListSchema },
      },
    },
    async (request) => requireMarketingList(deps.store.db, request.params.key),
  );

  app.put(
    '/api/admin/marketing/lists/:key',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Replace a marketing list (past consent events keep their purpose)',
        tags,
        params: KeyParams,
        body: MarketingListInput,
        response: { 200: MarketingListSchema },
      },
    },
    async (request) =>
      saveMarketingList(deps, 'replace', request.params.key, request.body, principalOf(request).actor),
  );

  app.get(
    '/api/admin/marketing/lists/:key/subscribers',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Subscribers of a list by address, paged',
        tags,
        params: KeyParams,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(subscriptionStatuses)),
          q: Type.Optional(
            Type.String({ minLength: 1, maxLength: 254, description: 'Only addresses containing this text' }),
          ),
          after: Type.Optional(
            Type.String({ maxLength: 254, description: 'Cursor: the `next` of the previous page' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: {
          200: Type.Object({
            subscribers: Type.Array(SubscriptionSchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const list = await requireMarketingList(deps.store.db, request.params.key);
      return listSubscribers(deps.store.db, list.key, request.query);
    },
  );

  app.post(
    '/api/admin/marketing/lists/:key/unsubscribe',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Unsubscribe an address on the person’s instruction (recorded in the consent ledger)',
        tags,
        params: KeyParams,
        body: Type.Object({ email: Email, reason: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: {
          200: Type.Object({
            status: Type.Enum(subscriptionStatuses),
            changed: Type.Boolean(),
            eventId: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) =>
      staffUnsubscribe(
        deps,
        { listKey: request.params.key, email: request.body.email, reason: request.body.reason },
        principalOf(request).actor,
      ),
  );

  app.post(
    '/api/admin/marketing/lists/:key/send',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Send a message to every subscribed, confirmed address, with one-click unsubscribe headers',
        description:
          'Recipients whose purpose decision says no (objection, restriction, withdrawal, erasure) are skipped. ' +
          'Recipients who consented to e-mail tracking get an open pixel and a signed click redirect; ' +
          `everyone else gets plain links and no pixel. A list of at most ${INLINE_CAMPAIGN_LIMIT} recipients ` +
          'is sent before the answer (200, status `sent`); a larger one by a job (202, status `queued`): follow ' +
          'it at `GET /api/admin/marketing/campaigns/{campaign}`.',
        tags,
        params: KeyParams,
        body: Type.Object({
          subject: Type.String({ minLength: 1, maxLength: 200 }),
          text: Type.String({ minLength: 1, maxLength: 20_000 }),
          linkText: Type.String({ minLength: 1, maxLength: 200 }),
          linkUrl: HttpUrl,
          campaign: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
        }),
        response: { 200: CampaignSchema, 202: CampaignSchema },
      },
    },
    async (request, reply) => {
      const campaign = await sendMarketingCampaign(
        deps,
        { listKey: request.params.key, ...request.body },
        principalOf(request).actor,
        { queue: deps.queue },
      );
      return reply.status(campaign.status === 'sent' ? 200 : 202).send(campaign);
    },
  );

  app.get(
    '/api/admin/marketing/campaigns',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The latest campaigns, newest first, with their progress',
        tags,
        querystring: Type.Object({
          list: Type.Optional(ListKey),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Object({ campaigns: Type.Array(CampaignSchema) }) },
      },
    },
    async (request) => ({
      campaigns: await listMarketingCampaigns(deps.store.db, {
        listKey: request.query.list,
        limit: request.query.limit,
      }),
    }),
  );

  app.get(
    '/api/admin/marketing/campaigns/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One campaign and how far its sending got',
        tags,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: CampaignSchema },
      },
    },
    async (request) => getMarketingCampaign(deps.store.db, request.params.id),
  );

  app.post(
    '/api/admin/unsubscribe-links',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'One-click unsubscribe URL and headers (RFC 8058) for a mail your own mailer sends',
        description:
          'Put both headers into the message and sign it with DKIM covering them. The URL takes a POST with ' +
          'body `List-Unsubscribe=One-Click` and unsubscribes at once; a GET only shows a confirmation page.',
        tags,
        body: Type.Object({ email: Email, list: ListKey }),
        response: {
          200: Type.Object({
            url: Type.String(),
            headers: Type.Object({
              'List-Unsubscribe': Type.String(),
              'List-Unsubscribe-Post': Type.String(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const list = await requireMarketingList(deps.store.db, request.body.list);
      // Not audited: a link changes nothing, and a mailer asks for one per recipient of every mail.
      return unsubscribeLink(deps, deps.store.db, normaliseEmail(request.body.email), list.key);
    },
  );
}
