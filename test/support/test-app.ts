import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { createUser } from '../../src/auth/create-user.ts';
import { loadConfig, type Config } from '../../src/config/load-config.ts';
import { systemClock, type Clock } from '../../src/domain/clock.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { PrivetApp } from '../../src/http/app-deps.ts';
import { createApp } from '../../src/http/create-app.ts';
import { createMetrics } from '../../src/http/metrics.ts';
import { privetJobs } from '../../src/cli/privet-jobs.ts';
import { createJobQueue } from '../../src/jobs/create-job-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Store } from '../../src/store/store.ts';
import { defaultWebDist } from '../../src/cli/start-server.ts';
import { openTestStore, type StoreKind } from './test-stores.ts';
import { createSharedDecider } from '../../src/consent/decisions/shared-decider.ts';

export interface TestApp {
  readonly app: PrivetApp;
  readonly store: Store;
  /** The URL the store was opened from, for a second replica or a child process. */
  readonly storeUrl: string;
  readonly queue: JobQueue;
  readonly config: Config;
  /** Base URL once listening (`listen: true`), else the configured public URL. */
  readonly url: string;
  createUser(input: { email: string; password?: string; role: Role; name?: string }): Promise<{ id: string }>;
  /** A fresh API key of the role. */
  apiKey(role: Role): Promise<string>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  readonly kind?: StoreKind;
  readonly clock?: Clock;
  /** Listen on 127.0.0.1 on a free port (for Chromium); otherwise use `app.inject`. */
  readonly listen?: boolean;
  readonly env?: Record<string, string>;
  /** Called before the app is ready, to add test-only routes. */
  readonly beforeReady?: (app: PrivetApp) => void;
  /** Receives every log line (the log level is then `info` unless env sets it). */
  readonly logStream?: { write(line: string): void };
}

/** Builds the real app over a fresh store of the given kind. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testStore = await openTestStore(options.kind ?? 'sqlite');
  const dataDir = await mkdtemp(join(tmpdir(), 'privet-app-'));
  const config = loadConfig({
    PRIVET_DATA_DIR: dataDir,
    PRIVET_SECRET: 'test-secret-test-secret-test-secret-0123',
    PRIVET_LOG_LEVEL: options.logStream ? 'info' : 'silent',
    PORT: '0',
    ...options.env,
  });
  const clock = options.clock ?? systemClock;
  const store = testStore.store;
  const metrics = createMetrics();
  const decisions = createSharedDecider({ store });
  const queue = createJobQueue({ store, clock, registry: privetJobs({ store, clock, config, decisions }) });
  metrics.setQueueDepthSource(() => queue.depth());
  const app = await createApp({
    config,
    store,
    clock,
    queue,
    metrics,
    decisions,
    webDist: defaultWebDist,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  options.beforeReady?.(app);
  const url = options.listen ? await app.listen({ port: 0, host: '127.0.0.1' }) : config.publicUrl;
  if (!options.listen) await app.ready();
  const deps = { store, clock };
  return {
    app,
    store,
    storeUrl: testStore.url,
    queue,
    config,
    url,
    createUser: (input) => createUser(deps, input, 'test'),
    apiKey: async (role) => (await createApiKey(deps, { name: `test ${role}`, role }, 'test')).key,
    stop: async () => {
      await app.close();
      await queue.close();
      await testStore.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
