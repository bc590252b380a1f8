import { useState, type FormEvent } from 'react';
import { outboxStatuses } from '../../../src/mail/mailer.ts';
import type { OutboxFilters } from './outbox-message.ts';

export interface OutboxFilterFormProps {
  readonly applied: OutboxFilters;
  readonly onApply: (filters: OutboxFilters) => void;
}

const NO_FILTERS: OutboxFilters = { status: '', to: '' };

/** Narrows the outbox by status and recipient; the list reloads only when the form is submitted. */
export function OutboxFilterForm({ applied, onApply }: OutboxFilterFormProps) {
  const [draft, setDraft] = useState<OutboxFilters>(applied);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply({ status: draft.status, to: draft.to.trim() });
  }

  function clear(): void {
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter the outbox">
      <div className="field">
        <label htmlFor="outbox-status">Status</label>
        <select
          id="outbox-status"
          value={draft.status}
          aria-describedby="outbox-status-hint"
          onChange={(event) => {
            const status = outboxStatuses.find((known) => known === event.target.value) ?? '';
            setDraft({ ...draft, status });
          }}
        >
          <option value="">Any status</option>
          {outboxStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <span id="outbox-status-hint" className="field-hint">
          kept: stored only, as no SMTP server is set up
        </span>
      </div>
      <div className="field">
        <label htmlFor="outbox-to">Recipient</label>
        <input
          id="outbox-to"
          type="email"
          value={draft.to}
          aria-describedby="outbox-to-hint"
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <span id="outbox-to-hint" className="field-hint">
          The exact address
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
