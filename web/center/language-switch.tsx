import { useLanguage } from './i18n/language-context.ts';
import { centerLanguages, languageNames } from './i18n/languages.ts';

/** Buttons naming each language in itself; the current one is pressed. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t.languageSwitch}>
      {centerLanguages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-button"
          aria-pressed={code === language}
          onClick={() => setLanguage(code)}
        >
          {languageNames[code]}
        </button>
      ))}
    </div>
  );
}
