import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/clock.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';

/** A request run as stored. */
export interface RunRecord {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly resumeKey: string;
  readonly owner: string | null;
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
}

/** A checkpointed step as stored. */
export interface StepRecord {
  readonly key: string;
  readonly position: number;
  readonly phase: string;
  readonly collection: string;
  readonly status: 'pending' | 'prepared' | 'done' | 'failed';
  readonly attempt: number;
  readonly state: string | null;
  readonly result: string | null;
  readonly error: string | null;
}

/** What the run repository needs. */
export interface RunStoreDeps {
  readonly store: Store;
  readonly clock: Clock;
}

type RunRow = Awaited<ReturnType<typeof selectRun>>;

function selectRun(deps: RunStoreDeps, id: string) {
  return deps.store.db.selectFrom('request_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

function toRecord(row: NonNullable<RunRow>): RunRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    resumeKey: row.resume_key,
    owner: row.owner,
    progress: { done: row.progress_done, total: row.progress_total },
    createdAt: row.created_at,
  };
}

/**
 * Creates a run in status `running`, held by `owner`; `input` is stored as JSON (no identity values). With
 * `steps`, its steps are stored pending in the same transaction.
 */
export async function createRun(
  deps: RunStoreDeps,
  run: {
    id: string;
    type: string;
    resumeKey: string;
    owner: string;
    input: unknown;
    steps?: readonly { key: string; phase: string; collection: string }[];
  },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const steps = (run.steps ?? []).map((s, position) => ({
    run_id: run.id,
    step_key: s.key,
    position,
    phase: s.phase,
    collection: s.collection,
    status: 'pending',
    attempt: 0,
    state: null,
    result: null,
    error: null,
    updated_at: now,
  }));
  await deps.store.transaction(async (trx) => {
    await trx
      .insertInto('request_runs')
      .values({
        id: run.id,
        type: run.type,
        status: 'running',
        resume_key: run.resumeKey,
        owner: run.owner,
        input: JSON.stringify(run.input),
        progress_done: 0,
        progress_total: 0,
        result: null,
        error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .execute();
    if (steps.length > 0) await trx.insertInto('request_steps').values(steps).execute();
  });
}

/** One run, or undefined. */
export async function getRun(deps: RunStoreDeps, id: string): Promise<RunRecord | undefined> {
  const row = await selectRun(deps, id);
  return row && toRecord(row);
}

/** The latest run with this resume key that did not complete, if any. */
export async function findResumableRun(
  deps: RunStoreDeps,
  resumeKey: string,
): Promise<RunRecord | undefined> {
  const row = await deps.store.db
    .selectFrom('request_runs')
    .selectAll()
    .where('resume_key', '=', resumeKey)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row === undefined || row.status === 'completed' ? undefined : toRecord(row);
}

/** Marks the run running again under a new owner. */
export async function claimRun(deps: RunStoreDeps, id: string, owner: string): Promise<void> {
  await deps.store.db
    .updateTable('request_runs')
    .set({ status: 'running', owner, finished_at: null, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Adds the steps a run does not have yet (a resumed run keeps its own). */
export async function ensureSteps(
  deps: RunStoreDeps,
  runId: string,
  steps: readonly { key: string; phase: string; collection: string }[],
): Promise<void> {
  const existing = new Set((await loadSteps(deps, runId)).map((s) => s.key));
  const now = deps.clock.now().toISOString();
  const rows = steps
    .map((s, position) => ({ ...s, position }))
    .filter((s) => !existing.has(s.key))
    .map((s) => ({
      run_id: runId,
      step_key: s.key,
      position: s.position,
      phase: s.phase,
      collection: s.collection,
      status: 'pending',
      attempt: 0,
      state: null,
      result: null,
      error: null,
      updated_at: now,
    }));
  if (rows.length > 0) await deps.store.db.insertInto('request_steps').values(rows).execute();
}

/** The run's steps in order. */
export async function loadSteps(deps: RunStoreDeps, runId: string): Promise<StepRecord[]> {
  const rows = await deps.store.db
    .selectFrom('request_steps')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    key: r.step_key,
    position: r.position,
    phase: r.phase,
    collection: r.collection,
    status: r.status as StepRecord['status'],
    attempt: r.attempt,
    state: r.state,
    result: r.result,
    error: r.error,
  }));
}

/** Records a step's new status with its checkpoint, result or error; `attempt` counts tries. */
export async function saveStep(
  deps: RunStoreDeps,
  runId: string,
  key: string,
  patch: {
    status: StepRecord['status'];
    attempt?: number;
    state?: string | null;
    result?: string | null;
    error?: string | null;
  },
  db: Kysely<Database> = deps.store.db,
): Promise<void> {
  await db
    .updateTable('request_steps')
    .set({ ...patch, updated_at: deps.clock.now().toISOString() })
    .where('run_id', '=', runId)
    .where('step_key', '=', key)
    .execute();
}

/** Records progress (steps done of total) on the run, for the API and other processes to read. */
export async function saveProgress(
  deps: RunStoreDeps,
  runId: string,
  done: number,
  total: number,
  db: Kysely<Database> = deps.store.db,
): Promise<void> {
  await db
    .updateTable('request_runs')
    .set({ progress_done: done, progress_total: total, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', runId)
    .execute();
}

/**
 * Ends the run; a completed run's checkpoints (the subject's keys, prepared values) are cleared. Pass `trx` to
 * do it in that transaction (with the run's audit entry).
 */
export async function finishRun(
  deps: RunStoreDeps,
  runId: string,
  outcome: { status: string; result: unknown; error: string | null },
  trx?: Kysely<Database>,
): Promise<void> {
  if (trx === undefined) return deps.store.transaction((inner) => finishRun(deps, runId, outcome, inner));
  const now = deps.clock.now().toISOString();
  await trx
    .updateTable('request_runs')
    .set({
      status: outcome.status,
      owner: null,
      result: JSON.stringify(outcome.result),
      error: outcome.error,
      updated_at: now,
      finished_at: now,
    })
    .where('id', '=', runId)
    .execute();
  if (outcome.status === 'completed')
    await trx.updateTable('request_steps').set({ state: null }).where('run_id', '=', runId).execute();
}
