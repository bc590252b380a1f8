import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCommand, type Spawned } from '../support/run-cli.ts';

const JOBS = 200;
// Privet's own schedules (mail, webhook and request sweeps) run beside the echo jobs: count only the latter.
const ECHO_RUNS_COMPLETED =
  "select count(*) n from job_runs r join jobs j on j.id = r.job_id where j.kind = 'system.echo' and r.outcome = 'completed'";
const ECHO_JOBS_RUN =
  "select count(distinct r.job_id) n from job_runs r join jobs j on j.id = r.job_id where j.kind = 'system.echo' and r.outcome = 'completed'";

function count(dbFile: string, query: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(query).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitUntil(what: string, check: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('crash: kill -9 the server with jobs queued on SQLite', () => {
  const spawned: Spawned[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const p of spawned) p.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`completes every one of ${JOBS} jobs exactly once after a restart`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'privet-crash-'));
    const dbFile = join(dataDir, 'privet.db');
    const env = { PRIVET_DATA_DIR: dataDir, PORT: '0', PRIVET_LOG_LEVEL: 'warn' };
    const key = (
      JSON.parse((await runCli(['admin', 'create-key', '--role', 'admin', '--json'], env)).stdout) as {
        key: string;
      }
    ).key;

    const first = spawnCommand('node', ['bin/privet.mjs', 'serve'], env);
    spawned.push(first);
    const url = (await first.waitFor(/serving on (http:\/\/[\d.:]+)/))[1] ?? '';
    for (let i = 0; i < JOBS; i += 1) {
      const res = await fetch(`${url}/api/admin/jobs/echo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: `crash-${i}`, delayMs: 30 }),
      });
      expect(res.status).toBe(201);
    }
    // Kill while some jobs are done, some running and most still queued.
    await waitUntil(
      'a few jobs to complete',
      () =>
        count(dbFile, "select count(*) n from jobs where kind = 'system.echo' and status = 'completed'") >= 5,
    );
    first.kill('SIGKILL');
    await first.exited();
    const doneBeforeCrash = count(
      dbFile,
      "select count(*) n from jobs where kind = 'system.echo' and status = 'completed'",
    );
    expect(doneBeforeCrash).toBeLessThan(JOBS);

    const second = spawnCommand('node', ['bin/privet.mjs', 'serve'], env);
    spawned.push(second);
    await second.waitFor(/serving on/);
    await waitUntil(
      'every job to complete',
      () =>
        count(dbFile, "select count(*) n from jobs where kind = 'system.echo' and status = 'completed'") ===
        JOBS,
    );
    second.kill('SIGTERM');
    expect(await second.exited()).toBe(0);

    expect(count(dbFile, "select count(*) n from jobs where kind = 'system.echo'")).toBe(JOBS);
    expect(count(dbFile, ECHO_RUNS_COMPLETED)).toBe(JOBS);
    expect(count(dbFile, ECHO_JOBS_RUN)).toBe(JOBS);
  });
});
