import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { BODY_LIMIT_BYTES } from './create-app.ts';

describe('HTTP errors and headers', () => {
  let t: TestApp;
  let key: string;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({
      logStream: { write: (line) => logged.push(line) },
      beforeReady: (app) => {
        app.get('/test/boom', async () => {
          throw new Error('database password is hunter2');
        });
        app.post(
          '/test/echo',
          { schema: { body: Type.Object({ name: Type.String({ minLength: 2 }), age: Type.Integer() }) } },
          async (request) => request.body,
        );
      },
    });
    key = await t.apiKey('admin');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers /healthz with ok while the store answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('malformed JSON → 400 with a message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(res.json().error.message).toMatch(/JSON/i);
  });

  it('a body that breaks the schema → 400 validation_failed naming each field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/echo', payload: { name: 'x', age: 'old' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.age', 'body.name']);
  });

  it('oversize body → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES), age: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('wrong content type → 415', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/test/echo',
        headers: { 'content-type': type },
        payload: 'name=x',
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    }
  });

  it('unknown route → 404 JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', message: 'No route GET /api/nothing-here' });
  });

  it('unknown error → logged 500 with a generic body that leaks nothing', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/test/boom',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    expect(res.body).not.toContain('hunter2');
    expect(res.json().error.requestId).toBe('trace-123');
    const line = logged.find((l) => l.includes('unhandled error'));
    expect(line).toContain('hunter2');
    expect(line).toContain('trace-123');
  });

  it('writes one access line per request: method, path without its query, status, time, request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz?token=one-time-secret',
      headers: { 'x-request-id': 'access-line-1' },
    });
    expect(res.statusCode).toBe(200);
    const mine = logged
      .map((l) => JSON.parse(l) as { reqId?: string; responseTime?: number })
      .filter((entry) => entry.reqId === 'access-line-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/healthz', reqId: 'access-line-1' },
      res: { statusCode: 200 },
    });
    expect(mine[0]?.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(mine)).not.toContain('one-time-secret');
  });

  it('keeps API keys, cookies and passwords out of the logs', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: { authorization: `Bearer ${key}`, cookie: 'privet_session=sekrit-cookie' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'pa55word-in-body' },
    });
    await t.app.inject({ method: 'GET', url: '/admin/login?token=one-time-t0ken' });
    const all = logged.join('\n');
    expect(all).toContain('/api/admin/audit');
    expect(all).not.toContain(key);
    expect(all).not.toContain('sekrit-cookie');
    expect(all).not.toContain('pa55word-in-body');
    expect(all).toContain('/admin/login');
    expect(all).not.toContain('one-time-t0ken');
  });

  it('sets security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });

  it('serves Prometheus metrics to admins', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/privet_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('privet_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/privet_queue_depth\{status="queued"\} \d+/);
  });
});

describe('HSTS behind https', () => {
  it('is sent when the public URL is https', async () => {
    const t = await startTestApp({ env: { PRIVET_PUBLIC_URL: 'https://privacy.example.com' } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await t.stop();
    }
  });
});
