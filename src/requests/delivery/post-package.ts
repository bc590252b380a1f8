import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { postWebhook } from '../../webhooks/post-webhook.ts';
import type { TargetPolicy } from '../../webhooks/target-policy.ts';

/**
 * Streams a package file as the body of a POST to another controller, through the same SSRF-guarded poster as
 * webhooks (no redirects, only allowed addresses). Resolves with the status code; rejects on network errors,
 * refusals and when the signal aborts.
 */
export async function postPackage(
  rawUrl: string,
  file: string,
  headers: Readonly<Record<string, string>>,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<number> {
  signal.throwIfAborted();
  const { size } = await stat(file);
  const body = { stream: createReadStream(file, { signal }), length: size };
  const response = await postWebhook(rawUrl, body, headers, policy, signal);
  return response.statusCode;
}
