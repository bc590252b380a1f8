import { useCallback, useEffect, useState } from 'react';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import { clearFragment, fragmentToken } from './preferences-api.ts';
import { PreferencesChoices } from './preferences-choices.tsx';
import { preferencesTexts } from './preferences-texts.ts';
import { RequestLinkForm } from './request-link-form.tsx';

/**
 * The preference portal: without a mailed link it asks for one; with one (its token in the address's
 * fragment) it shows and changes the person's consents and subscriptions.
 */
export function PreferencesPage() {
  const { language, t: center } = useLanguage();
  const t = preferencesTexts[language];
  const [token, setToken] = useState(fragmentToken);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    clearFragment();
    // A second mailed link opened in the same tab only changes the fragment: take its token too.
    const onHashChange = () => {
      const next = fragmentToken();
      if (next === null) return;
      setToken(next);
      setInvalid(false);
      clearFragment();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const onInvalid = useCallback(() => {
    setToken(null);
    setInvalid(true);
  }, []);

  return (
    <article className="preferences">
      <PageHeading title={t.title} titleSuffix={center.appName} />
      {token !== null ? (
        <PreferencesChoices token={token} onInvalid={onInvalid} />
      ) : (
        <>
          {invalid && (
            <p className="alert" role="alert">
              {t.linkInvalid} {t.askAgain}.
            </p>
          )}
          <p>{t.intro}</p>
          <RequestLinkForm />
        </>
      )}
    </article>
  );
}
