import { roleAllows, type Role } from '../../../src/domain/roles.ts';
import { useSession } from '../admin-context.ts';

/** True when the signed-in role may do what `needed` may: pages hide actions the server would refuse. */
export function useRoleAllows(needed: Role): boolean {
  return roleAllows(useSession().user.role, needed);
}
