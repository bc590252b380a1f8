import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup } from './guarded-lookup.ts';
import { checkWebhookUrl, refusedAddress, type TargetPolicy } from './target-policy.ts';

/** What the receiver answered. */
export interface WebhookResponse {
  readonly statusCode: number;
  /** The start of the answer's body, for the delivery record. */
  readonly excerpt: string;
}

const EXCERPT_BYTES = 200;

/**
 * POSTs a body to a webhook URL without following redirects, connecting only to addresses the policy allows.
 * Rejects on network errors, refusals and when the signal aborts.
 */
export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<WebhookResponse> {
  signal.throwIfAborted();
  const url = checkWebhookUrl(rawUrl, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    const refusal = refusedAddress(host, policy);
    if (refusal !== undefined) throw new Error(`Refused to connect: ${refusal}`);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
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
    req.on('error', reject);
    req.end(body);
  });
}
