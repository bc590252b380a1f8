import { useState, type FormEvent } from 'react';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { KeyCheckboxesField } from '../datamap/fields/key-checkboxes-field.tsx';
import { SelectField } from '../datamap/fields/select-field.tsx';
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
  /** The languages the banner has texts in (besides English), offered for this category's texts. */
  readonly languages: readonly string[];
}

// The fields this form shows the server's problems beside.
const fieldNames = new Set(['key', 'texts', 'purposeKey', 'services', 'googleConsentMode', 'position']);

const signalOptions = consentModeSignals.map((signal) => ({ value: signal, label: signal }));

type CategoryTexts = Record<string, { title: string; description: string }>;

// English always (the banner's fallback), then each language with a title; a language left without one goes.
function textsToSave(texts: CategoryTexts): CategoryTexts {
  const kept: CategoryTexts = {};
  for (const [language, text] of Object.entries(texts)) {
    const title = text.title.trim();
    if (language === 'en' || title !== '') kept[language] = { title, description: text.description.trim() };
  }
  return kept;
}

/** Adds or changes a banner category (admins), its title and description in each of the banner's languages. */
export function CategoryForm({ editing, onSaved, onCancelEdit, languages }: CategoryFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState(editing?.key ?? '');
  const [texts, setTexts] = useState<CategoryTexts>(() => ({
    en: { title: '', description: '' },
    ...(editing?.texts ?? {}),
  }));
  const [textLanguage, setTextLanguage] = useState('en');
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
      texts: textsToSave(texts),
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
  const languageOptions = [...new Set(['en', ...languages, ...Object.keys(texts)])].map((language) => ({
    value: language,
    label: language === 'en' ? 'English (en)' : language,
  }));
  const languageName = textLanguage === 'en' ? 'English' : textLanguage;
  const text = texts[textLanguage] ?? { title: '', description: '' };
  const setText = (change: Partial<typeof text>) =>
    setTexts({ ...texts, [textLanguage]: { ...text, ...change } });
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
        {languageOptions.length > 1 && (
          <SelectField
            id="category-text-language"
            label="Language of the title and description"
            value={textLanguage}
            options={languageOptions}
            hint="English is required; in another language, an empty title leaves its visitors the English one."
            onChange={setTextLanguage}
          />
        )}
        <TextField
          id="category-title"
          label={`Title (${languageName})`}
          value={text.title}
          error={issues.texts}
          onChange={(title) => setText({ title })}
        />
        <TextAreaField
          id="category-description"
          label={`Description (${languageName})`}
          value={text.description}
          onChange={(description) => setText({ description })}
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
