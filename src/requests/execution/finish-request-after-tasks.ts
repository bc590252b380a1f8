import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import { getRequest } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { sendPortabilityPackage } from '../delivery/send-portability-package.ts';
import { finishRequestIn } from './finish-request.ts';
import { includeManualUploads } from './include-manual-uploads.ts';

/**
 * Closes an in-progress request whose tasks are all closed: access and portability packages are first
 * rebuilt with the manual uploads, so a package exists with every file before the person is told. Does
 * nothing while a task is open. Throws when the package cannot be built (the request stays in progress).
 */
export async function finishRequestAfterTasks(
  deps: RequestDeps,
  requestId: string,
  actor: string,
  signal: AbortSignal,
): Promise<void> {
  const request = await getRequest(deps, requestId);
  if (request === undefined || request.status !== 'in_progress') return;
  const open = await deps.store.db
    .selectFrom('request_tasks')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst();
  if (open !== undefined) return;
  if (request.type === 'access' || request.type === 'portability')
    await includeManualUploads(deps, requestId, signal);
  const finished = await deps.store.transaction((trx) => finishRequestIn(deps, trx, requestId, actor));
  if (finished !== undefined) {
    await enqueueStatusChanged(deps, [finished.eventId]);
    await deliverRequestMail(deps, [finished.mail]);
    if (request.type === 'portability' && request.details.portabilityTarget !== undefined) {
      // A failed attempt is on the timeline; the `requests.portability-send` schedule retries it.
      await sendPortabilityPackage(deps, requestId, signal).catch(() => false);
    }
  }
}
