import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { resolveApiKey } from '../auth/api-keys.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import type { Principal } from '../auth/principal.ts';
import { resolveSession } from '../auth/sessions.ts';
import { PrivetError } from '../domain/errors.ts';
import { roleAllows } from '../domain/roles.ts';

/** The name of the staff session cookie. */
export const SESSION_COOKIE = 'privet_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Finds the caller from a bearer API key or the session cookie, or undefined when there is none. */
export async function identify(deps: AuthDeps, request: FastifyRequest): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1];
    if (key === undefined)
      throw new PrivetError('unauthenticated', 'The Authorization header must be "Bearer <api key>"');
    const principal = await resolveApiKey(deps, key);
    if (!principal) throw new PrivetError('unauthenticated', 'The API key is not valid or was revoked');
    return principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  return token === undefined ? undefined : resolveSession(deps, token);
}

/** Checks the route's declared role and, for cookie sessions, the CSRF token of unsafe methods. */
export async function authorize(deps: AuthDeps, request: FastifyRequest): Promise<void> {
  const needed = request.routeOptions.config.role;
  if (needed === undefined) return;
  const principal = await identify(deps, request);
  if (!principal) throw new PrivetError('unauthenticated', 'Sign in or send an API key to use this route');
  if (!roleAllows(principal.role, needed)) {
    throw new PrivetError('forbidden', `This route needs the ${needed} role; you have ${principal.role}`);
  }
  if (principal.csrfToken !== undefined && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
      throw new PrivetError('forbidden', 'Missing or wrong x-csrf-token header for this session');
    }
  }
  request.principal = principal;
}

/** The caller of a route that declares a role; throws when called elsewhere, which is a programming error. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined)
    throw new PrivetError('internal', 'Route has no principal: does it declare a role?');
  return request.principal;
}
