import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from './route-list.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { 'x-privet-role'?: string; security?: unknown[] }>>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('validates as OpenAPI 3.1', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDoc>();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route the server answers, with its role', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDoc>();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = registeredRoutes(t.app).filter((r) => !r.hidden);
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented).toContain(`${route.method} ${route.path}`);
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/admin')) continue;
      for (const op of Object.values(ops)) expect(op['x-privet-role']).toMatch(/^(viewer|operator|admin)$/);
    }
  });
});
