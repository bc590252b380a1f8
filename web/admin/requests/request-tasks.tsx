import { DateTime } from '../date-time.tsx';
import { CompleteManualTask } from './manual-task-forms.tsx';
import type { RequestTask } from './request-types.ts';

export interface RequestTasksProps {
  readonly tasks: readonly RequestTask[];
  /** Operators close manual tasks from here; viewers only read. */
  readonly canAct: boolean;
  readonly onDone: (message: string) => void;
}

/** The work per system: automatic tasks run by the engine, manual ones for systems without a connector. */
export function RequestTasks({ tasks, canAct, onDone }: RequestTasksProps) {
  if (tasks.length === 0)
    return <p className="status">No tasks yet: they are made when the request starts.</p>;
  const open = tasks.filter((task) => task.kind === 'manual' && task.status === 'pending');
  return (
    <>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">Tasks of this request</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-id={task.id}>
                <th scope="row" className="row-heading">
                  {task.title}
                  {task.instructions !== '' && (
                    <span className="field-hint request-task-instructions">{task.instructions}</span>
                  )}
                  {task.error !== null && (
                    <span className="error-text request-task-instructions">{task.error}</span>
                  )}
                </th>
                <td>{task.kind}</td>
                <td>
                  <span className={`badge badge-task-${task.status}`}>{task.status}</span>
                </td>
                <td className="nowrap">
                  <DateTime value={task.dueAt} />
                </td>
                <td className="nowrap">
                  <DateTime value={task.completedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canAct && open.map((task) => <CompleteManualTask key={task.id} task={task} onDone={onDone} />)}
    </>
  );
}
