import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The host name the customer's site is reached by in Chromium (mapped to 127.0.0.1 by the launcher). */
export const SHOP_HOST = 'shop.privet.test';

/** A customer's website on another origin than Privet, serving what a test puts on it. */
export interface CustomerSite {
  /** `http://shop.privet.test:<port>` */
  readonly url: string;
  /** Serves `body` at `path` (the query string is ignored), optionally with a CSP header. */
  put(path: string, body: string, options?: { type?: string; csp?: string }): void;
  close(): Promise<void>;
}

/** Starts the customer's site on 127.0.0.1; Chromium reaches it as shop.privet.test, a real other origin. */
export async function startCustomerSite(): Promise<CustomerSite> {
  const files = new Map<string, { body: string; type: string; csp?: string }>();
  const server: Server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://site').pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      ...(file.csp === undefined ? {} : { 'content-security-policy': file.csp }),
    });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${SHOP_HOST}:${port}`,
    put(path, body, options = {}) {
      files.set(path, {
        body,
        type: options.type ?? 'text/html; charset=utf-8',
        ...(options.csp === undefined ? {} : { csp: options.csp }),
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
