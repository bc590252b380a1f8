import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDataConnection } from '../../connectors/open-data-connection.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { isPrivetError } from '../../domain/errors.ts';
import type { CollectionResult } from '../../engine/execution/request-result.ts';
import { runRequest, type RequestRunResult } from '../../engine/execution/run-request.ts';
import type { RequestEngineDeps } from '../../engine/execution/request-engine-deps.ts';
import { loadStoredBindings } from '../../engine/execution/stored-bindings.ts';
import { newId } from '../../domain/ids.ts';
import { exportRequestPackage } from '../package/export-request-package.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { getRequest } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { ENGINE_TYPES } from '../request-vocabulary.ts';
import { applyLedgerRequest } from './apply-ledger-request.ts';
import { finishRequestAfterTasks } from './finish-request-after-tasks.ts';
import { packagesDir, recordPackage } from './write-request-package.ts';

type TaskOutcome = { status: 'done' | 'failed'; result: unknown; error: string | null };

async function setTask(deps: RequestDeps, id: string, outcome: TaskOutcome): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.db
    .updateTable('request_tasks')
    .set({
      status: outcome.status,
      result: JSON.stringify(outcome.result ?? null),
      error: outcome.error,
      updated_at: at,
      completed_at: at,
      completed_by: 'system',
    })
    .where('id', '=', id)
    .execute();
}

function errorText(error: unknown): string {
  return isPrivetError(error) || error instanceof Error ? error.message : String(error);
}

function engineDeps(deps: RequestDeps): RequestEngineDeps {
  return {
    store: deps.store,
    clock: deps.clock,
    secret: deps.config.secret,
    openConnection: openDataConnection,
    openIntrospector: (url, signal) => openIntrospector(url, signal),
  };
}

/** Runs the engine for the request's dataset tasks; access and portability write a package file. */
async function runEngine(
  deps: RequestDeps,
  request: DataSubjectRequest,
  tasks: readonly { id: string; target: string }[],
  signal: AbortSignal,
): Promise<Map<string, TaskOutcome>> {
  const targets = new Set(tasks.map((t) => t.target));
  const bindings = (
    await loadStoredBindings({ store: deps.store, secret: deps.config.secret }, signal)
  ).filter((b) => targets.has(b.dataset.fides_key));
  const identities = [{ type: 'email', value: request.identity.email }];
  const actor = `request:${request.id}`;
  let result: RequestRunResult;
  if (request.type === 'access' || request.type === 'portability') {
    const dir = packagesDir(deps.config.dataDir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const exported = await exportRequestPackage(
      engineDeps(deps),
      {
        type: request.type,
        bindings,
        identities,
        outFile: join(dir, `${request.id}-${newId('pkg')}.zip`),
        requestId: request.id,
        actor,
      },
      signal,
    );
    await deps.store.transaction((trx) =>
      recordPackage(deps, trx, request.id, {
        path: exported.file,
        sha256: exported.sha256,
        bytes: exported.bytes,
      }),
    );
    result = exported.result;
  } else {
    result = await runRequest(
      engineDeps(deps),
      {
        type: request.type === 'erasure' ? 'erasure' : 'rectification',
        bindings,
        identities,
        corrections: Object.entries(request.details.corrections ?? {}).map(([target, value]) => ({
          target,
          value,
        })),
        actor,
      },
      signal,
    );
  }
  const outcomes = new Map<string, TaskOutcome>();
  for (const task of tasks) {
    const bound = bindings.some((b) => b.dataset.fides_key === task.target);
    const collections = Object.entries(result.collections).filter(([, r]) => r.dataset === task.target);
    const failed = collections.filter(([, r]) => r.status === 'failed');
    const summary: Record<string, Pick<CollectionResult, 'rows' | 'masked' | 'deleted' | 'kept'>> = {};
    for (const [name, r] of collections)
      summary[name] = { rows: r.rows, masked: r.masked, deleted: r.deleted, kept: r.kept };
    const error = !bound
      ? 'The dataset has no connection any more'
      : failed.length > 0
        ? failed.map(([name, r]) => `${name}: ${r.reasons.map((x) => x.message).join('; ')}`).join(' | ')
        : null;
    outcomes.set(task.target, {
      status: error === null ? 'done' : 'failed',
      result: { runId: result.runId, collections: summary },
      error,
    });
  }
  return outcomes;
}

/**
 * Carries out an in-progress request: its open automatic tasks (engine runs for data, the ledger for
 * consent, limits for restriction and objection), then closes it if no task is left open. Safe to run again:
 * finished tasks are not repeated, and an engine run resumes where it stopped.
 */
export async function executeRequest(
  deps: RequestDeps,
  requestId: string,
  signal: AbortSignal,
): Promise<void> {
  const request = await getRequest(deps, requestId);
  if (request === undefined || request.status !== 'in_progress') return;
  const tasks = await deps.store.db
    .selectFrom('request_tasks')
    .select(['id', 'target'])
    .where('request_id', '=', requestId)
    .where('kind', '=', 'automatic')
    .where('status', 'in', ['pending', 'running'])
    .execute();
  if (tasks.length > 0) {
    await deps.store.db
      .updateTable('request_tasks')
      .set({ status: 'running', updated_at: deps.clock.now().toISOString() })
      .where(
        'id',
        'in',
        tasks.map((t) => t.id),
      )
      .execute();
    if ((ENGINE_TYPES as readonly string[]).includes(request.type)) {
      let outcomes: Map<string, TaskOutcome>;
      try {
        outcomes = await runEngine(deps, request, tasks, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        const failure: TaskOutcome = { status: 'failed', result: null, error: errorText(error) };
        outcomes = new Map(tasks.map((t) => [t.target, failure]));
      }
      for (const task of tasks)
        await setTask(
          deps,
          task.id,
          outcomes.get(task.target) ?? { status: 'failed', result: null, error: 'not run' },
        );
    } else {
      for (const task of tasks) {
        try {
          const result = await deps.store.transaction((trx) => applyLedgerRequest(deps, trx, request));
          await setTask(deps, task.id, { status: 'done', result, error: null });
        } catch (error) {
          await setTask(deps, task.id, { status: 'failed', result: null, error: errorText(error) });
        }
      }
    }
  }
  await finishRequestAfterTasks(deps, requestId, 'system', signal);
}
