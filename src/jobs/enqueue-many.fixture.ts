// A process that enqueues one idempotency key many times, for the multi-process test; prints the results as JSON.
// Usage: node --import tsx enqueue-many.fixture.ts <database url> <idempotency key> <count>
import { systemClock } from '../domain/clock.ts';
import { openStore } from '../store/open-store.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { createJobQueue } from './create-job-queue.ts';
import type { EnqueueResult } from './queue.ts';

const [url, key, count] = process.argv.slice(2);
if (url === undefined || key === undefined || count === undefined)
  throw new Error('usage: <url> <key> <count>');
const store = openStore(url);
const queue = createJobQueue({ store, clock: systemClock, registry: builtInJobs() });
const results: EnqueueResult[] = await Promise.all(
  Array.from({ length: Number(count) }, () => queue.enqueue('system.echo', { key }, { idempotencyKey: key })),
);
process.stdout.write(JSON.stringify(results));
await queue.close();
await store.close();
