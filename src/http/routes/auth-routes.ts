import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { loginWithLink, loginWithPassword, type LoginResult } from '../../auth/login.ts';
import { endSession } from '../../auth/sessions.ts';
import { setPassword } from '../../auth/set-password.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf, SESSION_COOKIE } from '../auth-hook.ts';
import { LOGIN_RATE } from '../rate-limits.ts';

const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
});
const SessionBody = Type.Object({ user: User, csrfToken: Type.String() });

/** Staff sign-in with password or one-time link, session info, password change and sign-out. */
export async function registerAuthRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https://');

  async function startSession(reply: FastifyReply, login: LoginResult) {
    const user = await deps.store.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', login.userId)
      .executeTakeFirstOrThrow();
    reply.setCookie(SESSION_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      expires: login.expiresAt,
    });
    return { user, csrfToken: login.csrfToken };
  }

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: LOGIN_RATE },
      schema: {
        summary: 'Sign in with email and password',
        tags: ['auth'],
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: { 200: SessionBody },
      },
    },
    async (request, reply) => startSession(reply, await loginWithPassword(deps, request.body)),
  );

  app.post(
    '/api/auth/login-link',
    {
      config: { rateLimit: LOGIN_RATE },
      schema: {
        summary: 'Sign in with a one-time login link token',
        tags: ['auth'],
        body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
        response: { 200: SessionBody },
      },
    },
    async (request, reply) => startSession(reply, await loginWithLink(deps, request.body.token)),
  );

  app.get(
    '/api/auth/session',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The signed-in staff member and the CSRF token',
        tags: ['auth'],
        response: { 200: SessionBody },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return {
        user: {
          id: principal.id,
          email: principal.email ?? '',
          name: principal.name ?? '',
          role: principal.role,
        },
        csrfToken: principal.csrfToken ?? '',
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { role: 'viewer', rateLimit: LOGIN_RATE },
      schema: {
        summary: 'Set a new password for the signed-in staff member',
        tags: ['auth'],
        body: Type.Object({ newPassword: Type.String({ minLength: 12, maxLength: 1024 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await setPassword(deps, principal.id, request.body.newPassword, principal.actor);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { role: 'viewer' },
      schema: { summary: 'Sign out', tags: ['auth'], response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined) await endSession(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
