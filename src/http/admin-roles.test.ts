import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, roleAllows, type Role } from '../domain/roles.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

interface Operation {
  'x-privet-role'?: Role;
}

// Path parameters get a value that exists nowhere: the auth check must answer before any lookup.
function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, 'x_does_not_exist');
}

describe('every role-protected route, derived from the OpenAPI document', () => {
  let t: TestApp;
  let protectedOps: { method: string; path: string; role: Role }[] = [];
  const keys = new Map<Role, string>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of roles) keys.set(role, await t.apiKey(role));
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    protectedOps = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op['x-privet-role'] !== undefined)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, role: op['x-privet-role'] as Role })),
    );
  });
  afterAll(async () => {
    await t.stop();
  });

  it('covers every /api/admin route', () => {
    expect(protectedOps.length).toBeGreaterThan(5);
    expect(protectedOps.map((o) => o.path)).toEqual(
      expect.arrayContaining(['/api/admin/audit', '/api/admin/api-keys']),
    );
  });

  it('refuses anonymous callers with 401', async () => {
    for (const op of protectedOps) {
      const res = await t.app.inject({
        method: op.method as 'GET',
        url: concrete(op.path),
        ...(op.method === 'GET' ? {} : { payload: {} }),
      });
      expect({ route: `${op.method} ${op.path}`, status: res.statusCode }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 401,
      });
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('refuses a revoked or unknown key with 401', async () => {
    const op = protectedOps[0];
    if (!op) throw new Error('no protected routes');
    const res = await t.app.inject({
      method: op.method as 'GET',
      url: concrete(op.path),
      headers: { authorization: 'Bearer pvt_nope' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses every weaker role with 403', async () => {
    let checked = 0;
    for (const op of protectedOps) {
      for (const role of roles.filter((r) => !roleAllows(r, op.role))) {
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: concrete(op.path),
          headers: { authorization: `Bearer ${keys.get(role)}` },
          ...(op.method === 'GET' ? {} : { payload: {} }),
        });
        expect({ route: `${op.method} ${op.path}`, role, status: res.statusCode }).toEqual({
          route: `${op.method} ${op.path}`,
          role,
          status: 403,
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
