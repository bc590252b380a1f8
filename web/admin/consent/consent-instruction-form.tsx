import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { SelectField } from '../datamap/fields/select-field.tsx';
import { useApiGet } from '../use-api-get.ts';

interface CategoryList {
  readonly categories: readonly {
    readonly key: string;
    readonly purposeKey: string;
    readonly required: boolean;
    readonly texts: Readonly<Record<string, { readonly title: string }>>;
  }[];
}

interface Recorded {
  readonly receiptIds: readonly string[];
}

export interface ConsentInstructionFormProps {
  /** The person id the choices are recorded for; staff vouch for who the person is. */
  readonly personId: string;
  readonly onRecorded: () => void;
}

type Change = '' | 'give' | 'withdraw';

const changes = [
  { value: '', label: 'No change' },
  { value: 'give', label: 'Give consent' },
  { value: 'withdraw', label: 'Withdraw consent' },
] as const;

const methods = [
  { value: 'staff', label: 'In person or by phone' },
  { value: 'email', label: 'By e-mail' },
] as const;

/**
 * Records what a person asked staff to change (operators): per banner category, give or withdraw, under the
 * notice in force. The ledger records the method and the audit log who entered it.
 */
export function ConsentInstructionForm({ personId, onRecorded }: ConsentInstructionFormProps) {
  const { api } = useAdmin();
  const list = useApiGet<CategoryList>('/api/admin/consent/categories');
  const [choices, setChoices] = useState<Readonly<Record<string, Change>>>({});
  const [method, setMethod] = useState<string>('staff');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const categories = (list.data?.categories ?? []).filter((category) => !category.required);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const picked = Object.entries(choices).filter(([, change]) => change !== '');
    setDone(null);
    if (picked.length === 0) {
      setError('Choose at least one change to record.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const recorded = await api.post<Recorded>('/api/admin/consent', {
        personId,
        method,
        choices: Object.fromEntries(picked.map(([key, change]) => [key, change === 'give'])),
      });
      setDone(
        `Recorded ${recorded.receiptIds.length} ${recorded.receiptIds.length === 1 ? 'choice' : 'choices'}.`,
      );
      setChoices({});
      onRecorded();
    } catch (failure) {
      setError(`Nothing was recorded: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="consent-instruction-heading">
      <h2 id="consent-instruction-heading">Record the person’s instruction</h2>
      <p>
        When {personId} asks you to change their consent, record it here: it counts as their own choice under
        the notice in force, so make sure it is them.
      </p>
      {list.error !== null && (
        <p className="alert" role="alert">
          The categories could not be loaded: {list.error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {categories.map((category) => (
          <SelectField
            key={category.key}
            id={`instruction-${category.key}`}
            label={category.texts.en?.title ?? category.key}
            hint={`Purpose ${category.purposeKey}`}
            value={choices[category.key] ?? ''}
            options={changes}
            onChange={(value) => {
              const change = changes.find((option) => option.value === value)?.value ?? '';
              setChoices({ ...choices, [category.key]: change });
            }}
          />
        ))}
        <SelectField
          id="instruction-method"
          label="The person asked"
          value={method}
          options={methods}
          onChange={setMethod}
        />
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy || categories.length === 0}>
            {busy ? 'Recording…' : 'Record'}
          </button>
        </div>
        <p className="form-status status" role="status">
          {done ?? ''}
        </p>
      </form>
    </section>
  );
}
