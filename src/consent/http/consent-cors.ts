import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { PrivetError } from '../../domain/errors.ts';
import type { PrivetApp } from '../../http/app-deps.ts';
import type { OriginPolicy } from './origin-policy.ts';

/** The public paths the banner reads from customers' pages; each answers CORS preflight. */
export const bannerReadPaths = [
  '/api/public/consent/config',
  '/api/public/consent/receipts/:id',
  '/api/public/notice',
] as const;

/** The path the banner posts choices to, served apart from the rest of the site (see createApp). */
export const bannerPostPath = '/api/public/consent';

// Browsers may cache a preflight this long (seconds), so a banner does not preflight every post.
const PREFLIGHT_MAX_AGE = '600';

// Sets the allowed origin, or returns the error that refuses a preflight from an origin not allowed.
function allowOrigin(
  request: FastifyRequest,
  reply: FastifyReply,
  origin: string,
  allowed: string | undefined,
): PrivetError | undefined {
  // No Access-Control-Allow-Credentials: the banner sends no cookies, so none may be read cross-site.
  if (allowed !== undefined) void reply.header('access-control-allow-origin', allowed);
  else if (request.method === 'OPTIONS') {
    return new PrivetError(
      'forbidden',
      `The origin ${origin} may not call the consent API: add it to the consent settings`,
    );
  }
  return undefined;
}

// A callback hook that answers at once while the policy's cache is fresh: every banner post passes here.
function applyCors(
  policy: OriginPolicy,
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  // Scripts on customers' pages read these responses; helmet's same-origin default would block them.
  void reply.header('cross-origin-resource-policy', 'cross-origin').header('vary', 'Origin');
  const origin = request.headers.origin;
  if (origin === undefined) return done();
  const known = policy.peek(origin);
  if (known !== undefined) return done(allowOrigin(request, reply, origin, known.allowed));
  policy.allowedOrigin(origin).then((allowed) => done(allowOrigin(request, reply, origin, allowed)), done);
}

/**
 * CORS for the banner on customers' sites, scoped to the plugin it is registered in: the allowed origins
 * come from the consent settings (`*` for the demo), and every public consent path answers preflight.
 */
export async function registerConsentCors(
  scope: PrivetApp,
  policy: OriginPolicy,
  paths: readonly string[],
): Promise<void> {
  scope.addHook('onRequest', (request, reply, done) => applyCors(policy, request, reply, done));
  for (const url of paths) {
    scope.options(url, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'Content-Type')
        .header('access-control-max-age', PREFLIGHT_MAX_AGE)
        .send(),
    );
  }
}
