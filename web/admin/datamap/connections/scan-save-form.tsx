import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage, type ApiIssue } from '../../../shared/api-error.ts';
import { Link } from '../../../shared/link.tsx';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { DatasetSummary, FidesDataset, ImportAnswer } from '../datamap-types.ts';
import { ImportProblems } from '../datasets/import-problems.tsx';
import { importText, withDatasetKey } from './edit-scanned-dataset.ts';

export interface ScanSaveFormProps {
  /** The reviewed proposal. */
  readonly dataset: FidesDataset;
  /** The datasets stored now, to say when saving replaces one. */
  readonly stored: readonly DatasetSummary[];
  readonly onSaved: (key: string) => void;
}

/** Saves the reviewed proposal as a dataset through the import, which checks it like any other file. */
export function ScanSaveForm({ dataset, stored, onSaved }: ScanSaveFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState(dataset.fides_key);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly ApiIssue[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const trimmed = key.trim();
  const replaces = stored.some((d) => d.fidesKey === trimmed);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    setSaved(null);
    try {
      const answer = await api.post<ImportAnswer>('/api/admin/datasets/import', {
        yaml: importText(withDatasetKey(dataset, trimmed)),
        name: `scan-${trimmed || 'dataset'}.yml`,
      });
      const savedKey = answer.imported[0] ?? trimmed;
      setSaved(savedKey);
      onSaved(savedKey);
    } catch (failure) {
      const issues = failure instanceof ApiError ? failure.issues : [];
      setProblems(issues);
      setError(
        `The dataset was not saved: ${issues.length > 0 ? 'the import found these problems.' : errorMessage(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-wide" aria-labelledby="scan-save-heading">
      <h2 id="scan-save-heading">Save as dataset</h2>
      {error !== null && problems.length === 0 && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && <ImportProblems title={error ?? ''} issues={problems} tone="error" />}
      {saved !== null && (
        <p className="notice" role="status">
          Saved as the dataset{' '}
          <Link to={`/admin/datamap/datasets/${encodeURIComponent(saved)}`}>{saved}</Link>.{' '}
          <Link to={`/admin/datamap/graph/${encodeURIComponent(saved)}`}>See its graph</Link>.
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="scan-dataset-key"
          label="Dataset key"
          required
          autoComplete="off"
          hint={
            replaces
              ? `A dataset ${trimmed} exists: saving replaces it with this proposal.`
              : 'A fides key: letters, digits, _ . and -.'
          }
          value={key}
          onChange={setKey}
        />
        <div>
          <button
            className={replaces ? 'button button-danger' : 'button'}
            type="submit"
            disabled={busy || trimmed === ''}
          >
            {busy ? 'Saving…' : replaces ? `Replace ${trimmed}` : 'Save as dataset'}
          </button>
        </div>
      </form>
    </section>
  );
}
