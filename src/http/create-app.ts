import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createOriginPolicy } from '../consent/http/origin-policy.ts';
import { newId } from '../domain/ids.ts';
import { PrivetError } from '../domain/errors.ts';
import { AccessLog } from './access-log.ts';
import type { AppDeps, PrivetApp } from './app-deps.ts';
import { authorize } from './auth-hook.ts';
import { ErrorBody } from './error-body.ts';
import { registerBannerPosts } from './routes/consent-routes.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { isPublicPath, PUBLIC_RATE } from './rate-limits.ts';
import { recordRoute } from './route-list.ts';
import { sharedRateLimitStore } from './shared-rate-limit-store.ts';
import { toErrorBody } from './to-error-body.ts';
import './route-config.ts';

/** Body size limit of every route unless a route sets its own. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

// Keys whose values never reach a log line.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.key',
  '*.secret',
];

/** Builds the HTTP app: plugins, security headers, auth, error mapping, OpenAPI and every route. */
export async function createApp(deps: AppDeps): Promise<PrivetApp> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      // Query strings can carry one-time tokens (login links, unsubscribe): log the path only.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: req.url.split('?')[0] ?? '',
          reqId: req.id,
        }),
      },
      ...(deps.logStream === undefined ? {} : { stream: deps.logStream }),
    },
    logController: new AccessLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : newId('req');
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every /api/admin route must declare a role, and the OpenAPI document shows it.
  app.addHook('onRoute', (route) => {
    recordRoute(app, route);
    // Runs before the rate-limit plugin's own hook, so every public route gets a limit by default.
    if (isPublicPath(route.url) && route.config?.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: PUBLIC_RATE };
    }
    if (route.url.startsWith('/api/admin') && route.config?.role === undefined) {
      throw new PrivetError('internal', `Route ${String(route.method)} ${route.url} declares no role`);
    }
    const role = route.config?.role;
    if (role !== undefined && route.schema !== undefined) {
      route.schema = {
        ...route.schema,
        security: [{ bearer: [] }, { session: [] }],
        'x-privet-role': role,
        response: { 401: ErrorBody, 403: ErrorBody, ...(route.schema.response as object | undefined) },
      } as typeof route.schema;
    }
  });

  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Privet API',
        version: '0.1.0',
        description: 'Privacy operations: data map, data-subject requests, consent, notices.',
      },
      servers: [{ url: deps.config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key from `privet admin create-key`.',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'privet_session' },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });

  // Replicas on PostgreSQL share their counts there, so a limit holds across them; one SQLite process counts
  // in memory.
  const sharedCounts =
    deps.store.dialect === 'postgres' ? sharedRateLimitStore(deps.store.db, deps.config.secret) : undefined;
  if (sharedCounts !== undefined) app.addHook('onClose', () => sharedCounts.close());
  await app.register(rateLimit, {
    global: false,
    ...(sharedCounts === undefined ? {} : { store: sharedCounts.Store }),
  });

  // JSON only by default: a text/plain body is refused with 415 instead of reaching a JSON schema.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    deps.metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.setErrorHandler(async (error, request, reply) => {
    const { status, body, internal } = toErrorBody(error, request.id);
    if (internal) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        requestId: request.id,
      },
    });
  });

  const shared = { origins: createOriginPolicy(deps.store.db, deps.clock) };
  // The site: every route but the banner's posts, with cookies (sessions), security headers and sign-in.
  await app.register(async (site) => {
    await site.register(cookie);
    await site.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      hsts: deps.config.publicUrl.startsWith('https://')
        ? { maxAge: 31536000, includeSubDomains: true }
        : false,
      crossOriginEmbedderPolicy: false,
    });
    site.addHook('onRequest', (request, _reply, done) => {
      // A route without a role (public, health) has no caller to find: no promise on its path.
      if (request.routeOptions.config.role === undefined) return done();
      authorize(deps, request).then(() => done(), done);
    });
    await registerRoutes(site, deps, shared);
  });
  // Apart from the site: the busiest public route, the banner's posts from customers' pages. It reads no
  // cookie, and helmet's document headers (CSP, framing, opener policy…) protect nothing on a few bytes of JSON
  // answered to a script, while the two plugins' hooks cost about a fifth of its HTTP time. The route sets
  // nosniff itself.
  await registerBannerPosts(app, deps, shared.origins);
  return app;
}
