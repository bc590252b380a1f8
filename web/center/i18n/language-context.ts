import { createContext, useContext } from 'react';
import type { CenterLanguage } from './languages.ts';
import type { Messages } from './messages-en.ts';

/** The language the person reads the center in, its texts, and how to change it. */
export interface LanguageContextValue {
  readonly language: CenterLanguage;
  readonly t: Messages;
  readonly setLanguage: (language: CenterLanguage) => void;
}

export const LanguageContext = createContext<LanguageContextValue | null>(null);

/** The current language and its texts; only valid inside <LanguageProvider>. */
export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (value === null) throw new Error('useLanguage() needs <LanguageProvider> above it');
  return value;
}
