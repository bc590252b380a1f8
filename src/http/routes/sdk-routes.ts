import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { PrivetError } from '../../domain/errors.ts';
import { sdkDemoPage } from '../../consent/http/sdk-demo-page.ts';

/** Where the banner SDK lives: `sdk/` at the repository root. */
export const defaultSdkDir = fileURLToPath(new URL('../../../sdk/', import.meta.url));

export interface SdkRoutesOptions {
  readonly config: Pick<Config, 'publicUrl' | 'publicUrlSet'>;
  /** The folder holding privet.js; tests point it elsewhere. */
  readonly sdkDir?: string;
}

// A script included by customers' pages: nothing in it may load or run anything else.
const SCRIPT_CSP = "default-src 'none'; frame-ancestors 'none'";

// Outside the API: keep the SDK files out of the OpenAPI document.
const hidden = { schema: { hide: true } };

async function readSdk(file: string): Promise<Buffer> {
  try {
    // Read per request: the file is small, and a rebuild while the server runs is served at once.
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PrivetError('unavailable', 'The banner SDK is not built: run npm run build:sdk', {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The banner SDK for customers' sites (`/sdk/privet.js`, cacheable, loadable cross-origin) and a demo page
 * that embeds it like a customer's page would. Each overrides helmet's CSP for its own needs only.
 */
export async function registerSdkRoutes(app: FastifyInstance, options: SdkRoutesOptions): Promise<void> {
  const script = join(options.sdkDir ?? defaultSdkDir, 'privet.js');

  app.get('/sdk/privet.js', hidden, async (request, reply) => {
    const body = await readSdk(script);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    void reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cross-origin-resource-policy', 'cross-origin')
      // Lets customers add Subresource Integrity (crossorigin="anonymous"); no credentials are involved.
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', SCRIPT_CSP)
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  });

  app.get('/sdk/demo.html', hidden, async (request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    // The page talks to the server that served it: with PORT=0 only the request tells where that is.
    const origin = options.config.publicUrlSet
      ? options.config.publicUrl
      : `${request.protocol}://${request.host}`;
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      // The banner styles itself with a constructed stylesheet, or a <style> carrying its script tag's nonce.
      `style-src 'self' 'nonce-${nonce}'`,
      "img-src 'self' data:",
      `connect-src 'self' ${origin}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    void reply
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8');
    return reply.send(sdkDemoPage({ nonce, origin }));
  });
}
