import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLink } from '../../auth/create-login-link.ts';
import { systemClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /privet_session=([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return match[1];
}

describe.each(['sqlite', 'postgres'] as const)('staff auth on %s', (kind) => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    userId = (
      await t.createUser({ email: 'Ops@Example.com', password: 'correct horse battery', role: 'operator' })
    ).id;
  });
  afterAll(async () => {
    await t.stop();
  });

  async function login() {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ' ops@example.com', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(200);
    return {
      cookie: sessionCookie(res.headers['set-cookie']),
      csrf: res.json<{ csrfToken: string }>().csrfToken,
      res,
    };
  }

  it('signs in with a password into an http-only SameSite session and audits it', async () => {
    const { res, cookie } = await login();
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    expect(res.json().user).toMatchObject({ id: userId, email: 'ops@example.com', role: 'operator' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      cookies: { privet_session: cookie },
    });
    expect(session.statusCode).toBe(200);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=auth.login',
      cookies: { privet_session: cookie },
    });
    expect(audit.json().entries[0]).toMatchObject({
      actor: `user:${userId}`,
      target: `user:${userId}`,
      details: { method: 'password' },
    });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ops@example.com', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'who@example.com', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('requires the CSRF token for unsafe requests made with the cookie', async () => {
    const { cookie, csrf } = await login();
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { privet_session: cookie },
    });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { privet_session: cookie },
      headers: { 'x-csrf-token': `${csrf}x` },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { privet_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(right.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      cookies: { privet_session: cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('a one-time login link works once', async () => {
    const link = await createLoginLink(
      { store: t.store, clock: systemClock, publicUrl: t.config.publicUrl },
      userId,
      'test',
    );
    const token = new URL(link.url).searchParams.get('token') ?? '';
    expect(link.url).toContain('/admin/login?token=');
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/login-link', payload: { token } });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login-link', payload: { token } });
    expect(second.statusCode).toBe(401);
  });

  it('API keys: created once with a role, stored hashed, revocable', async () => {
    const admin = await t.apiKey('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { authorization: `Bearer ${admin}` },
      payload: { name: 'ci', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json<{ key: string; id: string }>();
    const stored = await t.store.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/api-keys',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(list.body).not.toContain(key);
    const use = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(use.statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${id}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('rate-limits the login route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'x@example.com', password: 'y' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});
