import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newToken } from '../domain/ids.ts';
import type { AuthDeps } from './auth-deps.ts';
import { tokenHash } from './token-hash.ts';

/** How long a one-time login link stays valid. */
export const LOGIN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Creates a one-time login link for a user and returns its URL under the admin console. */
export async function createLoginLink(
  deps: AuthDeps & { readonly publicUrl: string },
  userId: string,
  actor: string,
): Promise<{ url: string; expiresAt: Date }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_MS);
  await deps.store.transaction(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new PrivetError('not_found', `No user ${userId}`);
    await trx
      .insertInto('login_links')
      .values({
        token_hash: tokenHash(token),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
    await appendAudit(deps, { actor, action: 'auth.link.create', target: `user:${userId}` }, trx);
  });
  return { url: `${deps.publicUrl}/admin/login?token=${encodeURIComponent(token)}`, expiresAt };
}
