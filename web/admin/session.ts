import type { Role } from '../../src/domain/roles.ts';

/** The signed-in staff member, as /api/auth/session returns them. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

/** A staff session: who is signed in and the token every unsafe call must echo in x-csrf-token. */
export interface Session {
  readonly user: SessionUser;
  readonly csrfToken: string;
}
