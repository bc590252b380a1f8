import { useLocation } from '../shared/use-location.ts';
import { CenterLayout } from './center-layout.tsx';
import { ComingSoonPage } from './coming-soon-page.tsx';
import { LandingPage } from './landing-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PrivacyNoticePage } from './privacy-notice-page.tsx';
import { findRight } from './rights.ts';

const RIGHT_PATH = /^\/rights\/([a-z-]+)$/;

function CurrentPage({ pathname }: { readonly pathname: string }) {
  if (pathname === '/') return <LandingPage />;
  if (pathname === '/privacy-notice') return <PrivacyNoticePage />;
  const right = findRight(RIGHT_PATH.exec(pathname)?.[1] ?? '');
  if (right !== undefined) return <ComingSoonPage right={right} />;
  return <NotFoundPage />;
}

/** The privacy center: the public pages where people learn about and use their rights. */
export function CenterApp() {
  const { pathname } = useLocation();
  return (
    <CenterLayout>
      <CurrentPage pathname={pathname} />
    </CenterLayout>
  );
}
