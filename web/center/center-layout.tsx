import type { ReactNode } from 'react';
import { Link } from '../shared/link.tsx';
import { useLanguage } from './i18n/language-context.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of every privacy center page: header with the language switch, main content and footer. */
export function CenterLayout({ children }: { readonly children: ReactNode }) {
  const { t } = useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <header className="site-header">
        <div className="site-width site-header-inner">
          <Link to="/" className="site-brand">
            {t.appName}
          </Link>
          <div className="site-header-tools">
            <nav aria-label={t.navLabel}>
              <Link to="/privacy-notice">{t.privacyNotice}</Link>
            </nav>
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="site-width site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-width">
          <Link to="/privacy-notice">{t.privacyNotice}</Link>
          <span aria-hidden="true"> · </span>
          <Link to="/rights/do-not-sell">{t.doNotSell}</Link>
          <span aria-hidden="true"> · </span>
          <span>{t.poweredBy}</span>
        </div>
      </footer>
    </>
  );
}
