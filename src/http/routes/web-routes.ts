import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PrivetError } from '../../domain/errors.ts';

/** Where the built web apps are. */
export interface WebRoutesOptions {
  /** The Vite output folder, web/dist: index.html, admin/index.html and assets/. */
  readonly webDist: string;
}

// Paths that belong to other parts of Privet: the privacy center's catch-all leaves them, and their 404s, alone.
const RESERVED_PREFIXES = ['/api', '/drp', '/u', '/sdk', '/healthz', '/metrics', '/assets', '/admin'];

// A last path segment with an extension names a file, not a page: /favicon.ico gets a 404, not the center.
const FILE_NAME = /\.[A-Za-z0-9]+$/;

const NOT_BUILT = 'The web apps are not built: run npm run build:web';

// Web pages are not part of the API: keep them out of the OpenAPI document.
const routeOptions = { schema: { hide: true } };

function isReserved(pathname: string): boolean {
  return RESERVED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/';
}

async function sendPage(request: FastifyRequest, reply: FastifyReply, file: string): Promise<FastifyReply> {
  let html: Buffer;
  try {
    // Read per request: a page is tiny, and a rebuild while the server runs is picked up at once.
    html = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PrivetError('unavailable', NOT_BUILT, { cause: error });
    }
    throw error;
  }
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 32)}"`;
  // no-cache: the page names the hashed assets of the current build, so browsers must revalidate it.
  void reply.header('cache-control', 'no-cache').header('etag', etag).type('text/html; charset=utf-8');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(html);
}

/**
 * Serves the browser apps from web/dist: the admin console at /admin and below, the privacy center at / and
 * every other page path that no other part of Privet owns, and the hashed assets with a long cache.
 */
export async function registerWebRoutes(app: FastifyInstance, options: WebRoutesOptions): Promise<void> {
  const centerPage = join(options.webDist, 'index.html');
  const adminPage = join(options.webDist, 'admin', 'index.html');

  await app.register(fastifyStatic, {
    root: join(options.webDist, 'assets'),
    prefix: '/assets/',
    // The reply decorators are not needed here, and another registration may want them.
    decorateReply: false,
    index: false,
    // File names carry a content hash: a changed file is a new URL, so an old one never needs revalidating.
    immutable: true,
    maxAge: '365d',
  });

  app.get('/admin', routeOptions, (request, reply) => sendPage(request, reply, adminPage));
  app.get('/admin/*', routeOptions, (request, reply) => sendPage(request, reply, adminPage));
  app.get('/', routeOptions, (request, reply) => sendPage(request, reply, centerPage));
  app.get('/*', routeOptions, (request, reply) => {
    const pathname = pathOf(request);
    if (isReserved(pathname) || FILE_NAME.test(pathname)) return reply.callNotFound();
    return sendPage(request, reply, centerPage);
  });
}
