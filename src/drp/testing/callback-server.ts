// Test kit: a real local HTTP server standing in for an agent's status_callback endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running callback endpoint that records each JSON body it receives. */
export interface CallbackServer {
  readonly url: string;
  readonly received: Record<string, unknown>[];
  /** The status the next requests are answered with (default 200). */
  answerWith(status: number): void;
  close(): Promise<void>;
}

/** Starts a callback endpoint on 127.0.0.1 and a free port. */
export async function startCallbackServer(): Promise<CallbackServer> {
  const received: Record<string, unknown>[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/update_status' && status === 200) {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/update_status`,
    received,
    answerWith: (next) => {
      status = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
