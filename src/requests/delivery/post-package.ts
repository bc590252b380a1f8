import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { guardedLookup } from '../../webhooks/guarded-lookup.ts';
import { checkWebhookUrl, refusedAddress, type TargetPolicy } from '../../webhooks/target-policy.ts';

/**
 * Streams a package file as the body of a POST to another controller, without following redirects and
 * connecting only to addresses the webhook policy allows (SSRF rules). Resolves with the status code; rejects
 * on network errors, refusals and when the signal aborts.
 */
export async function postPackage(
  rawUrl: string,
  file: string,
  headers: Readonly<Record<string, string>>,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<number> {
  signal.throwIfAborted();
  const url = checkWebhookUrl(rawUrl, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    const refusal = refusedAddress(host, policy);
    if (refusal !== undefined) throw new Error(`Refused to connect: ${refusal}`);
  }
  const { size } = await stat(file);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(size) },
        lookup: guardedLookup(policy),
        agent: false,
        signal,
      },
      (res) => {
        // The answer's body is not kept; it is read only so the socket closes.
        res.resume();
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    pipeline(createReadStream(file, { signal }), req).catch(reject);
  });
}
