import type { Role } from '../../../src/domain/roles.ts';

/** A staff account as /api/admin/users lists it. */
export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

/** The answer of /api/admin/users. */
export interface StaffUserList {
  readonly users: readonly StaffUser[];
}

/** A one-time login link for an account, and when it stops working. */
export interface LoginLink {
  readonly url: string;
  readonly expiresAt: string;
}
