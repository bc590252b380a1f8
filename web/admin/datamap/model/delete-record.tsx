import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import { useAdmin } from '../../admin-context.ts';
import { ConfirmDialog } from '../../confirm-dialog.tsx';

export interface DeleteRecordProps {
  /** `purpose`, `system`, `recipient`. */
  readonly noun: string;
  readonly name: string;
  /** The record's API path. */
  readonly path: string;
  readonly onDeleted: () => void;
}

/** A delete button for one record, asking first. */
export function DeleteRecord({ noun, name, path, onDeleted }: DeleteRecordProps) {
  const { api } = useAdmin();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await api.delete(path);
      setOpen(false);
      onDeleted();
    } catch (failure) {
      setError(`The ${noun} was not deleted: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        className="button button-danger-quiet"
        type="button"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Delete {noun}
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete the ${noun} ${name}?`}
        confirmLabel={`Delete ${noun}`}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>
          It leaves the data map, the record of processing and the notice. The audit log keeps what it was.
        </p>
      </ConfirmDialog>
    </>
  );
}
