// Helpers for the request test suites (imported only by *.test.ts files).
import type { Store } from '../../store/store.ts';

/** The newest outbox message to the address using the template, or undefined. */
export async function lastMail(
  store: Store,
  to: string,
  template: string,
): Promise<{ subject: string; text: string; locale: string } | undefined> {
  return store.db
    .selectFrom('outbox')
    .select(['subject', 'text_body as text', 'locale'])
    .where('to_address', '=', to)
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The 6-digit code in the newest code message to the address. */
export async function codeFromOutbox(
  store: Store,
  to: string,
  template = 'request-verification-code',
): Promise<string> {
  const mail = await lastMail(store, to, template);
  const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
  if (code === undefined) throw new Error(`No ${template} message with a code to ${to}`);
  return code;
}

/** A token from a `#token=` link in the newest message of the template to the address. */
export async function linkTokenFromOutbox(store: Store, to: string, template: string): Promise<string> {
  const mail = await lastMail(store, to, template);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (token === undefined) throw new Error(`No ${template} message with a link to ${to}`);
  return token;
}
