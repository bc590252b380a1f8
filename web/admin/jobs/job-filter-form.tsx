import { useState, type FormEvent } from 'react';
import { jobStatuses } from '../../../src/jobs/queue.ts';
import type { JobFilters } from './job.ts';

export interface JobFilterFormProps {
  readonly applied: JobFilters;
  readonly onApply: (filters: JobFilters) => void;
}

const NO_FILTERS: JobFilters = { status: '', kind: '' };

/** Narrows the job list by status and kind; the list reloads only when the form is submitted. */
export function JobFilterForm({ applied, onApply }: JobFilterFormProps) {
  const [draft, setDraft] = useState<JobFilters>(applied);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply({ status: draft.status, kind: draft.kind.trim() });
  }

  function clear(): void {
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter the jobs">
      <div className="field">
        <label htmlFor="jobs-status">Status</label>
        <select
          id="jobs-status"
          value={draft.status}
          onChange={(event) => {
            const status = jobStatuses.find((known) => known === event.target.value) ?? '';
            setDraft({ ...draft, status });
          }}
        >
          <option value="">Any status</option>
          {jobStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="jobs-kind">Kind</label>
        <input
          id="jobs-kind"
          value={draft.kind}
          aria-describedby="jobs-kind-hint"
          onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
        />
        <span id="jobs-kind-hint" className="field-hint">
          For example system.echo
        </span>
      </div>
      <div className="filters-actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <button className="button button-secondary" type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
