import type { FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isPrivetError, PrivetError } from '../../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import { oneClickUnsubscribe, openUnsubscribeToken } from '../one-click-unsubscribe.ts';
import { listText } from '../marketing-list.ts';
import { parseMultipart, parseUrlEncoded } from './parse-form-body.ts';
import {
  invalidLinkPage,
  unsubscribedPage,
  unsubscribeLanguage,
  unsubscribeQuestionPage,
} from './unsubscribe-page.ts';

const tags = ['public', 'marketing'];
const Params = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const Html = { content: { 'text/html': { schema: Type.String() } } };
const OneClickBody = Type.Object({ 'List-Unsubscribe': Type.Literal('One-Click') });
// The one-click body is 26 bytes; anything much larger is not a mail client's POST.
const BODY_LIMIT = 4096;

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  // No caching and no referrer: the URL holds the token.
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * One-click unsubscribe at /u/<token> (RFC 8058): a POST with `List-Unsubscribe=One-Click`, urlencoded or
 * multipart, unsubscribes at once and answers 200 without a redirect or cookie, the same every time; a GET
 * only shows a page with a button, because mail scanners fetch links without anyone asking.
 */
export async function registerUnsubscribeRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, parseUrlEncoded(body as string)),
    );
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (request, body, done) => {
        try {
          done(null, parseMultipart(body as Buffer, request.headers['content-type'] ?? ''));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

    scope.get(
      '/u/:token',
      {
        schema: {
          summary: 'Unsubscribe page: asks before unsubscribing (a GET changes nothing)',
          tags,
          params: Params,
          response: { 200: Html, 404: Html },
        },
      },
      async (request, reply) => {
        const lang = unsubscribeLanguage(request.headers['accept-language']);
        try {
          const { list } = await openUnsubscribeToken(deps, request.params.token);
          const action = `/u/${request.params.token}`;
          return sendHtml(reply, 200, unsubscribeQuestionPage(lang, listText(list, lang).name, action));
        } catch (error) {
          if (isPrivetError(error, 'not_found')) return sendHtml(reply, 404, invalidLinkPage(lang));
          throw error;
        }
      },
    );

    scope.post(
      '/u/:token',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          summary: 'One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click; idempotent',
          tags,
          params: Params,
          body: {
            content: {
              'application/x-www-form-urlencoded': { schema: OneClickBody },
              'multipart/form-data': { schema: OneClickBody },
            },
          },
          response: { 200: Html, 404: Html },
        },
      },
      async (request, reply) => {
        const lang = unsubscribeLanguage(request.headers['accept-language']);
        const body = request.body as Record<string, unknown> | undefined;
        if (body?.['List-Unsubscribe'] !== 'One-Click') {
          throw new PrivetError('bad_request', 'The body must be List-Unsubscribe=One-Click (RFC 8058)');
        }
        try {
          const result = await oneClickUnsubscribe(deps, request.params.token, {
            ip: request.ip,
            userAgent: request.headers['user-agent'],
          });
          return sendHtml(reply, 200, unsubscribedPage(lang, result.listName));
        } catch (error) {
          if (isPrivetError(error, 'not_found')) return sendHtml(reply, 404, invalidLinkPage(lang));
          throw error;
        }
      },
    );
  });
}
