import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api-error.ts';
import { useLanguage } from '../i18n/language-context.ts';
import { readChoices, saveChoices, type PreferenceChanges, type PreferenceView } from './preferences-api.ts';
import { PreferencesHistory } from './preferences-history.tsx';
import { preferencesTexts } from './preferences-texts.ts';

type Draft = { categories: Record<string, boolean>; lists: Record<string, boolean>; tracking: boolean };

function draftOf(view: PreferenceView): Draft {
  return {
    categories: Object.fromEntries(view.categories.map((c) => [c.key, c.given])),
    lists: Object.fromEntries(view.lists.map((l) => [l.key, l.status === 'active'])),
    tracking: view.emailTracking.given,
  };
}

function changesOf(view: PreferenceView, draft: Draft): PreferenceChanges {
  const shown = draftOf(view);
  const changed = (wanted: Record<string, boolean>, was: Record<string, boolean>) =>
    Object.fromEntries(Object.entries(wanted).filter(([key, value]) => was[key] !== value));
  return {
    categories: changed(draft.categories, shown.categories),
    lists: changed(draft.lists, shown.lists),
    ...(draft.tracking === shown.tracking ? {} : { emailTracking: draft.tracking }),
  };
}

function Toggle(props: {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <div className="preferences-toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.description === '' ? undefined : `${props.id}-description`}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={props.id}>{props.label}</label>
        {props.description !== '' && (
          <p id={`${props.id}-description`} className="field-hint">
            {props.description}
          </p>
        )}
      </div>
    </div>
  );
}

/** The person's consents, list subscriptions and e-mail tracking as switches; saving records each change. */
export function PreferencesChoices({
  token,
  onInvalid,
}: {
  readonly token: string;
  readonly onInvalid: () => void;
}) {
  const { language } = useLanguage();
  const t = preferencesTexts[language];
  const [view, setView] = useState<PreferenceView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | { saved: number } | 'failed'>('idle');

  useEffect(() => {
    const controller = new AbortController();
    readChoices(token, language, controller.signal).then(
      (loaded) => {
        setView(loaded);
        setDraft(draftOf(loaded));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) onInvalid();
        else setStatus('failed');
      },
    );
    return () => controller.abort();
  }, [token, language, onInvalid]);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!view || !draft) return;
    setStatus('saving');
    try {
      const result = await saveChoices(token, language, changesOf(view, draft));
      setView(result.preferences);
      setDraft(draftOf(result.preferences));
      setStatus({ saved: result.eventIds.length });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onInvalid();
      else setStatus('failed');
    }
  }

  if (!view || !draft) {
    return status === 'failed' ? (
      <p className="alert" role="alert">
        {t.failed}
      </p>
    ) : (
      <p className="status">{t.loading}</p>
    );
  }
  const set = (part: 'categories' | 'lists', key: string) => (checked: boolean) =>
    setDraft({ ...draft, [part]: { ...draft[part], [key]: checked } });

  return (
    <>
      <p className="preferences-who">{t.signedInAs(view.email)}</p>
      <form className="preferences-form" onSubmit={(event) => void save(event)}>
        <fieldset className="preferences-group">
          <legend>{t.consentsLegend}</legend>
          <p className="field-hint">{t.consentsHint}</p>
          {view.categories.map((c) => (
            <Toggle
              key={c.key}
              id={`category-${c.key}`}
              label={c.title}
              description={c.description}
              checked={draft.categories[c.key] ?? false}
              onChange={set('categories', c.key)}
            />
          ))}
        </fieldset>
        <fieldset className="preferences-group">
          <legend>{t.listsLegend}</legend>
          <p className="field-hint">{t.listsHint}</p>
          {view.lists.length === 0 && <p>{t.noLists}</p>}
          {view.lists.map((l) => (
            <Toggle
              key={l.key}
              id={`list-${l.key}`}
              label={l.status === 'pending' ? `${l.name} ${t.pending}` : l.name}
              description={l.description}
              checked={draft.lists[l.key] ?? false}
              onChange={set('lists', l.key)}
            />
          ))}
        </fieldset>
        <fieldset className="preferences-group">
          <legend>{t.trackingLegend}</legend>
          <Toggle
            id="email-tracking"
            label={t.trackingLabel}
            description={t.trackingHint}
            checked={draft.tracking}
            onChange={(checked) => setDraft({ ...draft, tracking: checked })}
          />
        </fieldset>
        <p>
          <button className="button" type="submit" disabled={status === 'saving'}>
            {status === 'saving' ? t.saving : t.save}
          </button>
        </p>
        <div role="status" aria-live="polite">
          {typeof status === 'object' && <p className="notice-box">{t.saved(status.saved)}</p>}
        </div>
        {status === 'failed' && (
          <p className="alert" role="alert">
            {t.failed}
          </p>
        )}
      </form>
      <PreferencesHistory view={view} />
    </>
  );
}
