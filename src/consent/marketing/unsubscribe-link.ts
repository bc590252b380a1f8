import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { unsubscribeLinkToken } from './mail-links.ts';
import type { MarketingDeps } from './marketing-deps.ts';

/** The value RFC 8058 puts in List-Unsubscribe-Post. */
export const ONE_CLICK = 'List-Unsubscribe=One-Click';

/** A recipient's unsubscribe URL and the headers that advertise it (RFC 2369 and RFC 8058). */
export interface UnsubscribeLink {
  readonly url: string;
  readonly headers: { readonly 'List-Unsubscribe': string; readonly 'List-Unsubscribe-Post': string };
}

/**
 * The one-click unsubscribe link of one address on one list: stable (asking again gives the same URL) and
 * without expiry, since a mail may be read months later and its unsubscribe link must still work.
 */
export async function unsubscribeLink(
  deps: Pick<MarketingDeps, 'config' | 'clock'>,
  db: Kysely<Database>,
  email: string,
  listKey: string,
): Promise<UnsubscribeLink> {
  const token = await unsubscribeLinkToken(db, deps.config.secret, email, listKey, deps.clock.now());
  const url = `${deps.config.publicUrl}/u/${token}`;
  // RFC 8058 wants an HTTPS URI in List-Unsubscribe (PRIVET_PUBLIC_URL); angle brackets are RFC 2369's syntax.
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': ONE_CLICK } };
}
