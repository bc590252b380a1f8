import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, errorMessage, type ApiIssue } from '../../../shared/api-error.ts';
import { useAdmin } from '../../admin-context.ts';
import type { ImportAnswer } from '../datamap-types.ts';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { ImportProblems } from './import-problems.tsx';

export interface DatasetImportFormProps {
  readonly onImported: (answer: ImportAnswer) => void;
}

/**
 * Imports Fides dataset YAML, from a file or pasted. The server checks the whole map before it writes
 * anything; its problems are listed with file and line.
 */
export function DatasetImportForm({ onImported }: DatasetImportFormProps) {
  const { api } = useAdmin();
  const [yaml, setYaml] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly ApiIssue[]>([]);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  async function pickFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setFileName(file.name);
    setYaml(await file.text());
    setAnswer(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    setAnswer(null);
    try {
      const imported = await api.post<ImportAnswer>('/api/admin/datasets/import', {
        yaml,
        ...(fileName === null ? {} : { name: fileName }),
      });
      setAnswer(imported);
      onImported(imported);
    } catch (failure) {
      const issues = failure instanceof ApiError ? failure.issues : [];
      setProblems(issues);
      setError(
        issues.length > 0
          ? 'Nothing was imported: fix these problems and try again.'
          : `Nothing was imported: ${errorMessage(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-wide" aria-labelledby="import-heading">
      <h2 id="import-heading">Import Fides dataset YAML</h2>
      <p className="field-hint">
        A file with a top-level <code>dataset:</code> list. A dataset with a <code>fides_key</code> that
        exists already replaces it; nothing is imported unless everything is valid.
      </p>
      {error !== null && problems.length === 0 && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && <ImportProblems title={error ?? ''} issues={problems} tone="error" />}
      {answer !== null && (
        <p className="notice" role="status">
          Imported {answer.imported.join(', ')}.
        </p>
      )}
      {answer !== null && answer.warnings.length > 0 && (
        <ImportProblems title="Imported with warnings:" issues={answer.warnings} tone="warning" />
      )}
      <form
        className="stacked-form form-wide"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-busy={busy}
      >
        <div className="field">
          <label htmlFor="import-file">YAML file</label>
          <input
            id="import-file"
            type="file"
            accept=".yml,.yaml,application/yaml,text/yaml"
            onChange={(event) => void pickFile(event)}
          />
        </div>
        <TextAreaField
          id="import-yaml"
          label="YAML"
          rows={12}
          hint="Choose a file above, or paste the YAML here."
          value={yaml}
          onChange={(text) => {
            setYaml(text);
            setAnswer(null);
          }}
        />
        <div>
          <button className="button" type="submit" disabled={busy || yaml.trim() === ''}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </section>
  );
}
