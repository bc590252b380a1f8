// A worker process for the crash test: runs `test.block` jobs and prints "started <jobId>" once a handler
// runs, so the test can kill it with SIGKILL mid-job. Usage: node --import tsx crash-worker.fixture.ts <db url>
import { systemClock } from '../domain/clock.ts';
import { openStore } from '../store/open-store.ts';
import { createJobQueue } from './create-job-queue.ts';
import { createJobRegistry } from './job-registry.ts';
import { blockingJob } from './job-test-kit.ts';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: crash-worker.fixture.ts <database url>');
const store = openStore(url);
const registry = createJobRegistry([blockingJob({ onStart: (jobId) => process.stdout.write(`started ${jobId}\n`) })]);
const queue = createJobQueue(
  { store, clock: systemClock, registry, workerId: 'doomed-worker' },
  { pollIntervalMs: 20, leaseMs: 60_000 },
);
await queue.work({ signal: new AbortController().signal });
