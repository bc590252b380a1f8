import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from 'typebox';
import { defineJob } from './job-definition.ts';

/**
 * A diagnostic job that waits `delayMs` (cut short by shutdown) and does nothing else. Tests and health checks
 * count its runs through `job_runs`; `key` only tells payloads apart.
 */
export const systemEchoJob = defineJob({
  kind: 'system.echo',
  schema: Type.Object({ key: Type.String(), delayMs: Type.Optional(Type.Integer({ minimum: 0 })) }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000 },
  // Short, because on PostgreSQL a crashed worker's job runs again only after its timeout (plus a grace).
  timeoutMs: 120_000,
  handler: async (payload, ctx) => {
    if (payload.delayMs !== undefined && payload.delayMs > 0)
      await sleep(payload.delayMs, undefined, { signal: ctx.signal });
  },
});
