import { appendAudit } from '../../audit/append-audit.ts';
import { tokenHash } from '../../auth/token-hash.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newToken } from '../../domain/ids.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import type { RequestDeps } from '../request-deps.ts';
import { readRequestByStatusToken } from '../status/read-request-by-status-token.ts';
import { latestPackage } from '../status/request-status-view.ts';
import { ADDRESS_LIMITS, hitThrottle } from '../throttle/hit-throttle.ts';
import { checkCodeIn } from '../verification/check-code.ts';
import { issueVerificationIn } from '../verification/issue-verification.ts';

/** Minutes a download link works, once. */
export const DOWNLOAD_LINK_MINUTES = 15;

function noPackage(): PrivetError {
  return new PrivetError('conflict', 'There is no package to download for this request', {
    issues: [{ code: 'no_package', path: '', message: 'no package is available' }],
  });
}

/** Emails a fresh download code to the requester whose status token this is: they prove it is them again. */
export async function sendDownloadCode(
  deps: RequestDeps,
  statusToken: string,
): Promise<{ expiresAt: string }> {
  const request = await readRequestByStatusToken(deps, statusToken);
  await hitThrottle(deps, `download-code:${request.id}`, ADDRESS_LIMITS.resend);
  if ((await latestPackage(deps, request.id, deps.clock.now().toISOString())) === undefined)
    throw noPackage();
  const issued = await deps.store.transaction((trx) => issueVerificationIn(deps, trx, request, 'download'));
  await deliverRequestMail(deps, [issued.mail]);
  return { expiresAt: issued.expiresAt };
}

/**
 * Checks the download code and returns a single-use link to the newest package, valid 15 minutes. The
 * link's token is random and stored only as a hash; a new link replaces the previous one.
 */
export async function createDownloadLink(
  deps: RequestDeps,
  statusToken: string,
  code: string,
): Promise<{ url: string; expiresAt: string }> {
  const request = await readRequestByStatusToken(deps, statusToken);
  await hitThrottle(deps, `download:${request.id}`, ADDRESS_LIMITS.download);
  const outcome = await deps.store.transaction(async (trx) => {
    const now = deps.clock.now();
    const check = await checkCodeIn(trx, {
      secret: deps.config.secret,
      requestId: request.id,
      purpose: 'download',
      code,
      now,
    });
    if (!check.ok) return check;
    const pkg = await trx
      .selectFrom('request_packages')
      .select('id')
      .where('request_id', '=', request.id)
      .where('purged_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (pkg === undefined) return { ok: false as const, error: noPackage() };
    const token = newToken();
    const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_MINUTES * 60_000).toISOString();
    await trx
      .updateTable('request_packages')
      .set({ download_token_hash: tokenHash(token), download_expires_at: expiresAt })
      .where('id', '=', pkg.id)
      .execute();
    return { ok: true as const, token, expiresAt };
  });
  if (!outcome.ok) throw outcome.error;
  return {
    url: `${deps.config.publicUrl}/api/public/downloads?token=${outcome.token}`,
    expiresAt: outcome.expiresAt,
  };
}

/**
 * Redeems a download link: the first use within 15 minutes gets the package's file path (and the link is
 * spent in the same statement, so two parallel uses cannot both win); any other use gets undefined (410).
 */
export async function redeemDownloadLink(
  deps: Pick<RequestDeps, 'store' | 'clock'>,
  token: string,
): Promise<{ path: string; requestId: string; sha256: string } | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const hash = tokenHash(token);
  return deps.store.transaction(async (trx) => {
    const now = deps.clock.now().toISOString();
    const pkg = await trx
      .selectFrom('request_packages')
      .select(['id', 'path', 'request_id', 'sha256'])
      .where('download_token_hash', '=', hash)
      .where('download_expires_at', '>', now)
      .where('purged_at', 'is', null)
      .executeTakeFirst();
    if (pkg === undefined) return undefined;
    const spent = await trx
      .updateTable('request_packages')
      .set({ download_token_hash: null, downloaded_at: now })
      .where('id', '=', pkg.id)
      .where('download_token_hash', '=', hash)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return undefined;
    await appendAudit(
      deps,
      {
        actor: 'public',
        action: 'request.package.download',
        target: `request:${pkg.request_id}`,
        details: { packageId: pkg.id },
      },
      trx,
    );
    return { path: pkg.path, requestId: pkg.request_id, sha256: pkg.sha256 };
  });
}
