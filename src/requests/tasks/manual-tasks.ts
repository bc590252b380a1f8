import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import { finishRequestAfterTasks } from '../execution/finish-request-after-tasks.ts';
import { EXECUTE_JOB } from '../execution/start-request.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { readRequestRow } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { FINAL_STATUSES, type RequestStatus } from '../request-vocabulary.ts';
import { toTaskView, type RequestTaskView } from './task-view.ts';

/** A task for a system without a connector: someone does it by hand and confirms or uploads the export. */
export interface NewManualTask {
  readonly requestId: string;
  readonly target: string;
  readonly title: string;
  readonly instructions: string;
  readonly assigneeId?: string | null | undefined;
  readonly dueAt?: string | undefined;
  readonly actor: string;
}

/** Adds a manual task to an open request; an in-progress request stays open until it is done. */
export async function addManualTask(deps: RequestDeps, input: NewManualTask): Promise<RequestTaskView> {
  return deps.store.transaction(async (trx) => {
    const request = await readRequestRow(trx, input.requestId);
    if (request === undefined) throw new PrivetError('not_found', `No request ${input.requestId}`);
    if (FINAL_STATUSES.includes(request.status as RequestStatus))
      throw new PrivetError('conflict', `The request is ${request.status}`);
    if (input.assigneeId !== undefined && input.assigneeId !== null) {
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.assigneeId)
        .executeTakeFirst();
      if (user === undefined)
        throw new PrivetError('validation_failed', `No user ${input.assigneeId}`, {
          issues: [{ code: 'unknown_user', path: 'body.assigneeId', message: 'no such user' }],
        });
    }
    const now = deps.clock.now();
    const row = {
      id: newId('rqt', now),
      request_id: input.requestId,
      kind: 'manual',
      target: input.target,
      title: input.title,
      instructions: input.instructions,
      assignee_id: input.assigneeId ?? null,
      due_at: input.dueAt ?? request.due_at,
      status: 'pending',
      result: null,
      error: null,
      upload_path: null,
      upload_sha256: null,
      reminded_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      completed_at: null,
      completed_by: null,
    };
    await trx.insertInto('request_tasks').values(row).execute();
    await appendRequestEvent(deps, trx, {
      requestId: input.requestId,
      kind: 'task',
      actor: input.actor,
      message: `Task added: ${input.title}`,
      public: false,
      data: { taskId: row.id },
    });
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: 'request.task.add',
        target: `request:${input.requestId}`,
        details: { taskId: row.id, target: input.target },
      },
      trx,
    );
    return toTaskView(row);
  });
}

/** The tasks of a request. */
export async function listTasks(
  deps: Pick<RequestDeps, 'store'>,
  requestId: string,
): Promise<RequestTaskView[]> {
  const rows = await deps.store.db
    .selectFrom('request_tasks')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toTaskView);
}

async function closeTask(
  deps: RequestDeps,
  trx: Kysely<Database>,
  taskId: string,
  actor: string,
  outcome: { status: 'done' | 'failed'; result: unknown; upload?: { path: string; sha256: string } },
) {
  const task = await trx.selectFrom('request_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (task === undefined) throw new PrivetError('not_found', `No task ${taskId}`);
  if (task.kind !== 'manual')
    throw new PrivetError('conflict', 'Automatic tasks are completed by the engine');
  if (task.status === 'done' || task.status === 'failed')
    throw new PrivetError('conflict', `The task is already ${task.status}`);
  const at = deps.clock.now().toISOString();
  await trx
    .updateTable('request_tasks')
    .set({
      status: outcome.status,
      result: JSON.stringify(outcome.result),
      updated_at: at,
      completed_at: at,
      completed_by: actor,
      ...(outcome.upload === undefined
        ? {}
        : { upload_path: outcome.upload.path, upload_sha256: outcome.upload.sha256 }),
    })
    .where('id', '=', taskId)
    .execute();
  await appendRequestEvent(deps, trx, {
    requestId: task.request_id,
    kind: 'task',
    actor,
    message: `Task ${outcome.status}: ${task.title}`,
    public: false,
    data: { taskId },
  });
  await appendAudit(
    deps,
    {
      actor,
      action: 'request.task.complete',
      target: `request:${task.request_id}`,
      details: { taskId, status: outcome.status, upload: outcome.upload?.sha256 ?? null },
    },
    trx,
  );
  const after = await trx
    .selectFrom('request_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  return { view: toTaskView(after), requestId: task.request_id, actor };
}

/**
 * Closes the request once its last task is closed. Building the package can fail (a full disk); the task
 * stays done and the execute job, with its retries, finishes the request instead.
 */
async function afterClose(deps: RequestDeps, closed: { requestId: string; actor: string }): Promise<void> {
  try {
    await finishRequestAfterTasks(deps, closed.requestId, closed.actor, new AbortController().signal);
  } catch {
    await deps.queue?.enqueue(EXECUTE_JOB, { requestId: closed.requestId });
  }
}

/** Completes a manual task with a written confirmation (or marks it failed); closes the request when it was the last. */
export async function completeManualTask(
  deps: RequestDeps,
  input: { taskId: string; actor: string; confirmation: string; failed?: boolean | undefined },
): Promise<RequestTaskView> {
  const closed = await deps.store.transaction((trx) =>
    closeTask(deps, trx, input.taskId, input.actor, {
      status: input.failed === true ? 'failed' : 'done',
      result: { confirmation: input.confirmation },
    }),
  );
  await afterClose(deps, closed);
  return closed.view;
}

/** Stores the data exported by hand from a system without a connector and completes its task. */
export async function uploadTaskExport(
  deps: RequestDeps,
  input: {
    taskId: string;
    actor: string;
    body: Buffer;
    contentType: string;
    filename?: string | undefined;
  },
): Promise<RequestTaskView> {
  if (input.body.length === 0) throw new PrivetError('bad_request', 'The upload is empty');
  const dir = join(deps.config.dataDir, 'uploads');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  const path = join(dir, `${input.taskId}-${sha256.slice(0, 16)}`);
  await writeFile(`${path}.partial`, input.body, { mode: 0o600 });
  await rename(`${path}.partial`, path);
  let closed: Awaited<ReturnType<typeof closeTask>>;
  try {
    closed = await deps.store.transaction((trx) =>
      closeTask(deps, trx, input.taskId, input.actor, {
        status: 'done',
        result: {
          upload: {
            bytes: input.body.length,
            contentType: input.contentType,
            ...(input.filename === undefined ? {} : { filename: input.filename }),
          },
        },
        upload: { path, sha256 },
      }),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  await afterClose(deps, closed);
  return closed.view;
}
