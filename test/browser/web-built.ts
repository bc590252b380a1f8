import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from '../../src/cli/ensure-web-built.ts';

/** Builds web/dist when it is missing or stale, so a browser test run on its own tests the current sources. */
export function webBuilt(): Promise<void> {
  return ensureWebBuilt({ root: fileURLToPath(new URL('../../', import.meta.url)), log: () => undefined });
}
