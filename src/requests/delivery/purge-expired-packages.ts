import { rm } from 'node:fs/promises';
import type { RequestDeps } from '../request-deps.ts';

/** Deletes package files whose retention ended and marks them purged; returns how many. */
export async function purgeExpiredPackages(deps: Pick<RequestDeps, 'store' | 'clock'>): Promise<number> {
  const now = deps.clock.now().toISOString();
  const due = await deps.store.db
    .selectFrom('request_packages')
    .select(['id', 'path'])
    .where('purged_at', 'is', null)
    .where('expires_at', '<=', now)
    .limit(1000)
    .execute();
  for (const pkg of due) {
    await rm(pkg.path, { force: true });
    await deps.store.db
      .updateTable('request_packages')
      .set({ purged_at: now, download_token_hash: null })
      .where('id', '=', pkg.id)
      .execute();
  }
  return due.length;
}
