import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrivetError } from '../domain/errors.ts';

export interface EnsureWebBuiltOptions {
  /** The repository root, the folder holding web/. */
  readonly root: string;
  /** Build even when web/dist looks current. */
  readonly force?: boolean;
  readonly log: (message: string) => void;
}

// Entries under web/ that are not sources of the build.
const SKIPPED = new Set(['dist', 'dist.lock', 'node_modules']);

// Both pages are written at the end of a build: the older one dates the whole build.
const BUILT_PAGES = ['index.html', join('admin', 'index.html')];

// A lock older than this was left by a build that died; a real build takes seconds.
const STALE_LOCK_MS = 5 * 60_000;

async function newestSourceTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestSourceTime(path) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

async function buildTime(dist: string): Promise<number | null> {
  try {
    const times = await Promise.all(BUILT_PAGES.map(async (page) => (await stat(join(dist, page))).mtimeMs));
    return Math.min(...times);
  } catch {
    return null;
  }
}

/** Why web/dist needs a build, or null when it is current. */
async function staleReason(web: string): Promise<string | null> {
  const built = await buildTime(join(web, 'dist'));
  if (built === null) return 'web/dist is missing';
  return (await newestSourceTime(web)) > built ? 'files under web/ changed since the last build' : null;
}

/**
 * Takes the build lock (a directory: creating one is atomic), so that processes starting together, such as
 * parallel test files, do not empty web/dist under each other. Resolves once this process holds it.
 */
async function lock(path: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const since = await stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (since !== null && Date.now() - since > STALE_LOCK_MS)
      await rm(path, { recursive: true, force: true });
    else await sleep(200);
  }
}

/** Builds the privacy center and admin console with Vite when web/dist is missing or older than web/. */
export async function ensureWebBuilt(options: EnsureWebBuiltOptions): Promise<void> {
  const web = join(options.root, 'web');
  if (options.force !== true && (await staleReason(web)) === null) return;
  const lockPath = join(web, 'dist.lock');
  await lock(lockPath);
  try {
    // Another process may have built while this one waited for the lock.
    const reason = options.force === true ? 'a build was asked for' : await staleReason(web);
    if (reason === null) return;
    options.log(`Building the web apps (${reason})…`);
    // Loaded only when needed: a server with a current build never pays for Vite.
    const vite = await import('vite').catch((error: unknown) => {
      throw new PrivetError('unavailable', 'Vite is missing, so the web apps cannot be built: run npm ci', {
        cause: error,
      });
    });
    const started = Date.now();
    await vite.build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
    options.log(`Built the web apps into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}
