import { newId } from '../../domain/ids.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { currentOwner, ownerMayBeRunning } from './run-owner.ts';
import {
  claimRun,
  createRun,
  ensureSteps,
  findResumableRun,
  getRun,
  loadSteps,
  type StepRecord,
} from './run-store.ts';

/** The run to work on: its id, its stored steps, and whether it was resumed. */
export interface OpenedRun {
  readonly runId: string;
  readonly records: readonly StepRecord[];
  readonly resumed: boolean;
}

/**
 * Starts a run, or resumes the unfinished one with the same resume key (erasure and rectification), or the
 * one named. A run whose owner process is still alive is not taken over (`conflict`), unless it is named.
 */
export async function openRun(
  deps: RequestEngineDeps,
  request: {
    readonly type: string;
    readonly resumeKey: string;
    readonly resumable: boolean;
    readonly requested: string | undefined;
    readonly steps: readonly { key: string; phase: string; collection: string }[];
    readonly input: unknown;
  },
): Promise<OpenedRun> {
  const owner = currentOwner();
  let existing = request.requested === undefined ? undefined : await getRun(deps, request.requested);
  if (request.requested !== undefined) {
    if (existing === undefined) throw new PrivetError('not_found', `No request run ${request.requested}`);
    if (existing.resumeKey !== request.resumeKey)
      throw new PrivetError(
        'conflict',
        `Run ${request.requested} is another request (type, identities, datasets or connections differ)`,
      );
    if (existing.status === 'completed')
      throw new PrivetError('conflict', `Run ${request.requested} has completed`);
  } else if (request.resumable) {
    existing = await findResumableRun(deps, request.resumeKey);
    if (existing?.status === 'running' && ownerMayBeRunning(existing.owner))
      throw new PrivetError(
        'conflict',
        `The same request is running (run ${existing.id}); pass --run-id to take it over`,
      );
  }
  const runId = existing?.id ?? newId('run', deps.clock.now());
  if (existing === undefined) {
    // A new run: its steps are the ones just stored, pending, so they need not be read back.
    await createRun(deps, {
      id: runId,
      type: request.type,
      resumeKey: request.resumeKey,
      owner,
      input: request.input,
      steps: request.steps,
    });
    const records: StepRecord[] = request.steps.map((s, position) => ({
      ...s,
      position,
      status: 'pending',
      attempt: 0,
      state: null,
      result: null,
      error: null,
    }));
    return { runId, records, resumed: false };
  }
  await claimRun(deps, runId, owner);
  await ensureSteps(deps, runId, request.steps);
  return { runId, records: await loadSteps(deps, runId), resumed: true };
}
