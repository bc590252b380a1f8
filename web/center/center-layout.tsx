import type { ReactNode } from 'react';
import { Link } from '../shared/link.tsx';

/** The frame of every privacy center page: header, main content and footer. */
export function CenterLayout({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-width site-header-inner">
          <Link to="/" className="site-brand">
            Privacy center
          </Link>
          <nav aria-label="Privacy center">
            <Link to="/privacy-notice">Privacy notice</Link>
          </nav>
        </div>
      </header>
      <main id="main" className="site-width site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-width">
          <Link to="/privacy-notice">Privacy notice</Link>
          <span aria-hidden="true"> · </span>
          <span>Powered by Privet</span>
        </div>
      </footer>
    </>
  );
}
