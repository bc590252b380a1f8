import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { guardedLookup } from './guarded-lookup.ts';
import { checkWebhookUrl, refusedAddress, type TargetPolicy } from './target-policy.ts';

/** What the receiver answered. */
export interface WebhookResponse {
  readonly statusCode: number;
  /** The start of the answer's body, for the delivery record. */
  readonly excerpt: string;
}

/**
 * A body streamed rather than held in memory (a package file): sent with `content-length` when `length` is
 * given, else chunked. The stream is consumed or destroyed whatever happens.
 */
export interface StreamBody {
  readonly stream: Readable;
  readonly length?: number | undefined;
}

/** What postWebhook sends: text (UTF-8), bytes, or a stream. */
export type WebhookBody = string | Uint8Array | StreamBody;

const EXCERPT_BYTES = 200;

function isStreamBody(body: WebhookBody): body is StreamBody {
  return typeof body === 'object' && !(body instanceof Uint8Array);
}

function checkTarget(rawUrl: string, policy: TargetPolicy): URL {
  const url = checkWebhookUrl(rawUrl, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    const refusal = refusedAddress(host, policy);
    if (refusal !== undefined) throw new Error(`Refused to connect: ${refusal}`);
  }
  return url;
}

/**
 * POSTs a body (text, bytes or a stream) to a webhook URL without following redirects, connecting only to
 * addresses the policy allows (the SSRF rules of every outgoing Privet POST: webhooks, DRP callbacks, packages
 * sent to another controller). Rejects on network errors, refusals and when the signal aborts.
 */
export async function postWebhook(
  rawUrl: string,
  body: WebhookBody,
  headers: Readonly<Record<string, string>>,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<WebhookResponse> {
  let url: URL;
  try {
    signal.throwIfAborted();
    url = checkTarget(rawUrl, policy);
  } catch (error) {
    // A stream that will never be sent is closed now (an open file would otherwise wait for the collector).
    if (isStreamBody(body)) body.stream.destroy();
    throw error;
  }
  const length = isStreamBody(body) ? body.length : Buffer.byteLength(body);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, ...(length === undefined ? {} : { 'content-length': String(length) }) },
        lookup: guardedLookup(policy),
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            statusCode: res.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', (error) => {
      if (isStreamBody(body)) body.stream.destroy();
      reject(error);
    });
    if (isStreamBody(body)) pipeline(body.stream, req).catch(reject);
    else req.end(body);
  });
}
