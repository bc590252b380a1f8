import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSdkRoutes } from '../../http/routes/sdk-routes.ts';
import { toErrorBody } from '../../http/to-error-body.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const config = { publicUrl: 'http://127.0.0.1:8080', publicUrlSet: false };

async function sdkApp(sdkDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  // Helmet as the real app has it: the SDK routes must override its strict defaults themselves.
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: true } });
  app.setErrorHandler(async (error, request, reply) => {
    const { status, body } = toErrorBody(error, request.id);
    return reply.status(status).send(body);
  });
  await registerSdkRoutes(app, { config, sdkDir });
  await app.ready();
  return app;
}

describe('banner SDK routes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-sdk-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 JSON while sdk/privet.js is not built', async () => {
    const app = await sdkApp(join(dir, 'missing'));
    const res = await app.inject({ method: 'GET', url: '/sdk/privet.js' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().error.code).toBe('unavailable');
    await app.close();
  });

  it('serves the script cacheable, cross-origin, with an ETag that revalidates', async () => {
    await writeFile(join(dir, 'privet.js'), 'window.Privet={};');
    const app = await sdkApp(dir);
    const res = await app.inject({ method: 'GET', url: '/sdk/privet.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('window.Privet={};');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await app.inject({
      method: 'GET',
      url: '/sdk/privet.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    await writeFile(join(dir, 'privet.js'), 'window.Privet={v:2};');
    const changed = await app.inject({
      method: 'GET',
      url: '/sdk/privet.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(changed.statusCode).toBe(200);
    await app.close();
  });
});

describe('banner SDK routes in the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('serves a demo page whose CSP allows its nonce and this server, and nothing inline without it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/sdk/demo.html',
      headers: { host: 'privet.test:8080' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.body).toContain(
      `<script src="http://privet.test:8080/sdk/privet.js" data-privet-origin="http://privet.test:8080" nonce="${nonce}"`,
    );
    expect(res.body).toContain(`<script type="text/plain" data-category="analytics" nonce="${nonce}">`);
    // Every script on the page carries the nonce: nothing there depends on a looser policy.
    const scripts = res.body.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await t.app.inject({ method: 'GET', url: '/sdk/demo.html' });
    expect(String(second.headers['content-security-policy'])).not.toContain(`'nonce-${nonce}'`);
  });

  it('leaves the global CSP as strict as before on every other route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('answers /sdk/privet.js with the built banner or 503, never the privacy center', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sdk/privet.js' });
    expect([200, 503]).toContain(res.statusCode);
    if (res.statusCode === 200) expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    else expect(res.json().error.code).toBe('unavailable');
  });
});
