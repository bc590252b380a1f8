import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { newToken } from '../domain/ids.ts';
import { isRole } from '../domain/roles.ts';
import type { Database } from '../store/schema.ts';
import type { AuthDeps } from './auth-deps.ts';
import type { Principal } from './principal.ts';
import { tokenHash } from './token-hash.ts';

/** How long a staff session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Opens a session for a user inside the caller's transaction and audits the login. */
export async function openSession(
  deps: AuthDeps,
  trx: Kysely<Database>,
  userId: string,
  method: 'password' | 'link',
): Promise<NewSession> {
  const now = deps.clock.now();
  const session = {
    token: newToken(),
    csrfToken: newToken(24),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  };
  await trx
    .insertInto('sessions')
    .values({
      id_hash: tokenHash(session.token),
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  await appendAudit(
    deps,
    { actor: `user:${userId}`, action: 'auth.login', target: `user:${userId}`, details: { method } },
    trx,
  );
  return session;
}

/** The principal behind a session cookie, or undefined when it is unknown, expired or its user disabled. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<Principal | undefined> {
  const row = await deps.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled_at',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || !isRole(row.role)) return undefined;
  if (new Date(row.expires_at).getTime() <= deps.clock.now().getTime()) return undefined;
  return {
    kind: 'user',
    id: row.id,
    role: row.role,
    actor: `user:${row.id}`,
    csrfToken: row.csrf_token,
    email: row.email,
    name: row.name,
  };
}

/** Ends a session (logout) and audits it; unknown tokens are ignored. */
export async function endSession(deps: AuthDeps, token: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const row = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', tokenHash(token))
      .returning('user_id')
      .executeTakeFirst();
    if (row) {
      await appendAudit(
        deps,
        { actor: `user:${row.user_id}`, action: 'auth.logout', target: `user:${row.user_id}` },
        trx,
      );
    }
  });
}
