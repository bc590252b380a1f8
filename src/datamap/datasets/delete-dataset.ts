import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { DatasetDeps } from './dataset-deps.ts';

/** Deletes a stored dataset and audits it; `not_found` when there is none. */
export async function deleteDataset(
  deps: DatasetDeps,
  fidesKey: string,
  actor: string,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  await deps.store.transaction(async (trx) => {
    const result = await trx.deleteFrom('datasets').where('fides_key', '=', fidesKey).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new PrivetError('not_found', `No dataset "${fidesKey}"`);
    await appendAudit(deps, { actor, action: 'datamap.dataset.delete', target: `dataset:${fidesKey}` }, trx);
  });
}
