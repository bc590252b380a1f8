import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import type { MarketingList } from './marketing-list.ts';

export interface MarketingListFormProps {
  /** The list being edited; null to create one. */
  readonly editing: MarketingList | null;
  readonly onSaved: (list: MarketingList, created: boolean) => void;
  readonly onCancelEdit: () => void;
}

/** Creates a list or replaces one: its key is fixed once created, everything else can change. */
export function MarketingListForm({ editing, onSaved, onCancelEdit }: MarketingListFormProps) {
  const { api } = useAdmin();
  const heading = useRef<HTMLHeadingElement>(null);
  // The page gives each list its own form (a `key`), so the fields start from the list being edited and
  // never show the previous one's values for a render.
  const [key, setKey] = useState(editing?.key ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [purposeKey, setPurposeKey] = useState(editing?.purposeKey ?? '');
  const [isPublic, setIsPublic] = useState(editing?.public ?? true);
  const [nameDe, setNameDe] = useState(editing?.texts['de']?.name ?? '');
  const [descriptionDe, setDescriptionDe] = useState(editing?.texts['de']?.description ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  useEffect(() => {
    if (editing !== null) heading.current?.focus();
  }, [editing]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    // Other languages the API holds are kept; German is the one this form edits.
    const texts: Record<string, { name: string; description: string }> = { ...(editing?.texts ?? {}) };
    delete texts['de'];
    if (nameDe.trim() !== '') texts['de'] = { name: nameDe.trim(), description: descriptionDe.trim() };
    const input = {
      name: name.trim(),
      description: description.trim(),
      purposeKey: purposeKey.trim(),
      public: isPublic,
      texts,
    };
    try {
      const saved =
        editing === null
          ? await api.post<MarketingList>('/api/admin/marketing/lists', { key: key.trim(), ...input })
          : await api.put<MarketingList>(
              `/api/admin/marketing/lists/${encodeURIComponent(editing.key)}`,
              input,
            );
      if (editing === null) {
        setKey('');
        setName('');
        setDescription('');
        setPurposeKey('');
        setIsPublic(true);
        setNameDe('');
        setDescriptionDe('');
      }
      onSaved(saved, editing === null);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The list was not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  const title = editing === null ? 'Create a marketing list' : `Edit the list ${editing.name}`;
  return (
    <section className="panel" aria-labelledby="list-form-heading">
      <h2 id="list-form-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {editing === null && (
          <TextField
            id="list-key"
            label="Key"
            autoComplete="off"
            required
            hint="Lower-case letters, digits, - and _, such as “newsletter”; forms and mails use it, it cannot change."
            value={key}
            error={issues.key}
            onChange={setKey}
          />
        )}
        <TextField id="list-name" label="Name" required value={name} error={issues.name} onChange={setName} />
        <TextAreaField
          id="list-description"
          label="Description"
          value={description}
          error={issues.description}
          onChange={setDescription}
        />
        <TextField
          id="list-purpose"
          label="Consent purpose"
          autoComplete="off"
          required
          hint="The purpose key a subscription consents to and an unsubscribe withdraws, such as “marketing”."
          value={purposeKey}
          error={issues.purposeKey}
          onChange={setPurposeKey}
        />
        <CheckboxField
          id="list-public"
          label="Offered on public subscription forms"
          checked={isPublic}
          error={issues.public}
          onChange={setIsPublic}
        />
        <TextField
          id="list-name-de"
          label="Name in German"
          hint="Optional: shown to visitors reading German; leave empty to show the name above."
          value={nameDe}
          error={issues['texts.de.name'] ?? issues['texts.de']}
          onChange={setNameDe}
        />
        <TextAreaField
          id="list-description-de"
          label="Description in German"
          value={descriptionDe}
          error={issues['texts.de.description']}
          onChange={setDescriptionDe}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : editing === null ? 'Create list' : 'Save list'}
          </button>{' '}
          {editing !== null && (
            <button className="button button-secondary" type="button" onClick={onCancelEdit}>
              Cancel editing
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
