import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

/** What a link in a marketing mail does. */
export const mailLinkKinds = ['unsubscribe', 'open', 'click'] as const;
export type MailLinkKind = (typeof mailLinkKinds)[number];

/** What a mail link stands for. */
export interface MailLink {
  readonly kind: MailLinkKind;
  readonly email: string;
  readonly listKey: string;
  readonly campaign: string | null;
  readonly url: string | null;
}

const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

function macKey(secret: string, kind: MailLinkKind): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'privet', `privet:marketing-link:${kind}`, 32));
}

function mac(secret: string, kind: MailLinkKind, id: string): string {
  return createHmac('sha256', macKey(secret, kind)).update(id).digest().subarray(0, 16).toString('base64url');
}

/** The URL token of a link id: `<id>.<HMAC>`, 45 characters, bound to the link's kind. */
export function mailLinkToken(secret: string, kind: MailLinkKind, id: string): string {
  return `${id}.${mac(secret, kind, id)}`;
}

/** Stores a new link and returns its token. */
export async function createMailLink(
  db: Kysely<Database>,
  secret: string,
  link: MailLink,
  now: Date,
): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db
    .insertInto('marketing_links')
    .values({
      id,
      kind: link.kind,
      email: link.email,
      list_key: link.listKey,
      campaign: link.campaign,
      url: link.url,
      created_at: now.toISOString(),
    })
    .execute();
  return mailLinkToken(secret, link.kind, id);
}

/** The stable unsubscribe link token of an address on a list, made on first use. */
export async function unsubscribeLinkToken(
  db: Kysely<Database>,
  secret: string,
  email: string,
  listKey: string,
  now: Date,
): Promise<string> {
  const find = () =>
    db
      .selectFrom('marketing_links')
      .select('id')
      .where('kind', '=', 'unsubscribe')
      .where('email', '=', email)
      .where('list_key', '=', listKey)
      .executeTakeFirst();
  const existing = await find();
  if (existing) return mailLinkToken(secret, 'unsubscribe', existing.id);
  await db
    .insertInto('marketing_links')
    .values({
      id: randomBytes(16).toString('base64url'),
      kind: 'unsubscribe',
      email,
      list_key: listKey,
      campaign: null,
      url: null,
      created_at: now.toISOString(),
    })
    // Two callers at once: the unique index keeps one row, and both read it back.
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await find();
  if (!row) throw new Error('The unsubscribe link vanished right after it was stored');
  return mailLinkToken(secret, 'unsubscribe', row.id);
}

/**
 * What a token stands for, or undefined for a forged or altered token (checked against the HMAC before the
 * database is asked) or one of another kind.
 */
export async function openMailLink(
  db: Kysely<Database>,
  secret: string,
  kind: MailLinkKind,
  token: string,
): Promise<MailLink | undefined> {
  const match = TOKEN.exec(token);
  const id = match?.[1];
  const sent = match?.[2];
  if (id === undefined || sent === undefined) return undefined;
  const expected = Buffer.from(mac(secret, kind, id));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const row = await db
    .selectFrom('marketing_links')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) return undefined;
  return { kind, email: row.email, listKey: row.list_key, campaign: row.campaign, url: row.url };
}
