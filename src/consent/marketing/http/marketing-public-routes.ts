import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import { normaliseLanguage } from '../../banner-texts.ts';
import { PreferenceViewSchema } from '../../preferences/preference-view.ts';
import { openPreferencesToken } from '../../preferences/preferences-token.ts';
import { readPreferences } from '../../preferences/read-preferences.ts';
import { requestPreferencesLink } from '../../preferences/request-preferences-link.ts';
import { updatePreferences } from '../../preferences/update-preferences.ts';
import { confirmSubscription } from '../confirm-subscription.ts';
import { listMarketingLists } from '../list-repository.ts';
import { ListKey, listText } from '../marketing-list.ts';
import { requestSubscription } from '../request-subscription.ts';

const tags = ['public', 'marketing'];
const Email = Type.String({ minLength: 3, maxLength: 254 });
const Token = Type.String({ minLength: 1, maxLength: 4096 });
// Lenient: an odd tag falls back to English instead of refusing the request.
const Lang = Type.Optional(Type.String({ maxLength: 64 }));
const Accepted = Type.Object({ status: Type.Literal('accepted'), message: Type.String() });
// Each of these sends a mail: a tighter limit than the default keeps the form from being used to flood a mailbox.
const MAILING_RATE = { max: 20, timeWindow: '1 minute' } as const;
const Choices = Type.Record(Type.String({ maxLength: 64 }), Type.Boolean(), { maxProperties: 100 });

/** The privacy center's marketing API: subscription forms, double opt-in confirmation, the preference portal. */
export async function registerMarketingPublicRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/public/marketing/lists',
    {
      schema: {
        summary: 'Lists offered on subscription forms, in the asked language',
        tags,
        querystring: Type.Object({ lang: Lang }),
        response: {
          200: Type.Object({
            lists: Type.Array(
              Type.Object({ key: Type.String(), name: Type.String(), description: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const lang = normaliseLanguage(request.query.lang);
      const lists = await listMarketingLists(deps.store.db, { publicOnly: true });
      return { lists: lists.map((l) => ({ key: l.key, ...listText(l, lang) })) };
    },
  );

  app.post(
    '/api/public/marketing/subscribe',
    {
      config: { rateLimit: MAILING_RATE },
      schema: {
        summary: 'Ask to subscribe (double opt-in): a confirmation mail is sent, nothing is active yet',
        description: 'Answers the same whether or not the address is already subscribed.',
        tags,
        body: Type.Object({ email: Email, list: ListKey, lang: Lang }),
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const { email, list, lang } = request.body;
      await requestSubscription(deps, {
        email,
        listKey: list,
        language: normaliseLanguage(lang),
        publicOnly: true,
      });
      return reply.status(202).send({
        status: 'accepted' as const,
        message: 'Check your mailbox: the subscription starts once you confirm it.',
      });
    },
  );

  app.post(
    '/api/public/marketing/confirm',
    {
      schema: {
        summary: 'Confirm a subscription with the token from the confirmation mail',
        tags,
        body: Type.Object({ token: Token, lang: Lang }),
        response: {
          200: Type.Object({
            status: Type.Literal('active'),
            list: Type.Object({ key: Type.String(), name: Type.String() }),
            alreadyConfirmed: Type.Boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await confirmSubscription(deps, request.body.token, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        language: normaliseLanguage(request.body.lang),
      });
      void reply.header('cache-control', 'no-store');
      return {
        status: 'active' as const,
        list: { key: result.listKey, name: result.listName },
        alreadyConfirmed: !result.changed,
      };
    },
  );

  app.post(
    '/api/public/preferences/link',
    {
      config: { rateLimit: MAILING_RATE },
      schema: {
        summary: 'Mail a link to the preference portal',
        description: 'Answers the same for known and unknown addresses; only known ones get a mail.',
        tags,
        body: Type.Object({ email: Email, lang: Lang }),
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await requestPreferencesLink(deps, {
        email: request.body.email,
        language: normaliseLanguage(request.body.lang),
      });
      return reply.status(202).send({
        status: 'accepted' as const,
        message: 'If we know this address, a link is on its way to it.',
      });
    },
  );

  app.post(
    '/api/public/preferences/read',
    {
      schema: {
        summary: 'The consents, subscriptions and history of the person the portal link was sent to',
        tags,
        body: Type.Object({ token: Token, lang: Lang }),
        response: { 200: PreferenceViewSchema },
      },
    },
    async (request, reply) => {
      const email = openPreferencesToken(deps, request.body.token);
      void reply.header('cache-control', 'no-store');
      return readPreferences(deps.store.db, email, normaliseLanguage(request.body.lang));
    },
  );

  app.post(
    '/api/public/preferences/update',
    {
      schema: {
        summary: 'Change consents and subscriptions; each change is a consent ledger event',
        tags,
        body: Type.Object({
          token: Token,
          lang: Lang,
          categories: Type.Optional(Choices),
          lists: Type.Optional(Choices),
          emailTracking: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({ eventIds: Type.Array(Type.String()), preferences: PreferenceViewSchema }),
        },
      },
    },
    async (request, reply) => {
      const { token, lang, categories, lists, emailTracking } = request.body;
      const email = openPreferencesToken(deps, token);
      const language = normaliseLanguage(lang);
      const eventIds = await updatePreferences(deps, email, {
        categories,
        lists,
        emailTracking,
        language,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      void reply.header('cache-control', 'no-store');
      return { eventIds, preferences: await readPreferences(deps.store.db, email, language) };
    },
  );
}
