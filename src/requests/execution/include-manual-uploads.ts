import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../../domain/ids.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { writeMergedPackage, type ManualFile } from '../package/write-merged-package.ts';
import type { RequestDeps } from '../request-deps.ts';
import { latestPackage } from '../status/request-status-view.ts';
import { packagesDir, recordPackage } from './write-request-package.ts';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/json': '.json',
  'text/csv': '.csv',
  'text/plain': '.txt',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/xml': '.xml',
  'text/xml': '.xml',
};

function fileName(taskId: string, result: string | null): string {
  const upload = (
    JSON.parse(result ?? 'null') as { upload?: { filename?: string; contentType?: string } } | null
  )?.upload;
  if (upload?.filename !== undefined) return upload.filename;
  const type = (upload?.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return `${taskId}${EXTENSIONS[type] ?? '.bin'}`;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Rebuilds the package of an access or portability request so it also holds the files uploaded to its manual
 * tasks (`manual/<system>/<file>`, hashed in the manifest), replacing the engine's package. Does nothing when
 * no manual task has an upload. Returns the number of files added.
 */
export async function includeManualUploads(
  deps: RequestDeps,
  requestId: string,
  signal: AbortSignal,
): Promise<number> {
  const uploads = await deps.store.db
    .selectFrom('request_tasks')
    .select(['id', 'target', 'result', 'upload_path', 'upload_sha256'])
    .where('request_id', '=', requestId)
    .where('kind', '=', 'manual')
    .where('status', '=', 'done')
    .where('upload_path', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const files: ManualFile[] = uploads.map((u) => ({
    system: u.target,
    name: fileName(u.id, u.result),
    path: u.upload_path ?? '',
    sha256: u.upload_sha256 ?? '',
  }));
  if (files.length === 0) return 0;
  const request = await deps.store.db
    .selectFrom('requests')
    .select('type')
    .where('id', '=', requestId)
    .executeTakeFirst();
  const now = deps.clock.now();
  const base = await latestPackage(deps, requestId, now.toISOString());
  const dir = packagesDir(deps.config.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const outFile = join(dir, `${requestId}-${newId('pkg', now)}.zip`);
  const partial = `${outFile}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeMergedPackage(
      { base: base?.path, files, generatedAt: now, index: request?.type === 'access' },
      createWriteStream(partial, { mode: 0o600 }),
      signal,
    );
    const written = { path: outFile, sha256: await sha256Of(partial), bytes: (await stat(partial)).size };
    await rename(partial, outFile);
    await deps.store.transaction(async (trx) => {
      // The engine's package lacks the uploads: it is replaced, so the person downloads one whole package.
      if (base !== undefined)
        await trx
          .updateTable('request_packages')
          .set({ purged_at: now.toISOString() })
          .where('id', '=', base.id)
          .execute();
      await recordPackage(deps, trx, requestId, written);
      await appendRequestEvent(deps, trx, {
        requestId,
        kind: 'action',
        actor: 'system',
        message: `Package built with ${files.length} file(s) uploaded by staff`,
        public: false,
        data: { sha256: written.sha256 },
      });
    });
  } catch (error) {
    await rm(outFile, { force: true });
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
  if (base !== undefined) await rm(base.path, { force: true });
  return files.length;
}
