// Helpers for the jobs test suites (imported only by *.test.ts files and the crash fixture).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import type { Store } from '../store/store.ts';
import { defineJob, type JobDefinition } from './job-definition.ts';

/** Polls `check` until it returns a value other than undefined or false; throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(15);
  }
}

/** The attempts of a job as `job_runs` recorded them, oldest first. */
export async function runsOf(
  store: Store,
  jobId: string,
): Promise<{ attempt: number; outcome: string | null; error: string | null; worker: string }[]> {
  return store.db
    .selectFrom('job_runs')
    .select(['attempt', 'outcome', 'error', 'worker'])
    .where('job_id', '=', jobId)
    .orderBy('attempt')
    .orderBy('started_at')
    .execute();
}

/** Counts handler calls per payload key, shared by every queue of one test process. */
export interface CallLog {
  readonly calls: Map<string, number>;
  count(key: string): number;
}

/** A fresh call log. */
export function createCallLog(): CallLog {
  const calls = new Map<string, number>();
  return { calls, count: (key) => calls.get(key) ?? 0 };
}

const KeyPayload = Type.Object({ key: Type.String() });

/** `test.count` (or another kind): counts its calls in the log and completes. */
export function countingJob(log: CallLog, kind = 'test.count'): JobDefinition<{ key: string }> {
  return defineJob({
    kind,
    schema: KeyPayload,
    handler: async ({ key }) => {
      log.calls.set(key, log.count(key) + 1);
    },
  });
}

/** `test.chain`: queues `test.count` for its key through the job context, once per key (idempotent). */
export function chainingJob(): JobDefinition<{ key: string }> {
  return defineJob({
    kind: 'test.chain',
    schema: KeyPayload,
    handler: async ({ key }, ctx) => {
      if (ctx.enqueue === undefined) throw new Error('no enqueue in the job context');
      await ctx.enqueue('test.count', { key }, { idempotencyKey: `chain:${key}` });
    },
  });
}

/** `test.flaky`: fails every attempt before `succeedOn` (never, when absent) with "boom <attempt>". */
export function flakyJob(backoffMs: number): JobDefinition<{ key: string; succeedOn?: number }> {
  return defineJob({
    kind: 'test.flaky',
    schema: Type.Object({ key: Type.String(), succeedOn: Type.Optional(Type.Integer()) }),
    maxAttempts: 3,
    backoff: { baseMs: backoffMs, factor: 2 },
    handler: async ({ succeedOn }, ctx) => {
      if (succeedOn === undefined || ctx.attempt < succeedOn) throw new Error(`boom ${ctx.attempt}`);
    },
  });
}

/**
 * `test.block`: reports its start, then waits for the signal; after the abort it still needs `cleanupMs`
 * (ignoring the signal) before it rethrows, as a handler closing a connection would.
 */
export function blockingJob(hooks: {
  readonly onStart?: (jobId: string) => void;
  readonly cleanupMs?: number;
  readonly onCleanedUp?: (jobId: string) => void;
}): JobDefinition<{ key: string }> {
  return defineJob({
    kind: 'test.block',
    schema: KeyPayload,
    handler: async (_payload, ctx) => {
      hooks.onStart?.(ctx.jobId);
      try {
        await new Promise((_resolve, reject) => {
          const stop = (): void => reject(new Error(String(ctx.signal.reason)));
          if (ctx.signal.aborted) stop();
          else ctx.signal.addEventListener('abort', stop, { once: true });
        });
      } finally {
        await sleep(hooks.cleanupMs ?? 0);
        hooks.onCleanedUp?.(ctx.jobId);
      }
    },
  });
}

/** A worker process running crash-worker.fixture.ts, to be killed with SIGKILL while it runs a job. */
export interface CrashWorker {
  /** Resolves once the child's handler for the job has started. */
  started(jobId: string): Promise<void>;
  /** Kills the child with SIGKILL and waits for it to exit; safe to call twice. */
  kill(): Promise<void>;
}

/** Starts the crash fixture against a database with the given adapter. */
export function spawnCrashWorker(url: string, adapter: 'in-process' | 'pg-boss'): CrashWorker {
  const fixture = fileURLToPath(new URL('./crash-worker.fixture.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, url, adapter], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    started: async (jobId) => {
      await waitFor(`the child to start ${jobId}`, () => output.includes(`started ${jobId}`));
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
