import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebRoutes } from '../../src/http/routes/web-routes.ts';
import { toErrorBody } from '../../src/http/to-error-body.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { webBuilt } from './web-built.ts';
import { shim } from './tmp-shim.ts';

describe('serving the web apps', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ beforeReady: shim });
  });

  afterAll(async () => {
    await testApp?.stop();
  });

  it('serves the privacy center at / and its client routes, never cached', async () => {
    for (const url of ['/', '/rights/access', '/privacy-notice']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Privacy center</title>');
    }
  });

  it('serves the admin console at /admin and every client route below it', async () => {
    for (const url of ['/admin', '/admin/', '/admin/login?token=abc', '/admin/audit']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Privet admin</title>');
    }
  });

  it('answers 304 to a revalidation of an unchanged page', async () => {
    const first = await testApp.app.inject({ method: 'GET', url: '/admin' });
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await testApp.app.inject({
      method: 'GET',
      url: '/admin',
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves hashed assets with a long cache, and the pages need nothing inline under the CSP', async () => {
    const page = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).not.toMatch(/<style|\sstyle=/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const response = await testApp.app.inject({ method: 'GET', url: String(asset) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API, DRP, unsubscribe, banner, health and metrics paths to their own routes and 404s', async () => {
    for (const url of [
      '/api/nothing-here',
      '/drp/v1/nothing',
      '/u/a/b',
      '/sdk/nothing.js',
      '/assets/missing.js',
    ]) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code, url).toBe('not_found');
    }
    const health = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('answers 404, not a page, for a file name the apps do not have', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(response.statusCode).toBe(404);
  });

  it('answers 503 with a hint when the web apps are not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'privet-no-web-'));
    const app = Fastify({ logger: false });
    app.setErrorHandler(async (error, request, reply) => {
      const { status, body } = toErrorBody(error, request.id);
      return reply.status(status).send(body);
    });
    await registerWebRoutes(app, { webDist: join(empty, 'dist') });
    try {
      for (const url of ['/', '/admin', '/admin/audit']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(503);
        expect(response.json<{ error: { code: string; message: string } }>().error).toMatchObject({
          code: 'unavailable',
          message: 'The web apps are not built: run npm run build:web',
        });
      }
    } finally {
      await app.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
