import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { fieldIssues } from '../field-issues.ts';
import type { ActionField, ActionSpec } from './request-action-specs.ts';

export interface RequestActionFormProps {
  readonly requestId: string;
  readonly spec: ActionSpec;
  /** Called after the action worked, with the message to announce. */
  readonly onDone: (message: string) => void;
}

function initialValues(fields: readonly ActionField[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => [field.name, field.initial ?? field.options?.[0]?.[0] ?? '']),
  );
}

function bodyOf(fields: readonly ActionField[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') continue;
    body[field.name] = field.kind === 'number' ? Number(value) : value;
  }
  return body;
}

/** One staff action as a disclosure with its form; the request reloads once it worked. */
export function RequestActionForm({ requestId, spec, onDone }: RequestActionFormProps) {
  const { api } = useAdmin();
  const [values, setValues] = useState(() => initialValues(spec.fields));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Readonly<Record<string, string>>>({});
  const prefix = `action-${spec.action}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      await api.post(
        `/api/admin/requests/${encodeURIComponent(requestId)}/${spec.action}`,
        bodyOf(spec.fields, values),
      );
      setValues(initialValues(spec.fields));
      onDone(spec.done);
    } catch (failure) {
      setError(errorMessage(failure));
      setIssues(fieldIssues(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="request-action">
      <summary>{spec.title}</summary>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        {spec.fields.map((field) => {
          const id = `${prefix}-${field.name}`;
          const issue = issues[field.name];
          const describedBy = [
            field.hint === undefined ? null : `${id}-hint`,
            issue === undefined ? null : `${id}-error`,
          ]
            .filter((part) => part !== null)
            .join(' ');
          const common = {
            id,
            value: values[field.name] ?? '',
            required: field.required === true,
            ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
            'aria-invalid': issue === undefined ? undefined : true,
          };
          const set = (value: string) => setValues((current) => ({ ...current, [field.name]: value }));
          return (
            <div className="field" key={field.name}>
              <label htmlFor={id}>{field.label}</label>
              {field.kind === 'textarea' ? (
                <textarea {...common} rows={3} onChange={(event) => set(event.target.value)} />
              ) : field.kind === 'select' ? (
                <select {...common} onChange={(event) => set(event.target.value)}>
                  {(field.options ?? []).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  type={field.kind === 'number' ? 'number' : 'text'}
                  {...(field.kind === 'number' ? { min: 0, step: '0.01' } : {})}
                  onChange={(event) => set(event.target.value)}
                />
              )}
              {field.hint !== undefined && (
                <span id={`${id}-hint`} className="field-hint">
                  {field.hint}
                </span>
              )}
              {issue !== undefined && (
                <span id={`${id}-error`} className="field-error">
                  {issue}
                </span>
              )}
            </div>
          );
        })}
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div>
          <button
            className={`button${spec.danger === true ? ' button-danger' : ''}`}
            type="submit"
            disabled={busy}
          >
            {spec.button}
          </button>
        </div>
      </form>
    </details>
  );
}
