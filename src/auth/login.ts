import { PrivetError } from '../domain/errors.ts';
import type { AuthDeps } from './auth-deps.ts';
import { normaliseEmail } from './create-user.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { openSession, type NewSession } from './sessions.ts';
import { tokenHash } from './token-hash.ts';

// Verified when the email is unknown, so that a wrong email costs the same time as a wrong password.
// Made on first use: every CLI command imports this module, and scrypt would slow each start.
let decoyHash: Promise<string> | undefined;

export interface LoginResult extends NewSession {
  readonly userId: string;
}

/** Signs a staff member in with email and password; any mismatch is the same `unauthenticated` error. */
export async function loginWithPassword(
  deps: AuthDeps,
  credentials: { readonly email: string; readonly password: string },
): Promise<LoginResult> {
  const user = await deps.store.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('email', '=', normaliseEmail(credentials.email))
    .executeTakeFirst();
  const matches = await verifyPassword(
    credentials.password,
    user?.password_hash ?? (await (decoyHash ??= hashPassword('privet-decoy-password'))),
  );
  if (!user || !matches || user.disabled_at !== null) {
    throw new PrivetError('unauthenticated', 'The email or password is not correct');
  }
  const session = await deps.store.transaction((trx) => openSession(deps, trx, user.id, 'password'));
  return { ...session, userId: user.id };
}

/** Signs a staff member in with a one-time link token; the link works once and only before it expires. */
export async function loginWithLink(deps: AuthDeps, token: string): Promise<LoginResult> {
  return deps.store.transaction(async (trx) => {
    const now = deps.clock.now().toISOString();
    const link = await trx
      .updateTable('login_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!link)
      throw new PrivetError('unauthenticated', 'This login link is not valid: it was used or has expired');
    const session = await openSession(deps, trx, link.user_id, 'link');
    return { ...session, userId: link.user_id };
  });
}
