import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestDeps } from '../request-deps.ts';

/** Where packages live: `<data dir>/packages`. */
export function packagesDir(dataDir: string): string {
  return join(dataDir, 'packages');
}

/** A package file written for a request, before it is recorded. */
export interface WrittenPackage {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Records a written package, downloadable until the retention period ends. */
export async function recordPackage(
  deps: Pick<RequestDeps, 'clock' | 'config'>,
  trx: Kysely<Database>,
  requestId: string,
  written: WrittenPackage,
): Promise<string> {
  const now = deps.clock.now();
  const id = newId('rqp', now);
  await trx
    .insertInto('request_packages')
    .values({
      id,
      request_id: requestId,
      path: written.path,
      sha256: written.sha256,
      bytes: written.bytes,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.config.packageRetentionDays * 86_400_000).toISOString(),
      purged_at: null,
      download_token_hash: null,
      download_expires_at: null,
      downloaded_at: null,
    })
    .execute();
  return id;
}
