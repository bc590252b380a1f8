import { PrivetError } from '../../domain/errors.ts';
import { createLinkTokens } from '../marketing/link-tokens.ts';
import type { MarketingDeps } from '../marketing/marketing-deps.ts';

/** How long a preference portal link stays valid. */
export const PREFERENCES_TTL_MS = 24 * 60 * 60 * 1000;

/** The address a portal token was sent to, or a 401 telling the person to ask for a new link. */
export function openPreferencesToken(deps: Pick<MarketingDeps, 'config' | 'clock'>, token: string): string {
  const payload = createLinkTokens(deps.config.secret).open('preferences', token, deps.clock.now());
  if (!payload) {
    throw new PrivetError('unauthenticated', 'This link is not valid or has expired: ask for a new one');
  }
  return payload.e;
}
