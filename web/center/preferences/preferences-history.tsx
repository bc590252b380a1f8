import { useLanguage } from '../i18n/language-context.ts';
import type { PreferenceView } from './preferences-api.ts';
import { preferencesTexts } from './preferences-texts.ts';

/** The person's recent consent events, newest first, each named by what it was about. */
export function PreferencesHistory({ view }: { readonly view: PreferenceView }) {
  const { language } = useLanguage();
  const t = preferencesTexts[language];
  const names = new Map<string, string>([
    ...view.categories.map((c) => [c.purposeKey, c.title] as const),
    ...view.lists.map((l) => [l.purposeKey, l.name] as const),
    [view.emailTracking.purposeKey, t.trackingLegend],
  ]);
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="preferences-history" aria-labelledby="preferences-history-title">
      <h2 id="preferences-history-title">{t.historyTitle}</h2>
      {view.history.length === 0 ? (
        <p>{t.historyEmpty}</p>
      ) : (
        <ul>
          {view.history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{format.format(new Date(event.at))}</time>
              {' · '}
              {names.get(event.purposeKey) ?? event.purposeKey}: {t.actions[event.action] ?? event.action} (
              {t.methods[event.method] ?? event.method})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
