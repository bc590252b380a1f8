import { useState, type FormEvent } from 'react';
import { JURISDICTIONS } from '../../../src/domain/deadlines/jurisdiction.ts';
import {
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from '../../../src/requests/request-vocabulary.ts';
import { channelLabels, jurisdictionLabels, statusLabels, typeLabels } from './request-labels.ts';
import type { RequestFilters } from './request-types.ts';

export interface RequestFilterFormProps {
  readonly applied: RequestFilters;
  readonly onApply: (filters: RequestFilters) => void;
}

const NO_FILTERS: RequestFilters = { status: '', type: '', jurisdiction: '', channel: '', due: '', q: '' };

interface SelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly any: string;
  readonly options: readonly (readonly [string, string])[];
  readonly onChange: (value: string) => void;
}

function FilterSelect({ id, label, value, any, options, onChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{any}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Narrows the queue by status, type, jurisdiction, channel, deadline and the person's email. */
export function RequestFilterForm({ applied, onApply }: RequestFilterFormProps) {
  const [draft, setDraft] = useState<RequestFilters>(applied);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter the requests">
      <FilterSelect
        id="requests-status"
        label="Status"
        any="Any status"
        value={draft.status}
        options={REQUEST_STATUSES.map((status) => [status, statusLabels[status]] as const)}
        onChange={(status) => setDraft({ ...draft, status })}
      />
      <FilterSelect
        id="requests-type"
        label="Type"
        any="Any type"
        value={draft.type}
        options={REQUEST_TYPES.map((type) => [type, typeLabels[type]] as const)}
        onChange={(type) => setDraft({ ...draft, type })}
      />
      <FilterSelect
        id="requests-jurisdiction"
        label="Jurisdiction"
        any="Any jurisdiction"
        value={draft.jurisdiction}
        options={JURISDICTIONS.map((j) => [j, jurisdictionLabels[j]] as const)}
        onChange={(jurisdiction) => setDraft({ ...draft, jurisdiction })}
      />
      <FilterSelect
        id="requests-channel"
        label="Channel"
        any="Any channel"
        value={draft.channel}
        options={REQUEST_CHANNELS.map((channel) => [channel, channelLabels[channel]] as const)}
        onChange={(channel) => setDraft({ ...draft, channel })}
      />
      <FilterSelect
        id="requests-due"
        label="Deadline"
        any="Any deadline"
        value={draft.due}
        options={[
          ['soon', 'Due soon'],
          ['overdue', 'Overdue'],
        ]}
        onChange={(due) => setDraft({ ...draft, due: due === 'soon' || due === 'overdue' ? due : '' })}
      />
      <div className="field">
        <label htmlFor="requests-q">Email or request id</label>
        <input
          id="requests-q"
          type="search"
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
      </div>
      <div className="filters-actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <button
          className="button button-secondary"
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
