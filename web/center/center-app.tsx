import { useLocation } from '../shared/use-location.ts';
import { CenterLayout } from './center-layout.tsx';
import { LanguageProvider } from './i18n/language-provider.tsx';
import { LandingPage } from './landing-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PrivacyNoticePage } from './privacy-notice-page.tsx';
import { PreferencesRoute } from './preferences/preferences-route.tsx';
import { AgentVerificationPage } from './requests/agent-verification-page.tsx';
import { MagicLinkPage } from './requests/magic-link-page.tsx';
import { RequestPage } from './requests/request-page.tsx';
import { StatusPage } from './requests/status-page.tsx';
import { findRight } from './rights.ts';

const RIGHT_PATH = /^\/rights\/([a-z-]+)$/;
const AGENT_VERIFICATION_PATH = /^\/requests\/agent-verification\/([^/]+)$/;

function CurrentPage({ pathname }: { readonly pathname: string }) {
  if (pathname === '/') return <LandingPage />;
  if (pathname === '/privacy-notice') return <PrivacyNoticePage />;
  if (/^\/preferences(\/confirm)?$/.test(pathname)) return <PreferencesRoute pathname={pathname} />;
  if (pathname === '/requests/verify') return <MagicLinkPage />;
  if (pathname === '/requests/status') return <StatusPage />;
  const agentRequest = AGENT_VERIFICATION_PATH.exec(pathname)?.[1];
  if (agentRequest !== undefined) {
    return <AgentVerificationPage key={agentRequest} id={agentRequest} />;
  }
  const right = findRight(RIGHT_PATH.exec(pathname)?.[1] ?? '');
  // key: another right is a fresh form, not the last one's answers under a new title.
  if (right !== undefined) return <RequestPage key={right.slug} right={right} />;
  return <NotFoundPage />;
}

/** The privacy center: the public pages where people learn about and use their rights. */
export function CenterApp() {
  const { pathname } = useLocation();
  return (
    <LanguageProvider>
      <CenterLayout>
        <CurrentPage pathname={pathname} />
      </CenterLayout>
    </LanguageProvider>
  );
}
