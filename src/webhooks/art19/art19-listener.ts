import type { RequestStatusListener } from '../../requests/lifecycle/request-status-listener.ts';
import type { DeliveryPolicy } from '../webhook-deps.ts';
import { ART19_DONE_STATUSES, ART19_REQUEST_TYPES, type Art19Deps } from './art19-deps.ts';
import { sendArt19Notices } from './send-art19-notices.ts';

/**
 * The request-status listener that sends Art. 19 notices once a rectification, erasure or restriction is
 * completed (wholly or in part). Idempotent: recipients already told are skipped, so a retry sends nothing twice.
 */
export function art19Listener(deps: Art19Deps & { readonly policy?: DeliveryPolicy }): RequestStatusListener {
  return async (change, signal) => {
    if (!(ART19_REQUEST_TYPES as readonly string[]).includes(change.type)) return;
    if (!(ART19_DONE_STATUSES as readonly string[]).includes(change.to)) return;
    await sendArt19Notices(deps, change.requestId, signal);
  };
}
