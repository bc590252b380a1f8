import { useState, type FormEvent } from 'react';
import { englishBannerTexts } from '../../../src/consent/english-banner-texts.ts';
import { LANGUAGE_TAG } from '../../../src/consent/language-tag.ts';
import { useAdmin } from '../admin-context.ts';
import { SelectField } from '../datamap/fields/select-field.tsx';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { useRecordSave } from '../datamap/model/use-record-save.ts';
import { TextField } from '../text-field.tsx';
import type { BannerSettingsPanelProps, ConsentSettings } from './banner-settings-panel.tsx';

type TextKey = keyof typeof englishBannerTexts | 'privacyNoticeUrl';
type LanguageTexts = Partial<Record<TextKey, string>>;

// The banner's words in the order the banner shows them, and how the console names them.
const textFields: readonly { key: TextKey; label: string; long?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'body', label: 'Message', long: true },
  { key: 'acceptAll', label: 'Accept all button' },
  { key: 'rejectAll', label: 'Reject all button' },
  { key: 'customize', label: 'Customize button' },
  { key: 'save', label: 'Save choices button' },
  { key: 'close', label: 'Close button (read by screen readers)' },
  { key: 'privacyNotice', label: 'Privacy notice link text' },
  { key: 'privacyNoticeUrl', label: 'Privacy notice link in this language' },
  { key: 'gpc', label: 'Note shown to Global Privacy Control browsers', long: true },
];

const fieldNames = new Set(['texts']);

function fallbackHint(key: TextKey): string {
  if (key === 'privacyNoticeUrl') return 'Empty: the link set under Sites.';
  const english = englishBannerTexts[key];
  return english.length > 60 ? 'Empty: the English text.' : `Empty: the English “${english}”.`;
}

/**
 * The banner's own words per language (admins): visitors get the texts of their language, then of its base
 * language (de-AT, then de), then English; an empty field falls back the same way. Saved through the consent
 * settings, whose sites and link stay as they are.
 */
export function BannerTextsPanel({ settings, canChange, onSaved }: BannerSettingsPanelProps) {
  const { api } = useAdmin();
  const texts = settings.texts as Readonly<Record<string, LanguageTexts>>;
  const [languages, setLanguages] = useState(() => ['en', ...Object.keys(texts).filter((l) => l !== 'en')]);
  const [language, setLanguage] = useState('en');
  const [values, setValues] = useState<LanguageTexts>(texts.en ?? {});
  const [newLanguage, setNewLanguage] = useState('');
  const [newLanguageError, setNewLanguageError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, issues, save } = useRecordSave('banner text', fieldNames);

  function pick(next: string): void {
    setLanguage(next);
    setValues(texts[next] ?? {});
    setDone(null);
  }

  function addLanguage(): void {
    const tag = newLanguage.trim().replace(/_/g, '-');
    if (!LANGUAGE_TAG.test(tag) || tag.length > 35) {
      setNewLanguageError('A language tag such as de, fr or pt-BR.');
      return;
    }
    const known = languages.find((l) => l.toLowerCase() === tag.toLowerCase());
    setNewLanguageError(undefined);
    setNewLanguage('');
    if (known === undefined) setLanguages([...languages, tag]);
    pick(known ?? tag);
  }

  async function put(nextTexts: Record<string, LanguageTexts>, message: string): Promise<boolean> {
    setDone(null);
    const saved = await save(() =>
      api.put<ConsentSettings>('/api/admin/consent/settings', { ...settings, texts: nextTexts }),
    );
    if (saved === null) return false;
    setDone(message);
    onSaved(saved);
    return true;
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const mine: LanguageTexts = {};
    for (const { key } of textFields) {
      const value = values[key]?.trim() ?? '';
      if (value !== '') mine[key] = value;
    }
    const rest = Object.fromEntries(Object.entries(texts).filter(([l]) => l !== language));
    const next = Object.keys(mine).length === 0 ? rest : { ...rest, [language]: mine };
    await put(next, `Saved. Banners show these texts to visitors in ${language} within a minute.`);
  }

  async function remove(): Promise<void> {
    const rest = Object.fromEntries(Object.entries(texts).filter(([l]) => l !== language));
    if (!(await put(rest, `Removed ${language}: its visitors get the next language in line.`))) return;
    setLanguages(languages.filter((l) => l !== language));
    setLanguage('en');
    setValues(texts.en ?? {});
  }

  const options = languages.map((l) => ({ value: l, label: l === 'en' ? 'English (en)' : l }));
  return (
    <section className="panel" aria-labelledby="banner-texts-heading">
      <h2 id="banner-texts-heading">Banner texts</h2>
      <p>
        Visitors read the banner in their browser’s language when it is set here (de-AT, then de), otherwise
        in English. Category titles and descriptions are set with each category below.
      </p>
      <div className="stacked-form">
        <SelectField
          id="banner-texts-language"
          label="Language"
          value={language}
          options={options}
          onChange={pick}
        />
        {canChange && (
          <>
            <TextField
              id="banner-texts-new-language"
              label="Add a language"
              value={newLanguage}
              hint="A language tag such as de, fr or pt-BR."
              error={newLanguageError}
              onChange={setNewLanguage}
            />
            <div className="form-actions">
              <button className="button button-secondary" type="button" onClick={addLanguage}>
                Add language
              </button>
            </div>
          </>
        )}
      </div>
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset disabled={!canChange}>
          <legend>Texts in {language === 'en' ? 'English' : language}</legend>
          {textFields.map(({ key, label, long }) =>
            long === true ? (
              <TextAreaField
                key={`${language}-${key}`}
                id={`banner-text-${key}`}
                label={label}
                value={values[key] ?? ''}
                hint={fallbackHint(key)}
                onChange={(value) => setValues({ ...values, [key]: value })}
              />
            ) : (
              <TextField
                key={`${language}-${key}`}
                id={`banner-text-${key}`}
                label={label}
                type={key === 'privacyNoticeUrl' ? 'url' : 'text'}
                value={values[key] ?? ''}
                hint={fallbackHint(key)}
                onChange={(value) => setValues({ ...values, [key]: value })}
              />
            ),
          )}
        </fieldset>
        {issues.texts !== undefined && (
          <p className="alert" role="alert">
            {issues.texts}
          </p>
        )}
        {error !== null && issues.texts === undefined && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {canChange && (
          <div className="form-actions">
            <button className="button" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save texts'}
            </button>
            {language !== 'en' && texts[language] !== undefined && (
              <button
                className="button button-secondary"
                type="button"
                disabled={busy}
                onClick={() => void remove()}
              >
                Remove {language}
              </button>
            )}
          </div>
        )}
        <p className="form-status status" role="status">
          {done ?? ''}
        </p>
      </form>
    </section>
  );
}
