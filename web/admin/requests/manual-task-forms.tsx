import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin, useSession } from '../admin-context.ts';
import { TextField } from '../text-field.tsx';
import type { RequestTask } from './request-types.ts';

/** Adds a task for a system Privet has no connector for: someone does it by hand. */
export function AddManualTask({
  requestId,
  onDone,
}: {
  readonly requestId: string;
  readonly onDone: (message: string) => void;
}) {
  const { api } = useAdmin();
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/admin/requests/${encodeURIComponent(requestId)}/tasks`, {
        target: target.trim(),
        title: title.trim(),
        instructions: instructions.trim(),
        ...(dueOn === '' ? {} : { dueAt: new Date(`${dueOn}T23:59:59Z`).toISOString() }),
      });
      setTarget('');
      setTitle('');
      setInstructions('');
      setDueOn('');
      onDone('The manual task is added.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="request-action request-tasks-add">
      <summary>Add a manual task</summary>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <TextField
          id="task-target"
          label="System"
          required
          value={target}
          onChange={setTarget}
          hint="The system without a connector, such as the paper archive"
        />
        <TextField id="task-title" label="Task" required value={title} onChange={setTitle} />
        <TextField
          id="task-instructions"
          label="Instructions"
          value={instructions}
          onChange={setInstructions}
        />
        <TextField id="task-due" label="Due on" type="date" value={dueOn} onChange={setDueOn} />
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div>
          <button className="button" type="submit" disabled={busy}>
            Add the task
          </button>
        </div>
      </form>
    </details>
  );
}

/** Closes a manual task: a confirmation of what was done, or the exported file uploaded as it is. */
export function CompleteManualTask({
  task,
  onDone,
}: {
  readonly task: RequestTask;
  readonly onDone: (message: string) => void;
}) {
  const { api } = useAdmin();
  const { csrfToken } = useSession();
  const [confirmation, setConfirmation] = useState('');
  const [failed, setFailed] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `task-${task.id}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (file !== null) {
        // The export goes up as it is (any type), so the JSON client does not fit.
        const response = await fetch(`/api/admin/request-tasks/${encodeURIComponent(task.id)}/upload`, {
          method: 'PUT',
          headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken },
          credentials: 'same-origin',
          body: file,
        });
        if (!response.ok) throw new Error(`The upload failed (${response.status})`);
      } else {
        await api.post(`/api/admin/request-tasks/${encodeURIComponent(task.id)}/complete`, {
          confirmation: confirmation.trim(),
          ...(failed ? { failed: true } : {}),
        });
      }
      onDone(`The task “${task.title}” is closed.`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="request-action request-task-complete">
      <summary>Complete “{task.title}”</summary>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <TextField
          id={`${id}-confirmation`}
          label="What was done"
          value={confirmation}
          onChange={setConfirmation}
        />
        <div className="field">
          <label htmlFor={`${id}-file`}>Or upload the exported data</label>
          <input
            id={`${id}-file`}
            type="file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field-checkbox">
          <input
            id={`${id}-failed`}
            type="checkbox"
            checked={failed}
            onChange={(event) => setFailed(event.target.checked)}
          />
          <label htmlFor={`${id}-failed`}>It could not be done (mark the task failed)</label>
        </div>
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div>
          <button className="button" type="submit" disabled={busy}>
            Close the task
          </button>
        </div>
      </form>
    </details>
  );
}
