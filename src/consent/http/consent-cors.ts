import type { FastifyReply, FastifyRequest } from 'fastify';
import { PrivetError } from '../../domain/errors.ts';
import type { PrivetApp } from '../../http/app-deps.ts';
import type { OriginPolicy } from './origin-policy.ts';

/** The public paths the banner calls from customers' pages; each answers CORS preflight. */
export const corsPaths = [
  '/api/public/consent',
  '/api/public/consent/config',
  '/api/public/consent/receipts/:id',
  '/api/public/notice',
] as const;

// Browsers may cache a preflight this long (seconds), so a banner does not preflight every post.
const PREFLIGHT_MAX_AGE = '600';

async function applyCors(policy: OriginPolicy, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Scripts on customers' pages read these responses; helmet's same-origin default would block them.
  void reply.header('cross-origin-resource-policy', 'cross-origin').header('vary', 'Origin');
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const allowed = await policy.allowedOrigin(origin);
  // No Access-Control-Allow-Credentials: the banner sends no cookies, so none may be read cross-site.
  if (allowed !== undefined) void reply.header('access-control-allow-origin', allowed);
  else if (request.method === 'OPTIONS') {
    throw new PrivetError(
      'forbidden',
      `The origin ${origin} may not call the consent API: add it to the consent settings`,
    );
  }
}

/**
 * CORS for the banner on customers' sites, scoped to the plugin it is registered in: the allowed origins
 * come from the consent settings (`*` for the demo), and every public consent path answers preflight.
 */
export async function registerConsentCors(scope: PrivetApp, policy: OriginPolicy): Promise<void> {
  scope.addHook('onRequest', (request, reply) => applyCors(policy, request, reply));
  for (const url of corsPaths) {
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
