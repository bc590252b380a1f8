import { fileURLToPath } from 'node:url';
import { ensureFirstAdmin } from '../auth/ensure-first-admin.ts';
import type { Config } from '../config/load-config.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createApp } from '../http/create-app.ts';
import { createMetrics } from '../http/metrics.ts';
import type { PrivetApp } from '../http/app-deps.ts';
import { createJobQueue } from '../jobs/create-job-queue.ts';
import { privetJobs } from './privet-jobs.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Store } from '../store/store.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';
import { createSharedDecider } from '../consent/decisions/shared-decider.ts';

/** The built web apps, next to the sources. */
export const defaultWebDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface RunningServer {
  readonly app: PrivetApp;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly url: string;
  /** Stops taking requests and jobs, waits for running jobs, closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: Config;
  readonly worker: boolean;
  readonly io: CliIo;
  readonly clock?: Clock;
  readonly webDist?: string;
  /** Seed demo data and create the first admin (true for `privet serve`). */
  readonly firstStart?: boolean;
}

/** Opens the store, seeds, starts the HTTP server and, unless disabled, an in-process worker. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, io } = options;
  const clock = options.clock ?? systemClock;
  const store = await openMigratedStore(config);
  const metrics = createMetrics();
  // One decider per process: the decision routes and campaign sends share its index.
  const decisions = createSharedDecider({ store });
  const queue = createJobQueue({
    store,
    clock,
    registry: privetJobs({ store, clock, config, decisions }),
    onJobFinished: (kind, outcome, seconds) => metrics.observeJob(kind, outcome, seconds),
  });
  metrics.setQueueDepthSource(() => queue.depth());
  const app = await createApp({
    config,
    store,
    clock,
    queue,
    metrics,
    decisions,
    webDist: options.webDist ?? defaultWebDist,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  if (options.firstStart !== false) {
    if (config.demo) {
      const seeded = await seedDemo({ store, clock, config });
      if (seeded.length > 0) io.out(`Seeded demo data: ${seeded.join(', ')}.`);
    }
    // With PORT=0 only the listening address tells where the console is.
    const publicUrl = config.publicUrlSet ? config.publicUrl : address;
    const admin = await ensureFirstAdmin({ store, clock, publicUrl });
    if (admin) {
      io.out(
        `\nFirst start: created the admin ${admin.email}. Sign in to the admin console with this one-time link`,
      );
      io.out(`(valid until ${admin.expiresAt.toISOString()}), then set a password:\n\n  ${admin.url}\n`);
    }
  }
  const workerAbort = new AbortController();
  const working = options.worker ? queue.work({ signal: workerAbort.signal }) : Promise.resolve();
  io.out(`Privet is serving on ${address}${options.worker ? ' with an in-process worker' : ' (no worker)'}.`);
  return {
    app,
    store,
    queue,
    url: address,
    stop: async () => {
      workerAbort.abort();
      await app.close();
      await working;
      await queue.close();
      decisions.close();
      await store.close();
    },
  };
}
