import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/load-config.ts';
import { PrivetError } from '../domain/errors.ts';
import type { Store } from '../store/store.ts';
import { openMigratedStore } from './open-store-from-config.ts';

/**
 * Opens the store for one command and closes it in any case. Ctrl-C aborts the running step; an import then
 * rolls back instead of being cut off half-way.
 */
export async function withStore(run: (store: Store, signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  const abort = () => controller.abort(new PrivetError('unavailable', 'Interrupted; nothing was changed'));
  process.once('SIGINT', abort);
  const store = await openMigratedStore(loadConfig());
  try {
    await run(store, controller.signal);
  } finally {
    process.off('SIGINT', abort);
    await store.close();
  }
}

/** Reads a file as UTF-8; a missing or unreadable file is a `bad_request` naming it. */
export async function readText(path: string, signal: AbortSignal): Promise<string> {
  try {
    return await readFile(path, { encoding: 'utf8', signal });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new PrivetError('bad_request', `${path}: cannot read the file (${reason})`, { cause: error });
  }
}
