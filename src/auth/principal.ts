import type { Role } from '../domain/roles.ts';

/** Who is calling an admin route: a signed-in staff member or an API key. */
export interface Principal {
  readonly kind: 'user' | 'key';
  readonly id: string;
  readonly role: Role;
  /** The audit actor: `user:<id>` or `key:<id>`. */
  readonly actor: string;
  /** Present for cookie sessions: unsafe requests must echo it in `x-csrf-token`. */
  readonly csrfToken?: string;
  readonly email?: string;
  readonly name?: string;
}
