import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { EXECUTE_JOB } from '../execution/start-request.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { runStaffAction } from './staff-action.ts';

/**
 * Re-queues the failed automatic tasks of a request whose execution gave up (still `in_progress`) or ended
 * `partially_completed`; the engine resumes its checkpointed runs. 409 when no automatic task failed.
 */
export function rerunRequest(
  deps: RequestDeps,
  input: { requestId: string; actor: string; reason: string },
): Promise<DataSubjectRequest> {
  const runKey = newId('rrn', deps.clock.now());
  let taskIds: string[] = [];
  return runStaffAction(
    deps,
    { ...input, action: 'rerun', details: { reason: input.reason, runKey } },
    async (trx, request, fx) => {
      if (request.status !== 'in_progress' && request.status !== 'partially_completed') {
        throw new PrivetError('conflict', `A ${request.status} request has nothing to run again`);
      }
      // A task left `running` in an in-progress request belongs to an execute job that gave up.
      const stuck = request.status === 'in_progress' ? ['failed', 'running'] : ['failed'];
      const tasks = await trx
        .selectFrom('request_tasks')
        .select('id')
        .where('request_id', '=', request.id)
        .where('kind', '=', 'automatic')
        .where('status', 'in', stuck)
        .execute();
      if (tasks.length === 0)
        throw new PrivetError('conflict', 'No automatic task of this request failed; nothing to run again', {
          issues: [{ code: 'nothing_to_rerun', path: 'id', message: 'no failed automatic task' }],
        });
      taskIds = tasks.map((t) => t.id);
      if (request.status === 'partially_completed') {
        const reopened = await transitionRequestIn(deps, trx, {
          ...input,
          to: 'in_progress',
          reason: `Failed tasks run again: ${input.reason}`,
          publicReason: false,
        });
        fx.eventIds.push(reopened.eventId);
        await trx.updateTable('requests').set({ completed_at: null }).where('id', '=', request.id).execute();
      }
      await trx
        .updateTable('request_tasks')
        .set({
          status: 'pending',
          error: null,
          completed_at: null,
          completed_by: null,
          updated_at: deps.clock.now().toISOString(),
        })
        .where('id', 'in', taskIds)
        .execute();
      await appendRequestEvent(deps, trx, {
        requestId: request.id,
        kind: 'action',
        actor: input.actor,
        message: `Re-run of ${taskIds.length} failed automatic task(s)`,
        reason: input.reason,
        public: false,
        data: { taskIds },
      });
      fx.after = async () => {
        await deps.queue?.enqueue(
          EXECUTE_JOB,
          { requestId: request.id },
          { idempotencyKey: `${EXECUTE_JOB}:${runKey}` },
        );
      };
    },
  );
}
