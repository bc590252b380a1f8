import { Type } from 'typebox';
import { defineJob } from '../../jobs/job-definition.ts';
import { withJobQueue, type RequestDeps } from '../request-deps.ts';
import { executeRequest } from './execute-request.ts';
import { EXECUTE_JOB } from './start-request.ts';

/** The job that carries out a started request (engine runs, ledger entries), then closes it. */
export function executeRequestJob(deps: RequestDeps) {
  return defineJob({
    kind: EXECUTE_JOB,
    schema: Type.Object({ requestId: Type.String() }),
    maxAttempts: 5,
    backoff: { baseMs: 30_000, factor: 2, maxMs: 30 * 60_000 },
    timeoutMs: 2 * 3_600_000,
    handler: async ({ requestId }, ctx) => executeRequest(withJobQueue(deps, ctx), requestId, ctx.signal),
  });
}
