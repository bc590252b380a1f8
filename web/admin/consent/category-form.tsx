import { useState, type FormEvent } from 'react';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { KeyCheckboxesField } from '../datamap/fields/key-checkboxes-field.tsx';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { useRecordSave } from '../datamap/model/use-record-save.ts';
import { TextField } from '../text-field.tsx';
import {
  consentModeSignals,
  servicesFromLines,
  servicesToLines,
  type BannerCategory,
} from './banner-category.ts';

export interface CategoryFormProps {
  /** The category being changed, or null for a new one. */
  readonly editing: BannerCategory | null;
  readonly onSaved: (category: BannerCategory, created: boolean) => void;
  readonly onCancelEdit: () => void;
}

// The fields this form shows the server's problems beside.
const fieldNames = new Set(['key', 'texts', 'purposeKey', 'services', 'googleConsentMode', 'position']);

const signalOptions = consentModeSignals.map((signal) => ({ value: signal, label: signal }));

/** Adds or changes a banner category (admins); texts in other languages are kept as they are. */
export function CategoryForm({ editing, onSaved, onCancelEdit }: CategoryFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState(editing?.key ?? '');
  const [title, setTitle] = useState(editing?.texts.en?.title ?? '');
  const [description, setDescription] = useState(editing?.texts.en?.description ?? '');
  const [purposeKey, setPurposeKey] = useState(editing?.purposeKey ?? '');
  const [required, setRequired] = useState(editing?.required ?? false);
  const [gpcOptOut, setGpcOptOut] = useState(editing?.gpcOptOut ?? false);
  const [position, setPosition] = useState(String(editing?.position ?? 100));
  const [signals, setSignals] = useState<string[]>([...(editing?.googleConsentMode ?? [])]);
  const [services, setServices] = useState(servicesToLines(editing?.services ?? []));
  const { busy, error, issues, save } = useRecordSave('category', fieldNames);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = {
      purposeKey: purposeKey.trim(),
      required,
      gpcOptOut,
      services: servicesFromLines(services),
      texts: { ...(editing?.texts ?? {}), en: { title: title.trim(), description: description.trim() } },
      googleConsentMode: signals,
      position: Number(position),
    };
    const saved = await save(() =>
      editing === null
        ? api.post<BannerCategory>('/api/admin/consent/categories', { key: key.trim(), ...body })
        : api.put<BannerCategory>(`/api/admin/consent/categories/${encodeURIComponent(editing.key)}`, body),
    );
    if (saved !== null) onSaved(saved, editing === null);
  }

  const heading = editing === null ? 'Add a category' : `Change the category ${editing.key}`;
  return (
    <section className="panel" aria-labelledby="category-form-heading">
      <h2 id="category-form-heading">{heading}</h2>
      {editing === null && <p>A new category makes every banner ask its visitors again.</p>}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {editing === null && (
          <TextField
            id="category-key"
            label="Key"
            value={key}
            hint='Lower case, as pages name it: <script type="text/plain" data-category="…">.'
            error={issues.key}
            onChange={setKey}
          />
        )}
        <TextField
          id="category-title"
          label="Title (English)"
          value={title}
          error={issues.texts}
          onChange={setTitle}
        />
        <TextAreaField
          id="category-description"
          label="Description (English)"
          value={description}
          onChange={setDescription}
        />
        <TextField
          id="category-purpose"
          label="Purpose"
          value={purposeKey}
          hint="The data-map purpose or data use the consent is for, such as analytics.reporting."
          error={issues.purposeKey}
          onChange={setPurposeKey}
        />
        <CheckboxField
          id="category-required"
          label="Strictly necessary (always on, no choice)"
          checked={required}
          onChange={setRequired}
        />
        <CheckboxField
          id="category-gpc"
          label="Global Privacy Control opts out of it (sale, sharing, marketing)"
          checked={gpcOptOut}
          onChange={setGpcOptOut}
        />
        <TextAreaField
          id="category-services"
          label="Services"
          rows={4}
          value={services}
          hint="One per line: Name | Provider | cookie, cookie_* (the cookies cleared when consent is withdrawn)."
          error={issues.services}
          onChange={setServices}
        />
        <KeyCheckboxesField
          id="category-signals"
          legend="Google Consent Mode signals"
          options={signalOptions}
          value={signals}
          error={issues.googleConsentMode}
          onChange={setSignals}
        />
        <TextField
          id="category-position"
          label="Position on the banner"
          type="number"
          value={position}
          error={issues.position}
          onChange={setPosition}
        />
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : editing === null ? 'Add category' : 'Save category'}
          </button>
          {editing !== null && (
            <button className="button button-secondary" type="button" onClick={onCancelEdit}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
