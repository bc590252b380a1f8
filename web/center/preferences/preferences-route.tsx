import { ConfirmSubscriptionPage } from './confirm-subscription-page.tsx';
import { PreferencesPage } from './preferences-page.tsx';
import './preferences.css';

/** The pages under /preferences: the portal and the double opt-in confirmation; null for anything else. */
export function PreferencesRoute({ pathname }: { readonly pathname: string }) {
  if (pathname === '/preferences') return <PreferencesPage />;
  if (pathname === '/preferences/confirm') return <ConfirmSubscriptionPage />;
  return null;
}
