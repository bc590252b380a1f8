// A worker process for the crash tests: runs `test.block` jobs and prints "started <jobId>" once a handler
// runs, so the test can kill it with SIGKILL mid-job.
// Usage: node --import tsx crash-worker.fixture.ts <database url> in-process|pg-boss
import { systemClock } from '../domain/clock.ts';
import { openStore } from '../store/open-store.ts';
import { createInProcessQueue } from './in-process-queue.ts';
import { createJobRegistry } from './job-registry.ts';
import { blockingJob } from './job-test-kit.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';

const [url, adapter] = process.argv.slice(2);
if (url === undefined) throw new Error('usage: crash-worker.fixture.ts <database url> in-process|pg-boss');
const store = openStore(url);
const registry = createJobRegistry([
  blockingJob({ onStart: (jobId) => process.stdout.write(`started ${jobId}\n`) }),
]);
const create = adapter === 'pg-boss' ? createPgBossQueue : createInProcessQueue;
const queue = create(
  { store, clock: systemClock, registry, workerId: 'doomed-worker' },
  { pollIntervalMs: 20, leaseMs: 60_000 },
);
await queue.work({ signal: new AbortController().signal });
