import { useState, type FormEvent } from 'react';
import type { AuditFilters } from './audit-entry.ts';

export interface AuditFilterFormProps {
  readonly applied: AuditFilters;
  readonly onApply: (filters: AuditFilters) => void;
}

const NO_FILTERS: AuditFilters = { action: '', actor: '' };

/** Narrows the audit log by action and actor; the log reloads only when the form is submitted. */
export function AuditFilterForm({ applied, onApply }: AuditFilterFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(applied);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply({ action: draft.action.trim(), actor: draft.actor.trim() });
  }

  function clear(): void {
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <input
          id="audit-action"
          value={draft.action}
          aria-describedby="audit-action-hint"
          onChange={(event) => setDraft({ ...draft, action: event.target.value })}
        />
        <span id="audit-action-hint" className="field-hint">
          For example auth.login, or auth.* for all
        </span>
      </div>
      <div className="field">
        <label htmlFor="audit-actor">Actor</label>
        <input
          id="audit-actor"
          value={draft.actor}
          aria-describedby="audit-actor-hint"
          onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
        />
        <span id="audit-actor-hint" className="field-hint">
          For example user:… or key:…
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
