// Test support: the requests engine's dependencies over a fresh test store.
import { openDataConnection } from '../../src/connectors/open-data-connection.ts';
import { openIntrospector } from '../../src/connectors/open-introspector.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { openTestStore, type StoreKind, type TestStore } from '../support/test-stores.ts';

/** The secret the engine tests mask with. */
export const TEST_SECRET = 'engine-test-secret-engine-test-secret-01';

/** Engine deps over a fresh store of the kind; retries are quick so that a dead server fails fast. */
export async function openEngineDeps(
  kind: StoreKind = 'sqlite',
): Promise<{ deps: RequestEngineDeps; store: TestStore }> {
  const store = await openTestStore(kind);
  return {
    store,
    deps: {
      store: store.store,
      clock: fixedClock('2026-06-01T00:00:00Z'),
      secret: TEST_SECRET,
      openConnection: openDataConnection,
      openIntrospector,
      retry: { delaysMs: [20, 50] },
    },
  };
}
