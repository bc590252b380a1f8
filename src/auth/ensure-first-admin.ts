import type { AuthDeps } from './auth-deps.ts';
import { createLoginLink } from './create-login-link.ts';
import { createUser } from './create-user.ts';

/**
 * On a store without any admin, creates one (`admin@localhost`, no password) and returns a one-time login
 * link for it; returns undefined when an admin exists. Racing replicas create at most one admin.
 */
export async function ensureFirstAdmin(
  deps: AuthDeps & { readonly publicUrl: string },
): Promise<{ email: string; url: string; expiresAt: Date } | undefined> {
  const existing = await deps.store.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (existing) return undefined;
  try {
    const user = await createUser(
      deps,
      { email: 'admin@localhost', name: 'Administrator', role: 'admin' },
      'system',
    );
    const link = await createLoginLink(deps, user.id, 'system');
    return { email: user.email, ...link };
  } catch {
    // Another replica created it first (unique email): nothing to print here.
    return undefined;
  }
}
