import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { PUBLIC_RATE } from '../../http/rate-limits.ts';
import { normaliseLanguage } from '../banner-texts.ts';
import { buildConsentConfig, ConsentConfigSchema } from '../consent-config.ts';
import type { ConsentIngest } from '../consent-ingest.ts';
import { ConsentReceiptSchema } from '../consent-receipt-schema.ts';
import { publicConsentMethods } from '../consent-vocabulary.ts';
import { loadConsentReceipt } from '../load-consent-receipt.ts';

/** The id a banner keeps in localStorage: random, 16–64 URL-safe characters. */
export const DeviceId = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });

// A banner post is a few hundred bytes; a small limit keeps the public write path cheap to refuse.
const CONSENT_BODY_LIMIT = 16 * 1024;

const ConsentPost = Type.Object({
  deviceId: DeviceId,
  personId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  noticeVersion: Type.String({ minLength: 1, maxLength: 40 }),
  choices: Type.Record(Type.String({ maxLength: 64 }), Type.Boolean(), { maxProperties: 100 }),
  method: Type.Enum(publicConsentMethods),
  gpc: Type.Optional(Type.Boolean()),
  // Lenient: a post is never lost over how a page spells its language; an odd tag is simply not stored.
  uiLanguage: Type.Optional(Type.String({ maxLength: 64 })),
  idempotencyKey: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{16,64}$',
      description: 'Random per choice, kept by a client that retries: a repeat returns the first receipts',
    }),
  ),
});

const tags = ['public', 'consent'];

const QUIET_RATE_HEADERS = {
  'x-ratelimit-limit': false,
  'x-ratelimit-remaining': false,
  'x-ratelimit-reset': false,
} as const;

/** The banner's reads: its configuration and its own receipts. */
export async function registerPublicConsentRoutes(scope: PrivetApp, deps: AppDeps): Promise<void> {
  scope.get(
    '/api/public/consent/config',
    {
      schema: {
        summary: 'Banner configuration: notice version, categories, services, texts',
        tags,
        // Lenient: an odd page language falls back to English instead of breaking the banner.
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: ConsentConfigSchema },
      },
    },
    async (request, reply) => {
      const config = await buildConsentConfig(deps.store.db, {
        lang: request.query.lang,
        publicUrl: deps.config.publicUrl,
      });
      void reply.header('cache-control', 'public, max-age=60');
      return config;
    },
  );

  scope.get(
    '/api/public/consent/receipts/:id',
    {
      schema: {
        summary: 'A consent receipt of this device (Kantara CR 1.1 + ISO/IEC TS 27560 fields)',
        tags,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ deviceId: DeviceId }),
        response: { 200: ConsentReceiptSchema },
      },
    },
    async (request, reply) => {
      const receipt = await loadConsentReceipt(deps.store.db, request.params.id, {
        publicUrl: deps.config.publicUrl,
        deviceId: request.query.deviceId,
      });
      // Another device's receipt looks exactly like a missing one.
      if (!receipt) throw new PrivetError('not_found', 'No such receipt for this device');
      void reply.header('cache-control', 'private, no-store');
      return receipt;
    },
  );
}

/**
 * The banner's durable consent posts (JSON or text/plain JSON). Registered outside the site's cookie and
 * security-header plugins (see createApp): the busiest public route answers a few bytes of JSON to scripts on
 * customers' pages, reads no cookie, and helmet's document headers protect nothing there.
 */
export async function registerConsentPostRoute(scope: PrivetApp, ingest: ConsentIngest): Promise<void> {
  // Its own plugin: navigator.sendBeacon and no-preflight cross-origin fetches send JSON as text/plain,
  // which this route alone accepts; the rest of the API stays JSON-only.
  await scope.register(async (plugin) => {
    const postScope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // On every answer of the post route, errors included (the one security header that applies to it).
    postScope.addHook('onRequest', (_request, reply, done) => {
      void reply.header('x-content-type-options', 'nosniff');
      done();
    });
    postScope.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(
          new PrivetError('bad_request', 'The body must be JSON (sent as application/json or text/plain)', {
            cause: error,
          }),
          undefined,
        );
      }
    });
    postScope.post(
      '/api/public/consent',
      {
        bodyLimit: CONSENT_BODY_LIMIT,
        // The public limit, without its three informational headers on every answer (a 429 still has them
        // and Retry-After): banners never read them, and this route answers the most requests.
        config: { rateLimit: { ...PUBLIC_RATE, addHeadersOnExceeding: QUIET_RATE_HEADERS } },
        schema: {
          summary: 'Record banner choices; answers once they are durable',
          description:
            'Accepts application/json or text/plain holding JSON. With `Sec-GPC: 1`, categories marked gpcOptOut ' +
            'that the post does not choose explicitly are recorded as withdrawn with method gpc.',
          tags,
          body: ConsentPost,
          response: {
            201: Type.Object({ receiptIds: Type.Array(Type.String()), recordedAt: Type.String() }),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const recorded = await ingest.record({
          deviceId: body.deviceId,
          personId: body.personId,
          // Anyone can put any person id into a public post: it may opt that person out, never in.
          personVerified: false,
          noticeVersion: body.noticeVersion,
          choices: body.choices,
          method: body.method,
          gpc: request.headers['sec-gpc'] === '1' || body.gpc === true || body.method === 'gpc',
          language: normaliseLanguage(body.uiLanguage),
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          idempotencyKey: body.idempotencyKey,
        });
        void reply.header('cache-control', 'no-store');
        return reply.status(201).send({ receiptIds: recorded.receiptIds, recordedAt: recorded.recordedAt });
      },
    );
  });
}
