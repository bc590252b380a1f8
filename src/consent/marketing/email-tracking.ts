import type { Kysely } from 'kysely';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import { createMailLink, openMailLink } from './mail-links.ts';
import type { MarketingDeps } from './marketing-deps.ts';

/** The consent purpose e-mail opens and clicks are measured under (fideslang: campaign insights). */
export const EMAIL_TRACKING_PURPOSE = 'analytics.reporting.campaign_insights';

/** Which of the addresses consented, as of now, to e-mail tracking: one query for a whole send. */
export async function trackingConsentOf(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const given = new Set<string>();
  // Chunks keep the parameter count under SQLite's and PostgreSQL's limits.
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .selectFrom('consent_state')
      .select('subject_id')
      .where('subject_type', '=', 'person')
      .where('purpose_key', '=', EMAIL_TRACKING_PURPOSE)
      .where('action', '=', 'given')
      .where('subject_id', 'in', emails.slice(i, i + 500))
      .execute();
    for (const row of rows) given.add(row.subject_id);
  }
  return given;
}

/** A recipient's open pixel URL and a function wrapping a destination in a click redirect, stored in `db`. */
export async function trackingLinks(
  deps: Pick<MarketingDeps, 'config' | 'clock'>,
  db: Kysely<Database>,
  recipient: { readonly email: string; readonly listKey: string; readonly campaign: string },
): Promise<{ readonly pixelUrl: string; click(url: string): Promise<string> }> {
  const base = `${deps.config.publicUrl}/api/public/marketing/t`;
  const link = { email: recipient.email, listKey: recipient.listKey, campaign: recipient.campaign };
  const store = (kind: 'open' | 'click', url: string | null) =>
    createMailLink(db, deps.config.secret, { ...link, kind, url }, deps.clock.now());
  return {
    pixelUrl: `${base}/o/${await store('open', null)}`,
    // The destination is stored with the link, so the redirect can never be pointed elsewhere.
    click: async (url) => `${base}/c/${await store('click', url)}`,
  };
}

/**
 * Records an open or a click if the token is valid and the person still consents to e-mail tracking (they
 * may have withdrawn since the mail was sent); otherwise records nothing. Returns a click's destination.
 * No address of the client is kept.
 */
export async function recordTracking(
  deps: MarketingDeps,
  kind: 'open' | 'click',
  token: string,
): Promise<{ readonly valid: boolean; readonly recorded: boolean; readonly url?: string }> {
  const link = await openMailLink(deps.store.db, deps.config.secret, kind, token);
  if (!link || link.campaign === null || (kind === 'click' && link.url === null)) {
    return { valid: false, recorded: false };
  }
  const consented = (await trackingConsentOf(deps.store.db, [link.email])).has(link.email);
  if (consented) {
    const now = deps.clock.now();
    await deps.store.db
      .insertInto('marketing_tracking_events')
      .values({
        id: newId('trk', now),
        at: now.toISOString(),
        kind,
        list_key: link.listKey,
        email: link.email,
        campaign: link.campaign,
        url: link.url,
      })
      .execute();
  }
  return { valid: true, recorded: consented, ...(link.url === null ? {} : { url: link.url }) };
}
