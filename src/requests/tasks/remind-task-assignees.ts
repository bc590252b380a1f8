import { queueMail } from '../../mail/queue-mail.ts';
import type { RequestDeps } from '../request-deps.ts';
import { formatMessageDate } from '../messages/request-type-label.ts';
import { DUE_SOON_DAYS } from '../staff/list-requests.ts';

/** A reminder is sent at most once a day per task. */
const REMIND_EVERY_MS = 86_400_000;

/**
 * Emails the assignee of every open manual task that is due within DUE_SOON_DAYS or overdue, at most once a
 * day per task. Returns how many reminders went out (to the outbox; the mail sweep delivers them).
 */
export async function remindTaskAssignees(deps: RequestDeps): Promise<number> {
  const now = deps.clock.now();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString();
  const lastReminded = new Date(now.getTime() - REMIND_EVERY_MS).toISOString();
  const tasks = await deps.store.db
    .selectFrom('request_tasks as t')
    .innerJoin('users as u', 'u.id', 't.assignee_id')
    .select(['t.id', 't.request_id', 't.title', 't.instructions', 't.due_at', 'u.email'])
    .where('t.kind', '=', 'manual')
    .where('t.status', 'in', ['pending', 'running'])
    .where('t.due_at', 'is not', null)
    .where('t.due_at', '<=', soon)
    .where((eb) => eb.or([eb('t.reminded_at', 'is', null), eb('t.reminded_at', '<=', lastReminded)]))
    .where('u.disabled_at', 'is', null)
    .limit(500)
    .execute();
  for (const task of tasks) {
    const due = task.due_at ?? now.toISOString();
    await deps.store.transaction(async (trx) => {
      await queueMail(
        deps,
        {
          to: task.email,
          template: 'request-task-reminder',
          locale: 'en',
          data: {
            title: task.title,
            requestId: task.request_id,
            state: due < now.toISOString() ? 'overdue' : 'due soon',
            dueOn: formatMessageDate(due, 'en', 'UTC'),
            instructions: task.instructions,
            taskUrl: `${deps.config.publicUrl}/admin/requests/${task.request_id}`,
          },
        },
        trx,
      );
      await trx
        .updateTable('request_tasks')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', task.id)
        .execute();
    });
  }
  return tasks.length;
}
