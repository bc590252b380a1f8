import { createApiClient } from '../../shared/api-client.ts';

/** What the portal shows, as the API sends it. */
export interface PreferenceView {
  readonly email: string;
  readonly noticeVersion: string | null;
  readonly categories: readonly {
    readonly key: string;
    readonly purposeKey: string;
    readonly title: string;
    readonly description: string;
    readonly given: boolean;
  }[];
  readonly lists: readonly {
    readonly key: string;
    readonly purposeKey: string;
    readonly name: string;
    readonly description: string;
    readonly status: 'pending' | 'active' | 'unsubscribed' | 'none';
  }[];
  readonly emailTracking: { readonly purposeKey: string; readonly given: boolean };
  readonly history: readonly {
    readonly id: string;
    readonly at: string;
    readonly purposeKey: string;
    readonly action: string;
    readonly method: string;
  }[];
}

/** The changes the portal sends: only what differs from what it was shown. */
export interface PreferenceChanges {
  readonly categories: Record<string, boolean>;
  readonly lists: Record<string, boolean>;
  readonly emailTracking?: boolean;
}

// Public calls: no session, so no CSRF token; the mailed token in the body is the proof.
const api = createApiClient({ csrfToken: () => null });

/** Asks for a portal link to be mailed. */
export function requestLink(email: string, lang: string): Promise<unknown> {
  return api.post('/api/public/preferences/link', { email, lang });
}

/** The person's choices. */
export function readChoices(token: string, lang: string, signal?: AbortSignal): Promise<PreferenceView> {
  return api.post('/api/public/preferences/read', { token, lang }, signal);
}

/** Saves changes and answers with the choices as they now are. */
export function saveChoices(
  token: string,
  lang: string,
  changes: PreferenceChanges,
): Promise<{ eventIds: string[]; preferences: PreferenceView }> {
  return api.post('/api/public/preferences/update', { token, lang, ...changes });
}

/** Confirms a double opt-in subscription. */
export function confirmSubscription(
  token: string,
  lang: string,
): Promise<{ list: { key: string; name: string }; alreadyConfirmed: boolean }> {
  return api.post('/api/public/marketing/confirm', { token, lang });
}

/** The token a mailed link carries in its fragment, which browsers never send to the server. */
export function fragmentToken(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/** Removes the token from the address bar, so it is not bookmarked or shared by accident. */
export function clearFragment(): void {
  if (window.location.hash === '') return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
