/** Staff roles, weakest first: each role may do everything the roles before it may. */
export const roles = ['viewer', 'operator', 'admin'] as const;

export type Role = (typeof roles)[number];

/** True when `held` is at least as strong as `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return roles.indexOf(held) >= roles.indexOf(needed);
}

/** True when the string names a role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
