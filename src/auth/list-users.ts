import { isRole, type Role } from '../domain/roles.ts';
import type { Store } from '../store/store.ts';
import type { UserView } from './create-user.ts';

/** Lists staff accounts that are not disabled, oldest first. */
export async function listUsers(store: Store): Promise<UserView[]> {
  const rows = await store.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'created_at'])
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: (isRole(row.role) ? row.role : 'viewer') satisfies Role,
    createdAt: row.created_at,
  }));
}
