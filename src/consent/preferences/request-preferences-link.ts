import { queueMail } from '../../mail/queue-mail.ts';
import { createLinkTokens } from '../marketing/link-tokens.ts';
import type { MarketingDeps } from '../marketing/marketing-deps.ts';
import { normaliseEmail } from '../marketing/normalise-email.ts';
import { PREFERENCES_TTL_MS } from './preferences-token.ts';

/**
 * Mails a link to the preference portal, holding a sealed token for this address that expires, to an
 * address Privet knows (a list subscription or a consent record). Unknown addresses get nothing, and the
 * caller answers the same either way, so the form tells nobody whose address is known.
 */
export async function requestPreferencesLink(
  deps: MarketingDeps,
  input: { readonly email: string; readonly language?: string | undefined },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const db = deps.store.db;
  const subscribed = await db
    .selectFrom('marketing_subscriptions')
    .select('email')
    .where('email', '=', email)
    .executeTakeFirst();
  const consented =
    subscribed ??
    (await db
      .selectFrom('consent_state')
      .select('subject_id')
      .where('subject_type', '=', 'person')
      .where('subject_id', '=', email)
      .executeTakeFirst());
  if (consented === undefined) return;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + PREFERENCES_TTL_MS);
  const token = createLinkTokens(deps.config.secret).seal('preferences', {
    e: email,
    x: expiresAt.getTime(),
  });
  const lang = input.language === undefined ? '' : `&lang=${encodeURIComponent(input.language)}`;
  await queueMail(deps, {
    to: email,
    template: 'preferences-link',
    locale: input.language,
    data: {
      // In the fragment: browsers never send it to the server, so the token stays out of access logs.
      url: `${deps.config.publicUrl}/preferences#token=${token}${lang}`,
      expiresAt: expiresAt.toISOString(),
    },
  });
}
