import { createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { getRequest } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { latestPackage } from '../status/request-status-view.ts';
import { postPackage } from './post-package.ts';

/** Header naming the request a package sent to another controller belongs to. */
export const REQUEST_ID_HEADER = 'privet-request-id';
/** Header with `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + the ZIP bytes>`, as for webhooks. */
export const PACKAGE_SIGNATURE_HEADER = 'privet-signature';
/** Attempts before sending to another controller is given up (the person can still download). */
export const MAX_SEND_ATTEMPTS = 8;
/** How long one attempt may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 30_000;

const MESSAGE_PREFIX = 'Portability: ';

async function signFile(secret: string, at: Date, file: string): Promise<string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8');
  for await (const chunk of createReadStream(file)) hmac.update(chunk as Buffer);
  return `t=${timestamp},v1=${hmac.digest('hex')}`;
}

/** The earlier attempts to send a request's package: whether one succeeded, the failures and the last time. */
export async function sendAttempts(
  deps: Pick<RequestDeps, 'store'>,
  requestId: string,
): Promise<{ sent: boolean; failures: number; lastAt: string | undefined }> {
  const rows = await deps.store.db
    .selectFrom('request_events')
    .select(['at', 'data'])
    .where('request_id', '=', requestId)
    .where('kind', '=', 'action')
    .where('message', 'like', `${MESSAGE_PREFIX}%`)
    .orderBy('seq')
    .execute();
  const outcomes = rows.map((r) => ({ at: r.at, ...(JSON.parse(r.data) as { sent?: boolean }) }));
  return {
    sent: outcomes.some((o) => o.sent === true),
    failures: outcomes.filter((o) => o.sent === false).length,
    lastAt: outcomes.at(-1)?.at,
  };
}

/**
 * Sends a closed portability request's package straight to the controller the person named
 * (`details.portabilityTarget`), signed when PRIVET_PORTABILITY_SECRET is set, and records the outcome on the
 * timeline (public once sent). Returns true when sent now or before; false when this attempt failed.
 */
export async function sendPortabilityPackage(
  deps: RequestDeps,
  requestId: string,
  signal: AbortSignal,
): Promise<boolean> {
  const request = await getRequest(deps, requestId);
  const target = request?.details.portabilityTarget;
  if (request === undefined || request.type !== 'portability' || target === undefined) return true;
  if ((await sendAttempts(deps, requestId)).sent) return true;
  const now = deps.clock.now();
  const pkg = await latestPackage(deps, requestId, now.toISOString());
  if (pkg === undefined) return true;
  const host = new URL(target).host;
  const headers: Record<string, string> = {
    'content-type': 'application/zip',
    [REQUEST_ID_HEADER]: requestId,
  };
  if (deps.config.portabilitySecret !== undefined)
    headers[PACKAGE_SIGNATURE_HEADER] = await signFile(deps.config.portabilitySecret, now, pkg.path);
  let statusCode: number | undefined;
  let error: string | undefined;
  try {
    statusCode = await postPackage(
      target,
      pkg.path,
      headers,
      { allowLocal: deps.config.webhooksAllowLocal },
      AbortSignal.any([signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
    );
  } catch (caught) {
    if (signal.aborted) throw caught;
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const sent = statusCode !== undefined && statusCode >= 200 && statusCode < 300;
  await deps.store.transaction((trx) =>
    appendRequestEvent(deps, trx, {
      requestId,
      kind: 'action',
      actor: 'system',
      message: sent
        ? `${MESSAGE_PREFIX}sent to ${host}`
        : `${MESSAGE_PREFIX}sending to ${host} failed (${statusCode === undefined ? error : `HTTP ${statusCode}`})`,
      public: sent,
      data: { sent, statusCode: statusCode ?? null, at: deps.clock.now().toISOString() },
    }),
  );
  return sent;
}
