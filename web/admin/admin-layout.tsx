import { NotAllowedPage } from './not-allowed-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { SideNav } from './side-nav.tsx';
import { TopBar } from './top-bar.tsx';
import { findSection, sections, visibleSections } from './sections.ts';
import type { Session } from './session.ts';

export interface AdminLayoutProps {
  readonly session: Session;
  readonly pathname: string;
}

/** The signed-in frame: top bar, section navigation and the current section's page. */
export function AdminLayout({ session, pathname }: AdminLayoutProps) {
  const list = visibleSections(session.user.role);
  const current = findSection(list, pathname);
  // A section the role may not see answers "not allowed", so a shared link does not look like a broken one.
  const forbidden = current === undefined ? findSection(sections, pathname) : undefined;
  const Page = current?.page ?? NotFoundPage;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <TopBar user={session.user} />
      <div className="shell">
        <SideNav sections={list} current={current} />
        <main id="main" className="content" tabIndex={-1}>
          {forbidden === undefined ? (
            <Page />
          ) : (
            <NotAllowedPage section={forbidden} role={session.user.role} />
          )}
        </main>
      </div>
    </>
  );
}
