import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LanguageContext, type LanguageContextValue } from './language-context.ts';
import { toCenterLanguage, type CenterLanguage } from './languages.ts';
import { de } from './messages-de.ts';
import { en, type Messages } from './messages-en.ts';

const STORAGE_KEY = 'privet.center.language';
const messages: Readonly<Record<CenterLanguage, Messages>> = { en, de };

function storedLanguage(): CenterLanguage | undefined {
  try {
    return toCenterLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage may be blocked (private mode, strict settings): the browser's language still answers.
    return undefined;
  }
}

// An explicit ?lang= (links in our emails carry the person's language) wins over an earlier choice.
function initialLanguage(): CenterLanguage {
  const fromQuery = toCenterLanguage(new URLSearchParams(window.location.search).get('lang'));
  return fromQuery ?? storedLanguage() ?? toCenterLanguage(window.navigator.language) ?? 'en';
}

/** Holds the person's language: remembered in this browser and announced to assistive technology. */
export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<CenterLanguage>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: CenterLanguage) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered: the choice still holds until the page is closed.
    }
  }, []);

  const value = useMemo<LanguageContextValue>(
    () => ({ language, t: messages[language], setLanguage }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}
